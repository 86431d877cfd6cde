package procurement.review.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for one test class, started through {@link LocalServer} (as {@code db start} does) in a
 * temporary state folder before the class's tests, with a fresh database per test, and deleted with its data when
 * the class is done: {@code @RegisterExtension static final TestServer server = new TestServer();}.
 */
final class TestServer implements BeforeAllCallback, AfterAllCallback {

	private Path state;
	private LocalServer server;
	private DatabaseAddress admin;
	private int databases;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException, StoreException {
		state = Files.createTempDirectory("store-test");
		server = new LocalServer(state);
		admin = server.start();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException, StoreException {
		try {
			if (server != null) {
				server.destroy();
			}
		} finally {
			if (state != null) {
				try (Stream<Path> walk = Files.walk(state)) {
					for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(p);
					}
				}
			}
		}
	}

	/** @return the state folder the server runs in, as a user's state folder */
	Path state() {
		return state;
	}

	/** @return the address of a new, empty database on the server */
	DatabaseAddress freshDatabase() throws StoreException, SQLException {
		String name = "review_test_" + ++databases;
		try (Connection c = ReviewStore.dataSource(admin).getConnection(); Statement s = c.createStatement()) {
			s.execute("create database " + name);
		}
		return new DatabaseAddress(admin.url().replaceFirst("/postgres$", "/" + name), admin.user(),
				admin.password());
	}

	/**
	 * @param db   a database of the server
	 * @param name a reviewer: the server's login role of that name is created (or given a new password)
	 * @return the address of the database as that reviewer
	 */
	DatabaseAddress reviewer(DatabaseAddress db, String name) throws StoreException {
		return new DatabaseAddress(db.url(), name, server.addReviewer(name).password());
	}

	static Connection connect(DatabaseAddress address) throws StoreException, SQLException {
		DataSource source = ReviewStore.dataSource(address);
		return source.getConnection();
	}

	static long count(Connection c, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				s.setObject(i + 1, parameters[i]);
			}
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}

	/**
	 * Waits until {@code n} backends of the application wait for a lock, as a test's own lock makes them.
	 *
	 * pg_stat_activity is read on a connection of its own, in auto-commit: inside a transaction it is a snapshot.
	 *
	 * @param clients the clients expected to wait: one that ended instead fails the wait with its outcome
	 */
	static void awaitLockWaiters(DatabaseAddress db, int n, Future<?>... clients) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		try (Connection c = connect(db)) {
			awaitLockWaiters(c, n, deadline, clients);
		}
	}

	private static void awaitLockWaiters(Connection c, int n, long deadline, Future<?>... clients)
			throws Exception {
		while (count(c, "select count(*) from pg_stat_activity where application_name = 'procurement-review'"
				+ " and wait_event_type = 'Lock'") < n) {
			for (Future<?> client : clients) {
				if (client.isDone()) {
					throw new AssertionError("a client ended instead of waiting for the lock: " + client.get());
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(n + " clients never waited for the lock within 30 s");
			}
			Thread.sleep(20);
		}
	}
}
