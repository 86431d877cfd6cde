package procurement.review.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;
import procurement.review.model.OrderStatus;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewProject;

/**
 * Shared reviews in PostgreSQL: several reviewers work one review at once, and their decisions, orders and the
 * audit log are the record. This facade opens the database (migrating its schema, {@link Schema}) and offers what
 * a reviewer does: share a review file ({@link Sharing}), read a vendor's hits and decide them with optimistic
 * concurrency ({@link SharedDecisions}), and summarise a review with its audit chain checked ({@link StoreSummary}).
 * <p>
 * Every statement is parameterised. The URL decides the transport: {@code sslmode=require} or
 * {@code sslmode=verify-full} in it make the driver use TLS (and check the server's certificate with
 * {@code verify-full}).
 */
public final class ReviewStore implements AutoCloseable {

	private final DataSource dataSource;
	private final DatabaseAddress address;
	private final ReentrantLock lock = new ReentrantLock();
	private Connection connection; // guarded by lock

	private ReviewStore(DatabaseAddress address, DataSource dataSource) {
		this.address = address;
		this.dataSource = dataSource;
	}

	/**
	 * Opens a database holding shared reviews, migrating its schema to the newest version first.
	 *
	 * @param address the database
	 * @return the store
	 * @throws StoreException when the database cannot be reached, refuses the user, or cannot be migrated
	 */
	public static ReviewStore open(DatabaseAddress address) throws StoreException {
		ReviewStore store = new ReviewStore(address, dataSource(address));
		try {
			store.check();
			Schema.migrate(store.dataSource);
			return store;
		} catch (StoreException | RuntimeException e) {
			store.close();
			throw e;
		}
	}

	/**
	 * @param address a database
	 * @return its data source, not connected yet (for {@link Schema} and tests)
	 * @throws StoreException when the URL cannot be parsed
	 */
	public static DataSource dataSource(DatabaseAddress address) throws StoreException {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setURL(address.url());
		if (source.getServerNames() == null || source.getServerNames().length == 0) {
			throw new StoreException("'" + address.url() + "' names no server");
		}
		if (address.user() != null) {
			source.setUser(address.user());
		}
		if (address.password() != null) {
			source.setPassword(address.password());
		}
		source.setApplicationName("procurement-review");
		// Multi-row inserts for the rows and hits of a shared review: one round trip per batch.
		source.setReWriteBatchedInserts(true);
		return source;
	}

	/** @return the database */
	public DatabaseAddress address() {
		return address;
	}

	/**
	 * @return a new connection of its own, in auto-commit mode, for work beside the store's (tests, listeners); the
	 *         caller closes it
	 * @throws StoreException when the database cannot be reached
	 */
	public Connection connect() throws StoreException {
		try {
			return dataSource.getConnection();
		} catch (SQLException e) {
			throw unreachable(e);
		}
	}

	/**
	 * Lends the store's connection to one operation; operations of several threads take turns.
	 *
	 * @return the lease, to close when the operation is done
	 * @throws StoreException when the database cannot be reached
	 */
	Lease lease() throws StoreException {
		lock.lock();
		try {
			if (connection == null || connection.isClosed()) {
				connection = dataSource.getConnection();
			}
			return new Lease(lock, connection, this::discard);
		} catch (SQLException e) {
			discard();
			lock.unlock();
			throw unreachable(e);
		} catch (RuntimeException e) {
			discard();
			lock.unlock();
			throw e;
		}
	}

	private void discard() {
		if (connection != null) {
			try {
				connection.close();
			} catch (SQLException e) {
				// Already gone: nothing is left to release.
			}
			connection = null;
		}
	}

	/** Closes the store's connection; a later operation opens a new one. */
	@Override
	public void close() {
		lock.lock();
		try {
			discard();
		} finally {
			lock.unlock();
		}
	}

	/**
	 * Copies a review into the store: its reports and rows, hits, decisions, orders and audit log, and appends a
	 * {@code share} entry to the log. The review's own log must be intact.
	 *
	 * @param review   the review
	 * @param source   where it came from (its file name)
	 * @param sharedBy who shares it: its first lead
	 * @return the id of the shared review
	 * @throws StoreException when the review's log is broken or the database refuses
	 */
	public long share(ReviewProject review, String source, String sharedBy) throws StoreException {
		return new Sharing(this).share(review, source, sharedBy);
	}

