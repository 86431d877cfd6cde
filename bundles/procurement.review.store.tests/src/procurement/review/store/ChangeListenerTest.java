package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;
import procurement.review.model.ReviewProject;

/**
 * A reviewer hears of another reviewer's decision within a second (LISTEN/NOTIFY), only of the review they have
 * open, never of a decision that was refused, and is told when the connection is lost.
 */
class ChangeListenerTest {

	@TempDir
	Path dir;

	@RegisterExtension
	static final TestServer server = new TestServer();

	@Test
	void anotherReviewersDecisionArrivesWithinASecond() throws Exception {
		DatabaseAddress db = server.freshDatabase();
		ReviewProject review = ReviewSession.open(ReviewFiles.tagged(dir, 0)).review();
		BlockingQueue<ChangeListener.Change> heard = new LinkedBlockingQueue<>();
		try (ReviewStore mine = ReviewStore.open(db); ReviewStore theirs = ReviewStore.open(db)) {
			long id = mine.share(review, "covered.review", "lead");
			long other = mine.share(review, "covered.review", "lead");
			try (ChangeListener listener = mine.listen(id, heard::add)) {
				VendorHits stale = theirs.read(id, ReviewFiles.COVERED.get(0));
				theirs.decide(theirs.read(other, ReviewFiles.COVERED.get(0)), DecisionState.SAME, "bob", null);
				long sent = System.nanoTime();
				int entry = theirs.decide(theirs.read(id, ReviewFiles.COVERED.get(0)), DecisionState.NOT_SAME, "bob",
						null);
				ChangeListener.Change change = heard.poll(1, TimeUnit.SECONDS);
				double millis = (System.nanoTime() - sent) / 1e6;
				assertEquals(new ChangeListener.Change(id, entry, "decide"), change, "only the open review's");
				System.out.printf("another reviewer's decision heard after %.1f ms%n", millis);
				assertThrows(ConflictException.class, () -> theirs.decide(stale, DecisionState.SAME, "bob", null));
				assertNull(heard.poll(300, TimeUnit.MILLISECONDS), "a refused decision is not announced");

				try (Connection admin = TestServer.connect(db); Statement s = admin.createStatement()) {
					s.execute("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen "
							+ ChangeListener.CHANNEL + "'");
				}
				ChangeListener.Change lost = heard.poll(5, TimeUnit.SECONDS);
				assertNotNull(lost, "the listener says when its connection is gone");
				assertEquals(ChangeListener.Change.LOST, lost.action());
			}
		}
		assertTrue(heard.isEmpty());
	}
}
