package procurement.review.screening;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import procurement.review.core.ReviewResources;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.ReviewProject;
import procurement.review.model.RuleSet;
import procurement.review.rules.BuiltinRules;
import procurement.review.rules.RuleSets;

/**
 * The one matcher of an executor JVM, kept across its tasks so that every file after the first finds the vendor
 * names it has seen in the matcher's caches. It plans on the calling thread only ({@code parallelism(1)}): Spark
 * already runs one task per core, and a matcher that also forked would oversubscribe them. A plan is not meant to
 * run twice at once on one matcher, so the executor's tasks take turns for this part (the reading, most of a file's
 * cost, runs in parallel).
 */
final class ExecutorMatcher {

	private static ReviewMatcher matcher;
	private static byte[] rulesOfMatcher;

	private ExecutorMatcher() {
	}

	/**
	 * Plans the hits of a review with the matcher of this JVM, made on first use or when the rules change.
	 *
	 * @param review the review of one file
	 * @param rules  the rule set file's bytes, or null for the built-in rule set
	 * @return the plan
	 */
	static synchronized ReviewMatcher.Plan plan(ReviewProject review, byte[] rules) {
		if (matcher == null || !Arrays.equals(rules, rulesOfMatcher)) {
			matcher = ReviewMatcher.builder(List.of(ruleSet(rules))).parallelism(1).build();
			rulesOfMatcher = rules;
		}
		return matcher.plan(review);
	}

	/**
	 * Reads the rules a run uses; on a plain class path the model's package is registered by hand first.
	 *
	 * @param rules a rule set file's bytes, or null for the built-in rule set
	 * @return the rule set
	 * @throws UncheckedIOException when the bytes are not a rule set (the driver checked them before)
	 */
	static RuleSet ruleSet(byte[] rules) {
		ReviewResources.init();
		if (rules == null) {
			return BuiltinRules.load();
		}
		try {
			return RuleSets.read(new ByteArrayInputStream(rules), "rules.ruleset");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
