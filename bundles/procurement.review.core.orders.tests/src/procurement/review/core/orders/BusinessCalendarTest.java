package procurement.review.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

	private final BusinessCalendar federal = BusinessCalendar.federal();

	@Test
	void bod1701DeadlinesAreThirtySixtyNinetyCalendarDays() {
		LocalDate issued = LocalDate.of(2017, 9, 13);
		assertEquals(LocalDate.of(2017, 10, 13), DayOffset.calendarDays(30).addTo(issued, federal));
		// A Sunday: calendar-day deadlines are not moved off weekends.
		assertEquals(LocalDate.of(2017, 11, 12), DayOffset.calendarDays(60).addTo(issued, federal));
		assertEquals(LocalDate.of(2017, 12, 12), DayOffset.calendarDays(90).addTo(issued, federal));
	}

	@Test
	void threeBusinessDaysAfterFridayBeforeChristmas2018SkipWeekendClosureAndHoliday() {
		LocalDate friday = LocalDate.of(2018, 12, 21);
		// Federal holidays only: Mon 24 is a business day, Tue 25 is Christmas.
		assertEquals(LocalDate.of(2018, 12, 27), federal.addBusinessDays(friday, 3));
		BusinessCalendar withEo = federal.withClosure(LocalDate.of(2018, 12, 24), "Executive Order 13854");
		assertEquals(LocalDate.of(2018, 12, 28), withEo.addBusinessDays(friday, 3));
		assertFalse(withEo.isBusinessDay(LocalDate.of(2018, 12, 24)));
		assertEquals("Executive Order 13854", withEo.closureReason(LocalDate.of(2018, 12, 24)).orElseThrow());
		// The original calendar is unchanged.
		assertTrue(federal.isBusinessDay(LocalDate.of(2018, 12, 24)));
	}

	@Test
	void observedDates() {
		// Juneteenth 2021 fell on a Saturday: observed Friday June 18, its first year.
		assertTrue(federal.isClosure(LocalDate.of(2021, 6, 18)));
		assertFalse(federal.isClosure(LocalDate.of(2020, 6, 19)));
		// Christmas 2022 fell on a Sunday: observed Monday December 26.
		assertTrue(federal.isClosure(LocalDate.of(2022, 12, 26)));
		assertEquals("Christmas Day", federal.closureReason(LocalDate.of(2022, 12, 26)).orElseThrow());
		// New Year's Day 2022 fell on a Saturday: observed Friday December 31, 2021.
		assertEquals("New Year's Day", federal.closureReason(LocalDate.of(2021, 12, 31)).orElseThrow());
		assertFalse(federal.closures(2022).containsKey(LocalDate.of(2021, 12, 31)));
		assertTrue(federal.closures(2021).containsKey(LocalDate.of(2021, 12, 31)));
		// Independence Day 2020 fell on a Saturday: observed Friday July 3.
		assertTrue(federal.isClosure(LocalDate.of(2020, 7, 3)));
	}

	@Test
	void holidaysByRule() {
		List<FederalHoliday> h2017 = BusinessCalendar.federalHolidays(2017);
		assertEquals(10, h2017.size());
		assertEquals(11, BusinessCalendar.federalHolidays(2021).size());
		assertTrue(h2017.contains(new FederalHoliday("Birthday of Martin Luther King, Jr.",
				LocalDate.of(2017, 1, 16), LocalDate.of(2017, 1, 16))));
		assertTrue(h2017.contains(new FederalHoliday("Washington's Birthday",
				LocalDate.of(2017, 2, 20), LocalDate.of(2017, 2, 20))));
		assertTrue(h2017.contains(new FederalHoliday("Memorial Day",
				LocalDate.of(2017, 5, 29), LocalDate.of(2017, 5, 29))));
		assertTrue(h2017.contains(new FederalHoliday("Labor Day",
				LocalDate.of(2017, 9, 4), LocalDate.of(2017, 9, 4))));
		assertTrue(h2017.contains(new FederalHoliday("Columbus Day",
				LocalDate.of(2017, 10, 9), LocalDate.of(2017, 10, 9))));
		// Veterans Day 2017 fell on a Saturday.
		assertTrue(h2017.contains(new FederalHoliday("Veterans Day",
				LocalDate.of(2017, 11, 11), LocalDate.of(2017, 11, 10))));
		assertTrue(h2017.contains(new FederalHoliday("Thanksgiving Day",
				LocalDate.of(2017, 11, 23), LocalDate.of(2017, 11, 23))));
		// New Year's Day 2017 fell on a Sunday.
		assertTrue(h2017.contains(new FederalHoliday("New Year's Day",
				LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 2))));
	}

	@Test
	void businessDayOffsetsOfTheLaterRules() {
		// FAR 52.204-23: report within 3 business days, more within 10 more business days.
		LocalDate found = LocalDate.of(2018, 11, 8); // Thursday; Veterans Day observed Monday Nov 12
		LocalDate first = DayOffset.businessDays(3).addTo(found, federal);
		assertEquals(LocalDate.of(2018, 11, 14), first);
		// Thanksgiving Thursday Nov 22 is skipped.
		assertEquals(LocalDate.of(2018, 11, 29), DayOffset.businessDays(10).addTo(first, federal));
		assertEquals(3, federal.businessDaysBetween(found, first));
		assertEquals(-3, federal.businessDaysBetween(first, found));
		assertEquals(found, federal.addBusinessDays(first, -3));
		assertEquals(found, federal.addBusinessDays(found, 0));
		assertEquals(LocalDate.of(2018, 11, 13), federal.nextBusinessDay(LocalDate.of(2018, 11, 10)));
		assertEquals("3 business days", DayOffset.businessDays(3).toString());
	}

	@Test
	void deadlinesFromBusinessDayOffsets() {
		LocalDate issued = LocalDate.of(2019, 8, 13);
		assertEquals(LocalDate.of(2019, 8, 14), DayOffset.businessDays(1).addTo(issued, federal));
		// 11 business days from Tue Aug 13, 2019: Labor Day is Sep 2, after the range.
		assertEquals(LocalDate.of(2019, 8, 28), DayOffset.businessDays(11).addTo(issued, federal));
	}
}
