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
 */
public record RuleReference(String id, String citation, String title, String ruleSetVersion,
        LocalDate ruleSetDate) {

    /**
     * Replaces null texts with empty ones.
     *
     * @param id             rule id
     * @param citation       citation
     * @param title          title
     * @param ruleSetVersion rule set version
     * @param ruleSetDate    rule set date
     */
    public RuleReference {
        id = id == null ? "" : id;
        citation = citation == null ? "" : citation;
        title = title == null ? "" : title;
        ruleSetVersion = ruleSetVersion == null ? "" : ruleSetVersion;
    }
}
