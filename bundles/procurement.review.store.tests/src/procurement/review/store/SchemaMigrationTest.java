package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema's versioned migrations (Flyway, {@code db/migration}) against a real PostgreSQL: from an empty database
 * to the newest version, and from version 1 with a review in it to the newest, keeping what was there.
 */
class SchemaMigrationTest {

	@RegisterExtension
	static final TestServer server = new TestServer();

	private static final String TABLES = "select count(*) from information_schema.tables where table_schema = 'public'"
			+ " and table_name in ('review', 'report', 'contract_action', 'hit', 'decision', 'audit_entry',"
			+ " 'removal_order', 'order_status_change', 'review_member', 'vendor_tag')";

	@Test
	void anEmptyDatabaseIsMigratedToTheNewestVersionOnce() throws Exception {
		DataSource db = ReviewStore.dataSource(server.freshDatabase());
		assertEquals("4", Schema.migrate(db));
		assertEquals("4", Schema.migrate(db), "a second client finds nothing to do");
		try (Connection c = db.getConnection()) {
			assertEquals(10, TestServer.count(c, TABLES));
			assertEquals(4, TestServer.count(c, "select count(*) from flyway_schema_history where success"));
		}
	}

	@Test
	void aDatabaseOfTheFirstVersionKeepsItsReviewsWhenMigrated() throws Exception {
		DataSource db = ReviewStore.dataSource(server.freshDatabase());
		assertEquals("1", Schema.migrate(db, "1"));
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			assertEquals(6, TestServer.count(c, TABLES), "version 1 has no orders and no roles");
			s.execute("insert into review (name, rule_set_version, shared_by) values ('Old', 'builtin 2025.1', 'ann')");
			s.execute("insert into hit (review_id, match_key, identity, vendor_key, vendor_name, kind)"
					+ " values (1, 'k', 'i', 'v', 'V', 'NAME')");
			s.execute("insert into decision (hit_id, state, reviewer, decided_at, audit_seq)"
					+ " values (1, 'SAME', 'ann', now(), 1)");
			s.execute("update hit set head_decision_id = 1");
		}
		assertEquals("4", Schema.migrate(db));
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			assertEquals(10, TestServer.count(c, TABLES));
			assertEquals(1, TestServer.count(c, "select count(*) from hit where head_decision_id = 1"
					+ " and review_id = (select id from review where name = 'Old')"), "the review and its decision");
			s.execute("insert into removal_order (review_id, number, revision, status) values (1, 'O-1', 1, 'DRAFT')");
			s.execute("insert into review_member (review_id, reviewer, role) values (1, 'ann', 'lead')");
			assertEquals(1, TestServer.count(c, "select count(*) from removal_order where review_id = 1"));
		}
	}

	@Test
	void aDatabaseOfTheSecondVersionKeepsItsReviewsAndOrdersAndGainsVendorTags() throws Exception {
		DataSource db = ReviewStore.dataSource(server.freshDatabase());
		assertEquals("2", Schema.migrate(db, "2"));
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			assertEquals(9, TestServer.count(c, TABLES), "version 2 has no vendor tags");
			s.execute("insert into review (name, rule_set_version, shared_by) values ('Old', 'builtin 2025.1', 'ann')");
			s.execute("insert into hit (review_id, match_key, identity, vendor_key, vendor_name, kind)"
					+ " values (1, 'k', 'i', 'v', 'V', 'NAME')");
			s.execute("insert into removal_order (review_id, number, revision, status) values (1, 'O-1', 1, 'DRAFT')");
			s.execute("insert into review_member (review_id, reviewer, role) values (1, 'ann', 'lead')");
		}
		assertEquals("4", Schema.migrate(db));
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			assertEquals(10, TestServer.count(c, TABLES));
			assertEquals(1, TestServer.count(c, "select count(*) from hit where review_id = 1 and match_key = 'k'"));
			assertEquals(1, TestServer.count(c, "select count(*) from removal_order where number = 'O-1'"
					+ " and status = 'DRAFT'"), "the order is kept");
			s.execute("insert into vendor_tag (review_id, tag_key, kind, vendor_key, value, audit_seq)"
					+ " values (1, 'ORIGIN|v', 'ORIGIN', 'v', 'CHN', 2)");
			assertEquals(1, TestServer.count(c, "select count(*) from vendor_tag where review_id = 1"));
		}
	}
}
