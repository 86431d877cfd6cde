package procurement.review.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrderTotalsTest {

	@Test
	void totalsEqualTheSumOfTheRows() {
		OrderDocument o = SampleOrders.order("T-1", 500);
		List<OrderLine> affected = o.affectedLines();
		BigDecimal rows = affected.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		OrderTotals t = o.totals();
		assertEquals(0, rows.compareTo(t.total()));
		assertEquals(affected.size(), t.lineCount());
		assertEquals(0, t.total().compareTo(t.byComponent().values().stream().reduce(BigDecimal.ZERO,
				BigDecimal::add)));
		assertEquals(0, t.total().compareTo(t.byVendor().values().stream().reduce(BigDecimal.ZERO,
				BigDecimal::add)));
		for (String comp : t.byComponent().keySet()) {
			BigDecimal expected = affected.stream().filter(l -> l.component().equals(comp))
					.map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertEquals(0, expected.compareTo(t.byComponent().get(comp)), comp);
		}
	}

	@Test
	void sectionsSplitByStatusAndUnsureLinesStayOutOfTheTotals() {
		OrderDocument o = SampleOrders.order("T-2", 200);
		assertEquals(o.lines().size(), o.affectedLines().size() + o.toBeConfirmedLines().size());
		assertTrue(o.toBeConfirmedLines().stream().allMatch(l -> l.status() == LineStatus.UNSURE));
		assertTrue(o.affectedLines().stream().anyMatch(l -> l.status() == LineStatus.UNREVIEWED));
		assertTrue(o.toBeConfirmedLines().size() > 0);
		assertEquals(o.affectedLines().size(), o.totals().lineCount());
	}

	@Test
	void decimalsAreExactWhereDoublesWouldDrift() {
		List<OrderLine> lines = List.of(
				line("A", "V", "0.10"), line("A", "V", "0.20"), line("B", "W", "-0.30"), line("B", "V", "1e2"));
		OrderTotals t = OrderTotals.of(lines);
		assertEquals(new BigDecimal("100.00"), t.total());
		assertEquals(new BigDecimal("0.30"), t.byComponent().get("A"));
		assertEquals(new BigDecimal("-0.30"), t.byVendor().get("W"));
	}

	@Test
	void planHasFourteenElementsAToN() {
		List<PlanEntry> blank = BodPlan.blank();
		assertEquals(BodPlan.ELEMENT_COUNT, blank.size());
		assertEquals("a", blank.get(0).letter());
		assertEquals("n", blank.get(13).letter());
		assertTrue(blank.stream().allMatch(PlanEntry::isBlank));
		OrderDocument o = SampleOrders.order("T-3", 40);
		assertEquals("Department of the Treasury", o.plan().get(0).value());
		assertTrue(o.plan().get(1).value().contains("202-555-0100"));
		assertTrue(o.plan().get(7).value().startsWith(o.affectedLines().stream().map(OrderLine::piid)
				.distinct().count() + " award(s)"));
		assertTrue(o.plan().get(13).isBlank());
	}

	private static OrderLine line(String comp, String vendor, String amount) {
		return new OrderLine(comp, "P", "", null, vendor, "", "", new BigDecimal(amount), "", "f.csv", 2,
				LineStatus.CONFIRMED);
	}
}
