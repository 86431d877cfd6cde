package procurement.review.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.model.AuditEntry;
import procurement.review.model.ReviewFactory;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewPackage;
import procurement.review.model.ReviewProject;

/**
 * The review's audit log as a hash chain: each entry stores the hash of the previous entry and its own hash over
 * both, so an entry edited, removed or inserted by hand in a review file breaks the chain at that point. Each entry
 * also records the digest of the review's content after its change ({@link ContentDigest}), so that content edited
 * by hand no longer matches the newest entry ({@link ContentCheck}).
 */
public final class AuditLog {

	/** The previous-hash of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	/** The action of an entry that accepts a review changed outside the workbench as a new baseline. */
	public static final String BASELINE = "baseline";

	private AuditLog() {
	}

	/**
	 * Creates the command that appends an entry; compound it with the change it records so both undo together.
	 *
	 * @param domain the editing domain
	 * @param review the review
	 * @param author who made the change
	 * @param action what kind of change (import, decide, tag, order ...)
	 * @param detail what exactly changed
	 * @return the command
	 */
	public static Command append(EditingDomain domain, ReviewProject review, String author, String action,
			String detail) {
		AuditEntry entry = ReviewFactory.eINSTANCE.createAuditEntry();
		entry.setAuthor(author);
		entry.setAction(action);
		entry.setDetail(detail);
		return new AddCommand(domain, review, ReviewPackage.Literals.REVIEW_PROJECT__AUDIT_LOG, entry) {
			@Override
			public void doExecute() {
				// Chained when it runs, not when it is created: a compound command may append several entries.
				entry.setTime(Instant.now());
				entry.setPreviousHash(head(review));
				// The content after the change: the entry is appended last in its compound command.
				String parts = ContentTracker.of(review).partsText();
				entry.setContentParts(parts);
				entry.setContentDigest(ContentDigest.digest(parts));
				entry.setHash(hash(entry));
				ChainSigner signer = ChainSigner.of(review);
				if (signer != null) {
					signer.sign(entry);
				}
				super.doExecute();
			}
		};
	}

	/**
	 * @param review a review
	 * @return the hash of the newest entry (the state the log vouches for), or {@link #GENESIS} for an empty log
	 */
	public static String head(ReviewProject review) {
		List<AuditEntry> log = review.getAuditLog();
		return log.isEmpty() ? GENESIS : log.get(log.size() - 1).getHash();
	}

	/**
	 * Verifies the chain.
	 *
	 * @param review a review
	 * @return the index of the first entry that does not fit the chain, or empty when the whole log is intact
	 */
	public static OptionalInt verify(ReviewProject review) {
		List<AuditEntry> log = review.getAuditLog();
		int start = baseline(review);
		String previous = start <= 0 ? GENESIS : log.get(start - 1).getHash();
		for (int i = Math.max(start, 0); i < log.size(); i++) {
			AuditEntry entry = log.get(i);
			if (!previous.equals(entry.getPreviousHash()) || !hash(entry).equals(entry.getHash())) {
				return OptionalInt.of(i);
			}
			previous = entry.getHash();
		}
		return OptionalInt.empty();
	}

	/**
	 * What is wrong with a review's audit log, in one sentence for the reviewer: an entry changed, removed or moved
	 * (the chain breaks there), or the log cut off at or after the state an order was made from (an order records
	 * the head of the log it was made from, and the run that made it adds an entry after that head: a log that no
	 * longer holds the head, or holds nothing after it, lost its end).
	 *
	 * @param review a review
	 * @return the problem, or empty when the log is intact and holds the state of every order
	 */
	public static Optional<String> problem(ReviewProject review) {
		List<AuditEntry> log = review.getAuditLog();
		OptionalInt broken = verify(review);
		if (broken.isPresent()) {
			int i = broken.getAsInt();
			return Optional.of("the audit log breaks at entry " + (i + 1) + " of " + log.size() + " ("
					+ log.get(i).getAction() + "): an entry was changed, removed or moved outside the workbench");
		}
		// An order records the head of the log it was made from, and the run that made it appends its own entry in
		// the same step: the state must be in the log, and an entry must follow it.
		Map<String, Integer> position = new HashMap<>();
		position.put(GENESIS, -1);
		for (int i = 0; i < log.size(); i++) {
			position.put(log.get(i).getHash(), i);
		}
		for (RemovalOrder order : review.getOrders()) {
			String state = order.getReviewStateHash();
			if (state == null || state.isBlank()) {
				continue; // made by hand, not by the generator: it names no state
			}
			Integer at = position.get(state);
			if (at == null || at == log.size() - 1) {
				return Optional.of("the audit log ends at entry " + log.size() + ", but order " + order.getNumber()
						+ " was made from a later state of the review: entries were cut off outside the workbench");
			}
		}
		return Optional.empty();
	}

	/**
	 * Everything wrong with a review's record: the chain ({@link #problem}) and the content held to the newest
	 * entry ({@link ContentCheck#problems}).
	 *
	 * @param review a review
	 * @return one sentence per problem, the chain's first; empty when the review is as its log vouches
	 */
	public static List<String> problems(ReviewProject review) {
		List<String> out = new java.util.ArrayList<>();
		problem(review).ifPresent(out::add);
		out.addAll(ContentCheck.problems(review));
		return out;
	}

	/**
	 * The newest baseline: where a reviewer accepted a review that had been changed outside the workbench as it
	 * was. The chain is checked from there; what was wrong before it is written in the baseline entry's detail.
	 *
	 * @param review a review
	 * @return the index of the newest baseline entry, or -1
	 */
	public static int baseline(ReviewProject review) {
		List<AuditEntry> log = review.getAuditLog();
		for (int i = log.size() - 1; i >= 0; i--) {
			if (BASELINE.equals(log.get(i).getAction())) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Accepts a review that was changed outside the workbench as it is now: an audit entry that records what was
	 * found and the content as it is, from which the chain and the content are checked from then on.
	 *
	 * @param domain   the editing domain
	 * @param review   the review
	 * @param author   who accepts it
	 * @param problems what was found, one sentence each
	 * @return the command
	 */
	public static Command acceptBaseline(EditingDomain domain, ReviewProject review, String author,
			List<String> problems) {
		return append(domain, review, author, BASELINE,
				"accepted as a new baseline after changes outside the workbench: " + String.join("; ", problems));
	}

	/**
	 * The hash of an entry over its fields and its previous hash, as the chain stores and {@link #verify} checks it;
	 * public so that a store keeping the log elsewhere (a shared review in a database) chains its entries the same way.
	 *
	 * @param entry an entry
	 * @return its SHA-256, hex
	 */
	public static String hash(AuditEntry entry) {
		MessageDigest digest = ReviewSession.sha256();
		// Entries written before content digests have none; their hash stays what it was.
		Object[] parts = entry.getContentDigest() == null
				? new Object[] { entry.getPreviousHash(), entry.getTime(), entry.getAuthor(), entry.getAction(),
						entry.getDetail() }
				: new Object[] { entry.getPreviousHash(), entry.getTime(), entry.getAuthor(), entry.getAction(),
						entry.getDetail(), entry.getContentDigest(), entry.getContentParts() };
		for (Object part : parts) {
			// Length-prefixed so that moving text between fields changes the hash.
			byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
			digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			digest.update(bytes);
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
