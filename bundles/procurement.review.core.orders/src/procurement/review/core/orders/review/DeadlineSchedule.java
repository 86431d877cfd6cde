package procurement.review.core.orders.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import procurement.review.core.orders.BusinessCalendar;
import procurement.review.core.orders.DayOffset;
import procurement.review.core.orders.Deadlines;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.OrderDeadline;
import procurement.review.model.Rule;

/**
 * The deadlines of an order, computed from the deadline list of its rule: each {@link Deadline} is an offset
 * from the issue date in calendar or business days; one with {@code repeatEvery > 0} recurs (status reports)
 * and is listed a fixed number of times as "name 1", "name 2", ...
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

    /** The names the BOD 17-01 template uses for its steps, as in the built-in rule set. */
    static final String IDENTIFY = "identify";
    static final String PLAN = "plan";
    static final String REMOVE = "remove";
    static final String STATUS = "status";

    private DeadlineSchedule() {
    }

    /**
     * Computes the deadlines of a rule for an issue date.
     *
     * @param rule      the rule whose deadline list is used; a rule without deadlines gives an empty list
     * @param issueDate the order's issue date (day zero, not counted)
     * @param repeats   how many dates to list for a recurring deadline (at least 1 is used)
     * @param calendar  the calendar for business days
     * @return the deadlines in rule order, each recurring one expanded
     */
    public static List<Entry> compute(Rule rule, LocalDate issueDate, int repeats, BusinessCalendar calendar) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(calendar, "calendar");
        List<Entry> out = new ArrayList<>();
        for (Deadline d : rule.getDeadlines()) {
            String name = d.getName() == null || d.getName().isBlank() ? "deadline" : d.getName().strip();
            LocalDate first = offset(d.getOffset(), d.getUnit()).addTo(issueDate, calendar);
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
     * Maps an order's named deadlines onto the fixed steps of the renderers' {@link Deadlines} (identify, plan,
     * remove, status reports). Names "identify", "plan", "remove" and "status..." go to their step; a recurring
     * deadline of any name ("name 1", "name 2" ...) goes to the status reports; other names (such as the
     * "report" and "report-details" of the NDAA rules) fill the first free step in the order identify, plan,
     * remove, so no date is lost from the printed order. A deadline that finds no free step is appended to the
     * status reports.
     *
     * @param deadlines the order's deadlines
     * @return the renderer's deadlines
     */
    public static Deadlines toDeadlines(List<OrderDeadline> deadlines) {
        LocalDate[] steps = new LocalDate[3];
        List<LocalDate> reports = new ArrayList<>();
        List<OrderDeadline> others = new ArrayList<>();
        for (OrderDeadline d : deadlines) {
            if (d.getDate() == null) {
                continue;
            }
            String name = d.getName() == null ? "" : d.getName().strip().toLowerCase(Locale.ROOT);
            int slot = switch (name) {
                case IDENTIFY -> 0;
                case PLAN -> 1;
                case REMOVE -> 2;
                default -> -1;
            };
            if (slot >= 0 && steps[slot] == null) {
                steps[slot] = d.getDate();
            } else if (name.startsWith(STATUS) || name.matches(".* \\d+")) {
                reports.add(d.getDate());
            } else {
                others.add(d);
            }
        }
        for (OrderDeadline d : others) {
            int free = -1;
            for (int i = steps.length - 1; i >= 0; i--) {
                if (steps[i] == null) {
                    free = i;
                }
            }
            if (free >= 0) {
                steps[free] = d.getDate();
            } else {
                reports.add(d.getDate());
            }
        }
        reports.sort(null);
        return new Deadlines(steps[0], steps[1], steps[2], reports);
    }
}
