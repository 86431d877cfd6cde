package procurement.review.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import procurement.review.core.AuditLog;
import procurement.review.core.ContentTracker;
import procurement.review.core.matching.review.MatchKeys;
import procurement.review.model.AuditEntry;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Decision;
import procurement.review.model.Match;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/**
 * Copies a review into the store in one transaction: the review, its reports with their rows, its hits, the
 * decisions it has, its orders and its audit log (entries unchanged), and a {@code share} entry chained after them
 * whose content parts are the review's content digests and the decisions copied. Whoever shares is the review's
 * first lead.
 */
final class Sharing {

	/** Rows and hits per batch: a multi-row insert each (reWriteBatchedInserts). */
	private static final int BATCH = 1000;

	private final ReviewStore store;

	Sharing(ReviewStore store) {
		this.store = store;
	}

	long share(ReviewProject review, String source, String sharedBy) throws StoreException {
		List<String> problems = AuditLog.problems(review);
		if (!problems.isEmpty()) {
			throw new StoreException(source + " is not shared: " + problems.get(0));
		}
		if (sharedBy == null || sharedBy.isBlank()) {
			throw new StoreException("sharing a review needs the reviewer's name");
		}
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			c.setAutoCommit(false);
			try {
				long id = share(c, review, source, sharedBy);
				c.commit();
				return id;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw store.failed("sharing " + source, e);
		}
	}

	private static long share(Connection c, ReviewProject review, String source, String sharedBy)
			throws SQLException {
		long id;
		try (PreparedStatement s = c.prepareStatement("insert into review (name, rule_set_version, source_file,"
				+ " shared_by) values (?, ?, ?, ?) returning id")) {
			s.setString(1, review.getName() == null ? source : review.getName());
			s.setString(2, ruleSetVersion(review));
			s.setString(3, source);
			s.setString(4, sharedBy);
			try (ResultSet r = s.executeQuery()) {
				r.next();
				id = r.getLong(1);
			}
		}
		reports(c, id, review);
		Map<Match, Long> hits = hits(c, id, review);
		orders(c, id, review);
		try (PreparedStatement s = c.prepareStatement(
				"insert into review_member (review_id, reviewer, role) values (?, ?, 'lead')")) {
			s.setLong(1, id);
			s.setString(2, sharedBy);
			s.executeUpdate();
		}
		List<AuditEntry> log = review.getAuditLog();
		for (int i = 0; i < log.size(); i++) {
			SharedAudit.insert(c, id, i + 1, log.get(i));
		}
		SharedAudit.Head head = new SharedAudit.Head(log.size(), AuditLog.head(review));
		String decisions = decisions(c, review, hits, head.seq() + 1);
		SharedAudit.append(c, id, head, sharedBy, "share", "shared from " + source + " as review " + id,
				ContentTracker.of(review).partsText() + decisions);
		return id;
	}

	private static String ruleSetVersion(ReviewProject review) {
		String versions = review.getRuleSets().stream().map(r -> r.getId() + " " + r.getVersion())
				.collect(Collectors.joining(", "));
		return versions.isEmpty() ? "none" : versions;
	}

