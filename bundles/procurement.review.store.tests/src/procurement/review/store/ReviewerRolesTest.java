package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.store.StoreCli.Run;

/**
 * One database user per reviewer (schema version 4) against a real PostgreSQL: alice (a lead) and bob (a reviewer)
 * connect as login roles of their own, made as {@code db user NAME} makes them. What they record is in their own
 * name, and what a reviewer may not do is refused by the database itself, also to a client that writes SQL.
 */
class ReviewerRolesTest {

	@TempDir
	Path dir;

	@RegisterExtension
	static final TestServer server = new TestServer();
	private DatabaseAddress admin;
	private DatabaseAddress alice;
	private DatabaseAddress bob;
	private DatabaseAddress carol;

	@BeforeEach
	void reviewers() throws Exception {
		admin = server.freshDatabase();
		alice = server.reviewer(admin, "alice");
		bob = server.reviewer(admin, "bob");
		carol = server.reviewer(admin, "carol");
	}

	@AfterEach
	void credentials() {
		StoreCli.disconnect();
	}

	/** The command line with the store's commands, connected as the given database user. */
	private static Run cli(DatabaseAddress as, String... args) {
		StoreCli.connectAs(as);
		return StoreCli.run(args);
	}

	/** The schema's owner shares the review with alice as its first lead; alice names bob a reviewer. */
	private String sharedWithBob(Path file) {
		Run shared = cli(admin, "share", file.toString(), "--db", admin.url(), "--reviewer", "alice");
		assertEquals(0, shared.code(), shared.err());
		String id = shared.lastLine();
		Run named = cli(alice, "member", "--db", alice.url(), "--review", id, "--name", "bob", "--role", "reviewer");
		assertEquals(0, named.code(), named.err());
		return id;
	}

	@Test
	void aReviewersDecisionIsRecordedInTheirOwnNameAndAnotherNameIsRefused() throws Exception {
		String id = sharedWithBob(ReviewFiles.tagged(dir, 0));
		String vendor = ReviewFiles.COVERED.get(0);

		Run claimed = cli(bob, "decide", "--db", bob.url(), "--review", id, "--vendor", vendor, "--state", "same",
				"--reviewer", "alice");
		assertEquals(2, claimed.code(), claimed.out());
		assertEquals("procurement-review decide: --reviewer alice refused: connected as database user bob, who acts"
				+ " only as bob", claimed.err().strip());
		assertEquals("", claimed.out());

		Run decided = cli(bob, "decide", "--db", bob.url(), "--review", id, "--vendor", vendor, "--state", "not-same");
		assertEquals(0, decided.code(), decided.err());
		try (Connection c = TestServer.connect(admin)) {
			assertEquals(0, TestServer.count(c, "select count(*) from decision where reviewer <> 'bob' and audit_seq"
					+ " = (select max(seq) from audit_entry where review_id = ?)", Long.parseLong(id)));
			assertTrue(TestServer.count(c, "select count(*) from decision where reviewer = 'bob'") > 0);
			assertEquals(1, TestServer.count(c, "select count(*) from audit_entry where review_id = ? and author"
					+ " = 'bob'", Long.parseLong(id)));
		}

		// Straight SQL as bob, claiming alice: the database refuses it.
		try (Connection c = TestServer.connect(bob);
				PreparedStatement s = c.prepareStatement("insert into decision (hit_id, state, reviewer, decided_at,"
						+ " audit_seq) select id, 'SAME', ?, now(), 99 from hit where head_decision_id is null"
						+ " and review_id = ? limit 1")) {
			s.setString(1, "alice");
			s.setLong(2, Long.parseLong(id));
			SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
			assertEquals("42501", refused.getSQLState(), refused.getMessage());
		}
		try (ReviewStore store = ReviewStore.open(bob)) {
			assertEquals("bob", store.actor(null), "no --reviewer: the connected user");
			assertEquals("intact", store.summary(Long.parseLong(id)).auditChain());
		}
	}

	@Test
	void onlyALeadIssuesAnOrderEvenThroughSql() throws Exception {
		String id = sharedWithBob(ReviewFiles.withOrders(dir));
		long review = Long.parseLong(id);
		String number;
		long order;
		try (Connection c = TestServer.connect(admin); PreparedStatement s = c.prepareStatement(
				"select number, id from removal_order where review_id = ? and status = 'DRAFT' limit 1")) {
			s.setLong(1, review);
			try (var r = s.executeQuery()) {
				assertTrue(r.next(), "the shared review has a draft order");
				number = r.getString(1);
				order = r.getLong(2);
			}
		}

		Run byBob = cli(bob, "order", "--db", bob.url(), "--review", id, "--number", number, "--status", "issued");
		assertEquals(2, byBob.code(), byBob.out());
		assertTrue(byBob.err().strip().endsWith("issues orders; bob is a reviewer"), byBob.err());

		try (Connection c = TestServer.connect(bob)) {
			try (PreparedStatement s = c.prepareStatement("update removal_order set status = ? where id = ?")) {
				s.setString(1, "ISSUED");
				s.setLong(2, order);
				SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
				assertEquals("42501", refused.getSQLState(), refused.getMessage());
			}
			try (PreparedStatement s = c.prepareStatement("insert into order_status_change (order_id, status,"
					+ " changed_by) values (?, ?, ?)")) {
				s.setLong(1, order);
				s.setString(2, "ISSUED");
				s.setString(3, "bob");
				SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
				assertEquals("42501", refused.getSQLState(), refused.getMessage());
			}
			try (PreparedStatement s = c.prepareStatement("delete from order_status_change where order_id = ?")) {
				s.setLong(1, order);
				SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
				assertEquals("42501", refused.getSQLState(), "no DELETE privilege: " + refused.getMessage());
			}
		}

		Run byAlice = cli(alice, "order", "--db", alice.url(), "--review", id, "--number", number, "--status",
				"issued");
		assertEquals(0, byAlice.code(), byAlice.err());
		try (Connection c = TestServer.connect(admin)) {
			assertEquals(1, TestServer.count(c, "select count(*) from order_status_change where order_id = ?"
					+ " and status = 'ISSUED' and changed_by = 'alice'", order));
		}
	}

