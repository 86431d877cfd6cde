package procurement.review.core.orders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calendar-day and business-day arithmetic for US federal deadlines.
 * <p>
 * Federal holidays are computed by rule (5 U.S.C. 6103), with their observed dates: a holiday on a Saturday
 * is observed the Friday before, one on a Sunday the Monday after. Because of that rule New Year's Day of
 * year Y+1 can close offices on December 31 of year Y. Extra closure days (executive orders such as
 * 2018-12-24, inaugurations, weather closures) are added with {@link #withClosure(LocalDate, String)}; the
 * holiday calendar is a user preference, so the set of extra closures comes from outside.
 * <p>
 * Instances are immutable and safe to share between threads.
 */
public final class BusinessCalendar {

	/** The first year the Birthday of Martin Luther King, Jr. was a federal holiday. */
	private static final int MLK_FIRST_YEAR = 1986;
	/** Juneteenth became a federal holiday in June 2021 and was first observed on 2021-06-18. */
	private static final int JUNETEENTH_FIRST_YEAR = 2021;

	private static final BusinessCalendar FEDERAL = new BusinessCalendar(Map.of());

	private final Map<LocalDate, String> extraClosures;
	// Observed closures per year are asked for again and again by business-day loops, so keep them.
	private final Map<Integer, Map<LocalDate, String>> observedByYear = new ConcurrentHashMap<>();

	private BusinessCalendar(Map<LocalDate, String> extraClosures) {
		this.extraClosures = Collections.unmodifiableMap(new TreeMap<>(extraClosures));
	}

	/**
	 * The federal calendar: weekends and observed federal holidays, no extra closures.
	 *
	 * @return the shared federal calendar
	 */
	public static BusinessCalendar federal() {
		return FEDERAL;
	}

	/**
	 * A calendar with one more closure day.
	 *
	 * @param date   the day offices are closed
	 * @param reason why, e.g. "Executive Order 13854"
	 * @return a new calendar; this one is unchanged
	 */
	public BusinessCalendar withClosure(LocalDate date, String reason) {
		return withClosures(Map.of(Objects.requireNonNull(date, "date"), reason == null ? "" : reason));
	}

	/**
	 * A calendar with more closure days.
	 *
	 * @param closures days offices are closed, with the reason for each
	 * @return a new calendar; this one is unchanged
	 */
	public BusinessCalendar withClosures(Map<LocalDate, String> closures) {
		Map<LocalDate, String> all = new TreeMap<>(extraClosures);
		closures.forEach((d, r) -> all.put(Objects.requireNonNull(d, "date"), r == null ? "" : r));
		return new BusinessCalendar(all);
	}

	/**
	 * The extra closure days of this calendar.
	 *
	 * @return an unmodifiable, date-ordered map from date to reason
	 */
	public Map<LocalDate, String> extraClosures() {
		return extraClosures;
	}

	/**
	 * The federal holidays whose legal date falls in a year, with their observed dates, in date order.
	 *
	 * @param year the year
	 * @return the holidays
	 */
	public static List<FederalHoliday> federalHolidays(int year) {
		List<FederalHoliday> list = new ArrayList<>(11);
		add(list, "New Year's Day", LocalDate.of(year, Month.JANUARY, 1));
		if (year >= MLK_FIRST_YEAR) {
			add(list, "Birthday of Martin Luther King, Jr.", nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
		}
		add(list, "Washington's Birthday", nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
		add(list, "Memorial Day",
				LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
		if (year >= JUNETEENTH_FIRST_YEAR) {
			add(list, "Juneteenth National Independence Day", LocalDate.of(year, Month.JUNE, 19));
		}
		add(list, "Independence Day", LocalDate.of(year, Month.JULY, 4));
		add(list, "Labor Day", nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
		add(list, "Columbus Day", nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));
		add(list, "Veterans Day", LocalDate.of(year, Month.NOVEMBER, 11));
		add(list, "Thanksgiving Day", nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
		add(list, "Christmas Day", LocalDate.of(year, Month.DECEMBER, 25));
		return List.copyOf(list);
	}

	private static void add(List<FederalHoliday> list, String name, LocalDate date) {
		LocalDate observed = switch (date.getDayOfWeek()) {
			case SATURDAY -> date.minusDays(1);
			case SUNDAY -> date.plusDays(1);
			default -> date;
		};
		list.add(new FederalHoliday(name, date, observed));
	}

	private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
	}

	private Map<LocalDate, String> observedIn(int year) {
		return observedByYear.computeIfAbsent(year, y -> {
			Map<LocalDate, String> map = new TreeMap<>();
			// Next year's New Year's Day may be observed on Dec 31 of this year, and this year's on Dec 31
			// of the last: look at both neighbours and keep what lands in this year.
			for (int yy = y - 1; yy <= y + 1; yy++) {
				for (FederalHoliday h : federalHolidays(yy)) {
					if (h.observed().getYear() == y) {
						map.put(h.observed(), h.name());
					}
				}
			}
			return Collections.unmodifiableMap(map);
		});
	}

	/**
	 * The closure days (observed federal holidays and extra closures) of a year.
	 *
	 * @param year the year
	 * @return a date-ordered map from date to the holiday's name or the closure's reason
	 */
	public Map<LocalDate, String> closures(int year) {
		Map<LocalDate, String> map = new TreeMap<>(observedIn(year));
		extraClosures.forEach((d, r) -> {
			if (d.getYear() == year) {
				map.putIfAbsent(d, r);
			}
		});
		return Collections.unmodifiableMap(map);
	}

	/**
	 * Why offices are closed on a weekday, if they are.
	 *
	 * @param date the date
	 * @return the holiday's name or the closure's reason; empty on an ordinary day
	 */
	public Optional<String> closureReason(LocalDate date) {
		String holiday = observedIn(date.getYear()).get(date);
		return Optional.ofNullable(holiday != null ? holiday : extraClosures.get(date));
	}

	/**
	 * Tells whether a date is a Saturday or Sunday.
	 *
	 * @param date the date
	 * @return true on weekends
	 */
	public static boolean isWeekend(LocalDate date) {
		DayOfWeek d = date.getDayOfWeek();
		return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
	}

	/**
	 * Tells whether offices are closed for a holiday or an extra closure on a date.
	 *
	 * @param date the date
	 * @return true on an observed federal holiday or an extra closure day
	 */
	public boolean isClosure(LocalDate date) {
		return observedIn(date.getYear()).containsKey(date) || extraClosures.containsKey(date);
	}

	/**
	 * Tells whether a date is a business day.
	 *
	 * @param date the date
	 * @return true on a weekday that is no closure day
	 */
	public boolean isBusinessDay(LocalDate date) {
		return !isWeekend(date) && !isClosure(date);
	}

	/**
	 * Adds calendar days. Deadlines stated in days are not moved off weekends: BOD 17-01's plan was due on
	 * Sunday 2017-11-12. Use {@link #nextBusinessDay(LocalDate)} where a rule says otherwise.
	 *
	 * @param from the start date
	 * @param days the number of days, may be negative
	 * @return the date
	 */
	public LocalDate addCalendarDays(LocalDate from, long days) {
		return from.plusDays(days);
	}

	/**
	 * Adds business days: the start date itself is not counted, and each following business day counts
	 * one. With a negative count it counts backwards; with zero it returns the start date unchanged.
	 *
	 * @param from the start date (an event such as the day a contractor found covered equipment)
	 * @param days the number of business days
	 * @return the business day reached
	 */
	public LocalDate addBusinessDays(LocalDate from, int days) {
		LocalDate d = from;
		int step = days >= 0 ? 1 : -1;
		int left = Math.abs(days);
		while (left > 0) {
			d = d.plusDays(step);
			if (isBusinessDay(d)) {
				left--;
			}
		}
		return d;
	}

	/**
	 * Counts the business days after one date up to and including another.
	 *
	 * @param startExclusive the start date, not counted
	 * @param endInclusive   the end date, counted if it is a business day
	 * @return the number of business days; negative if the end lies before the start
	 */
	public long businessDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
		if (endInclusive.isBefore(startExclusive)) {
			return -businessDaysBetween(endInclusive, startExclusive);
		}
		long n = 0;
		for (LocalDate d = startExclusive.plusDays(1); !d.isAfter(endInclusive); d = d.plusDays(1)) {
			if (isBusinessDay(d)) {
				n++;
			}
		}
		return n;
	}

	/**
	 * The first business day on or after a date.
	 *
	 * @param date the date
	 * @return the date itself if it is a business day, else the next one
	 */
	public LocalDate nextBusinessDay(LocalDate date) {
		LocalDate d = date;
		while (!isBusinessDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}
}
