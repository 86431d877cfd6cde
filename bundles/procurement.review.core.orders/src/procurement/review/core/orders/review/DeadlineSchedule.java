package procurement.review.core.orders.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procurement.review.core.orders.BusinessCalendar;
import procurement.review.core.orders.DayOffset;
import procurement.review.core.orders.OrderStep;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.DeadlineBase;
import procurement.review.model.OrderDeadline;
import procurement.review.model.Rule;

/**
 * The deadlines of an order, computed from the steps of its rule: each {@link Deadline} is an offset in calendar or
 * business days from the issue date or, when its base is {@link DeadlineBase#PREVIOUS_STEP}, from the date of the
 * step before it (the FAR clauses count the further information from the first report). A step with
 * {@code repeatEvery > 0} recurs (status reports) and is listed a fixed number of times as "name 1", "name 2", ...
 * <p>
 * Day arithmetic is the orders bundle's {@link BusinessCalendar}: business days skip weekends and observed US
 * federal holidays, calendar-day deadlines are not moved off weekends (BOD 17-01's plan was due on a Sunday).
 */
public final class DeadlineSchedule {

	/**
	 * One computed deadline.
	 *
	 * @param name the deadline's name, e.g. "identify" or "status 2"
	 * @param date its date
	 */
	public record Entry(String name, LocalDate date) {

		/**
		 * Checks both parts.
		 *
		 * @param name the deadline's name, e.g. "identify" or "status 2"
		 * @param date its date
		 */
		public Entry {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(date, "date");
		}
	}

	/** A recurring step's dates are stored as "name 1", "name 2", ... */
	private static final Pattern NUMBERED = Pattern.compile("(.*) (\\d+)");

	private DeadlineSchedule() {
	}

	/**
	 * Computes the deadlines of a rule for an issue date.
	 *
	 * @param rule      the rule whose steps are used; a rule without steps gives an empty list
	 * @param issueDate the order's issue date (day zero, not counted)
	 * @param repeats   how many dates to list for a recurring step (at least 1 is used)
	 * @param calendar  the calendar for business days
	 * @return the deadlines in rule order, each recurring one expanded
	 */
	public static List<Entry> compute(Rule rule, LocalDate issueDate, int repeats, BusinessCalendar calendar) {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(issueDate, "issueDate");
		Objects.requireNonNull(calendar, "calendar");
		List<Entry> out = new ArrayList<>();
		LocalDate previous = issueDate;
		for (Deadline d : rule.getDeadlines()) {
			String name = name(d);
			LocalDate base = d.getBase() == DeadlineBase.PREVIOUS_STEP ? previous : issueDate;
			LocalDate first = offset(d.getOffset(), d.getUnit()).addTo(base, calendar);
			if (d.getRepeatEvery() > 0) {
				DayOffset step = offset(d.getRepeatEvery(), d.getUnit());
				LocalDate date = first;
				for (int k = 1; k <= Math.max(1, repeats); k++) {
					out.add(new Entry(name + " " + k, date));
					date = step.addTo(date, calendar);
				}
			} else {
				out.add(new Entry(name, first));
			}
			previous = first;
		}
		return List.copyOf(out);
	}

	/**
	 * Converts a rule's offset into the orders bundle's offset type.
	 *
	 * @param amount the number of days
	 * @param unit   the unit; null counts as calendar days, the model's default
	 * @return the offset
	 */
	public static DayOffset offset(int amount, DayUnit unit) {
		return unit == DayUnit.BUSINESS_DAYS ? DayOffset.businessDays(amount) : DayOffset.calendarDays(amount);
	}

	/**
	 * The steps of an order as printed: its stored deadlines grouped by step ("status 1", "status 2" are one
	 * recurring step), each with the label, deliverable and citation of the rule's step of that name. A stored
	 * deadline whose rule has no such step (a hand edit, or a rule set changed since) is still printed, under its
	 * own name.
	 *
	 * @param deadlines the order's deadlines
	 * @param rule      the order's rule; may be null
	 * @return the steps in the order of the deadlines
	 */
	public static List<OrderStep> steps(List<OrderDeadline> deadlines, Rule rule) {
		Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
		for (OrderDeadline d : deadlines) {
			if (d.getDate() == null || d.getName() == null || d.getName().isBlank()) {
				continue;
			}
			String name = d.getName().strip();
			if (definition(rule, name) == null) {
				Matcher m = NUMBERED.matcher(name);
				if (m.matches() && definition(rule, m.group(1)) != null) {
					name = m.group(1);
				}
			}
			dates.computeIfAbsent(name, k -> new ArrayList<>()).add(d.getDate());
		}
		List<OrderStep> out = new ArrayList<>();
		dates.forEach((name, list) -> {
			Deadline def = definition(rule, name);
			list.sort(null);
			out.add(def == null ? new OrderStep(name, label(name), list, "", "")
					: new OrderStep(name, def.getLabel() == null || def.getLabel().isBlank() ? label(name)
							: def.getLabel(), list, def.getDescription(), def.getCitation()));
		});
		return List.copyOf(out);
	}

	/**
	 * The steps whose dates the CLI's JSON keys by name: every step that does not recur.
	 *
	 * @param deadlines the order's deadlines
	 * @param rule      the order's rule; may be null
	 * @return step name to date, in rule order
	 */
	public static Map<String, LocalDate> singleSteps(List<OrderDeadline> deadlines, Rule rule) {
		Map<String, LocalDate> out = new LinkedHashMap<>();
		for (OrderStep s : steps(deadlines, rule)) {
			Deadline def = definition(rule, s.name());
			boolean recurring = def != null ? def.getRepeatEvery() > 0 : s.isRecurring();
			if (!recurring && s.due() != null) {
				out.put(s.name(), s.due());
			}
		}
		return out;
	}

	private static Deadline definition(Rule rule, String name) {
		if (rule == null) {
			return null;
		}
		for (Deadline d : rule.getDeadlines()) {
			if (name(d).equals(name)) {
				return d;
			}
		}
		return null;
	}

	private static String name(Deadline d) {
		return d.getName() == null || d.getName().isBlank() ? "deadline" : d.getName().strip();
	}

	private static String label(String name) {
		return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}
}
