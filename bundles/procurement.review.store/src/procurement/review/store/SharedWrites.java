package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the writes of a whole review run ({@code tag --db}, {@code review --db}) share: they computed their result from
 * the review as read at one audit entry, so they write only when no change was committed since (the review's audit
 * log still ends at that entry), under the review's row lock, and announce what they wrote.
 */
final class SharedWrites {

	private SharedWrites() {
	}

	/**
	 * Locks the review's row and checks that its audit log still ends where it did when the review was read.
	 *
	 * @return the head of the log, to chain the run's entry to
	 * @throws ConflictException when an entry was appended since
	 */
	static SharedAudit.Head lockUnchanged(Connection c, long reviewId, int readAt) throws SQLException,
			StoreException {
		try (PreparedStatement s = c.prepareStatement("select id from review where id = ? for update")) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					throw new StoreException("there is no shared review " + reviewId + " in this database");
				}
			}
		}
		SharedAudit.Head head = SharedAudit.head(c, reviewId);
		if (head.seq() != readAt) {
			String by = "";
			try (PreparedStatement s = c.prepareStatement(
					"select author, action from audit_entry where review_id = ? and seq = ?")) {
				s.setLong(1, reviewId);
				s.setInt(2, head.seq());
				try (ResultSet r = s.executeQuery()) {
					if (r.next()) {
						by = " (newest: " + r.getString(2) + " by " + r.getString(1) + ")";
					}
				}
			}
			throw new ConflictException("review " + reviewId + " changed since it was read: audit entry " + readAt
					+ " then, " + head.seq() + " now" + by + "; nothing was stored, run it again");
		}
		return head;
	}

	/** Tells the other reviewers, when the transaction commits. */
	static void announce(Connection c, long reviewId, int seq, String action) throws SQLException {
		try (PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
			notify.setString(1, ChangeListener.CHANNEL);
			notify.setString(2, ChangeListener.payload(reviewId, seq, action));
			notify.executeQuery().close();
		}
	}
}
