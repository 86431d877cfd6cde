package procurement.review.ui.internal;

import java.time.LocalDate;

import procurement.review.model.ReviewProject;
import procurement.review.model.RuleSet;
import procurement.review.rules.RuleSetDiff;
import procurement.review.ui.ReviewPreferences;

/**
 * How the workbench names a rule set and says when it may be out of date: id, version and as-of date, and the
 * staleness warning of {@link RuleSetDiff#staleness} against the reviewer's preference (by default
 * {@link RuleSetDiff#DEFAULT_MAX_AGE_DAYS} days). The navigator, the Orders part and the status line all say it
 * in these words.
 */
public final class RuleSetFreshness {

	private RuleSetFreshness() {
	}

	/**
	 * @param ruleSet a rule set
	 * @return e.g. "builtin 2026.12.1, as of 2026-12-07"
	 */
	public static String label(RuleSet ruleSet) {
		StringBuilder text = new StringBuilder(ruleSet.getId() == null ? "(no id)" : ruleSet.getId());
		if (ruleSet.getVersion() != null) {
			text.append(' ').append(ruleSet.getVersion());
		}
		text.append(ruleSet.getDate() == null ? ", no as-of date" : ", as of " + ruleSet.getDate());
		return text.toString();
	}

	/**
	 * @param ruleSet a rule set
	 * @param today   today
	 * @return the warning sentence, or null when the rule set is recent enough or states no date
	 */
	public static String warning(RuleSet ruleSet, LocalDate today) {
		return RuleSetDiff.staleness(ruleSet, today, ReviewPreferences.maxRuleSetAgeDays());
	}

	/**
	 * @param review a review, may be null
	 * @param today  today
	 * @return the warning of the review's first out-of-date rule set, or null when all are recent enough
	 */
	public static String warning(ReviewProject review, LocalDate today) {
		if (review == null) {
			return null;
		}
		for (RuleSet ruleSet : review.getRuleSets()) {
			String warning = warning(ruleSet, today);
			if (warning != null) {
				return warning;
			}
		}
		return null;
	}

	/**
	 * @param review a review, may be null
	 * @return the review's rule sets in the navigator's words, joined by "; ", or "no rule set"
	 */
	public static String labels(ReviewProject review) {
		if (review == null || review.getRuleSets().isEmpty()) {
			return "no rule set";
		}
		return String.join("; ", review.getRuleSets().stream().map(RuleSetFreshness::label).toList());
	}
}
