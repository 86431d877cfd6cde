package procurement.review.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import procurement.review.core.orders.review.OrderLifecycle;
import procurement.review.model.OrderStatus;
import procurement.review.model.RemovalOrder;

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

	int draft(long reviewId, int readAt, List<RemovalOrder> orders, String author) throws StoreException {
		if (author == null || author.isBlank()) {
			throw new StoreException("orders are recorded by a named reviewer");
		}
		try (Lease lease = store.lease()) {
			Connection c = lease.connection();
			c.setAutoCommit(false);
			try {
				int seq = draft(c, reviewId, readAt, orders, author);
				c.commit();
				return seq;
			} catch (SQLException | StoreException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		} catch (SQLException e) {
			throw store.failed("recording the orders of review " + reviewId, e);
		}
	}

	/** Records generated orders as drafts, each with its first status change, under one audit entry. */
	private static int draft(Connection c, long reviewId, int readAt, List<RemovalOrder> orders, String author)
			throws SQLException, StoreException {
		SharedAudit.Head head = SharedWrites.lockUnchanged(c, reviewId, readAt);
		int seq = head.seq() + 1;
		StringBuilder parts = new StringBuilder();
		try (PreparedStatement exists = c.prepareStatement("select status from removal_order where review_id = ?"
				+ " and number = ? and revision = ?");
				PreparedStatement insert = c.prepareStatement("insert into removal_order (review_id, number,"
						+ " revision, department_code, rule_id, rule_set_version, issue_date, status, reviewer,"
						+ " review_state_hash, content_digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id");
				PreparedStatement change = c.prepareStatement("insert into order_status_change (order_id, status,"
						+ " changed_by, audit_seq) values (?, ?, ?, ?)")) {
			for (RemovalOrder o : orders) {
				exists.setLong(1, reviewId);
				exists.setString(2, o.getNumber());
				exists.setInt(3, o.getRevision());
				try (ResultSet r = exists.executeQuery()) {
					if (r.next()) {
						throw new StoreException("review " + reviewId + " already has order " + o.getNumber()
								+ " revision " + o.getRevision() + " (" + r.getString(1) + "); nothing was recorded");
					}
				}
				insert.setLong(1, reviewId);
				insert.setString(2, o.getNumber());
				insert.setInt(3, o.getRevision());
				insert.setString(4, o.getDepartment() == null ? null : o.getDepartment().getCode());
				insert.setString(5, o.getRule() == null ? null : o.getRule().getId());
				insert.setString(6, o.getRuleSetVersion());
				if (o.getIssueDate() == null) {
					insert.setNull(7, Types.DATE);
				} else {
					insert.setDate(7, Date.valueOf(o.getIssueDate()));
				}
				insert.setString(8, OrderStatus.DRAFT.getName());
				insert.setString(9, o.getReviewer());
				insert.setString(10, o.getReviewStateHash());
				insert.setString(11, o.getContentDigest());
				long id;
				try (ResultSet r = insert.executeQuery()) {
					r.next();
					id = r.getLong(1);
				}
				change.setLong(1, id);
				change.setString(2, OrderStatus.DRAFT.getName());
				change.setString(3, author);
				change.setInt(4, seq);
				change.executeUpdate();
				parts.append("order ").append(id).append('\t').append(o.getNumber()).append(" revision ")
						.append(o.getRevision()).append(": ").append(OrderStatus.DRAFT.getName()).append('\t')
						.append(o.getContentDigest()).append('\n');
			}
		}
		SharedAudit.append(c, reviewId, head, author, "orders", orders.size() + (orders.size() == 1 ? " order" :
				" orders") + " drafted by " + author, parts.toString());
		SharedWrites.announce(c, reviewId, seq, "orders");
		return seq;
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
