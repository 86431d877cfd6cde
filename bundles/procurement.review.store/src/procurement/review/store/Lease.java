package procurement.review.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's one connection, lent to one operation at a time and put back as it was found: auto-commit, read-write,
 * read committed. A reviewer's store keeps its connection open between operations: opening one costs two SCRAM
 * password exchanges, which on a small machine took longer than the decision itself. A connection that failed is
 * closed and the next lease opens a new one.
 */
final class Lease implements AutoCloseable {

	private final ReentrantLock lock;
	private final Connection connection;
	private final Runnable discard;

	Lease(ReentrantLock lock, Connection connection, Runnable discard) {
		this.lock = lock;
		this.connection = connection;
		this.discard = discard;
	}

	/** @return the connection, for this operation only */
	Connection connection() {
		return connection;
	}

	@Override
	public void close() {
		try {
			if (!connection.isClosed()) {
				if (!connection.getAutoCommit()) {
					connection.rollback();
					connection.setAutoCommit(true);
				}
				connection.setReadOnly(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
		} catch (SQLException e) {
			// Lost or in a state it cannot leave: the next lease opens a new one.
			discard.run();
		} finally {
			lock.unlock();
		}
	}
}
