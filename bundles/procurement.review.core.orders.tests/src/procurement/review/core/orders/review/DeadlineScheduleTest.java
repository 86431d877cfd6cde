package procurement.review.core.orders.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.core.orders.BusinessCalendar;
import procurement.review.core.orders.OrderStep;
import procurement.review.core.orders.review.DeadlineSchedule.Entry;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.DeadlineBase;
import procurement.review.model.OrderDeadline;
import procurement.review.model.ReviewFactory;
import procurement.review.model.Rule;

class DeadlineScheduleTest {

	private final ReviewFixture fx = new ReviewFixture();

	@Test
	void bod1701CalendarDaysFromTheIssueDate() {
		List<Entry> d = DeadlineSchedule.compute(fx.bod, ReviewFixture.BOD_ISSUED, 3, BusinessCalendar.federal());
		assertEquals(List.of(
				new Entry("identify", LocalDate.of(2017, 10, 13)),
				new Entry("plan", LocalDate.of(2017, 11, 12)), // a Sunday: calendar deadlines stay put
				new Entry("remove", LocalDate.of(2017, 12, 12)),
				new Entry("status 1", LocalDate.of(2018, 1, 11)),
				new Entry("status 2", LocalDate.of(2018, 2, 10)),
				new Entry("status 3", LocalDate.of(2018, 3, 12))), d);
	}

	@Test
	void businessDaysSkipWeekendsAndFederalHolidays() {
		// Friday 2019-08-30; Monday 2019-09-02 is Labor Day, so one business day later is Tuesday.
		List<Entry> d = DeadlineSchedule.compute(fx.ndaa889a, LocalDate.of(2019, 8, 30), 3,
				BusinessCalendar.federal());
		assertEquals(new Entry("report", LocalDate.of(2019, 9, 3)), d.get(0));
		// 11 business days: Sep 3-6 (4), 9-13 (5), 16-17 (2).
		assertEquals(new Entry("report-details", LocalDate.of(2019, 9, 17)), d.get(1));
		assertEquals(2, d.size());
	}

	@Test
	void recurringDeadlinesAreListedAsOftenAsAsked() {
		List<Entry> d = DeadlineSchedule.compute(fx.bod, ReviewFixture.BOD_ISSUED, 5, BusinessCalendar.federal());
		assertEquals(8, d.size());
		assertEquals(new Entry("status 5", LocalDate.of(2018, 5, 11)), d.get(7));
	}

	@Test
	void storedDeadlinesBecomeStepsWithTheRuleLabels() {
		fx.bod.getDeadlines().get(1).setLabel("Plan");
		fx.bod.getDeadlines().get(1).setDescription("A removal plan with the 14 elements a to n");
		fx.bod.getDeadlines().get(1).setCitation("BOD 17-01, required action 2");
		List<OrderDeadline> list = List.of(od("identify", "2017-10-13"), od("plan", "2017-11-12"),
				od("remove", "2017-12-12"), od("status 2", "2018-02-10"), od("status 1", "2018-01-11"));
		List<OrderStep> steps = DeadlineSchedule.steps(list, fx.bod);
		assertEquals(List.of("identify", "plan", "remove", "status"), steps.stream().map(OrderStep::name).toList());
		assertEquals("Plan", steps.get(1).label());
		assertEquals("BOD 17-01, required action 2", steps.get(1).citation());
		assertEquals(List.of(LocalDate.of(2018, 1, 11), LocalDate.of(2018, 2, 10)), steps.get(3).dates());
		// The CLI keys single steps only: status reports recur.
		assertEquals(List.of("identify", "plan", "remove"),
				List.copyOf(DeadlineSchedule.singleSteps(list, fx.bod).keySet()));
	}

	@Test
	void aStepCountedFromThePreviousOneRunsFromItsDate() {
		Rule r = ReviewFactory.eINSTANCE.createRule();
		r.setId("NDAA19-889A");
		r.getDeadlines().add(step("report", 1, DeadlineBase.ISSUE_DATE));
		r.getDeadlines().add(step("details", 10, DeadlineBase.PREVIOUS_STEP));
		// The issue's own example: Juneteenth observed on Friday 2021-06-18, Independence Day on Monday 2021-07-05.
		List<Entry> d = DeadlineSchedule.compute(r, LocalDate.of(2021, 6, 17), 3, BusinessCalendar.federal());
		assertEquals(List.of(new Entry("report", LocalDate.of(2021, 6, 21)),
				new Entry("details", LocalDate.of(2021, 7, 6))), d);
	}

	@Test
	void aDeadlineTheRuleNoLongerNamesIsStillPrinted() {
		List<OrderStep> steps = DeadlineSchedule.steps(List.of(od("report-details", "2019-09-17")), fx.bod);
		assertEquals(1, steps.size());
		assertEquals("Report-details", steps.get(0).label());
		assertEquals(LocalDate.of(2019, 9, 17), steps.get(0).due());
	}

	private static Deadline step(String name, int offset, DeadlineBase base) {
		Deadline d = ReviewFactory.eINSTANCE.createDeadline();
		d.setName(name);
		d.setOffset(offset);
		d.setUnit(DayUnit.BUSINESS_DAYS);
		d.setBase(base);
		return d;
	}

	private static OrderDeadline od(String name, String date) {
		OrderDeadline d = ReviewFactory.eINSTANCE.createOrderDeadline();
		d.setName(name);
		d.setDate(LocalDate.parse(date));
		return d;
	}
}
