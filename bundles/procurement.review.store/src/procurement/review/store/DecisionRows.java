package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The decisions of a shared review held to the audit entries that wrote them: each entry's content parts list its
 * decisions, one line each ({@link #line}), and the entry's hash covers the lines. A decision row edited in the
 * database no longer matches its line; its entry, still intact, names it.
 */
final class DecisionRows {

	private DecisionRows() {
	}

	/**
	 * @return the line an audit entry records for a decision: every stored field, tab-separated, tabs and line
	 *         breaks inside a field escaped
	 */
	static String line(long id, String matchKey, String state, String reviewer, Instant time, String note,
			Long previous) {
		return "decision " + id + "\t" + escape(matchKey) + "\t" + state + "\t" + escape(reviewer) + "\t" + time + "\t"
				+ escape(note) + "\t" + (previous == null ? "-" : previous);
	}

	private static String escape(String text) {
		return text == null ? "" : text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
	}

	/**
	 * @return the first decision that does not match what its audit entry recorded, as a sentence, or null
	 */
	static String firstChanged(Connection c, long reviewId) throws SQLException {
		Map<Integer, String> parts = new HashMap<>();
		try (PreparedStatement s = c.prepareStatement(
				"select seq, content_parts from audit_entry where review_id = ? and action in ('share', 'decide')")) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					parts.put(r.getInt(1), r.getString(2) == null ? "" : r.getString(2));
				}
			}
		}
		try (PreparedStatement s = c.prepareStatement("select d.id, h.match_key, d.state, d.reviewer, d.decided_at,"
				+ " d.note, d.previous_id, d.audit_seq from decision d join hit h on h.id = d.hit_id"
				+ " where h.review_id = ? order by d.id")) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					long previous = r.getLong(7);
					Long before = r.wasNull() ? null : previous;
					String line = line(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
							r.getTimestamp(5).toInstant(), r.getString(6), before);
					String recorded = parts.get(r.getInt(8));
					if (recorded == null || !recorded.lines().anyMatch(line::equals)) {
						return "decision " + r.getLong(1) + " on " + r.getString(2) + " is not as audit entry "
								+ r.getInt(8) + " recorded it: it was changed in the database";
					}
				}
			}
		}
		return null;
	}
}
