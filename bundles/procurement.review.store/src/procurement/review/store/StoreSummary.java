package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What {@code info --db} tells of a shared review.
 *
 * @param actions        rows of its reports
 * @param matches        hits
 * @param decisions      decisions recorded, the whole history (a hit decided twice counts twice)
 * @param decidedVendors vendors with at least one hit of which every hit is decided
 * @param auditEntries   entries of its audit log
 * @param auditProblem   the first entry that breaks the audit chain, or the first decision that is not as its entry
 *                       recorded it, as a sentence; null when the chain is intact
 */
public record StoreSummary(long actions, long matches, long decisions, long decidedVendors, int auditEntries,
		String auditProblem) {

	/** @return {@code "intact"}, or the problem */
	public String auditChain() {
		return auditProblem == null ? "intact" : auditProblem;
	}

	static StoreSummary of(ReviewStore store, long reviewId) throws StoreException {
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			// One snapshot for every count and the chain.
			c.setAutoCommit(false);
			c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			c.setReadOnly(true);
			try {
				requireReview(c, reviewId);
				long actions = count(c, "select count(*) from contract_action a join report r on r.id = a.report_id"
						+ " where r.review_id = ?", reviewId);
				long matches = count(c, "select count(*) from hit where review_id = ?", reviewId);
				long decisions = count(c, "select count(*) from decision d join hit h on h.id = d.hit_id"
						+ " where h.review_id = ?", reviewId);
				long decidedVendors = count(c, "select count(*) from (select vendor_key from hit where review_id = ?"
						+ " group by vendor_key having bool_and(head_decision_id is not null)) v", reviewId);
				SharedAudit.Check check = SharedAudit.check(c, reviewId);
				String problem = check.problem() != null ? check.problem() : DecisionRows.firstChanged(c, reviewId);
				return new StoreSummary(actions, matches, decisions, decidedVendors, check.entries(), problem);
			} finally {
				c.rollback();
			}
		} catch (SQLException e) {
			throw store.failed("reading review " + reviewId, e);
		}
	}

	static void requireReview(Connection c, long reviewId) throws SQLException, StoreException {
		if (count(c, "select count(*) from review where id = ?", reviewId) == 0) {
			throw new StoreException("there is no shared review " + reviewId + " in this database");
		}
	}

	private static long count(Connection c, String sql, long reviewId) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}
}
