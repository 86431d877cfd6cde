package procurement.review.core.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deadlines of one removal order, following the BOD 17-01 template: identify, plan, begin removal,
 * then status reports at a fixed interval after the removal date.
 *
 * @param identify      products found and endpoints affected are due (BOD 17-01: issue + 30 days); may be null
 * @param plan          the 14-element removal plan is due (BOD 17-01: issue + 60 days); may be null
 * @param remove        removal begins (BOD 17-01: issue + 90 days); may be null
 * @param statusReports the dates status reports are due, in order; may be empty
 */
public record Deadlines(LocalDate identify, LocalDate plan, LocalDate remove, List<LocalDate> statusReports) {

    /** BOD 17-01: identify within 30 days of issue. */
    public static final DayOffset BOD_17_01_IDENTIFY = DayOffset.calendarDays(30);
    /** BOD 17-01: plan within 60 days of issue. */
    public static final DayOffset BOD_17_01_PLAN = DayOffset.calendarDays(60);
    /** BOD 17-01: begin removal at 90 days after issue. */
    public static final DayOffset BOD_17_01_REMOVE = DayOffset.calendarDays(90);
    /** BOD 17-01: report status every 30 days until done. */
    public static final DayOffset BOD_17_01_STATUS_INTERVAL = DayOffset.calendarDays(30);

    /**
     * Copies the list of status report dates.
     *
     * @param identify      identify deadline
     * @param plan          plan deadline
     * @param remove        removal date
     * @param statusReports status report dates
     */
    public Deadlines {
        statusReports = statusReports == null ? List.of() : List.copyOf(statusReports);
    }

    /**
     * The BOD 17-01 deadlines for an order issued on a date: +30, +60, +90 calendar days, then a status
     * report every 30 days after the removal date.
     *
     * @param issued        the issue date
     * @param statusReports how many status report dates to list
     * @return the deadlines
     */
    public static Deadlines bod1701(LocalDate issued, int statusReports) {
        return compute(issued, BOD_17_01_IDENTIFY, BOD_17_01_PLAN, BOD_17_01_REMOVE,
                BOD_17_01_STATUS_INTERVAL, statusReports, BusinessCalendar.federal());
    }

    /**
     * Deadlines from offsets, for rules other than BOD 17-01 (some count business days).
     *
     * @param issued         the issue date
     * @param identify       offset of the identify deadline from the issue date, or null for none
     * @param plan           offset of the plan deadline from the issue date, or null for none
     * @param remove         offset of the removal date from the issue date, or null for none
     * @param statusInterval interval between status reports, counted from the removal date (or from the
     *                       issue date when there is none); null for no status reports
     * @param statusReports  how many status report dates to list
     * @param calendar       the calendar for business-day offsets
     * @return the deadlines
     */
    public static Deadlines compute(LocalDate issued, DayOffset identify, DayOffset plan, DayOffset remove,
            DayOffset statusInterval, int statusReports, BusinessCalendar calendar) {
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(calendar, "calendar");
        LocalDate i = identify == null ? null : identify.addTo(issued, calendar);
        LocalDate p = plan == null ? null : plan.addTo(issued, calendar);
        LocalDate r = remove == null ? null : remove.addTo(issued, calendar);
        List<LocalDate> reports = new ArrayList<>();
        if (statusInterval != null) {
            LocalDate d = r != null ? r : issued;
            for (int k = 0; k < statusReports; k++) {
                d = statusInterval.addTo(d, calendar);
                reports.add(d);
            }
        }
        return new Deadlines(i, p, r, reports);
    }
}
