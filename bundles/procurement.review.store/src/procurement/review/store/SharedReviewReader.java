package procurement.review.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.CoveredEntity;
import procurement.review.model.Decision;
import procurement.review.model.DecisionState;
import procurement.review.model.Department;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ReportFormat;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.Vendor;

/**
 * Reads a shared review back into a review model, in one snapshot (repeatable read) together with the check of its
 * audit chain, and reads the decisions written since an audit entry.
 */
final class SharedReviewReader {

	private static final ReviewFactory MAKE = ReviewFactory.eINSTANCE;

	private final ReviewStore store;

	SharedReviewReader(ReviewStore store) {
		this.store = store;
	}

	SharedSnapshot read(long reviewId) throws StoreException {
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			c.setAutoCommit(false);
			c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			c.setReadOnly(true);
			try {
				StoreSummary.requireReview(c, reviewId);
				ReviewProject review = MAKE.createReviewProject();
				RuleSet rules = MAKE.createRuleSet();
				try (PreparedStatement s = c.prepareStatement(
						"select name, rule_set_version, shared_at from review where id = ?")) {
					s.setLong(1, reviewId);
					try (ResultSet r = s.executeQuery()) {
						r.next();
						review.setName(r.getString(1));
						rules.setId("shared");
						rules.setVersion(r.getString(2));
						review.setCreatedAt(r.getTimestamp(3).toInstant());
					}
				}
				review.getRuleSets().add(rules);
				Map<String, Vendor> vendors = new HashMap<>();
				Map<String, ContractAction> actions = reports(c, reviewId, review, vendors);
				hits(c, reviewId, review, rules, vendors, actions);
				SharedAudit.Check check = SharedAudit.check(c, reviewId);
				String problem = check.problem() != null ? check.problem() : DecisionRows.firstChanged(c, reviewId);
				return new SharedSnapshot(review, SharedAudit.head(c, reviewId).seq(), problem);
			} finally {
				c.rollback();
			}
		} catch (SQLException e) {
			throw store.failed("reading review " + reviewId, e);
		}
	}

	List<SharedDecision> since(long reviewId, int seq) throws StoreException {
		try (Lease lease = store.lease(); PreparedStatement s = lease.connection().prepareStatement(
				"select h.match_key, d.state, d.reviewer, d.decided_at, d.note, d.exception, d.audit_seq from hit h"
						+ " join decision d on d.id = h.head_decision_id where h.review_id = ? and d.audit_seq > ?"
						+ " order by d.audit_seq, h.id")) {
			s.setLong(1, reviewId);
			s.setInt(2, seq);
			List<SharedDecision> out = new ArrayList<>();
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					out.add(new SharedDecision(r.getString(1), r.getString(2), r.getString(3),
							r.getTimestamp(4).toInstant(), r.getString(5), r.getString(6), r.getInt(7)));
				}
			}
			return out;
		} catch (SQLException e) {
			throw store.failed("reading the decisions of review " + reviewId, e);
		}
	}

	String entry(long reviewId, int seq) throws StoreException {
		try (Lease lease = store.lease(); PreparedStatement s = lease.connection()
				.prepareStatement("select detail from audit_entry where review_id = ? and seq = ?")) {
			s.setLong(1, reviewId);
			s.setInt(2, seq);
			try (ResultSet r = s.executeQuery()) {
				return r.next() ? r.getString(1) : null;
			}
		} catch (SQLException e) {
			throw store.failed("reading audit entry " + seq + " of review " + reviewId, e);
		}
	}

	private static Map<String, ContractAction> reports(Connection c, long reviewId, ReviewProject review,
			Map<String, Vendor> vendors) throws SQLException {
		Map<Long, ContractingReport> reports = new HashMap<>();
		try (PreparedStatement s = c.prepareStatement("select id, file_name, format, sha256, row_count, imported_at"
				+ " from report where review_id = ? order by position")) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					ContractingReport report = MAKE.createContractingReport();
					report.setFileName(r.getString(2));
					report.setFormat(r.getString(3) == null ? null : ReportFormat.getByName(r.getString(3)));
					report.setSha256(r.getString(4));
					report.setRowCount(r.getLong(5));
					Timestamp imported = r.getTimestamp(6);
					report.setImportedAt(imported == null ? null : imported.toInstant());
					review.getReports().add(report);
					reports.put(r.getLong(1), report);
				}
			}
		}
		Map<String, Department> departments = new HashMap<>();
		Map<String, ContractAction> byKey = new HashMap<>();
		try (PreparedStatement s = c.prepareStatement("select a.report_id, a.transaction_key, a.piid, a.modification,"
				+ " a.action_date, a.obligation, a.description, a.vendor_key, a.vendor_name, a.department_code,"
				+ " a.department_name, a.source_row from contract_action a join report r on r.id = a.report_id"
				+ " where r.review_id = ? order by r.position, a.position")) {
			s.setLong(1, reviewId);
			s.setFetchSize(1000); // a cursor (inside the transaction): a large review is not held twice in memory
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					ContractAction a = MAKE.createContractAction();
					a.setTransactionKey(r.getString(2));
					a.setPiid(r.getString(3));
					a.setModification(r.getString(4));
					Date date = r.getDate(5);
					a.setActionDate(date == null ? null : date.toLocalDate());
					a.setObligation(r.getBigDecimal(6));
					a.setDescription(r.getString(7));
					a.setVendor(vendor(review, vendors, r.getString(8), r.getString(9)));
					String code = r.getString(10);
					if (code != null) {
						a.setDepartment(departments.computeIfAbsent(code, k -> {
							Department d = MAKE.createDepartment();
							d.setCode(k);
							review.getDepartments().add(d);
							return d;
						}));
						if (a.getDepartment().getName() == null) {
							a.getDepartment().setName(r.getString(11));
						}
					}
					a.setSourceRow(r.getLong(12));
					reports.get(r.getLong(1)).getActions().add(a);
					if (a.getTransactionKey() != null) {
						byKey.putIfAbsent(a.getTransactionKey(), a);
					}
				}
			}
		}
		return byKey;
	}

	private static void hits(Connection c, long reviewId, ReviewProject review, RuleSet rules,
			Map<String, Vendor> vendors, Map<String, ContractAction> actions) throws SQLException {
		Map<String, Rule> byRule = new HashMap<>();
		Map<String, CoveredEntity> byEntity = new HashMap<>();
		try (PreparedStatement s = c.prepareStatement("select h.match_key, h.vendor_key, h.vendor_name, h.entity_id,"
				+ " h.rule_id, h.kind, h.score, h.risk_level, h.explanation, h.transaction_key, d.state, d.reviewer,"
				+ " d.decided_at, d.note, d.exception from hit h left join decision d on d.id = h.head_decision_id"
				+ " where h.review_id = ? order by h.id")) {
			s.setLong(1, reviewId);
			s.setFetchSize(1000);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					Match m = MAKE.createMatch();
					m.setKey(r.getString(1));
					m.setVendor(vendor(review, vendors, r.getString(2), r.getString(3)));
					String entity = r.getString(4);
					if (entity != null) {
						m.setCoveredEntity(byEntity.computeIfAbsent(entity, id -> {
							CoveredEntity e = MAKE.createCoveredEntity();
							e.setId(id);
							rules.getEntities().add(e);
							return e;
						}));
					}
					String rule = r.getString(5);
					if (rule != null) {
						m.setRule(byRule.computeIfAbsent(rule, id -> {
							Rule made = MAKE.createRule();
							made.setId(id);
							rules.getRules().add(made);
							return made;
						}));
					}
					m.setKind(MatchKind.getByName(r.getString(6)));
					m.setScore(r.getDouble(7));
					m.setRiskLevel(r.getString(8) == null ? null : RiskLevel.getByName(r.getString(8)));
					m.setExplanation(r.getString(9));
					m.setAction(r.getString(10) == null ? null : actions.get(r.getString(10)));
					review.getMatches().add(m);
					if (r.getString(11) != null) {
						apply(review, m, new SharedDecision(m.getKey(), r.getString(11), r.getString(12),
								r.getTimestamp(13).toInstant(), r.getString(14), r.getString(15), 0));
					}
				}
			}
		}
	}

	/**
	 * Makes a decision read from the store the decision of its hit in a review built by {@link #read}.
	 *
	 * @param review   the review
	 * @param match    the hit
	 * @param decision what the store holds
	 */
	static void apply(ReviewProject review, Match match, SharedDecision decision) {
		Decision d = match.getDecision();
		if (d == null) {
			d = MAKE.createDecision();
			d.setMatchKey(match.getKey());
			review.getDecisions().add(d);
			d.setMatch(match);
		}
		d.setState(DecisionState.getByName(decision.state()));
		d.setReviewer(decision.reviewer());
		d.setTime(decision.time());
		d.setNote(decision.note());
		d.setException(decision.exception());
	}

	private static Vendor vendor(ReviewProject review, Map<String, Vendor> vendors, String key, String name) {
		if (key == null) {
			return null;
		}
		return vendors.computeIfAbsent(key, k -> {
			Vendor v = MAKE.createVendor();
			v.setKey(k);
			v.setName(name);
			review.getVendors().add(v);
			return v;
		});
	}
}
