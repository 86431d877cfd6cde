package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import procurement.review.core.AuditLog;
import procurement.review.core.ContentDigest;
import procurement.review.model.AuditEntry;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;

/**
 * The audit log of a shared review, one row per entry in {@code audit_entry}, chained exactly as a review file's
 * log is ({@link AuditLog#hash}), so that the same check ({@link AuditLog#problem}) verifies both. The entries of the
 * file come along unchanged when it is shared; each change in the store appends one entry whose content parts list
 * the rows it wrote.
 */
final class SharedAudit {

	private SharedAudit() {
	}

	/** The newest entry of a review's log: its sequence number (0 when empty) and hash. */
	record Head(int seq, String hash) {
	}

	/**
	 * Reads the head of the log. The caller holds the review's row lock, so that no other entry is appended before
	 * its own.
	 */
	static Head head(Connection c, long reviewId) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(
				"select seq, hash from audit_entry where review_id = ? order by seq desc limit 1")) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				return r.next() ? new Head(r.getInt(1), r.getString(2)) : new Head(0, AuditLog.GENESIS);
			}
		}
	}

	/**
	 * Appends an entry chained to {@code head}, in the caller's transaction.
	 *
	 * @param parts one line per row the change wrote (its content), may be null
	 * @return the entry's sequence number
	 */
	static int append(Connection c, long reviewId, Head head, String author, String action, String detail,
			String parts) throws SQLException {
		AuditEntry entry = ReviewFactory.eINSTANCE.createAuditEntry();
		entry.setTime(Instant.now());
		entry.setAuthor(author);
		entry.setAction(action);
		entry.setDetail(detail);
		entry.setPreviousHash(head.hash());
		if (parts != null) {
			entry.setContentParts(parts);
			entry.setContentDigest(ContentDigest.digest(parts));
		}
		entry.setHash(AuditLog.hash(entry));
		int seq = head.seq() + 1;
		insert(c, reviewId, seq, entry);
		return seq;
	}

	/** Stores an entry as it is (the entries of a shared file keep their hashes and signatures). */
	static void insert(Connection c, long reviewId, int seq, AuditEntry entry) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("insert into audit_entry (review_id, seq, entry_time, author,"
				+ " action, detail, previous_hash, hash, content_digest, content_parts, signature, certificate)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			s.setLong(1, reviewId);
			s.setInt(2, seq);
			s.setString(3, String.valueOf(entry.getTime()));
			s.setString(4, entry.getAuthor());
			s.setString(5, entry.getAction());
			s.setString(6, entry.getDetail());
			s.setString(7, entry.getPreviousHash());
			s.setString(8, entry.getHash());
			s.setString(9, entry.getContentDigest());
			s.setString(10, entry.getContentParts());
			s.setString(11, entry.getSignature());
			s.setString(12, entry.getCertificate());
			s.executeUpdate();
		}
	}

	/**
	 * Reads a review's log into a detached review (nothing else in it) and checks the chain as a file's is checked.
	 *
	 * @return the number of entries and the first problem, if any
	 */
	static Check check(Connection c, long reviewId) throws SQLException {
		ReviewProject log = ReviewFactory.eINSTANCE.createReviewProject();
		int expected = 1;
		String gap = null;
		try (PreparedStatement s = c.prepareStatement("select seq, entry_time, author, action, detail, previous_hash,"
				+ " hash, content_digest, content_parts, signature, certificate from audit_entry where review_id = ?"
				+ " order by seq")) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					if (r.getInt(1) != expected && gap == null) {
						gap = "the audit log skips from entry " + (expected - 1) + " to entry " + r.getInt(1)
								+ ": entries were removed in the database";
					}
					expected = r.getInt(1) + 1;
					AuditEntry entry = ReviewFactory.eINSTANCE.createAuditEntry();
					entry.setTime(instant(r.getString(2)));
					entry.setAuthor(r.getString(3));
					entry.setAction(r.getString(4));
					entry.setDetail(r.getString(5));
					entry.setPreviousHash(r.getString(6));
					entry.setHash(r.getString(7));
					entry.setContentDigest(r.getString(8));
					entry.setContentParts(r.getString(9));
					entry.setSignature(r.getString(10));
					entry.setCertificate(r.getString(11));
					log.getAuditLog().add(entry);
				}
			}
		}
		Optional<String> problem = AuditLog.problem(log);
		if (problem.isPresent()) {
			// The file's sentence, said of the database: the entries are rows there.
			return new Check(log.getAuditLog().size(), problem.get().replace("outside the workbench",
					"in the database"));
		}
		return new Check(log.getAuditLog().size(), gap);
	}

	/** What {@link #check} found: the number of entries, and the first problem or null. */
	record Check(int entries, String problem) {
	}

	private static Instant instant(String text) {
		try {
			return Instant.parse(text);
		} catch (DateTimeParseException | NullPointerException e) {
			// Not an instant: the entry was edited; Instant.EPOCH cannot hash to what it recorded.
			return Instant.EPOCH;
		}
	}
}
