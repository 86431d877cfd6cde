package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.store.StoreCli.Run;

/**
 * {@code review --db} against a real PostgreSQL, through the command line as a user runs it (the command line hands
 * {@code review --db} to the store's command): the orders of a shared review are those the file form writes for the
 * same rows (numbers, actions, totals per department, the same JSON), and they are recorded as drafts that only a
 * lead issues; a review changed between reading and recording gives exit 3 and no order.
 */
class SharedReviewOrdersTest {

	@TempDir
	Path dir;

	@RegisterExtension
	static final TestServer server = new TestServer();
	private DatabaseAddress db;

	@BeforeEach
	void database() throws Exception {
		db = server.freshDatabase();
		StoreCli.connectAs(db);
	}

	@AfterEach
	void credentials() {
		StoreCli.disconnect();
	}

	private String share(Path review) {
		Run shared = StoreCli.run("share", review.toString(), "--db", db.url(), "--reviewer", "alice");
		assertEquals(0, shared.code(), shared.err());
		return shared.lastLine();
	}

	private String info(String id) {
		Run info = StoreCli.run("info", "--db", db.url(), "--review", id, "--json");
		assertEquals(0, info.code(), info.err());
		return info.out().strip();
	}

	private static int entries(String info) {
		return Integer.parseInt(info.replaceAll(".*\"audit_entries\":([0-9]+).*", "$1"));
	}

	@Test
	void theSharedReviewsOrdersAreTheFileFormsAndAreRecordedAsDrafts() throws Exception {
		Path file = ReviewFiles.untagged(dir, 2);
		String id = share(file);
		int before = entries(info(id));

		Path fileOrders = dir.resolve("file-orders");
		Path dbOrders = dir.resolve("db-orders");
		Run fromFile = StoreCli.run("review", dir.resolve("covered.csv").toString(), "--orders", fileOrders.toString(),
				"--date", "2019-06-01", "--format", "xlsx", "--json", dir.resolve("file.json").toString(),
				"--reviewer", "alice");
		assertEquals(0, fromFile.code(), fromFile.err());
		Run fromDb = StoreCli.run("review", "--db", db.url(), "--review", id, "--orders", dbOrders.toString(), "--date",
				"2019-06-01", "--format", "xlsx", "--json", dir.resolve("db.json").toString(), "--reviewer", "alice");
		assertEquals(0, fromDb.code(), fromDb.err());

		String fileJson = Files.readString(dir.resolve("file.json")).replace(fileOrders.toString(), "ORDERS");
		String dbJson = Files.readString(dir.resolve("db.json")).replace(dbOrders.toString(), "ORDERS");
		assertTrue(fileJson.contains("\"number\":"), fileJson);
		assertEquals(fileJson, dbJson, "numbers, departments, deadlines, actions and totals alike");
		assertEquals(fromFile.out().replace(fileOrders.toString(), "ORDERS"),
				fromDb.out().replace(dbOrders.toString(), "ORDERS"));

		List<String> numbers = List.of(fileJson.split("\"number\":\"")).stream().skip(1)
				.map(s -> s.substring(0, s.indexOf('"'))).toList();
		Run listed = StoreCli.run("order", "--db", db.url(), "--review", id);
		assertEquals(0, listed.code(), listed.err());
		List<String> lines = listed.out().lines().toList();
		assertEquals(numbers.size(), lines.size(), listed.out());
		for (String line : lines) {
			String[] f = line.split("\t");
			assertTrue(numbers.contains(f[0]), line);
			assertEquals("DRAFT", f[4], line);
		}
		String after = info(id);
		assertEquals(before + 1, entries(after), "one entry: the orders' (the match run is not stored) " + after);
		assertTrue(after.contains("\"audit_chain\":\"intact\""), after);

		Run again = StoreCli.run("review", "--db", db.url(), "--review", id, "--orders", dbOrders.toString(), "--date",
				"2019-06-01", "--format", "xlsx", "--reviewer", "alice");
		assertEquals(2, again.code(), again.out());
		assertTrue(again.err().lines().filter(l -> l.startsWith("procurement-review")).toList().equals(List.of(
				again.err().lines().filter(l -> l.startsWith("procurement-review review: review " + id
						+ " already has order BOD-17-01-")).filter(l -> l.endsWith(" (DRAFT); nothing was recorded"))
						.findFirst().orElse("no such line"))), again.err());

		Run issued = StoreCli.run("order", "--db", db.url(), "--review", id, "--number", numbers.get(0), "--status", "issued",
				"--reviewer", "alice");
		assertEquals(0, issued.code(), "alice shared it: she is its lead, " + issued.err());
	}

	@Test
	void aReviewChangedBetweenReadingAndRecordingGetsNoOrder() throws Exception {
		String id = share(ReviewFiles.untagged(dir, 0));
		long review = Long.parseLong(id);
		try (ExecutorService clients = Executors.newFixedThreadPool(2); Connection holder = TestServer.connect(db);
				ReviewStore store = ReviewStore.open(db)) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder.prepareStatement("select id from review where id = ? for update")) {
				lock.setLong(1, review);
				lock.executeQuery().close();
			}
			CompletableFuture<Integer> lead = CompletableFuture.supplyAsync(() -> {
				try {
					return store.nameMember(review, "carol", "reviewer", "alice");
				} catch (StoreException e) {
					throw new IllegalStateException(e);
				}
			}, clients);
			TestServer.awaitLockWaiters(db, 1, lead);
			CompletableFuture<Run> orders = CompletableFuture.supplyAsync(() -> StoreCli.run("review", "--db", db.url(),
					"--review", id, "--orders", dir.resolve("orders").toString(), "--date", "2019-06-01", "--format",
					"xlsx", "--reviewer", "bob"), clients);
			TestServer.awaitLockWaiters(db, 2, lead, orders);
			holder.commit();
			assertTrue(lead.get() > 0, "the lead's change is recorded");
			Run refused = orders.get();
			assertEquals(3, refused.code(), refused.err());
			assertEquals("", refused.out());
			// Before it, the generator's warnings (a stale built-in rule set) may stand on lines of their own.
			List<String> errors = refused.err().lines().filter(l -> l.startsWith("procurement-review")).toList();
			assertEquals(1, errors.size(), refused.err());
			assertTrue(errors.get(0).startsWith("procurement-review review: review " + id + " changed since it was"
					+ " read"), refused.err());
		}
		assertEquals("", StoreCli.run("order", "--db", db.url(), "--review", id).out(), "no order recorded");
		assertTrue(!Files.exists(dir.resolve("orders")), "no file written");

		try (ReviewStore store = ReviewStore.open(db); ReviewStore other = ReviewStore.open(db)) {
			SharedSnapshot seen = store.load(review);
			other.nameMember(review, "dave", "reviewer", "alice");
			assertThrows(ConflictException.class, () -> store.recordDrafts(review, seen.auditSeq(), List.of(),
					"bob"));
		}
		assertTrue(info(id).contains("\"audit_chain\":\"intact\""));
	}
}
