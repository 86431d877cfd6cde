package procurement.review.store;

import java.util.List;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.Decision;
import procurement.review.model.ReviewProject;
import procurement.review.model.RuleSet;
import procurement.review.rules.BuiltinRules;

/**
 * Runs the workbench's matcher ({@link ReviewMatcher}) on a shared review as read ({@link ReviewStore#load}), the way
 * {@code tag --review FILE} runs it on a file. The store keeps a review's rule set by its id and version only, so the
 * review is matched against the built-in rule set, which must be the one it was tagged with (or it was never
 * tagged): the hits of another rule set would have other keys. The matches are computed afresh against the built-in
 * rules, and the review's decisions re-attach to them by key, as in a file.
 */
final class SharedMatching {

	private SharedMatching() {
	}

	/**
	 * @param reviewId the shared review
	 * @param seen     the review as read
	 * @param author   who runs the matcher
	 * @return a session over the review, matched; its rule set is the built-in one
	 * @throws StoreException when the review's audit chain is broken or it was tagged with another rule set
	 */
	static Matched match(long reviewId, SharedSnapshot seen, String author) throws StoreException {
		if (seen.auditProblem() != null) {
			throw new StoreException("review " + reviewId + " is not changed: " + seen.auditProblem());
		}
		ReviewProject review = seen.review();
		RuleSet builtin = BuiltinRules.load();
		String expected = builtin.getId() + " " + builtin.getVersion();
		String stored = review.getRuleSets().isEmpty() ? "none" : review.getRuleSets().get(0).getVersion();
		if (!"none".equals(stored) && !expected.equals(stored)) {
			throw new StoreException("review " + reviewId + " was tagged with rule set " + stored
					+ ", this workbench has " + expected + ": its hits would not match");
		}
		List<String> before = review.getMatches().stream().map(m -> m.getKey()).toList();
		// The rules as read are ids only: the matcher's own rules replace them, and the matches are made anew.
		review.getRuleSets().clear();
		review.getMatches().clear();
		for (Decision d : review.getDecisions()) {
			d.setMatch(null);
		}
		ReviewSession session = ReviewSession.of(review, "shared-" + reviewId + ".review");
		ReviewMatcher.Outcome outcome = ReviewMatcher.builder(List.of(builtin))
				.threshold(NameMatcher.DEFAULT_THRESHOLD).build().run(session, author);
		return new Matched(session, outcome, before);
	}

	/**
	 * A matched shared review.
	 *
	 * @param session the session over it
	 * @param outcome what the matcher did
	 * @param stored  the keys of the hits the store held when it was read
	 */
	record Matched(ReviewSession session, ReviewMatcher.Outcome outcome, List<String> stored) {
	}
}
