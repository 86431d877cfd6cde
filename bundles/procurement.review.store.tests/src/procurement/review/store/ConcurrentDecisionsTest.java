package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;

/**
 * Eight reviewers deciding one shared review at once, against a real PostgreSQL: on distinct vendors every answer
 * is kept; on the same vendor each round has one winner and the others are refused, never overwritten; the history
 * of every hit stays one chain and the audit chain stays intact. Prints decisions per second.
 */
class ConcurrentDecisionsTest {

	private static final int CLIENTS = 8;
	private static final DecisionState[] STATES = { DecisionState.SAME, DecisionState.NOT_SAME,
			DecisionState.UNSURE };

	@TempDir
	Path dir;

	@RegisterExtension
	static final TestServer server = new TestServer();

	@Test
	void eightClientsOnDistinctVendorsLoseNothing() throws Exception {
		DatabaseAddress db = server.freshDatabase();
		List<ReviewStore> stores = new ArrayList<>();
		try (ReviewStore store = ReviewStore.open(db)) {
			decideOnDistinctVendors(store, db, stores);
		} finally {
			stores.forEach(ReviewStore::close);
		}
	}

	private void decideOnDistinctVendors(ReviewStore store, DatabaseAddress db, List<ReviewStore> stores)
			throws Exception {
		long id = store.share(ReviewSession.open(ReviewFiles.tagged(dir, 0)).review(), "covered.review", "lead");
		StoreSummary before = store.summary(id);
		int rounds = 40;
		AtomicInteger rows = new AtomicInteger();
		long started = System.nanoTime();
		List<Future<?>> clients = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
			for (int i = 0; i < CLIENTS; i++) {
				String vendor = ReviewFiles.COVERED.get(i);
				String reviewer = "reviewer" + i;
				// Each client its own store, as each reviewer's workbench or command line has.
				ReviewStore own = ReviewStore.open(db);
				stores.add(own);
				clients.add(pool.submit(() -> {
					for (int r = 0; r < rounds; r++) {
						VendorHits hits = own.read(id, vendor);
						own.decide(hits, STATES[r % STATES.length], reviewer, "round " + r);
						rows.addAndGet(hits.hits().size());
					}
					return null;
				}));
			}
			for (Future<?> client : clients) {
				client.get();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("8 clients, distinct vendors: %d decisions (%d decision rows) in %.2f s: %.0f decisions/s,"
				+ " %.0f rows/s%n", CLIENTS * rounds, rows.get(), seconds, CLIENTS * rounds / seconds,
				rows.get() / seconds);
		StoreSummary after = store.summary(id);
		assertEquals(before.decisions() + rows.get(), after.decisions(), "every decision kept");
		assertEquals(before.auditEntries() + CLIENTS * rounds, after.auditEntries(), "one entry per decision");
		assertNull(after.auditProblem());
		assertEquals(CLIENTS, after.decidedVendors());
		try (Connection c = TestServer.connect(db)) {
			assertEquals(0, TestServer.count(c, "select count(*) from hit h"
					+ " join decision d on d.id = h.head_decision_id"
					+ " where d.note <> 'round " + (rounds - 1) + "'"), "each hit's newest decision is its last round");
		}
	}

	@Test
	void eightClientsOnTheSameVendorHaveOneWinnerPerRound() throws Exception {
		DatabaseAddress db = server.freshDatabase();
		List<ReviewStore> stores = new ArrayList<>();
		try (ReviewStore store = ReviewStore.open(db)) {
			decideOnTheSameVendor(store, db, stores);
		} finally {
			stores.forEach(ReviewStore::close);
		}
	}

	private void decideOnTheSameVendor(ReviewStore store, DatabaseAddress db, List<ReviewStore> stores)
			throws Exception {
		long id = store.share(ReviewSession.open(ReviewFiles.tagged(dir, 0)).review(), "covered.review", "lead");
		StoreSummary before = store.summary(id);
		int rounds = 15;
		String vendor = ReviewFiles.COVERED.get(0);
		int hitsPerDecision = store.read(id, vendor).hits().size();
		CyclicBarrier allRead = new CyclicBarrier(CLIENTS);
		AtomicInteger won = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		long started = System.nanoTime();
		List<Future<?>> clients = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
			for (int i = 0; i < CLIENTS; i++) {
				String reviewer = "reviewer" + i;
				ReviewStore own = ReviewStore.open(db);
				stores.add(own);
				clients.add(pool.submit(() -> {
					for (int r = 0; r < rounds; r++) {
						// Everyone reads the same version, then everyone answers it.
						VendorHits hits = own.read(id, vendor);
						allRead.await();
						try {
							own.decide(hits, STATES[r % STATES.length], reviewer, null);
							won.incrementAndGet();
						} catch (ConflictException e) {
							assertTrue(e.getMessage().contains("changed since it was read")
									|| e.getMessage().contains("at the same time"), e.getMessage());
							refused.incrementAndGet();
						}
						allRead.await();
					}
					return null;
				}));
			}
			for (Future<?> client : clients) {
				client.get();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("8 clients, same vendor: %d rounds in %.2f s, %d decisions kept, %d refused with a"
				+ " conflict (%.0f attempts/s)%n", rounds, seconds, won.get(), refused.get(), CLIENTS * rounds
						/ seconds);
		assertEquals(rounds, won.get(), "one winner per round");
		assertEquals((CLIENTS - 1) * rounds, refused.get(), "the others were told, not overwritten");
		StoreSummary after = store.summary(id);
		assertEquals(before.decisions() + (long) rounds * hitsPerDecision, after.decisions());
		assertEquals(before.auditEntries() + rounds, after.auditEntries());
		assertNull(after.auditProblem());
		try (Connection c = TestServer.connect(db)) {
			assertEquals(0, TestServer.count(c, "select count(*) from (select hit_id, previous_id from decision"
					+ " group by hit_id, previous_id having count(*) > 1) forks"), "each hit's history is one chain");
		}
	}
}
