package procurement.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import procurement.review.core.orders.review.OrderLifecycle;
import procurement.review.model.OrderStatus;

/**
 * The orders of a shared review and their status: an order moves forward one status at a time
 * ({@link OrderLifecycle}), each step appended to its history ({@code order_status_change}) with one audit entry
 * and announced to the other reviewers. Only a lead of the review issues an order (DRAFT to ISSUED); the later steps,
 * which a department reports, are any member's. Two members moving the same order at once cannot both succeed: the
 * second finds the order no longer at the status it moves from ({@link ConflictException}).
 */
final class SharedOrders {

	private final ReviewStore store;

	SharedOrders(ReviewStore store) {
		this.store = store;
	}

	List<SharedOrder> list(long reviewId) throws StoreException {
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			StoreSummary.requireReview(c, reviewId);
			List<SharedOrder> out = new ArrayList<>();
			try (PreparedStatement s = c.prepareStatement("select number, revision, department_code, rule_id, status"
					+ " from removal_order o where review_id = ? and revision = (select max(revision) from"
					+ " removal_order where review_id = o.review_id and number = o.number) order by number")) {
				s.setLong(1, reviewId);
				try (ResultSet r = s.executeQuery()) {
					while (r.next()) {
						out.add(new SharedOrder(r.getString(1), r.getInt(2), r.getString(3), r.getString(4),
								r.getString(5)));
					}
				}
			}
			return out;
		} catch (SQLException e) {
			throw store.failed("reading the orders of review " + reviewId, e);
		}
	}

	int advance(long reviewId, String number, OrderStatus target, String reviewer) throws StoreException {
		if (reviewer == null || reviewer.isBlank()) {
			throw new StoreException("an order's status is changed by a named reviewer");
		}
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			c.setAutoCommit(false);
			try {
				int seq = advance(c, reviewId, number, target, reviewer);
				c.commit();
				return seq;
			} catch (SQLException | StoreException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw store.failed("changing order " + number, e);
		}
	}

	private static int advance(Connection c, long reviewId, String number, OrderStatus target, String reviewer)
			throws SQLException, StoreException {
		// The review's row lock orders the writers of one review: the audit chain has one head at a time.
		try (PreparedStatement s = c.prepareStatement("select id from review where id = ? for update")) {
			s.setLong(1, reviewId);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					throw new StoreException("there is no shared review " + reviewId + " in this database");
				}
			}
		}
		String role = ReviewMembers.role(c, reviewId, reviewer);
		if (target == OrderStatus.ISSUED && !ReviewMembers.LEAD.equals(role)) {
			throw new StoreException("only a lead of review " + reviewId + " issues orders; " + reviewer + " is "
					+ (role == null ? "not a member of it" : "a " + role));
		}
		if (role == null) {
			throw new StoreException(reviewer + " is not a member of review " + reviewId);
		}
		long id;
		int revision;
		OrderStatus from;
		try (PreparedStatement s = c.prepareStatement("select id, revision, status from removal_order"
				+ " where review_id = ? and number = ? order by revision desc limit 1")) {
			s.setLong(1, reviewId);
			s.setString(2, number);
			try (ResultSet r = s.executeQuery()) {
				if (!r.next()) {
					throw new StoreException("review " + reviewId + " has no order " + number);
				}
				id = r.getLong(1);
				revision = r.getInt(2);
				from = OrderStatus.getByName(r.getString(3));
				if (from == null) {
					throw new StoreException("order " + number + " has the unknown status '" + r.getString(3) + "'");
				}
			}
		}
		OrderStatus next = OrderLifecycle.next(from);
		if (target != next) {
			String word = from.getName().toLowerCase(Locale.ROOT).replace('_', ' ');
			String message = "order " + number + " is " + word + (next == null ? " and cannot change any more"
					: "; it can only move on to " + next.getName().toLowerCase(Locale.ROOT).replace('_', ' '));
			// The order is past the status the reviewer moved it from: someone else moved it meanwhile.
			if (from.getValue() >= target.getValue()) {
				throw new ConflictException(message + " (changed by someone else meanwhile)");
			}
			throw new StoreException(message);
		}
		SharedAudit.Head head = SharedAudit.head(c, reviewId);
		int seq = head.seq() + 1;
		try (PreparedStatement s = c.prepareStatement("update removal_order set status = ? where id = ?")) {
			s.setString(1, target.getName());
			s.setLong(2, id);
			s.executeUpdate();
		}
		try (PreparedStatement s = c.prepareStatement("insert into order_status_change (order_id, status,"
				+ " changed_by, audit_seq) values (?, ?, ?, ?)")) {
			s.setLong(1, id);
			s.setString(2, target.getName());
			s.setString(3, reviewer);
			s.setInt(4, seq);
			s.executeUpdate();
		}
		String change = number + " revision " + revision + ": " + from.getName() + " -> " + target.getName();
		SharedAudit.append(c, reviewId, head, reviewer, "order-status", change + " by " + reviewer,
				"order " + id + "\t" + change + "\n");
		try (PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
			notify.setString(1, ChangeListener.CHANNEL);
			notify.setString(2, ChangeListener.payload(reviewId, seq, "order-status"));
			notify.executeQuery().close();
		}
		return seq;
	}
}
