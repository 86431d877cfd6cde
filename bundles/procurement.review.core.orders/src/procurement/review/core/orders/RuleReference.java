package procurement.review.core.orders;

import java.time.LocalDate;

/**
 * The rule an order enforces, and the version of the rule set it was taken from, so a printed order says
 * exactly which text it relied on.
 *
 * @param id             the rule's id, e.g. "BOD-17-01"
 * @param citation       the legal citation, e.g. "Binding Operational Directive 17-01"
 * @param title          a short title
 * @param ruleSetVersion the rule set's version
 * @param ruleSetDate    the rule set's date; may be null
 * @param effective      the date the rule took effect; may be null
 * @param purchasesOnly  true when the rule concerns purchases from its effective date (or a list entry's date) on,
 *                       false when it concerns what is present whatever its purchase date (BOD 17-01)
 * @param obligations    what the rule's source requires of an agency, in the rule set's words; may be empty
 * @param entryDated     true when the rule applies to each covered family from the date of its list entry (the
 *                       FCC Covered List), so that {@code effective} is only the earliest of those dates
 */
public record RuleReference(String id, String citation, String title, String ruleSetVersion,
		LocalDate ruleSetDate, LocalDate effective, boolean purchasesOnly, String obligations, boolean entryDated) {

	/**
	 * Replaces null texts with empty ones.
	 *
	 * @param id             rule id
	 * @param citation       citation
	 * @param title          title
	 * @param ruleSetVersion rule set version
	 * @param ruleSetDate    rule set date
	 * @param effective      effective date
	 * @param purchasesOnly  whether the rule concerns purchases from its effective date on
	 * @param obligations    what the source requires of an agency
	 * @param entryDated     whether each family has its own date
	 */
	public RuleReference {
		id = id == null ? "" : id;
		citation = citation == null ? "" : citation;
		title = title == null ? "" : title;
		ruleSetVersion = ruleSetVersion == null ? "" : ruleSetVersion;
		obligations = obligations == null ? "" : obligations;
	}

	/**
	 * A reference with only identity and rule set, for a rule that concerns what is present and states no
	 * obligations.
	 *
	 * @param id             rule id
	 * @param citation       citation
	 * @param title          title
	 * @param ruleSetVersion rule set version
	 * @param ruleSetDate    rule set date
	 */
	public RuleReference(String id, String citation, String title, String ruleSetVersion, LocalDate ruleSetDate) {
		this(id, citation, title, ruleSetVersion, ruleSetDate, null, false, "", false);
	}
}
