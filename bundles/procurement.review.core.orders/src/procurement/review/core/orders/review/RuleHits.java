package procurement.review.core.orders.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import procurement.review.model.Component;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Decision;
import procurement.review.model.DecisionState;
import procurement.review.model.Department;
import procurement.review.model.ItemSection;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.Vendor;

/**
 * The contract actions a rule's hits put on removal orders, one per action, grouped by awarding department.
 * <p>
 * A NAME, IDENTIFIER or PARENT match is about a vendor, so every action of that vendor is affected; a DESCRIPTION
 * match is about its one action. A match decided NOT_SAME puts nothing on an order; SAME gives a confirmed line,
 * no decision an unreviewed line, UNSURE a line "to be confirmed". An undecided match of a purpose-limited rule
 * (or one the matcher rated NEEDS_REVIEW) is also only "to be confirmed": such a hit is not a prohibition until a
 * reviewer has looked at the purpose. A rule that concerns purchases (see {@link RuleObligations}) puts an action
 * bought before it applied to the family in the section "before effective", and a decision that records one of the
 * rule's exceptions puts its actions in the section "excepted": both are listed apart, outside the order's totals.
 * When several matches hit one action the strongest one is kept: the reviewer's decision first (confirmed,
 * unreviewed, to be confirmed, before effective, excepted), then the score, then the kind of evidence
 * (identifier, name, parent, description), then the match key so the choice never depends on list order.
 * <p>
 * An action's department is {@link ContractAction#getDepartment()}, the awarding department as imported; it is
 * not derived from the component, because the model's validator requires an order's items to have exactly the
 * order's department. Actions without a department are returned apart so the caller can report them.
 */
public final class RuleHits {

	/**
	 * One action on an order and the match that put it there.
	 *
	 * @param action  the action
	 * @param match   the strongest match hitting it
	 * @param section the section of the order it goes to
	 */
	public record Hit(ContractAction action, Match match, ItemSection section) {

		/**
		 * Checks the parts.
		 *
		 * @param action  action
		 * @param match   match
		 * @param section section
		 */
		public Hit {
			Objects.requireNonNull(action, "action");
			Objects.requireNonNull(match, "match");
			Objects.requireNonNull(section, "section");
		}
	}

	/**
	 * The hits of one rule.
	 *
	 * @param byDepartment      hits per department, departments ordered by name then code, hits ordered by
	 *                          component, action date, PIID, modification and transaction key
	 * @param withoutDepartment hits on actions that name no department; they cannot be addressed to anyone
	 */
	public record Result(Map<Department, List<Hit>> byDepartment, List<Hit> withoutDepartment) {

		/**
		 * Copies the parts, keeping their order.
		 *
		 * @param byDepartment      hits per department
		 * @param withoutDepartment hits without department
		 */
		public Result {
			Map<Department, List<Hit>> copy = new LinkedHashMap<>();
			byDepartment.forEach((d, l) -> copy.put(d, List.copyOf(l)));
			byDepartment = java.util.Collections.unmodifiableMap(copy);
			withoutDepartment = List.copyOf(withoutDepartment);
		}
	}

