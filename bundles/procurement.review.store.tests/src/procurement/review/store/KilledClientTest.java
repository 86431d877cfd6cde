package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;

/**
 * A client whose connection dies in the middle of a decision, after its decisions were written and before its
 * audit entry: the server ends its backend ({@code pg_terminate_backend}, as when the client's machine or process
 * dies), and nothing of the decision remains; the next reviewer decides as if it never happened.
 */
class KilledClientTest {

	@TempDir
	Path dir;

	@RegisterExtension
	static final TestServer server = new TestServer();

	@Test
	void aClientKilledInMidTransactionLeavesNoPartialDecision() throws Exception {
		DatabaseAddress db = server.freshDatabase();
		try (ReviewStore store = ReviewStore.open(db)) {
			killInMidTransaction(store, db);
		}
	}

	private void killInMidTransaction(ReviewStore store, DatabaseAddress db) throws Exception {
		long id = store.share(ReviewSession.open(ReviewFiles.tagged(dir, 0)).review(), "covered.review", "lead");
		String vendor = ReviewFiles.COVERED.get(0);
		VendorHits hits = store.read(id, vendor);
		assertTrue(hits.hits().size() > 1, "a decision of several rows");
		StoreSummary before = store.summary(id);
		try (ExecutorService pool = Executors.newSingleThreadExecutor(); Connection holder = TestServer.connect(db);
				Statement s = holder.createStatement()) {
			// New audit entries wait behind this lock; reading the log does not. The client writes its decisions and
			// then waits to append its entry, in the middle of its transaction.
			holder.setAutoCommit(false);
			s.execute("lock table audit_entry in share row exclusive mode");
			Future<Integer> client = pool.submit(() -> store.decide(hits, DecisionState.SAME, "victim", null));
			TestServer.awaitLockWaiters(db, 1, client);
			try (Connection killer = TestServer.connect(db)) {
				assertEquals(1, TestServer.count(killer, "select count(*) from (select pg_terminate_backend(pid)"
						+ " from pg_stat_activity where application_name = 'procurement-review'"
						+ " and wait_event_type = 'Lock' and query like 'insert into audit_entry%') killed"));
			}
			ExecutionException died = assertThrows(ExecutionException.class, client::get);
			assertInstanceOf(StoreException.class, died.getCause());
			holder.commit();
		}
		StoreSummary after = store.summary(id);
		assertEquals(before, after, "no decision, no audit entry, nothing half written");
		assertNull(after.auditProblem());
		try (Connection c = TestServer.connect(db)) {
			assertEquals(0, TestServer.count(c, "select count(*) from decision where reviewer = 'victim'"));
		}
		assertEquals(before.auditEntries() + 1, store.decide(store.read(id, vendor), DecisionState.NOT_SAME,
				"next", null), "the next reviewer decides the hits as they were");
	}
}
