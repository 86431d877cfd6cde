package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.store.StoreCli.Run;
import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;
import procurement.review.model.ReviewProject;

/**
 * The shared-review commands end to end against a real PostgreSQL: share a tagged review file, decide vendors,
 * {@code info --db}; a decision on a hit that changed since it was read is refused with exit 3; an audit row or a
 * decision edited in the database is named by {@code info}.
 */
class SharedReviewCommandsTest {

	@TempDir
	Path dir;

	@RegisterExtension
	static final TestServer server = new TestServer();
	private DatabaseAddress db;

	@BeforeEach
	void database() throws Exception {
		db = server.freshDatabase();
		StoreCli.connectAs(db);
	}

	@AfterEach
	void credentials() {
		StoreCli.disconnect();
	}

	private String share(Path review) {
		Run shared = StoreCli.run("share", review.toString(), "--db", db.url(), "--reviewer", "alice");
		assertEquals(0, shared.code(), shared.err());
		return shared.lastLine();
	}

	private String info(String id) {
		Run info = StoreCli.run("info", "--db", db.url(), "--review", id, "--json");
		assertEquals(0, info.code(), info.err());
		return info.out().strip();
	}

	@Test
	void aSharedReviewIsDecidedAndSummarisedWithItsChainIntact() throws Exception {
		Path file = ReviewFiles.tagged(dir, 3);
		ReviewProject review = ReviewSession.open(file).review();
		int entries = review.getAuditLog().size();
		String id = share(file);
		assertTrue(id.matches("[0-9]+"), "the id is the last line: " + id);

		assertEquals("{\"actions\":" + (2 * ReviewFiles.COVERED.size() + 3) + ",\"matches\":" + review.getMatches()
				.size() + ",\"decisions\":0,\"decided_vendors\":0,\"audit_entries\":" + (entries + 1)
				+ ",\"audit_chain\":\"intact\"}", info(id), "the file's entries and the share entry, keys in the issue's order");

		Run decided = StoreCli.run("decide", "--db", db.url(), "--review", id, "--vendor", "kaspersky lab inc", "--state",
				"same", "--reviewer", "bob", "--note", "the vendor itself");
		assertEquals(0, decided.code(), decided.err());
		long kasperskyHits = review.getMatches().stream()
				.filter(m -> m.getVendor() != null && m.getVendor().getName().equals("KASPERSKY LAB INC")).count();
		assertTrue(kasperskyHits >= 2, "Kaspersky is covered by several rules: " + kasperskyHits);
		assertEquals("decided " + kasperskyHits + " hits of kaspersky lab inc: same (audit entry " + (entries + 2)
				+ ")", decided.out().strip());
		assertEquals(0, StoreCli.run("decide", "--db", db.url(), "--review", id, "--vendor", "ZTE CORPORATION", "--state",
				"not-same", "--reviewer", "carol").code());
		String summary = info(id);
		assertTrue(summary.contains("\"decided_vendors\":2,\"audit_entries\":" + (entries + 3)
				+ ",\"audit_chain\":\"intact\"}"), summary);

		Run unknown = StoreCli.run("decide", "--db", db.url(), "--review", id, "--vendor", "NOBODY", "--state", "same",
				"--reviewer", "bob");
		assertEquals(new Run(2, "", "procurement-review decide: review " + id
				+ " has no hit of a vendor named 'NOBODY'\n"), unknown);
		assertEquals(2, StoreCli.run("decide", "--db", db.url(), "--review", id, "--vendor", "ZTE CORPORATION", "--state",
				"maybe", "--reviewer", "bob").code());
		assertEquals(summary, info(id), "refused commands change nothing");
	}

	@Test
	void aDecisionOnAHitThatChangedSinceItWasReadIsRefusedWithExit3() throws Exception {
		String id = share(ReviewFiles.tagged(dir, 0));
		try (ReviewStore store = ReviewStore.open(db)) {
			decideWhileTheCommandLineWaits(store, id);
		}
		assertTrue(info(id).contains("\"audit_chain\":\"intact\""));
		Run again = StoreCli.run("decide", "--db", db.url(), "--review", id, "--vendor", "ZTE CORPORATION", "--state",
				"not-same", "--reviewer", "erin");
		assertEquals(0, again.code(), "deciding again, on the hit as it is now: " + again.err());
		try (Connection c = TestServer.connect(db)) {
			assertEquals(0, TestServer.count(c, "select count(*) from decision where reviewer = 'erin' and"
					+ " previous_id is null"), "erin's second answer replaces dave's, it does not lose it");
			assertTrue(TestServer.count(c, "select count(*) from decision where reviewer = 'dave'") > 0);
		}
	}