	private static void reports(Connection c, long reviewId, ReviewProject review) throws SQLException {
		try (PreparedStatement report = c.prepareStatement("insert into report (review_id, position, file_name,"
				+ " format, sha256, row_count, imported_at) values (?, ?, ?, ?, ?, ?, ?) returning id");
				PreparedStatement row = c.prepareStatement("insert into contract_action (report_id, position,"
						+ " transaction_key, piid, modification, action_date, obligation, description, vendor_key,"
						+ " vendor_name, department_code, department_name, source_row)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			int position = 0;
			for (ContractingReport r : review.getReports()) {
				report.setLong(1, reviewId);
				report.setInt(2, position++);
				report.setString(3, r.getFileName());
				report.setString(4, r.getFormat() == null ? null : r.getFormat().getName());
				report.setString(5, r.getSha256());
				report.setLong(6, r.getRowCount());
				report.setTimestamp(7, r.getImportedAt() == null ? null : Timestamp.from(r.getImportedAt()));
				long reportId;
				try (ResultSet rs = report.executeQuery()) {
					rs.next();
					reportId = rs.getLong(1);
				}
				int n = 0;
				for (ContractAction a : r.getActions()) {
					row.setLong(1, reportId);
					row.setInt(2, n++);
					row.setString(3, MatchKeys.transactionKey(a));
					row.setString(4, a.getPiid());
					row.setString(5, a.getModification());
					row.setDate(6, a.getActionDate() == null ? null : Date.valueOf(a.getActionDate()));
					row.setBigDecimal(7, a.getObligation());
					row.setString(8, a.getDescription());
					row.setString(9, MatchKeys.vendorKey(a.getVendor()));
					row.setString(10, a.getVendor() == null ? null : a.getVendor().getName());
					row.setString(11, a.getDepartment() == null ? null : a.getDepartment().getCode());
					row.setString(12, a.getDepartment() == null ? null : a.getDepartment().getName());
					row.setLong(13, a.getSourceRow());
					row.addBatch();
					if (n % BATCH == 0) {
						row.executeBatch();
					}
				}
				row.executeBatch();
			}
		}
	}

	private static Map<Match, Long> hits(Connection c, long reviewId, ReviewProject review) throws SQLException {
		return insertHits(c, reviewId, review.getMatches());
	}

	/**
	 * Inserts a row of {@code hit} for each match, as sharing a review and a tagging run of a shared review store
	 * them.
	 *
	 * @return each match's new hit id, in the order of the matches
	 */
	static Map<Match, Long> insertHits(Connection c, long reviewId, Collection<Match> matches) throws SQLException {
		Map<Match, Long> ids = new LinkedHashMap<>();
		try (PreparedStatement s = c.prepareStatement("insert into hit (review_id, match_key, identity, vendor_key,"
				+ " vendor_name, entity_id, rule_id, kind, score, risk_level, explanation, transaction_key)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
			for (Match m : matches) {
				Vendor vendor = m.getVendor() != null ? m.getVendor()
						: m.getAction() == null ? null : m.getAction().getVendor();
				s.setLong(1, reviewId);
				s.setString(2, m.getKey());
				s.setString(3, MatchKeys.identity(m));
				s.setString(4, MatchKeys.vendorKey(vendor));
				s.setString(5, vendor == null ? null : vendor.getName());
				s.setString(6, m.getCoveredEntity() == null ? null : m.getCoveredEntity().getId());
				s.setString(7, m.getRule() == null ? null : m.getRule().getId());
				s.setString(8, m.getKind() == null ? "-" : m.getKind().getName());
				s.setDouble(9, m.getScore());
				s.setString(10, m.getRiskLevel() == null ? null : m.getRiskLevel().getName());
				s.setString(11, m.getExplanation());
				s.setString(12, m.getAction() == null ? null : MatchKeys.transactionKey(m.getAction()));
				try (ResultSet r = s.executeQuery()) {
					r.next();
					ids.put(m, r.getLong(1));
				}
			}
		}
		return ids;
	}

	/** Copies the review's decisions as the first of each hit's history; returns their lines for the audit entry. */
	private static String decisions(Connection c, ReviewProject review, Map<Match, Long> hits, int seq)
			throws SQLException {
		StringBuilder lines = new StringBuilder();
		try (PreparedStatement insert = c.prepareStatement("insert into decision (hit_id, state, reviewer, decided_at,"
				+ " note, exception, audit_seq) values (?, ?, ?, ?, ?, ?, ?) returning id");
				PreparedStatement head = c.prepareStatement("update hit set head_decision_id = ? where id = ?")) {
			for (Decision d : review.getDecisions()) {
				Long hit = d.getMatch() == null ? null : hits.get(d.getMatch());
				if (hit == null || d.getState() == null) {
					continue; // a decision left by a hit that is gone: it stays in the file only
				}
				Instant time = (d.getTime() == null ? Instant.EPOCH : d.getTime()).truncatedTo(ChronoUnit.MICROS);
				String reviewer = d.getReviewer() == null ? "" : d.getReviewer();
				insert.setLong(1, hit);
				insert.setString(2, d.getState().getName());
				insert.setString(3, reviewer);
				insert.setTimestamp(4, Timestamp.from(time));
				insert.setString(5, d.getNote());
				insert.setString(6, d.getException());
				insert.setInt(7, seq);
				long id;
				try (ResultSet r = insert.executeQuery()) {
					r.next();
					id = r.getLong(1);
				}
				head.setLong(1, id);
				head.setLong(2, hit);
				head.executeUpdate();
				lines.append(DecisionRows.line(id, d.getMatch().getKey(), d.getState().getName(), reviewer, time,
						d.getNote(), null)).append('\n');
			}
		}
		return lines.toString();
	}

	private static void orders(Connection c, long reviewId, ReviewProject review) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("insert into removal_order (review_id, number, revision,"
				+ " department_code, rule_id, rule_set_version, issue_date, status, reviewer, review_state_hash,"
				+ " content_digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (RemovalOrder o : review.getOrders()) {
				s.setLong(1, reviewId);
				s.setString(2, o.getNumber());
				s.setInt(3, o.getRevision());
				s.setString(4, o.getDepartment() == null ? null : o.getDepartment().getCode());
				s.setString(5, o.getRule() == null ? null : o.getRule().getId());
				s.setString(6, o.getRuleSetVersion());
				if (o.getIssueDate() == null) {
					s.setNull(7, Types.DATE);
				} else {
					s.setDate(7, Date.valueOf(o.getIssueDate()));
				}
				s.setString(8, o.getStatus() == null ? "DRAFT" : o.getStatus().getName());
				s.setString(9, o.getReviewer());
				s.setString(10, o.getReviewStateHash());
				s.setString(11, o.getContentDigest());
				s.addBatch();
			}
			s.executeBatch();
		}
	}
}
