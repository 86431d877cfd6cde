package procurement.review.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procurement.review.model.Match;
import procurement.review.model.ReviewProject;

/**
 * A shared review as a workbench shows it: a review built from the store's rows (reports and their rows, vendors,
 * departments, hits with their newest decision), the audit entry it is current to, and the state of the store's
 * audit chain, checked when it was read.
 * <p>
 * The review holds what the store holds, not the whole file that was shared: the rows keep the columns an order and
 * a reviewer need, and rules and covered entities are known by their id only.
 *
 * @param review       the review, detached from any file
 * @param auditSeq     the newest audit entry it includes; later decisions come from {@link ReviewStore#decisionsSince}
 * @param auditProblem the first broken audit entry or decision, as a sentence, or null when the chain is intact
 */
public record SharedSnapshot(ReviewProject review, int auditSeq, String auditProblem) {

	/**
	 * Applies decisions read from the store ({@link ReviewStore#decisionsSince}) to a review built by
	 * {@link ReviewStore#load}: each becomes its hit's decision, replacing the one it had.
	 *
	 * @param review    the review
	 * @param decisions the decisions
	 * @return the hits whose decision changed
	 */
	public static List<Match> apply(ReviewProject review, List<SharedDecision> decisions) {
		if (decisions.isEmpty()) {
			return List.of();
		}
		Map<String, Match> byKey = new HashMap<>();
		for (Match m : review.getMatches()) {
			byKey.put(m.getKey(), m);
		}
		List<Match> changed = new ArrayList<>();
		for (SharedDecision d : decisions) {
			Match m = byKey.get(d.matchKey());
			if (m != null) {
				SharedReviewReader.apply(review, m, d);
				changed.add(m);
			}
		}
		return changed;
	}
}
