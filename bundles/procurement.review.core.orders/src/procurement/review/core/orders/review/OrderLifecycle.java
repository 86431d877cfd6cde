package procurement.review.core.orders.review;

import java.util.List;
import java.util.Objects;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.SetCommand;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.model.OrderStatus;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewPackage.Literals;

/**
 * Moves a removal order through its statuses: DRAFT, ISSUED, ACKNOWLEDGED, IN_PROGRESS, COMPLETED. An order only
 * moves forward, one step at a time, so the audit log shows every step a department went through; each step is
 * one undoable command together with its audit entry.
 */
public final class OrderLifecycle {

	private OrderLifecycle() {
	}

	/**
	 * The status after a status.
	 *
	 * @param status a status; null counts as DRAFT
	 * @return the next status, or null after COMPLETED
	 */
	public static OrderStatus next(OrderStatus status) {
		OrderStatus s = status == null ? OrderStatus.DRAFT : status;
		return switch (s) {
			case DRAFT -> OrderStatus.ISSUED;
			case ISSUED -> OrderStatus.ACKNOWLEDGED;
			case ACKNOWLEDGED -> OrderStatus.IN_PROGRESS;
			case IN_PROGRESS -> OrderStatus.COMPLETED;
			case COMPLETED -> null;
		};
	}

	/**
	 * The statuses an order may move to from a status: the next one, none after COMPLETED. A menu of status changes
	 * offers exactly these.
	 *
	 * @param status a status; null counts as DRAFT
	 * @return the allowed statuses, empty for a completed order
	 */
	public static List<OrderStatus> allowedNext(OrderStatus status) {
		OrderStatus next = next(status);
		return next == null ? List.of() : List.of(next);
	}

	/**
	 * Tells whether moving to a status should be confirmed first: issuing an order sends it to a department, after
	 * which it is never changed (a correction becomes a new revision).
	 *
	 * @param target the status moved to
	 * @return true for ISSUED
	 */
	public static boolean needsConfirmation(OrderStatus target) {
		return target == OrderStatus.ISSUED;
	}

	/**
	 * Builds the command that moves an order to a status, with its audit entry, without executing it.
	 *
	 * @param session the session
	 * @param order   the order, in the session's review
	 * @param target  the next status of the order
	 * @param author  who makes the change
	 * @return the command
	 * @throws IllegalStateException when {@code target} is not the order's next status (null, or anything after
	 *                               COMPLETED)
	 */
	public static Command createCommand(ReviewSession session, RemovalOrder order, OrderStatus target,
			String author) {
		Objects.requireNonNull(order, "order");
		OrderStatus from = order.getStatus() == null ? OrderStatus.DRAFT : order.getStatus();
		OrderStatus next = next(from);
		if (target == null || target != next) {
			throw new IllegalStateException("Order " + order.getNumber() + " is " + from.getName() + "; "
					+ (next == null ? "it is completed and cannot change any more"
							: "it can only move on to " + next.getName() + ", not to "
									+ (target == null ? "no status" : target.getName())
									+ " (statuses only move forward, one step at a time)"));
		}
		CompoundCommand cc = new CompoundCommand("Order " + order.getNumber() + ": " + target.getName());
		cc.append(SetCommand.create(session.editingDomain(), order, Literals.REMOVAL_ORDER__STATUS, target));
		cc.append(AuditLog.append(session.editingDomain(), session.review(), author, "order-status",
				order.getNumber() + ": " + from.getName() + " -> " + target.getName()));
		return cc;
	}

	/**
	 * Moves an order to its next status through the session's command stack.
	 *
	 * @param session the session
	 * @param order   the order
	 * @param target  the next status of the order
	 * @param author  who makes the change
	 * @throws IllegalStateException when {@code target} is not the order's next status, or the command could not
	 *                               execute
	 */
	public static void advance(ReviewSession session, RemovalOrder order, OrderStatus target, String author) {
		Command c = createCommand(session, order, target, author);
		session.commandStack().execute(c);
		if (session.commandStack().getUndoCommand() != c) {
			throw new IllegalStateException("Order " + order.getNumber() + " could not be set to " + target.getName());
		}
	}
}