	/** Orders lines inside an order so they read grouped by component, oldest action first. */
	static final Comparator<ContractAction> LINE_ORDER = Comparator
			.comparing((ContractAction a) -> componentName(a.getComponent()))
			.thenComparing(ContractAction::getActionDate, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(a -> nz(a.getPiid()))
			.thenComparing(a -> nz(a.getModification()))
			.thenComparing(a -> nz(a.getTransactionKey()));

	private RuleHits() {
	}

	/**
	 * Collects the hits of a rule.
	 *
	 * @param review the review
	 * @param rule   the rule
	 * @return the hits, one per action
	 */
	public static Result collect(ReviewProject review, Rule rule) {
		Objects.requireNonNull(review, "review");
		Objects.requireNonNull(rule, "rule");
		Map<Vendor, List<ContractAction>> actionsByVendor = new HashMap<>();
		for (ContractingReport report : review.getReports()) {
			for (ContractAction a : report.getActions()) {
				if (a.getVendor() != null) {
					actionsByVendor.computeIfAbsent(a.getVendor(), v -> new ArrayList<>()).add(a);
				}
			}
		}
		Map<String, Decision> unattached = new HashMap<>();
		for (Decision d : review.getDecisions()) {
			if (d.getMatch() == null && d.getMatchKey() != null) {
				unattached.putIfAbsent(d.getMatchKey(), d);
			}
		}
		// Insertion order of the first hit keeps the result independent of hash order.
		Map<ContractAction, Hit> strongest = new LinkedHashMap<>();
		for (Match m : review.getMatches()) {
			if (!sameRule(m.getRule(), rule)) {
				continue;
			}
			Decision decision = m.getDecision() != null ? m.getDecision() : unattached.get(m.getKey());
			ItemSection section = section(rule, m, decision);
			if (section == null) {
				continue;
			}
			for (ContractAction a : affectedActions(m, actionsByVendor)) {
				ItemSection s = section != ItemSection.EXCEPTED
						&& RuleObligations.beforeEffective(rule, m.getCoveredEntity(), a)
								? ItemSection.BEFORE_EFFECTIVE : section;
				Hit candidate = new Hit(a, m, s);
				strongest.merge(a, candidate, (old, neu) -> STRENGTH.compare(neu, old) < 0 ? neu : old);
			}
		}
		Map<Department, List<Hit>> grouped = new LinkedHashMap<>();
		List<Hit> without = new ArrayList<>();
		for (Hit h : strongest.values()) {
			Department d = h.action().getDepartment();
			if (d == null) {
				without.add(h);
			} else {
				grouped.computeIfAbsent(d, k -> new ArrayList<>()).add(h);
			}
		}
		Comparator<Hit> lineOrder = Comparator.comparing(Hit::action, LINE_ORDER);
		grouped.values().forEach(l -> l.sort(lineOrder));
		without.sort(lineOrder);
		// A stable sort: departments that share name and code keep the order of their first hit.
		List<Department> departments = new ArrayList<>(grouped.keySet());
		departments.sort(DEPARTMENT_ORDER);
		Map<Department, List<Hit>> byDepartment = new LinkedHashMap<>();
		departments.forEach(d -> byDepartment.put(d, grouped.get(d)));
		return new Result(byDepartment, without);
	}

	/**
	 * Tells whether a match's rule is the rule asked for: the same object, or a rule with the same id (a review
	 * may hold the rule in a copy of the rule set, and the id names the legal rule).
	 *
	 * @param a a rule, may be null
	 * @param b another rule, may be null
	 * @return true when both name the same rule
	 */
	public static boolean sameRule(Rule a, Rule b) {
		if (a == null || b == null) {
			return false;
		}
		return a == b || a.getId() != null && a.getId().equals(b.getId());
	}

	/**
	 * The section a match puts its actions in, before the effective date is looked at (an action bought before the
	 * rule applied goes to {@link ItemSection#BEFORE_EFFECTIVE} whatever the decision, except NOT_SAME, which puts
	 * nothing on an order, and an exception, which is the reviewer's word on that hit).
	 *
	 * @param rule     the rule of the order
	 * @param match    the match
	 * @param decision the reviewer's decision, null when undecided
	 * @return the section, or null when the match puts nothing on an order (NOT_SAME)
	 */
	static ItemSection section(Rule rule, Match match, Decision decision) {
		DecisionState state = decision == null ? null : decision.getState();
		if (state == DecisionState.NOT_SAME) {
			return null;
		}
		if (decision != null && decision.getException() != null && !decision.getException().isBlank()) {
			return ItemSection.EXCEPTED;
		}
		if (state == DecisionState.SAME) {
			return ItemSection.CONFIRMED;
		}
		if (state == DecisionState.UNSURE || rule.isPurposeLimited()
				|| match.getRiskLevel() == RiskLevel.NEEDS_REVIEW) {
			return ItemSection.TO_BE_CONFIRMED;
		}
		return ItemSection.UNREVIEWED;
	}

	private static List<ContractAction> affectedActions(Match m, Map<Vendor, List<ContractAction>> byVendor) {
		boolean vendorLevel = m.getKind() != MatchKind.DESCRIPTION && m.getVendor() != null;
		if (vendorLevel) {
			return byVendor.getOrDefault(m.getVendor(), List.of());
		}
		return m.getAction() == null ? List.of() : List.of(m.getAction());
	}

	private static final Comparator<Hit> STRENGTH = Comparator
			.comparingInt((Hit h) -> h.section().getValue())
			.thenComparing(Comparator.comparingDouble((Hit h) -> h.match().getScore()).reversed())
			.thenComparingInt(h -> kindRank(h.match().getKind()))
			.thenComparing(h -> nz(h.match().getKey()));

	private static final Comparator<Department> DEPARTMENT_ORDER = Comparator
			.comparing((Department d) -> nz(d.getName()))
			.thenComparing(d -> nz(d.getCode()));

	private static int kindRank(MatchKind kind) {
		if (kind == null) {
			return 4;
		}
		return switch (kind) {
			case IDENTIFIER -> 0;
			case NAME -> 1;
			case PARENT -> 2;
			case DESCRIPTION -> 3;
		};
	}

	static String componentName(Component c) {
		if (c == null) {
			return "";
		}
		return c.getName() != null && !c.getName().isBlank() ? c.getName() : nz(c.getCode());
	}

	static String nz(String s) {
		return s == null ? "" : s;
	}
}
