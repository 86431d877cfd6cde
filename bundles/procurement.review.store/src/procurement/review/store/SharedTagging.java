package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import procurement.review.core.matching.review.MatchKeys;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.Match;

/**
 * A tagging run on a shared review ({@code tag --db}): the matcher runs on the review as read
 * ({@link SharedMatching}), and its new hits and its tags are stored in one transaction with one audit entry. The
 * write is optimistic as a decision is: when any change was committed to the review since it was read (its audit log
 * has grown), nothing is written ({@link ConflictException}). Hits the run no longer finds stay, with their
 * decisions: the store's history is the record.
 */
final class SharedTagging {

	private final ReviewStore store;

	SharedTagging(ReviewStore store) {
		this.store = store;
	}

	TaggingResult tag(long reviewId, SharedSnapshot seen, String reviewer) throws StoreException {
		if (reviewer == null || reviewer.isBlank()) {
			throw new StoreException("a tagging run needs the reviewer's name");
		}
		SharedMatching.Matched matched = SharedMatching.match(reviewId, seen, reviewer);
		Set<String> stored = new HashSet<>(matched.stored());
		List<Match> fresh = matched.session().review().getMatches().stream().filter(m -> !stored.contains(m.getKey()))
				.toList();
		List<ReviewMatcher.TagSpec> tags = matched.outcome().plan().tags();
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			c.setAutoCommit(false);
			try {
				SharedAudit.Head head = SharedWrites.lockUnchanged(c, reviewId, seen.auditSeq());
				int seq = head.seq() + 1;
				StringBuilder parts = new StringBuilder();
				insertHits(c, reviewId, fresh, parts);
				storeTags(c, reviewId, tags, seq, parts);
				String detail = String.format("tagged with rule set %s by %s: %d hits (%d new), %d tags",
						matched.session().review().getRuleSets().get(0).getVersion(), reviewer,
						matched.outcome().plan().hits().size(), fresh.size(), tags.size());
				SharedAudit.append(c, reviewId, head, reviewer, "tag", detail, parts.toString());
				SharedWrites.announce(c, reviewId, seq, "tag");
				c.commit();
				return new TaggingResult(matched.outcome().plan().hits().size(), fresh.size(), tags.size(), seq);
			} catch (SQLException | StoreException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw store.failed("storing the tagging run of review " + reviewId, e);
		}
	}

	private static void insertHits(Connection c, long reviewId, List<Match> fresh, StringBuilder parts)
			throws SQLException {
		Sharing.insertHits(c, reviewId, fresh).forEach((m, id) -> parts.append("hit ").append(id).append('\t')
				.append(m.getKey()).append('\n'));
	}

	private static void storeTags(Connection c, long reviewId, List<ReviewMatcher.TagSpec> tags, int seq,
			StringBuilder parts) throws SQLException {
		// A tag found again with other values replaces the stored one; one found unchanged keeps its row.
		try (PreparedStatement s = c.prepareStatement("insert into vendor_tag (review_id, tag_key, kind, vendor_key,"
				+ " vendor_name, value, risk_level, evidence, rule_id, audit_seq) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
				+ " on conflict (review_id, tag_key) do update set kind = excluded.kind,"
				+ " vendor_name = excluded.vendor_name, value = excluded.value, risk_level = excluded.risk_level,"
				+ " evidence = excluded.evidence, rule_id = excluded.rule_id, audit_seq = excluded.audit_seq"
				+ " where (vendor_tag.kind, vendor_tag.value, vendor_tag.risk_level, vendor_tag.evidence,"
				+ " vendor_tag.rule_id) is distinct from (excluded.kind, excluded.value, excluded.risk_level,"
				+ " excluded.evidence, excluded.rule_id)")) {
			for (ReviewMatcher.TagSpec t : tags) {
				s.setLong(1, reviewId);
				s.setString(2, t.key());
				s.setString(3, t.kind().getName());
				s.setString(4, MatchKeys.vendorKey(t.vendor()));
				s.setString(5, t.vendor() == null ? null : t.vendor().getName());
				s.setString(6, t.value());
				s.setString(7, t.riskLevel() == null ? null : t.riskLevel().getName());
				s.setString(8, t.evidence());
				s.setString(9, t.rule() == null ? null : t.rule().getId());
				s.setInt(10, seq);
				if (s.executeUpdate() == 1) {
					parts.append("tag ").append(t.key()).append('\t').append(t.value()).append('\t')
							.append(t.riskLevel() == null ? "" : t.riskLevel().getName()).append('\n');
				}
			}
		}
	}
}
