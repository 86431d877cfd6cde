package procurement.review.core.orders;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline offset as the rules state it: a number of calendar days ("within 30 days") or of business
 * days ("within 3 business days").
 *
 * @param amount the number of days; may be negative to count backwards
 * @param kind   whether weekends and holidays count
 */
public record DayOffset(int amount, Kind kind) {

	/** How days are counted. */
	public enum Kind {
		/** Every day counts, weekends and holidays included. */
		CALENDAR,
		/** Only weekdays that are neither an observed federal holiday nor an extra closure count. */
		BUSINESS
	}

	/**
	 * Checks the kind.
	 *
	 * @param amount number of days
	 * @param kind   day kind
	 */
	public DayOffset {
		Objects.requireNonNull(kind, "kind");
	}

	/**
	 * An offset in calendar days.
	 *
	 * @param amount number of days
	 * @return the offset
	 */
	public static DayOffset calendarDays(int amount) {
		return new DayOffset(amount, Kind.CALENDAR);
	}

	/**
	 * An offset in business days.
	 *
	 * @param amount number of business days
	 * @return the offset
	 */
	public static DayOffset businessDays(int amount) {
		return new DayOffset(amount, Kind.BUSINESS);
	}

	/**
	 * Applies this offset to a date.
	 *
	 * @param from     the start date (day zero; it is not counted)
	 * @param calendar the calendar that says which days are business days
	 * @return the resulting date
	 */
	public LocalDate addTo(LocalDate from, BusinessCalendar calendar) {
		return kind == Kind.CALENDAR ? calendar.addCalendarDays(from, amount)
				: calendar.addBusinessDays(from, amount);
	}

	/**
	 * A short human-readable form such as "30 days" or "3 business days".
	 *
	 * @return the text
	 */
	@Override
	public String toString() {
		String unit = Math.abs(amount) == 1 ? "day" : "days";
		return kind == Kind.CALENDAR ? amount + " " + unit : amount + " business " + unit;
	}
}
