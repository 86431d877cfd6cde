package procurement.review.core.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One step a rule requires of the department, with its due date(s), as printed on an order.
 *
 * @param name        the step's name in the rule set, e.g. "identify" or "report"; the key of the CLI's deadlines
 * @param label       the step as printed, e.g. "Identify" or "Further information"
 * @param dates       its due dates in order: one for a single step, several for a recurring one (status reports)
 * @param deliverable what the department delivers by then
 * @param citation    the provision that sets the step, e.g. "FAR 52.204-25(d)(2)(ii)"; may be empty
 */
public record OrderStep(String name, String label, List<LocalDate> dates, String deliverable, String citation) {

	/**
	 * Checks the name, copies the dates and replaces null texts with empty ones.
	 *
	 * @param name        name
	 * @param label       label
	 * @param dates       dates
	 * @param deliverable deliverable
	 * @param citation    citation
	 */
	public OrderStep {
		Objects.requireNonNull(name, "name");
		label = label == null || label.isBlank() ? name : label;
		dates = dates == null ? List.of() : List.copyOf(dates);
		deliverable = deliverable == null ? "" : deliverable;
		citation = citation == null ? "" : citation;
	}

	/**
	 * The first (or only) due date.
	 *
	 * @return the date, or null when the step has none
	 */
	public LocalDate due() {
		return dates.isEmpty() ? null : dates.get(0);
	}

	/**
	 * Tells whether the step recurs (status reports).
	 *
	 * @return true when it has more than one date
	 */
	public boolean isRecurring() {
		return dates.size() > 1;
	}
}
