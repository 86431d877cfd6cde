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
 * @param steps           what the department must deliver and when, in the rule's order; empty when the rule's
 *                        source sets no agency step
 * @param reviewerName    the reviewer who signs the order
 * @param pointOfContact  whom to call; may be null
 * @param reviewStateHash hex hash of the review state the order was made from, for traceability
 * @param contentDigest   hex digest of the review's content the order was made from (see the audit log)
 * @param lines           all lines; their status decides their section
 * @param form            what the order asks the department to fill in
 * @param plan            the removal plan elements of a {@link OrderForm#REMOVAL_PLAN} order; null for the blank
 *                        BOD 17-01 plan there, ignored by the other forms
 * @param report          the report of a {@link OrderForm#FAR_REPORT} order; null otherwise
 */
public record OrderDocument(String orderNumber, int revision, String status, String departmentName,
		List<String> components, RuleReference rule, LocalDate issueDate, List<OrderStep> steps,
		String reviewerName, PointOfContact pointOfContact, String reviewStateHash, String contentDigest,
		List<OrderLine> lines, OrderForm form, List<PlanEntry> plan, FarReport report) {

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
	 * @param steps           steps
	 * @param reviewerName    reviewer
	 * @param pointOfContact  point of contact
	 * @param reviewStateHash review state hash
	 * @param contentDigest   content digest
	 * @param lines           lines
	 * @param form            form
	 * @param plan            plan
	 * @param report          FAR report
	 */
	public OrderDocument {
		Objects.requireNonNull(orderNumber, "orderNumber");
		Objects.requireNonNull(issueDate, "issueDate");
		status = status == null ? "" : status;
		departmentName = departmentName == null ? "" : departmentName;
		components = components == null ? List.of() : List.copyOf(components);
		rule = rule == null ? new RuleReference("", "", "", "", null) : rule;
		steps = steps == null ? List.of() : List.copyOf(steps);
		reviewerName = reviewerName == null ? "" : reviewerName;
		pointOfContact = pointOfContact == null ? new PointOfContact("", "", "") : pointOfContact;
		reviewStateHash = reviewStateHash == null ? "" : reviewStateHash;
		contentDigest = contentDigest == null ? "" : contentDigest;
		lines = lines == null ? List.of() : List.copyOf(lines);
		form = form == null ? OrderForm.NOTICE : form;
		plan = form != OrderForm.REMOVAL_PLAN ? List.of() : plan == null ? BodPlan.blank() : List.copyOf(plan);
		if (form == OrderForm.FAR_REPORT && report == null) {
			throw new IllegalArgumentException("a FAR report order needs its report");
		}
	}

	/**
	 * A step by its name in the rule set.
	 *
	 * @param name e.g. "plan" or "report"
	 * @return the step, or null when the rule has no such step
	 */
	public OrderStep step(String name) {
		for (OrderStep s : steps) {
			if (s.name().equals(name)) {
				return s;
			}
		}
		return null;
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
		return linesOf(LineStatus.UNSURE);
	}

	/**
	 * The lines bought before the rule applied to them, listed apart and not in the totals.
	 *
	 * @return the lines before the effective date
	 */
	public List<OrderLine> beforeEffectiveLines() {
		return linesOf(LineStatus.BEFORE_EFFECTIVE);
	}

	/**
	 * The lines a reviewer found an exception of the rule for, listed apart and not in the totals.
	 *
	 * @return the excepted lines
	 */
	public List<OrderLine> exceptedLines() {
		return linesOf(LineStatus.EXCEPTED);
	}

	private List<OrderLine> linesOf(LineStatus status) {
		return lines.stream().filter(l -> l.status() == status).toList();
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
