package procurement.review.ui.internal;

import java.util.Map;
import java.util.TreeMap;

import procurement.review.core.importer.ImportResult;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.Match;
import procurement.review.model.ReviewProject;
import procurement.review.model.Severity;

/**
 * The one line the status line shows after a long command: what a matching run found (hits per rule, vendors,
 * decisions carried over) and what an import added.
 */
public final class RunSummaries {

	private RunSummaries() {
	}

	/**
	 * @param review the review after the run
	 * @param outcome what the run changed
	 * @return "Find Covered Vendors: 12 hits (BOD-17-01 5, NDAA19-889A 7) on 4 vendors; 3 decisions kept, 1 carried
	 *         over to another rule's hit; 2 new, 1 gone"
	 */
	public static String matching(ReviewProject review, ReviewMatcher.Outcome outcome) {
		Map<String, Integer> perRule = new TreeMap<>();
		java.util.Set<Object> vendors = new java.util.HashSet<>();
		for (Match match : review.getMatches()) {
			perRule.merge(match.getRule() == null ? "no rule" : match.getRule().getId(), 1, Integer::sum);
			if (match.getVendor() != null) {
				vendors.add(match.getVendor());
			} else if (match.getAction() != null && match.getAction().getVendor() != null) {
				vendors.add(match.getAction().getVendor());
			}
		}
		StringBuilder text = new StringBuilder("Find Covered Vendors: ").append(review.getMatches().size())
				.append(" hits");
		if (!perRule.isEmpty()) {
			StringBuilder rules = new StringBuilder();
			perRule.forEach((rule, n) -> rules.append(rules.isEmpty() ? "" : ", ").append(rule).append(' ').append(n));
			text.append(" (").append(rules).append(')');
		}
		text.append(" on ").append(vendors.size()).append(vendors.size() == 1 ? " vendor" : " vendors");
		text.append("; ").append(outcome.decisionsAttached()).append(" decisions kept, ")
				.append(outcome.decisionsCarried()).append(" carried over from the same company's hit on another rule");
		text.append("; ").append(outcome.matchesAdded()).append(" new, ").append(outcome.matchesRemoved())
				.append(" gone");
		return text.toString();
	}

	/**
	 * @param result what an import read
	 * @return "Imported report.csv: 99 actions, 12 new vendors, 1 new department, 2 problems (0 errors); run Review >
	 *         Find Covered Vendors to match them"
	 */
	public static String imported(ImportResult result) {
		String file = result.report().getFileName();
		if (result.alreadyImported()) {
			return "Not imported: " + file + " is already in the review";
		}
		long errors = result.report().getProblems().stream().filter(p -> p.getSeverity() == Severity.ERROR).count();
		return "Imported " + file + ": " + result.actionCount() + " actions, " + plural(result.newVendors().size(),
				"new vendor") + ", " + plural(result.newDepartments().size(), "new department") + ", "
				+ plural(result.report().getProblems().size(), "problem") + " (" + plural(errors, "error")
				+ "); run Review > Find Covered Vendors to match them";
	}

	private static String plural(long n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}
}
