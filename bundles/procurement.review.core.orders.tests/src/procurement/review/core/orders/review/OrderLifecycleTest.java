package procurement.review.core.orders.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procurement.review.core.AuditLog;
import procurement.review.model.AuditEntry;
import procurement.review.model.OrderStatus;
import procurement.review.model.RemovalOrder;

class OrderLifecycleTest {

	private final ReviewFixture fx = new ReviewFixture();
	private RemovalOrder order;

	@BeforeEach
	void generate() {
		new OrderGenerator(fx.session).generate(fx.bod, ReviewFixture.BOD_ISSUED);
		order = OrderGenerator.currentOrders(fx.review, fx.bod).get(0);
	}

	@Test
	void statusesMoveForwardOneStepEachAudited() {
		List<OrderStatus> steps = List.of(OrderStatus.ISSUED, OrderStatus.ACKNOWLEDGED, OrderStatus.IN_PROGRESS,
				OrderStatus.COMPLETED);
		for (OrderStatus s : steps) {
			OrderLifecycle.advance(fx.session, order, s, "Jane Roe");
			assertEquals(s, order.getStatus());
			AuditEntry last = fx.review.getAuditLog().get(fx.review.getAuditLog().size() - 1);
			assertEquals("order-status", last.getAction());
			assertEquals("Jane Roe", last.getAuthor());
			assertTrue(last.getDetail().startsWith(order.getNumber() + ": "), last.getDetail());
			assertTrue(last.getDetail().endsWith("-> " + s.getName()), last.getDetail());
		}
		assertEquals(1 + steps.size(), fx.review.getAuditLog().size());
		assertTrue(AuditLog.verify(fx.review).isEmpty());
		assertNull(OrderLifecycle.next(OrderStatus.COMPLETED));
	}

	@Test
	void eachStepIsUndoneWithItsAuditEntry() {
		OrderLifecycle.advance(fx.session, order, OrderStatus.ISSUED, "Jane Roe");
		int entries = fx.review.getAuditLog().size();
		OrderLifecycle.advance(fx.session, order, OrderStatus.ACKNOWLEDGED, "Jane Roe");
		fx.session.commandStack().undo();
		assertEquals(OrderStatus.ISSUED, order.getStatus());
		assertEquals(entries, fx.review.getAuditLog().size());
		fx.session.commandStack().undo();
		assertEquals(OrderStatus.DRAFT, order.getStatus());
		fx.session.commandStack().redo();
		assertEquals(OrderStatus.ISSUED, order.getStatus());
	}

	@Test
	void skippingGoingBackAndStayingAreRefused() {
		IllegalStateException skip = assertThrows(IllegalStateException.class,
				() -> OrderLifecycle.advance(fx.session, order, OrderStatus.ACKNOWLEDGED, "Jane Roe"));
		assertTrue(skip.getMessage().contains("is DRAFT"), skip.getMessage());
		assertTrue(skip.getMessage().contains("only move on to ISSUED, not to ACKNOWLEDGED"), skip.getMessage());
		OrderLifecycle.advance(fx.session, order, OrderStatus.ISSUED, "Jane Roe");
		assertThrows(IllegalStateException.class,
				() -> OrderLifecycle.advance(fx.session, order, OrderStatus.DRAFT, "Jane Roe"));
		assertThrows(IllegalStateException.class,
				() -> OrderLifecycle.advance(fx.session, order, OrderStatus.ISSUED, "Jane Roe"));
		assertEquals(OrderStatus.ISSUED, order.getStatus());
		assertEquals(2, fx.review.getAuditLog().size(), "refused changes leave no audit entry");
	}

	@Test
	void completedOrdersCannotChange() {
		for (OrderStatus s : List.of(OrderStatus.ISSUED, OrderStatus.ACKNOWLEDGED, OrderStatus.IN_PROGRESS,
				OrderStatus.COMPLETED)) {
			OrderLifecycle.advance(fx.session, order, s, "Jane Roe");
		}
		IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> OrderLifecycle.advance(fx.session, order, OrderStatus.COMPLETED, "Jane Roe"));
		assertTrue(e.getMessage().contains("completed"), e.getMessage());
		// What the workbench's Advance status did on a completed order: the next status is none. A clear refusal,
		// not a NullPointerException.
		IllegalStateException none = assertThrows(IllegalStateException.class, () -> OrderLifecycle.advance(
				fx.session, order, OrderLifecycle.next(order.getStatus()), "Jane Roe"));
		assertEquals("Order " + order.getNumber() + " is COMPLETED; it is completed and cannot change any more",
				none.getMessage());
		assertEquals(List.of(), OrderLifecycle.allowedNext(OrderStatus.COMPLETED));
	}

	@Test
	void theAllowedNextStatusesAndWhichOnesAreConfirmed() {
		assertEquals(List.of(OrderStatus.ISSUED), OrderLifecycle.allowedNext(null));
		assertEquals(List.of(OrderStatus.ACKNOWLEDGED), OrderLifecycle.allowedNext(OrderStatus.ISSUED));
		assertEquals(List.of(OrderStatus.COMPLETED), OrderLifecycle.allowedNext(OrderStatus.IN_PROGRESS));
		assertTrue(OrderLifecycle.needsConfirmation(OrderStatus.ISSUED));
		assertTrue(!OrderLifecycle.needsConfirmation(OrderStatus.ACKNOWLEDGED));
	}
}
