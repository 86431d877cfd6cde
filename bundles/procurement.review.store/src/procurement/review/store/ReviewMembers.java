package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who may do what in a shared review: a reviewer decides hits and reports an order's later steps; a lead also
 * issues orders and names the members. Whoever shares a review is its first lead ({@link Sharing}); each naming is
 * an audit entry.
 */
final class ReviewMembers {

	/** The roles, as the schema's check constraint lists them. */
	static final String REVIEWER = "reviewer";
	static final String LEAD = "lead";

	private final ReviewStore store;

	ReviewMembers(ReviewStore store) {
		this.store = store;
	}

	int name(long reviewId, String member, String role, String lead) throws StoreException {
		if (!REVIEWER.equals(role) && !LEAD.equals(role)) {
			throw new StoreException("role '" + role + "' is not reviewer or lead");
		}
		if (member == null || member.isBlank()) {
			throw new StoreException("a member needs a name");
		}
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			c.setAutoCommit(false);
			try {
				try (PreparedStatement s = c.prepareStatement("select id from review where id = ? for update")) {
					s.setLong(1, reviewId);
					s.executeQuery().close();
				}
				StoreSummary.requireReview(c, reviewId);
				if (!LEAD.equals(role(c, reviewId, lead))) {
					throw new StoreException("only a lead of review " + reviewId + " names its members; " + lead
							+ " is not one");
				}
				try (PreparedStatement s = c.prepareStatement("insert into review_member (review_id, reviewer, role)"
						+ " values (?, ?, ?) on conflict (review_id, reviewer) do update set role = excluded.role")) {
					s.setLong(1, reviewId);
					s.setString(2, member.strip());
					s.setString(3, role);
					s.executeUpdate();
				}
				SharedAudit.Head head = SharedAudit.head(c, reviewId);
				int seq = SharedAudit.append(c, reviewId, head, lead, "member", member.strip() + " is a " + role
						+ " (named by " + lead + ")", "member\t" + member.strip() + "\t" + role + "\n");
				c.commit();
				return seq;
			} catch (SQLException | StoreException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw store.failed("naming " + member + " in review " + reviewId, e);
		}
	}

	static String role(Connection c, long reviewId, String reviewer) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(
				"select role from review_member where review_id = ? and reviewer = ?")) {
			s.setLong(1, reviewId);
			s.setString(2, reviewer);
			try (ResultSet r = s.executeQuery()) {
				return r.next() ? r.getString(1) : null;
			}
		}
	}
}
