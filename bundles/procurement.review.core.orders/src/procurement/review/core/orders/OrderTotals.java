package procurement.review.core.orders;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of a set of order lines, per component and per vendor, summed exactly with {@link BigDecimal} so
 * that every total equals the sum of the rows printed above it.
 *
 * @param lineCount   the number of lines summed
 * @param total       the sum of all amounts
 * @param byComponent sum per component, ordered by component name
 * @param byVendor    sum per vendor name, ordered by vendor name
 */
public record OrderTotals(int lineCount, BigDecimal total, Map<String, BigDecimal> byComponent,
		Map<String, BigDecimal> byVendor) {

	/**
	 * Copies the maps, keeping their order.
	 *
	 * @param lineCount   number of lines
	 * @param total       grand total
	 * @param byComponent per component
	 * @param byVendor    per vendor
	 */
	public OrderTotals {
		byComponent = Collections.unmodifiableMap(new LinkedHashMap<>(byComponent));
		byVendor = Collections.unmodifiableMap(new LinkedHashMap<>(byVendor));
	}

	/**
	 * Sums lines. Lines are not filtered by status: pass the section you want summed.
	 *
	 * @param lines the lines
	 * @return the totals
	 */
	public static OrderTotals of(Collection<OrderLine> lines) {
		Map<String, BigDecimal> comp = new TreeMap<>();
		Map<String, BigDecimal> vend = new TreeMap<>();
		BigDecimal total = BigDecimal.ZERO;
		for (OrderLine l : lines) {
			total = total.add(l.amount());
			comp.merge(l.component(), l.amount(), BigDecimal::add);
			vend.merge(l.vendorName(), l.amount(), BigDecimal::add);
		}
		return new OrderTotals(lines.size(), total, comp, vend);
	}
}
