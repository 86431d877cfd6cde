package procurement.review.core.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on one removal order, independent of the EMF model and of any output format.
 *
 * @param orderNumber     the order's number, printed on every page and used for file names
 * @param revision        the revision, 0 for the first issue
 * @param status          the order's status, e.g. "DRAFT" or "ISSUED"
 * @param departmentName  the department the order is for, e.g. "Department of the Treasury"
 * @param components      the components (sub-agencies) addressed
 * @param rule            the rule enforced
 * @param issueDate       the issue date
 * @param deadlines       the deadlines
 * @param reviewerName    the reviewer who signs the order
 * @param pointOfContact  whom to call; may be null
 * @param reviewStateHash hex hash of the review state the order was made from, for traceability
 * @param lines           all lines; their status decides their section
 * @param plan            the removal plan elements; null for the blank BOD 17-01 plan
 */
public record OrderDocument(String orderNumber, int revision, String status, String departmentName,
        List<String> components, RuleReference rule, LocalDate issueDate, Deadlines deadlines,
        String reviewerName, PointOfContact pointOfContact, String reviewStateHash, List<OrderLine> lines,
        List<PlanElement> plan) {

    /**
     * Checks the required parts, copies the lists and fills defaults for optional ones.
     *
     * @param orderNumber     order number
     * @param revision        revision
     * @param status          status
     * @param departmentName  department
     * @param components      components
     * @param rule            rule
     * @param issueDate       issue date
     * @param deadlines       deadlines
     * @param reviewerName    reviewer
     * @param pointOfContact  point of contact
     * @param reviewStateHash review state hash
     * @param lines           lines
     * @param plan            plan
     */
    public OrderDocument {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        status = status == null ? "" : status;
        departmentName = departmentName == null ? "" : departmentName;
        components = components == null ? List.of() : List.copyOf(components);
        rule = rule == null ? new RuleReference("", "", "", "", null) : rule;
        deadlines = deadlines == null ? new Deadlines(null, null, null, List.of()) : deadlines;
        reviewerName = reviewerName == null ? "" : reviewerName;
        pointOfContact = pointOfContact == null ? new PointOfContact("", "", "") : pointOfContact;
        reviewStateHash = reviewStateHash == null ? "" : reviewStateHash;
        lines = lines == null ? List.of() : List.copyOf(lines);
        plan = plan == null ? BodPlan.blank() : List.copyOf(plan);
    }

    /**
     * The affected actions: confirmed and unreviewed lines, in the given order.
     *
     * @return the lines of the main table
     */
    public List<OrderLine> affectedLines() {
        return lines.stream().filter(l -> l.status().isAffected()).toList();
    }

    /**
     * The lines the reviewer was unsure about, listed separately as "to be confirmed".
     *
     * @return the unsure lines
     */
    public List<OrderLine> toBeConfirmedLines() {
        return lines.stream().filter(l -> !l.status().isAffected()).toList();
    }

    /**
     * The totals of the affected actions (lines to be confirmed are not in them).
     *
     * @return the totals
     */
    public OrderTotals totals() {
        return OrderTotals.of(affectedLines());
    }
}
