package procurement.review.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procurement.review.core.orders.review.RuleObligations;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/**
 * Finds the hits whose every affected action was bought before the hit's rule applied to the family it names
 * ({@link RuleObligations#beforeEffective}): a vendor-level match (name, identifier, parent) affects every action
 * of the vendor, a description match its one action, as on the orders. Such a hit breaks no rule; the Hits part
 * shows it apart.
 */
public final class BeforeEffectiveHits {

	private BeforeEffectiveHits() {
	}

	/**
	 * @param review the review
	 * @return the matches whose actions were all bought before their rule applied; a match that affects no action
	 *         is not among them
	 */
	public static Set<Match> of(ReviewProject review) {
		// Only rules about purchases can have such hits, and only the vendors of their vendor-level matches need
		// their actions gathered: one pass over the actions, none when no rule concerns purchases.
		Set<Vendor> vendors = new HashSet<>();
		List<Match> candidates = new ArrayList<>();
		for (Match m : review.getMatches()) {
			if (m.getRule() != null && RuleObligations.concernsPurchases(m.getRule())) {
				candidates.add(m);
				if (vendorLevel(m)) {
					vendors.add(m.getVendor());
				}
			}
		}
		Map<Vendor, List<ContractAction>> actions = new HashMap<>();
		if (!vendors.isEmpty()) {
			for (ContractingReport report : review.getReports()) {
				for (ContractAction a : report.getActions()) {
					if (a.getVendor() != null && vendors.contains(a.getVendor())) {
						actions.computeIfAbsent(a.getVendor(), v -> new ArrayList<>()).add(a);
					}
				}
			}
		}
		Set<Match> out = new HashSet<>();
		for (Match m : candidates) {
			List<ContractAction> affected = vendorLevel(m) ? actions.getOrDefault(m.getVendor(), List.of())
					: m.getAction() == null ? List.of() : List.of(m.getAction());
			if (!affected.isEmpty() && affected.stream()
					.allMatch(a -> RuleObligations.beforeEffective(m.getRule(), m.getCoveredEntity(), a))) {
				out.add(m);
			}
		}
		return out;
	}

	private static boolean vendorLevel(Match m) {
		return m.getKind() != MatchKind.DESCRIPTION && m.getVendor() != null;
	}
}