	@Test
	void aRoleThatIsNotAMemberCannotDecideOrNameItself() throws Exception {
		String id = sharedWithBob(ReviewFiles.tagged(dir, 0));
		long review = Long.parseLong(id);
		String vendor = ReviewFiles.COVERED.get(0);

		Run decided = cli(carol, "decide", "--db", carol.url(), "--review", id, "--vendor", vendor, "--state",
				"same");
		assertEquals(2, decided.code(), decided.out());
		assertTrue(decided.err().contains("carol is not a member of review " + id), decided.err());
		assertEquals(1, decided.err().strip().lines().count(), decided.err());

		try (Connection c = TestServer.connect(carol)) {
			try (PreparedStatement s = c.prepareStatement("insert into review_member (review_id, reviewer, role)"
					+ " values (?, ?, ?)")) {
				s.setLong(1, review);
				s.setString(2, "carol");
				s.setString(3, "lead");
				SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
				assertEquals("42501", refused.getSQLState(), refused.getMessage());
			}
			try (PreparedStatement s = c.prepareStatement("update decision set reviewer = ?")) {
				s.setString(1, "carol");
				SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
				assertEquals("42501", refused.getSQLState(), "no UPDATE privilege: " + refused.getMessage());
			}
		}
		try (Connection c = TestServer.connect(admin)) {
			assertEquals(0, TestServer.count(c, "select count(*) from decision where reviewer = 'carol'"));
			assertEquals(0, TestServer.count(c, "select count(*) from review_member where reviewer = 'carol'"));
		}
	}

	@Test
	void theLocalServersReviewerHasAPrivatePasswordFileAndAStrictName() throws Exception {
		Path file = server.state().resolve("db").resolve("users").resolve("bob");
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
		assertEquals(bob.password(), Files.readString(file).strip());
		LocalServer local = new LocalServer(server.state());
		for (String name : List.of("Bob", "bob\"; drop table review; --", "pg_bob", "review", "procurement_reviewer",
				"")) {
			assertThrows(StoreException.class, () -> local.addReviewer(name), name);
		}
		// The password file is found from the name alone on the local server's URL.
		StoreCli.connectAs("bob");
		assertEquals(bob.password(), DatabaseAddress.resolve(admin.url(), server.state()).password());
	}

	@Test
	void migratingFromVersion3KeepsTheRecordedNames() throws Exception {
		DataSource db = ReviewStore.dataSource(admin);
		assertEquals("3", Schema.migrate(db, "3"));
		long id;
		try (Connection c = db.getConnection()) {
			id = TestServer.count(c, "insert into review (name, rule_set_version, shared_by) values (?, ?, ?)"
					+ " returning id", "Old", "builtin 2025.1", "ann");
			long hit = TestServer.count(c, "insert into hit (review_id, match_key, identity, vendor_key, kind)"
					+ " values (?, 'k1', 'i1', 'v1', 'RULE') returning id", id);
			TestServer.count(c, "insert into audit_entry (review_id, seq, entry_time, author, action,"
					+ " previous_hash, hash) values (?, 1, '2025-01-01T00:00:00Z', 'ann', 'share', '', 'h1')"
					+ " returning seq", id);
			long decision = TestServer.count(c, "insert into decision (hit_id, state, reviewer, decided_at,"
					+ " audit_seq) values (?, 'SAME', 'zoe', now(), 1) returning id", hit);
			TestServer.count(c, "update hit set head_decision_id = ? where id = ? returning id", decision, hit);
			TestServer.count(c, "insert into review_member (review_id, reviewer, role) values (?, 'ann', 'lead'),"
					+ " (?, 'zoe', 'reviewer') returning 1", id, id);
			long order = TestServer.count(c, "insert into removal_order (review_id, number, revision, status,"
					+ " reviewer) values (?, 'N1', 1, 'ISSUED', 'ann') returning id", id);
			TestServer.count(c, "insert into order_status_change (order_id, status, changed_by) values (?, 'ISSUED',"
					+ " 'ann') returning id", order);
		}
		String before;
		try (Connection c = db.getConnection()) {
			before = names(c, id);
		}
		assertEquals("zoe\nann\nann:lead,zoe:reviewer\nann\n", before);
		assertEquals("4", Schema.migrate(db));
		try (Connection c = db.getConnection()) {
			assertEquals(before, names(c, id), "names recorded before version 4 stay, though no such users exist");
		}
	}

	private static String names(Connection c, long id) throws SQLException {
		StringBuilder names = new StringBuilder();
		for (String sql : List.of("select string_agg(d.reviewer, ',' order by d.id) from decision d join hit h"
				+ " on h.id = d.hit_id where h.review_id = ?", "select string_agg(author, ',' order by seq)"
				+ " from audit_entry where review_id = ?", "select string_agg(reviewer || ':' || role, ','"
				+ " order by reviewer) from review_member where review_id = ?", "select string_agg(c.changed_by,"
				+ " ',' order by c.id) from order_status_change c join removal_order o on o.id = c.order_id"
				+ " where o.review_id = ?")) {
			try (PreparedStatement s = c.prepareStatement(sql)) {
				s.setLong(1, id);
				try (var r = s.executeQuery()) {
					r.next();
					names.append(r.getString(1)).append('\n');
				}
			}
		}
		return names.toString();
	}
}
