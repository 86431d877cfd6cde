package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import procurement.review.model.DecisionState;

/**
 * Decisions on a shared review, with optimistic concurrency: a reviewer decides the hits as read
 * ({@link VendorHits}), and a hit whose newest decision is no longer the one read refuses the whole decision
 * ({@link ConflictException}). Decisions are appended, never updated: each names the one it replaces, and the
 * table's unique (hit, previous decision) makes two answers to the same version impossible even to a client that
 * skipped the check.
 * <p>
 * A decision answers every hit of the vendor's identities, as the workbench's Same / Not Same / Unsure do, and
 * appends exactly one audit entry. The review's row is locked while the entry is chained, so the decisions of one
 * review are written one after the other.
 */
final class SharedDecisions {

	/** SQLSTATE of a unique violation: a decision on a version already answered. */
	private static final String UNIQUE_VIOLATION = "23505";

	private final ReviewStore store;

	SharedDecisions(ReviewStore store) {
		this.store = store;
	}

	VendorHits read(long reviewId, String vendor) throws StoreException {
		Objects.requireNonNull(vendor, "vendor");
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			StoreSummary.requireReview(c, reviewId);
			List<VendorHits.Hit> hits = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("select h.id, h.match_key, h.head_decision_id, d.state,"
					+ " d.reviewer from hit h left join decision d on d.id = h.head_decision_id"
					+ " where h.review_id = ? and h.identity in (select identity from hit where review_id = ?"
					+ " and lower(vendor_name) = lower(?)) order by h.id")) {
				s.setLong(1, reviewId);
				s.setLong(2, reviewId);
				s.setString(3, vendor.strip());
				try (ResultSet r = s.executeQuery()) {
					while (r.next()) {
						long head = r.getLong(3);
						Long headId = r.wasNull() ? null : head;
						hits.add(new VendorHits.Hit(r.getLong(1), r.getString(2), headId, r.getString(4),
								r.getString(5)));
					}
				}
			}
			if (hits.isEmpty()) {
				throw new StoreException("review " + reviewId + " has no hit of a vendor named '" + vendor + "'");
			}
			return new VendorHits(reviewId, vendor, hits);
		} catch (SQLException e) {
			throw store.failed("reading the hits of " + vendor, e);
		}
	}

	int decide(VendorHits seen, DecisionState state, String reviewer, String note) throws StoreException {
		if (reviewer == null || reviewer.isBlank()) {
			throw new StoreException("a decision needs the reviewer's name");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			c.setAutoCommit(false);
			try {
				int seq = decide(c, seen, state, reviewer, note, now);
				c.commit();
				return seq;
			} catch (SQLException | StoreException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
				throw new ConflictException("a hit of " + seen.vendor() + " was decided by someone else at the same"
						+ " time: read it again and decide again");
			}
			throw store.failed("deciding the hits of " + seen.vendor(), e);
		}
	}

	private static int decide(Connection c, VendorHits seen, DecisionState state, String reviewer, String note,
			Instant now) throws SQLException, StoreException {
		// The review's row lock orders the writers of one review: the audit chain has one head at a time.
		try (PreparedStatement s = c.prepareStatement("select id from review where id = ? for update")) {
			s.setLong(1, seen.reviewId());
			s.executeQuery().close();
		}
		// Each hit must still be at the version read; the unique (hit, previous) and the guarded update below
		// refuse a lost update as well, but this names who decided in between.
		try (PreparedStatement s = c.prepareStatement("select head_decision_id from hit where id = ?")) {
			for (VendorHits.Hit hit : seen.hits()) {
				s.setLong(1, hit.id());
				try (ResultSet r = s.executeQuery()) {
					r.next();
					long head = r.getLong(1);
					if (!Objects.equals(r.wasNull() ? null : head, hit.headId())) {
						throw changed(c, hit);
					}
				}
			}
		}
		SharedAudit.Head head = SharedAudit.head(c, seen.reviewId());
		int seq = head.seq() + 1;
		StringBuilder parts = new StringBuilder();
		try (PreparedStatement insert = c.prepareStatement("insert into decision (hit_id, state, reviewer,"
				+ " decided_at, note, previous_id, audit_seq) values (?, ?, ?, ?, ?, ?, ?) returning id");
				PreparedStatement advance = c.prepareStatement("update hit set head_decision_id = ? where id = ?"
						+ " and head_decision_id is not distinct from ?")) {
			for (VendorHits.Hit hit : seen.hits()) {
				insert.setLong(1, hit.id());
				insert.setString(2, state.getName());
				insert.setString(3, reviewer);
				insert.setTimestamp(4, Timestamp.from(now));
				insert.setString(5, note);
				insert.setObject(6, hit.headId());
				insert.setInt(7, seq);
				long id;
				try (ResultSet r = insert.executeQuery()) {
					r.next();
					id = r.getLong(1);
				}
				advance.setLong(1, id);
				advance.setLong(2, hit.id());
				advance.setObject(3, hit.headId());
				if (advance.executeUpdate() != 1) {
					throw changed(c, hit);
				}
				parts.append(DecisionRows.line(id, hit.matchKey(), state.getName(), reviewer, now, note, hit.headId()))
						.append('\n');
			}
		}
		String detail = seen.vendor() + ": " + state.getName() + " by " + reviewer + " on " + seen.hits().size()
				+ (seen.hits().size() == 1 ? " hit (" : " hits of its identities (") + seen.hits().get(0).matchKey()
				+ (seen.hits().size() > 1 ? ", ..." : "") + ")" + (note == null || note.isBlank() ? "" : "; " + note);
		SharedAudit.append(c, seen.reviewId(), head, reviewer, "decide", detail, parts.toString());
		// Delivered when the transaction commits, never when it rolls back.
		try (PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
			notify.setString(1, ChangeListener.CHANNEL);
			notify.setString(2, ChangeListener.payload(seen.reviewId(), seq, "decide"));
			notify.executeQuery().close();
		}
		return seq;
	}

	/** The refusal of a decision on a hit that changed: who decided it since, and how. */
	private static ConflictException changed(Connection c, VendorHits.Hit hit) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("select d.state, d.reviewer, d.decided_at from hit h"
				+ " join decision d on d.id = h.head_decision_id where h.id = ?")) {
			s.setLong(1, hit.id());
			try (ResultSet r = s.executeQuery()) {
				String since = r.next() ? ": " + r.getString(2) + " decided it " + r.getString(1) + " at "
						+ r.getTimestamp(3).toInstant() : "";
				return new ConflictException("hit " + hit.matchKey() + " changed since it was read" + since
						+ "; read it again and decide again");
			}
		}
	}
}
