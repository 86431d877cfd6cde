package procurement.review.core.orders.review.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.core.orders.BusinessCalendar;
import procurement.review.core.orders.Deadlines;
import procurement.review.core.orders.review.DeadlineSchedule;
import procurement.review.core.orders.review.DeadlineSchedule.Entry;
import procurement.review.model.OrderDeadline;
import procurement.review.model.ReviewFactory;

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
    void namedDeadlinesMapOntoTheRendererSteps() {
        List<OrderDeadline> list = List.of(od("identify", "2017-10-13"), od("plan", "2017-11-12"),
                od("remove", "2017-12-12"), od("status 2", "2018-02-10"), od("status 1", "2018-01-11"));
        Deadlines d = DeadlineSchedule.toDeadlines(list);
        assertEquals(LocalDate.of(2017, 10, 13), d.identify());
        assertEquals(LocalDate.of(2017, 11, 12), d.plan());
        assertEquals(LocalDate.of(2017, 12, 12), d.remove());
        assertEquals(List.of(LocalDate.of(2018, 1, 11), LocalDate.of(2018, 2, 10)), d.statusReports());
    }

    @Test
    void otherNamesFillTheFreeStepsInOrder() {
        Deadlines d = DeadlineSchedule.toDeadlines(List.of(od("report", "2019-09-03"),
                od("report-details", "2019-09-17")));
        assertEquals(LocalDate.of(2019, 9, 3), d.identify());
        assertEquals(LocalDate.of(2019, 9, 17), d.plan());
        assertNull(d.remove());
        assertEquals(List.of(), d.statusReports());
    }

    private static OrderDeadline od(String name, String date) {
        OrderDeadline d = ReviewFactory.eINSTANCE.createOrderDeadline();
        d.setName(name);
        d.setDate(LocalDate.parse(date));
        return d;
    }
}
