package procurement.review.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells a reviewer's workbench, within a second, that another reviewer changed a shared review: a connection of its
 * own LISTENs to the store's channel, and every change the store commits NOTIFYs it (delivered at commit, so a change
 * rolled back is never announced). The workbench then reads what changed; the notification carries only the review,
 * the audit entry and its action.
 * <p>
 * The changes arrive on the listener's own daemon thread; a lost connection ends it after reporting
 * {@link Change#LOST}, so that the workbench can say it is offline instead of showing a stale review as current.
 */
public final class ChangeListener implements AutoCloseable {

	/** The channel of every shared review; the payload names the review. */
	static final String CHANNEL = "procurement_review";

	/**
	 * One committed change.
	 *
	 * @param reviewId the shared review
	 * @param entry    the audit entry that records it, or 0 for {@link #LOST}
	 * @param action   the entry's action ({@code decide}, ...), or {@code "lost"}
	 */
	public record Change(long reviewId, int entry, String action) {

		/** The action of the last change a listener reports when its connection is lost. */
		public static final String LOST = "lost";
	}

	private final Connection connection;
	private final Thread thread;
	private volatile boolean closed;

	private ChangeListener(Connection connection, long reviewId, Consumer<Change> changes) {
		this.connection = connection;
		this.thread = new Thread(() -> listen(reviewId, changes), "shared review " + reviewId + " listener");
		thread.setDaemon(true);
	}

	static ChangeListener start(ReviewStore store, long reviewId, Consumer<Change> changes) throws StoreException {
		Connection c = store.connect();
		try (Statement s = c.createStatement()) {
			// LISTEN takes a name, not a parameter: the channel is this class's constant.
			s.execute("listen " + CHANNEL);
		} catch (SQLException e) {
			try {
				c.close();
			} catch (SQLException suppressed) {
				e.addSuppressed(suppressed);
			}
			throw store.failed("listening to review " + reviewId, e);
		}
		ChangeListener listener = new ChangeListener(c, reviewId, changes);
		listener.thread.start();
		return listener;
	}

	/** The payload of a change: {@code reviewId:entry:action}. */
	static String payload(long reviewId, int entry, String action) {
		return reviewId + ":" + entry + ":" + action;
	}

	private void listen(long reviewId, Consumer<Change> changes) {
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			while (!closed) {
				PGNotification[] notifications = pg.getNotifications(250);
				if (notifications == null) {
					continue;
				}
				for (PGNotification n : notifications) {
					String[] parts = n.getParameter().split(":", 3);
					// The channel is shared with every review and open to any client: skip what is not ours.
					if (parts.length == 3 && parts[0].equals(Long.toString(reviewId))
							&& parts[1].matches("\\d{1,9}")) {
						changes.accept(new Change(reviewId, Integer.parseInt(parts[1]), parts[2]));
					}
				}
			}
		} catch (SQLException e) {
			if (!closed) {
				changes.accept(new Change(reviewId, 0, Change.LOST));
			}
		}
	}

	/** Stops listening and closes the listener's connection. */
	@Override
	public void close() {
		closed = true;
		try {
			thread.join(1000);
			connection.close();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (SQLException e) {
			// Closing a connection that is already gone: nothing is left to release.
		}
	}
}