	/**
	 * Reads the hits of a vendor, with the version of each (its newest decision), to decide them later.
	 *
	 * @param reviewId the shared review
	 * @param vendor   the vendor's name, as in the review (case does not matter)
	 * @return every hit of the vendor's identities
	 * @throws StoreException when there is no such review or the vendor has no hit
	 */
	public VendorHits read(long reviewId, String vendor) throws StoreException {
		return new SharedDecisions(this).read(reviewId, vendor);
	}

	/**
	 * Decides hits as they were read, all or none, with one audit entry.
	 *
	 * @param seen     the hits as read
	 * @param state    the answer
	 * @param reviewer who answers
	 * @param note     why, may be null
	 * @return the sequence number of the audit entry written
	 * @throws ConflictException when a hit changed since it was read: nothing is written
	 * @throws StoreException    when the database refuses
	 */
	public int decide(VendorHits seen, DecisionState state, String reviewer, String note) throws StoreException {
		Objects.requireNonNull(state, "state");
		return new SharedDecisions(this).decide(seen, state, reviewer, note);
	}

	/**
	 * Listens to the changes other reviewers commit to a shared review.
	 *
	 * @param reviewId the shared review
	 * @param changes  called on the listener's thread with each change, and once with
	 *                 {@link ChangeListener.Change#LOST}
	 *                 if the connection is lost
	 * @return the listener, to close when the review is closed
	 * @throws StoreException when the database cannot be reached
	 */
	public ChangeListener listen(long reviewId, Consumer<ChangeListener.Change> changes) throws StoreException {
		return ChangeListener.start(this, reviewId, changes);
	}

	/**
	 * Reads a shared review into a review model for a workbench, with its audit chain checked in the same snapshot.
	 *
	 * @param reviewId the shared review
	 * @return the review, the audit entry it is current to, and the chain's state
	 * @throws StoreException when there is no such review or the database cannot be reached
	 */
	public SharedSnapshot load(long reviewId) throws StoreException {
		return new SharedReviewReader(this).read(reviewId);
	}

	/**
	 * @param reviewId the shared review
	 * @param seq      the newest audit entry a workbench has applied
	 * @return the newest decision of every hit decided after that entry, oldest entry first
	 * @throws StoreException when the database cannot be reached
	 */
	public List<SharedDecision> decisionsSince(long reviewId, int seq) throws StoreException {
		return new SharedReviewReader(this).since(reviewId, seq);
	}

	/**
	 * @param reviewId the shared review
	 * @param seq      an entry of its audit log
	 * @return what the entry says was done, or null when there is no such entry
	 * @throws StoreException when the database cannot be reached
	 */
	public String auditDetail(long reviewId, int seq) throws StoreException {
		return new SharedReviewReader(this).entry(reviewId, seq);
	}

	/**
	 * @param reviewId the shared review
	 * @return its orders, the newest revision of each, by number
	 * @throws StoreException when there is no such review
	 */
	public List<SharedOrder> orders(long reviewId) throws StoreException {
		return new SharedOrders(this).list(reviewId);
	}

	/**
	 * Moves an order to its next status, with one audit entry; only a lead issues an order.
	 *
	 * @param reviewId the shared review
	 * @param number   the order's number
	 * @param target   the next status
	 * @param reviewer who changes it: a member of the review
	 * @return the sequence number of the audit entry written
	 * @throws ConflictException when someone else moved the order past its status meanwhile
	 * @throws StoreException    when the reviewer may not, the status is not the next one, or the database refuses
	 */
	public int advanceOrder(long reviewId, String number, OrderStatus target, String reviewer)
			throws StoreException {
		Objects.requireNonNull(target, "target");
		return new SharedOrders(this).advance(reviewId, number, target, reviewer);
	}

	/**
	 * Runs the workbench's matcher on a shared review as read, and stores its new hits and its tags with one audit
	 * entry, if no change was committed to the review since it was read.
	 *
	 * @param reviewId the shared review
	 * @param seen     the review as read ({@link #load}); the run changes it
	 * @param reviewer who runs it
	 * @return what was stored
	 * @throws ConflictException when the review changed since it was read: nothing is written
	 * @throws StoreException    when its audit chain is broken, it was tagged with another rule set, or the database
	 *                           refuses
	 */
	public TaggingResult tag(long reviewId, SharedSnapshot seen, String reviewer) throws StoreException {
		Objects.requireNonNull(seen, "seen");
		return new SharedTagging(this).tag(reviewId, seen, reviewer);
	}