	/** Dave decides through the API, the command line (erin) at the same time on the same version: exit 3. */
	private void decideWhileTheCommandLineWaits(ReviewStore store, String id) throws Exception {
		assertTrue(store.read(Long.parseLong(id), "ZTE CORPORATION").hits().size() > 0, "ZTE is covered");
		// Two threads of their own: the common pool may have only one on a small machine.
		try (ExecutorService clients = Executors.newFixedThreadPool(2); Connection holder = TestServer.connect(db)) {
			// The review's row lock holds both writers after they read the hit: the client queued first (dave,
			// through the API) decides first, and the command line, queued second, finds the hit changed.
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("select id from review where id = ? for update")) {
				lock.setLong(1, Long.parseLong(id));
				lock.executeQuery().close();
			}
			CompletableFuture<Integer> dave = CompletableFuture.supplyAsync(() -> {
				try {
					return store.decide(store.read(Long.parseLong(id), "ZTE CORPORATION"), DecisionState.SAME,
							"dave", null);
				} catch (StoreException e) {
					throw new IllegalStateException(e);
				}
			}, clients);
			TestServer.awaitLockWaiters(db, 1, dave);
			CompletableFuture<Run> erin = CompletableFuture.supplyAsync(() -> StoreCli.run("decide", "--db", db.url(),
					"--review", id, "--vendor", "ZTE CORPORATION", "--state", "not-same", "--reviewer", "erin"),
					clients);
			TestServer.awaitLockWaiters(db, 2, dave, erin);
			holder.commit();
			assertTrue(dave.get() > 0, "the first decision is recorded");
			Run refused = erin.get();
			assertEquals(3, refused.code(), refused.err());
			assertEquals("", refused.out());
			assertEquals(1, refused.err().lines().count(), refused.err());
			assertTrue(refused.err().matches("procurement-review decide: hit .*ZTE.* changed since it was read: dave"
					+ " decided it SAME at .*; read it again and decide again\n"), refused.err());
		}
	}

	@Test
	void anAuditRowOrADecisionEditedInTheDatabaseIsNamedByInfo() throws Exception {
		String id = share(ReviewFiles.tagged(dir, 0));
		for (String vendor : List.of("ZTE CORPORATION", "ZTE USA INC", "HIKVISION USA INC")) {
			assertEquals(0, StoreCli.run("decide", "--db", db.url(), "--review", id, "--vendor", vendor, "--state", "same",
					"--reviewer", "bob").code());
		}
		String intact = info(id);
		int entries = Integer.parseInt(intact.replaceAll(".*\"audit_entries\":([0-9]+).*", "$1"));
		try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
			// The tables refuse updates; whoever tampers must be able to switch that off, as a database owner can.
			s.execute("alter table decision disable trigger decision_append_only");
			s.execute("update decision set state = 'NOT_SAME' where id = (select min(d.id) from decision d"
					+ " join hit h on h.id = d.hit_id where h.vendor_name = 'ZTE USA INC')");
			assertTrue(info(id).matches(".*\"audit_chain\":\"decision [0-9]+ on .*ZTE.* is not as audit entry "
					+ (entries - 1) + " recorded it: it was changed in the database\".*"), info(id));

			s.execute("alter table audit_entry disable trigger audit_entry_append_only");
			s.execute("update audit_entry set author = 'mallory' where seq = " + (entries - 1));
			String broken = info(id);
			assertTrue(broken.contains("\"audit_chain\":\"the audit log breaks at entry " + (entries - 1) + " of "
					+ entries + " (decide): an entry was changed, removed or moved in the database\""), broken);
		}
	}

	@Test
	void onlyALeadIssuesAnOrderAndAStatusChangedMeanwhileExits3() throws Exception {
		String id = share(ReviewFiles.withOrders(dir));
		Run list = StoreCli.run("order", "--db", db.url(), "--review", id);
		assertEquals(0, list.code(), list.err());
		String[] first = list.out().lines().findFirst().orElseThrow().split("\t");
		String number = first[0];
		assertEquals("DRAFT", first[4], list.out());
		assertEquals("BOD-17-01", first[3], list.out());

		Run stranger = StoreCli.run("order", "--db", db.url(), "--review", id, "--number", number, "--status", "issued",
				"--reviewer", "bob");
		assertEquals(2, stranger.code());
		assertEquals("procurement-review order: only a lead of review " + id + " issues orders; bob is not a member"
				+ " of it", stranger.err().strip());
		Run notALead = StoreCli.run("member", "--db", db.url(), "--review", id, "--name", "bob", "--role", "reviewer", "--by",
				"bob");
		assertEquals(2, notALead.code(), notALead.out());
		assertTrue(notALead.err().contains("only a lead of review " + id + " names its members"), notALead.err());
		Run named = StoreCli.run("member", "--db", db.url(), "--review", id, "--name", "bob", "--role", "reviewer", "--by",
				"alice");
		assertEquals(0, named.code(), named.err());
		Run reviewer = StoreCli.run("order", "--db", db.url(), "--review", id, "--number", number, "--status", "issued",
				"--reviewer", "bob");
		assertEquals(2, reviewer.code());
		assertTrue(reviewer.err().strip().endsWith("issues orders; bob is a reviewer"), reviewer.err());

		Run issued = StoreCli.run("order", "--db", db.url(), "--review", id, "--number", number, "--status", "issued",
				"--reviewer", "alice");
		assertEquals(0, issued.code(), issued.err());
		Run acknowledged = StoreCli.run("order", "--db", db.url(), "--review", id, "--number", number, "--status",
				"acknowledged", "--reviewer", "bob");
		assertEquals(0, acknowledged.code(), acknowledged.err());
		// alice, who saw it issued, reports the same step: someone did it meanwhile
		Run stale = StoreCli.run("order", "--db", db.url(), "--review", id, "--number", number, "--status", "acknowledged",
				"--reviewer", "alice");
		assertEquals(3, stale.code(), stale.out());
		assertEquals(1, stale.err().strip().lines().count(), stale.err());
		assertTrue(stale.err().contains("order " + number + " is acknowledged; it can only move on to in progress"
				+ " (changed by someone else meanwhile)"), stale.err());
		Run skipped = StoreCli.run("order", "--db", db.url(), "--review", id, "--number", number, "--status", "completed",
				"--reviewer", "bob");
		assertEquals(2, skipped.code(), "statuses move one step at a time: " + skipped.err());

		String now = StoreCli.run("order", "--db", db.url(), "--review", id).out();
		assertTrue(now.lines().anyMatch(l -> l.startsWith(number + "\t") && l.endsWith("\tACKNOWLEDGED")), now);
		try (Connection c = TestServer.connect(db)) {
			assertEquals(2, TestServer.count(c, "select count(*) from order_status_change"), "each step kept");
		}
		assertTrue(info(id).contains("\"audit_chain\":\"intact\""), info(id));
	}

	@Test
	void decisionsAndAuditEntriesAreAppendOnly() throws Exception {
		String id = share(ReviewFiles.tagged(dir, 0));
		assertEquals(0, StoreCli.run("decide", "--db", db.url(), "--review", id, "--vendor", "ZTE CORPORATION", "--state",
				"same", "--reviewer", "bob").code());
		List<String> refused = new ArrayList<>();
		try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
			for (String sql : List.of("update decision set note = 'x'", "delete from decision",
					"update audit_entry set author = 'x'", "delete from audit_entry")) {
				try {
					s.execute(sql);
				} catch (SQLException e) {
					refused.add(e.getMessage().lines().findFirst().orElse(""));
				}
			}
		}
		assertEquals(List.of("ERROR: decision is append-only: UPDATE refused",
				"ERROR: decision is append-only: DELETE refused", "ERROR: audit_entry is append-only: UPDATE refused",
				"ERROR: audit_entry is append-only: DELETE refused"), refused);
		assertTrue(info(id).contains("\"audit_chain\":\"intact\""));
	}
}
