package procurement.review.core.orders;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One US federal holiday of a year: its name, the date set by law and the date federal offices close
 * (5 U.S.C. 6103 moves a Saturday holiday to the Friday before and a Sunday holiday to the Monday after).
 *
 * @param name     the holiday's name, e.g. "Independence Day"
 * @param date     the date the holiday falls on
 * @param observed the day federal offices are closed for it; may lie in the previous year (New Year's Day
 *                 on a Saturday is observed on December 31)
 */
public record FederalHoliday(String name, LocalDate date, LocalDate observed) {

	/**
	 * Checks that no component is missing.
	 *
	 * @param name     the holiday's name
	 * @param date     the legal date
	 * @param observed the observed closure date
	 */
	public FederalHoliday {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(observed, "observed");
	}
}