	/**
	 * Records orders generated from a shared review as read ({@code review --db}) as drafts, with one audit entry, if
	 * no change was committed to the review since it was read. Only a lead issues them later ({@link #advanceOrder}).
	 *
	 * @param reviewId the shared review
	 * @param readAt   the audit entry the review was read at ({@link SharedSnapshot#auditSeq})
	 * @param orders   the orders
	 * @param author   who made them
	 * @return the sequence number of the audit entry written
	 * @throws ConflictException when the review changed since it was read: nothing is written
	 * @throws StoreException    when an order of the same number and revision is already stored, or the database
	 *                           refuses
	 */
	public int recordDrafts(long reviewId, int readAt, List<RemovalOrder> orders, String author)
			throws StoreException {
		return new SharedOrders(this).draft(reviewId, readAt, orders, author);
	}

	/**
	 * Runs the workbench's matcher on a shared review as read, as {@code tag} and {@code review} do on a file, without
	 * storing anything.
	 *
	 * @param reviewId the shared review
	 * @param seen     the review as read ({@link #load}); the run changes it
	 * @param author   who runs it
	 * @return a session over the matched review, its rule set the built-in one
	 * @throws StoreException when its audit chain is broken or it was tagged with another rule set
	 */
	public ReviewSession match(long reviewId, SharedSnapshot seen, String author) throws StoreException {
		return SharedMatching.match(reviewId, seen, author).session();
	}

	/**
	 * Names a member of a shared review (or changes a member's role), with one audit entry.
	 *
	 * @param reviewId the shared review
	 * @param member   the reviewer named
	 * @param role     {@code reviewer} or {@code lead}
	 * @param lead     who names them: a lead of the review
	 * @return the sequence number of the audit entry written
	 * @throws StoreException when {@code lead} is not a lead of the review, or the role is unknown
	 */
	public int nameMember(long reviewId, String member, String role, String lead) throws StoreException {
		return new ReviewMembers(this).name(reviewId, member, role, lead);
	}

	/**
	 * Who acts on this connection. A database user held to its own name (schema version 4: neither a superuser nor
	 * the owner of the schema) acts only as itself, as the database's triggers check; the schema's owner acts for
	 * the reviewer it names, as before version 4 (sharing a review file copies its reviewers' decisions).
	 *
	 * @param claimed the reviewer given ({@code --reviewer}), null when none was
	 * @return the reviewer to record: the one claimed, or the connection's database user when none was
	 * @throws StoreException when a held user claims another name, or the connection names no user
	 */
	public String actor(String claimed) throws StoreException {
		String name = claimed == null || claimed.isBlank() ? null : claimed.strip();
		try (Lease lease = lease(); Statement s = lease.connection().createStatement();
				ResultSet r = s.executeQuery("select session_user, review_session_held()")) {
			r.next();
			String user = r.getString(1);
			if (name == null) {
				return user;
			}
			if (r.getBoolean(2) && !name.equals(user)) {
				throw new StoreException("--reviewer " + name + " refused: connected as database user " + user
						+ ", who acts only as " + user);
			}
			return name;
		} catch (SQLException e) {
			throw failed("finding the database user", e);
		}
	}

	/**
	 * @param reviewId a shared review
	 * @return its counts and the state of its audit chain
	 * @throws StoreException when there is no such review
	 */
	public StoreSummary summary(long reviewId) throws StoreException {
		return StoreSummary.of(this, reviewId);
	}

	private void check() throws StoreException {
		try (Lease lease = lease()) {
			lease.connection().isValid(5);
		} catch (SQLException e) {
			throw unreachable(e);
		}
	}

	StoreException unreachable(SQLException e) {
		String state = e.getSQLState() == null ? "" : e.getSQLState();
		String why = state.startsWith("28") ? "it refused " + (address.user() == null ? "the connection"
				: "the user " + address.user()) + " (" + Schema.firstLine(e.getMessage()) + ")"
				: Schema.firstLine(e.getMessage());
		return new StoreException("cannot work on the shared review database at " + address.url() + ": " + why
				+ "; working offline is not possible: a shared review is only changed in its database", e);
	}

	StoreException failed(String what, SQLException e) {
		if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
			return unreachable(e);
		}
		return new StoreException(what + " failed in " + address.url() + ": " + Schema.firstLine(e.getMessage()), e);
	}
}
