package procurement.review.store;

import java.util.List;

/**
 * The hits of one vendor in a shared review as a reviewer read them: what a decision answers, and the version of
 * each hit it answers (its newest decision), so that a hit decided by someone else in between is not overwritten.
 *
 * @param reviewId the shared review
 * @param vendor   the vendor's name as asked
 * @param hits     every hit of the vendor's identities
 */
public record VendorHits(long reviewId, String vendor, List<Hit> hits) {

	/**
	 * @param reviewId the shared review
	 * @param vendor   the vendor's name as asked
	 * @param hits     every hit of the vendor's identities
	 */
	public VendorHits {
		hits = List.copyOf(hits);
	}

	/**
	 * One hit as read.
	 *
	 * @param id       its row
	 * @param matchKey its stable key
	 * @param headId   its newest decision (the version read), or null when undecided
	 * @param state    the state of that decision, or null
	 * @param reviewer who made it, or null
	 */
	public record Hit(long id, String matchKey, Long headId, String state, String reviewer) {
	}
}
