package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.DecisionState;

/**
 * {@code tag --db} against a real PostgreSQL: a shared review that was never tagged gets the hits and tags the
 * file-based {@code tag} finds in the same file, with one audit entry per run; a review changed between reading and
 * writing is not written (exit 3, one line).
 */
class SharedTaggingTest {

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

	private static int entries(String info) {
		return Integer.parseInt(info.replaceAll(".*\"audit_entries\":([0-9]+).*", "$1"));
	}

	@Test
	void aSharedReviewIsTaggedAsItsFileWouldBeAndInfoShowsTheMatches() throws Exception {
		Path file = ReviewFiles.untagged(dir, 3);
		String id = share(file);
		String before = info(id);
		assertTrue(before.contains("\"matches\":0,"), before);

		// The file-based tag of the same file: what the shared review must get.
		Path copy = Files.copy(file, dir.resolve("copy.review"));
		ReviewSession session = ReviewSession.open(copy);
		ReviewMatcher.Outcome fileRun = ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session,
				"alice");
		int fileHits = session.review().getMatches().size();
		assertTrue(fileHits >= ReviewFiles.COVERED.size(), "every covered vendor has a hit: " + fileHits);

		Run tagged = StoreCli.run("tag", "--db", db.url(), "--review", id, "--reviewer", "bob");
		assertEquals(0, tagged.code(), tagged.err());
		assertEquals("review " + id + ": " + fileHits + " hits (" + fileHits + " new), "
				+ fileRun.plan().tags().size() + " tags (audit entry " + (entries(before) + 1) + ")",
				tagged.out().strip());
		String after = info(id);
		assertTrue(after.contains("\"matches\":" + fileHits + ","), after);
		assertTrue(after.contains("\"audit_chain\":\"intact\""), after);
		assertEquals(entries(before) + 1, entries(after), "one audit entry");
		try (Connection c = TestServer.connect(db)) {
			assertEquals(fileRun.plan().tags().size(), TestServer.count(c,
					"select count(*) from vendor_tag where review_id = ?", Long.parseLong(id)));
			List<String> fileKeys = session.review().getMatches().stream().map(m -> m.getKey()).sorted().toList();
			assertEquals(fileKeys.size(), TestServer.count(c, "select count(*) from hit where review_id = ?"
					+ " and match_key = any (?)", Long.parseLong(id), c.createArrayOf("text", fileKeys.toArray())),
					"the same hits as the file's");
		}

		Run again = StoreCli.run("tag", "--db", db.url(), "--review", id, "--reviewer", "bob");
		assertEquals(0, again.code(), again.err());
		assertTrue(again.out().startsWith("review " + id + ": " + fileHits + " hits (0 new), "), again.out());
		String last = info(id);
		assertTrue(last.contains("\"matches\":" + fileHits + ","), last);
		assertEquals(entries(after) + 1, entries(last), "a run that finds nothing new still leaves its entry");
		assertTrue(last.contains("\"audit_chain\":\"intact\""), last);
	}

	@Test
	void aDecisionMadeBeforeTaggingSurvivesAndKeepsTheReviewDecided() throws Exception {
		String id = share(ReviewFiles.tagged(dir, 0));
		try (ReviewStore store = ReviewStore.open(db)) {
			store.decide(store.read(Long.parseLong(id), "ZTE CORPORATION"), DecisionState.SAME, "carol", null);
		}
		String before = info(id);
		Run tagged = StoreCli.run("tag", "--db", db.url(), "--review", id, "--reviewer", "bob");
		assertEquals(0, tagged.code(), tagged.err());
		assertTrue(tagged.out().contains(" (0 new), "), "the file was tagged with the same rules: " + tagged.out());
		String after = info(id);
		assertEquals(before.replaceAll(",\"audit_entries\":.*", ""), after.replaceAll(",\"audit_entries\":.*", ""),
				"hits and decisions unchanged, chain intact");
	}

	@Test
	void aReviewChangedBetweenReadingAndWritingIsNotTagged() throws Exception {
		String id = share(ReviewFiles.untagged(dir, 0));
		long review = Long.parseLong(id);
		try (ReviewStore store = ReviewStore.open(db); ReviewStore other = ReviewStore.open(db)) {
			SharedSnapshot seen = store.load(review);
			other.nameMember(review, "bob", "reviewer", "alice");
			ConflictException refused = assertThrows(ConflictException.class, () -> store.tag(review, seen, "bob"));
			assertTrue(refused.getMessage().matches("review " + id + " changed since it was read: audit entry [0-9]+"
					+ " then, [0-9]+ now \\(newest: .* by alice\\); nothing was stored, run it again"),
					refused.getMessage());
		}
		assertTrue(info(id).contains("\"matches\":0,"), "nothing stored");

		// The command line, reading while a lead's change waits for the review's lock, ends with exit 3.
		try (ExecutorService clients = Executors.newFixedThreadPool(2); Connection holder = TestServer.connect(db);
				ReviewStore store = ReviewStore.open(db)) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("select id from review where id = ? for update")) {
				lock.setLong(1, review);
				lock.executeQuery().close();
			}
			CompletableFuture<Integer> lead = CompletableFuture.supplyAsync(() -> {
				try {
					return store.nameMember(review, "carol", "reviewer", "alice");
				} catch (StoreException e) {
					throw new IllegalStateException(e);
				}
			}, clients);
			TestServer.awaitLockWaiters(db, 1, lead);
			CompletableFuture<Run> tag = CompletableFuture.supplyAsync(() -> StoreCli.run("tag", "--db", db.url(), "--review",
					id, "--reviewer", "bob"), clients);
			TestServer.awaitLockWaiters(db, 2, lead, tag);
			holder.commit();
			assertTrue(lead.get() > 0, "the lead's change is recorded");
			Run refused = tag.get();
			assertEquals(3, refused.code(), refused.err());
			assertEquals("", refused.out());
			assertEquals(1, refused.err().lines().count(), refused.err());
			assertTrue(refused.err().startsWith("procurement-review tag: review " + id + " changed since it was"
					+ " read"), refused.err());
		}
		String after = info(id);
		assertTrue(after.contains("\"matches\":0,") && after.contains("\"audit_chain\":\"intact\""), after);
	}
}
