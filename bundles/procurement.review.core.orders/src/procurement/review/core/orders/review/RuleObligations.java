package procurement.review.core.orders.review;

import java.time.LocalDate;
import java.util.Locale;

import procurement.review.model.Applicability;
import procurement.review.model.ContractAction;
import procurement.review.model.CoveredEntity;
import procurement.review.model.EntryDate;
import procurement.review.model.ObligationDocument;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.Rule;

/**
 * What a rule obliges an agency to do, read from the rule set: which document its orders carry, whether it
 * concerns purchases from its effective date or what is present whatever its purchase date, and from which date it
 * applies to a covered family.
 * <p>
 * Rule sets written before the rule set carried {@code appliesTo} and {@code document} (a review saved in 2026.11
 * embeds its rule set) leave them unset; for those the rule's id decides, as the orders of that version did:
 * BOD-17-01 is about presence and carries the removal plan, the FAR rules carry their clause's report, every other
 * rule concerns purchases and carries no form.
 */
public final class RuleObligations {

	private RuleObligations() {
	}

	/**
	 * The document an order of the rule carries.
	 *
	 * @param rule the rule
	 * @return the document kind
	 */
	public static ObligationDocument document(Rule rule) {
		if (rule.eIsSet(Literals.RULE__DOCUMENT)) {
			return rule.getDocument();
		}
		String id = id(rule);
		if (id.equals("BOD-17-01")) {
			return ObligationDocument.BOD_17_01_PLAN;
		}
		if (id.startsWith("NDAA18-1634")) {
			return ObligationDocument.FAR_52_204_23_REPORT;
		}
		if (id.startsWith("NDAA19-889")) {
			return ObligationDocument.FAR_52_204_25_REPORT;
		}
		return ObligationDocument.NONE;
	}

	/**
	 * Tells whether the rule concerns purchases made from its effective date on (so that an earlier purchase is no
	 * breach of it), rather than what is present whatever its purchase date.
	 *
	 * @param rule the rule
	 * @return true for a purchase rule
	 */
	public static boolean concernsPurchases(Rule rule) {
		if (rule.eIsSet(Literals.RULE__APPLIES_TO)) {
			return rule.getAppliesTo() == Applicability.PURCHASES_FROM_EFFECTIVE;
		}
		return !id(rule).equals("BOD-17-01");
	}

	/**
	 * The date from which the rule applies to a covered family: the family's entry date on a list rule, else the
	 * rule's effective date.
	 *
	 * @param rule   the rule
	 * @param entity the covered family hit; may be null
	 * @return the date, or null when the rule states none
	 */
	public static LocalDate effectiveFor(Rule rule, CoveredEntity entity) {
		if (entity != null) {
			for (EntryDate e : rule.getEntryDates()) {
				if (e.getDate() != null && e.getEntity() != null && sameEntity(e.getEntity(), entity)) {
					return e.getDate();
				}
			}
		}
		return rule.getEffective();
	}

	/**
	 * Tells whether an action was bought before the rule applied to the family it hit: only for purchase rules,
	 * and only when the action has a date (an undated action is kept on the order, where the reviewer sees it).
	 *
	 * @param rule   the rule
	 * @param entity the covered family hit; may be null
	 * @param action the action
	 * @return true when the action is dated before the rule's date for the family
	 */
	public static boolean beforeEffective(Rule rule, CoveredEntity entity, ContractAction action) {
		if (!concernsPurchases(rule) || action.getActionDate() == null) {
			return false;
		}
		LocalDate from = effectiveFor(rule, entity);
		return from != null && action.getActionDate().isBefore(from);
	}

	/**
	 * Why a rule makes no order on a date, or null when it is in force then.
	 *
	 * @param rule      the rule
	 * @param issueDate the order's issue date
	 * @return one sentence, or null
	 */
	public static String notInForce(Rule rule, LocalDate issueDate) {
		LocalDate from = rule.getEffective();
		if (from == null || !issueDate.isBefore(from)) {
			return null;
		}
		return id(rule) + " is not in force on " + issueDate + ": it takes effect on " + from
				+ ", so it makes no order";
	}

	private static boolean sameEntity(CoveredEntity a, CoveredEntity b) {
		return a == b || a.getId() != null && a.getId().equals(b.getId());
	}

	private static String id(Rule rule) {
		return rule.getId() == null ? "" : rule.getId().strip().toUpperCase(Locale.ROOT);
	}
}
