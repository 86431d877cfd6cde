package procurement.review.core.orders.review;

import java.math.BigDecimal;

import procurement.review.core.orders.LineStatus;
import procurement.review.model.OrderItem;
import procurement.review.model.RemovalOrder;

/**
 * The counts and total of one order, computed once and the same wherever they are shown: the Orders table, the
 * order documents, the index and the command line. The order's actions and total are its affected actions,
 * confirmed and unreviewed; actions to be confirmed (a reviewer was unsure, or the rule depends on a purpose no
 * reviewer has looked at), bought before the rule applied, or excepted by a reviewer are counted apart and are in
 * no total.
 *
 * @param actions         affected actions (confirmed and unreviewed)
 * @param unreviewed      of those, the ones no reviewer has decided
 * @param toBeConfirmed   actions to be confirmed
 * @param beforeEffective actions bought before the rule applied to them
 * @param excepted        actions a reviewer recorded an exception for
 * @param total           the sum of the affected actions' obligations
 */
public record OrderFigures(int actions, int unreviewed, int toBeConfirmed, int beforeEffective, int excepted,
		BigDecimal total) {

	/**
	 * Computes the figures of an order from its items.
	 *
	 * @param order the order
	 * @return its figures
	 */
	public static OrderFigures of(RemovalOrder order) {
		int actions = 0;
		int unreviewed = 0;
		int tbc = 0;
		int before = 0;
		int excepted = 0;
		BigDecimal total = BigDecimal.ZERO;
		for (OrderItem i : order.getItems()) {
			if (i.getAction() == null) {
				continue;
			}
			LineStatus status = OrderDocuments.status(i.getSection());
			switch (status) {
				case CONFIRMED, UNREVIEWED -> {
					actions++;
					if (status == LineStatus.UNREVIEWED) {
						unreviewed++;
					}
					if (i.getAction().getObligation() != null) {
						total = total.add(i.getAction().getObligation());
					}
				}
				case UNSURE -> tbc++;
				case BEFORE_EFFECTIVE -> before++;
				case EXCEPTED -> excepted++;
			}
		}
		return new OrderFigures(actions, unreviewed, tbc, before, excepted, total);
	}
}
