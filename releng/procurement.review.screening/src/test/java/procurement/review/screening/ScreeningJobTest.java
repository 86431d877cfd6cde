package procurement.review.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ColumnGeneration;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.model.ContractAction;
import procurement.review.model.Severity;

/**
 * The screening in {@code local[2]}, run once through its command line on generated reports of every column
 * generation (a ZIP download, a header-less file and a file that is no report among them), checked against the
 * known covered rows and against the workbench's own import and matcher on the same files.
 */
class ScreeningJobTest {

	@TempDir
	static Path temp;

	private static Map<String, Set<Long>> covered;
	private static Path out;
	private static int exit;
	private static String stderr;

	@BeforeAll
	static void screen() throws IOException {
		covered = TestReports.write(temp.resolve("in"));
		out = temp.resolve("out");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		exit = Screening.run(new String[] { "screen", temp.resolve("in").toString(), "--out", out.toString(),
				"--master", "local[2]" }, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		stderr = err.toString(StandardCharsets.UTF_8);
		System.err.print(stderr);
	}

	@Test
	void findsExactlyTheCoveredRowsOfEveryGeneration() throws IOException {
		assertEquals(Screening.OK, exit, stderr);
		Set<String> expected = new TreeSet<>();
		covered.forEach((file, rows) -> rows.forEach(row -> expected.add(file + "|" + row)));
		assertEquals(expected, Hits.rows(Hits.ofCsv(out.resolve("hits.csv"))));
	}

	@Test
	void hitsAreTheWorkbenchMatchersOnTheSameRows() throws Exception {
		List<Path> readable;
		try (Stream<Path> files = Files.walk(temp.resolve("in"))) {
			readable = files.filter(Files::isRegularFile)
					.filter(f -> !f.getFileName().toString().equals(TestReports.UNREADABLE)).sorted().toList();
		}
		Set<String> workbench = Hits.ofWorkbench(readable);
		assertFalse(workbench.isEmpty());
		assertEquals(workbench, Hits.ofCsv(out.resolve("hits.csv")));
	}

	@Test
	void summaryCountsFilesRowsHitsAndTheUnreadableFile() throws IOException {
		String summary = Files.readString(out.resolve("summary.json"));
		int hits = Hits.ofCsv(out.resolve("hits.csv")).size();
		// 7 files, the ZIP download once; 6 tables of 30 rows (the ZIP's entry one of them), 3 covered rows in each;
		// Kaspersky and Huawei, each keyed by DUNS in the CSV files and by name in the FPDS feed, which has no DUNS
		assertTrue(summary.startsWith("{\"files\":7,\"rows\":" + 6 * TestReports.rows() + ",\"hit_rows\":18,\"hits\":"
				+ hits + ",\"vendors_matched\":4,\"seconds\":"), summary);
		assertTrue(summary.contains("\"master\":\"local[2]\",\"problems\":1,\"problem_files\":[{\"file\":\""
				+ temp.resolve("in/agencies").resolve(TestReports.UNREADABLE).toAbsolutePath()), summary);
		List<String> named = stderr.lines().filter(line -> line.contains(TestReports.UNREADABLE)).toList();
		assertEquals(1, named.size(), stderr);
	}

	@Test
	void badInputIsOneLineNamingItAndExitCodeTwo() throws IOException {
		Path notRules = Files.writeString(temp.resolve("rules.txt"), "not a rule set");
		String missing = temp.resolve("missing").toString();
		Map<String, String[]> cases = Map.of(
				missing + ": no such file or folder",
				new String[] { "screen", missing, "--out", temp.resolve("bad1").toString() },
				"--out DIR is required",
				new String[] { "screen", temp.resolve("in").toString() },
				"--rules " + notRules + ": not a rule set file",
				new String[] { "screen", temp.resolve("in").toString(), "--out", temp.resolve("bad2").toString(),
						"--rules", notRules.toString() });
		for (Map.Entry<String, String[]> bad : cases.entrySet()) {
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int code = Screening.run(bad.getValue(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
			String said = err.toString(StandardCharsets.UTF_8);
			assertEquals(Screening.BAD_INPUT, code, said);
			assertEquals(1, said.lines().count(), said);
			assertTrue(said.startsWith("procurement-review screen: " + bad.getKey()), said);
		}
		assertFalse(Files.exists(temp.resolve("bad1")), "nothing written for a missing input");
	}

	@Test
	void theHitsAreWrittenFromPartitionsOfBoundedSize() {
		assertEquals(1, ScreeningJob.parts(7, 78), "few files, few hits: one partition");
		assertEquals(16, ScreeningJob.parts(1000, 10), "few hits: 64 files a partition");
		assertEquals(15, ScreeningJob.parts(40, 711_440), "many hits: about 50,000 a partition");
		assertEquals(1, ScreeningJob.parts(1, 71_144), "never less than a file");
	}

	@Test
	void parquetHoldsEveryHitWithItsRowsColumns() {
		try (SparkSession spark = SparkSession.builder().master("local[1]").appName("read hits.parquet")
				.config(ScreeningJob.conf("local[1]")).getOrCreate()) {
			Dataset<Row> hits = spark.read().parquet(out.resolve("hits.parquet").toString());
			assertEquals(Hits.ofCsv(out.resolve("hits.csv")).size(), hits.count());
			Row legacy = hits.where("source_sheet = 'legacy.csv' and source_row = 6 and rule = 'BOD-17-01'").first();
			assertEquals("KASPERSKY", legacy.getAs("entity"));
			Map<String, String> columns = legacy.getJavaMap(legacy.fieldIndex("columns"));
			assertEquals("KASPERSKY LAB INC", columns.get("vendorname"));
			// the headings as the generated file spells them: the importer's column table, normalised
			assertEquals("9700: DEPT OF DEFENSE", columns.get("majagencycat"));
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void hitsCsvImportsAsAReportWithTheSourceRowsFields() throws Exception {
		ReviewSession session = ReviewSession.create("hits");
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = importer.read(out.resolve("hits.csv"), null);
		assertTrue(result.report().getProblems().stream().noneMatch(p -> p.getSeverity() == Severity.ERROR),
				() -> result.report().getProblems().toString());
		// one header over five generations: no single layout, every field recognised by its column's name
		assertEquals(ColumnGeneration.CUSTOM.name(), result.report().getColumnSet());
		// one action per hit row: the hits of one row share its transaction
		assertEquals(18, result.actionCount());
		Set<String> vendors = new TreeSet<>();
		for (ContractAction action : result.report().getActions()) {
			vendors.add(action.getVendor() == null ? null : action.getVendor().getName());
			assertTrue(action.getPiid() != null && action.getActionDate() != null && action.getObligation() != null
					&& action.getDescription() != null, action::getTransactionKey);
			// located at the row its hits came from, as the workbench then shows it
			// ("awards.csv", "feed.xml / entries", "download.zip / Contracts_PrimeTransactions_1.csv")
			String sheet = action.getSourceSheet();
			int within = sheet.indexOf(" / ");
			String file = within < 0 ? sheet : sheet.substring(0, within);
			String table = file.endsWith(".zip") ? sheet.substring(within + 3) : file;
			assertTrue(covered.containsKey(table), sheet);
			assertTrue(covered.get(table).contains(action.getSourceRow()), sheet + " row " + action.getSourceRow());
		}
		assertTrue(vendors.containsAll(Set.of("KASPERSKY LAB INC", "HUAWEI TECHNOLOGIES CO LTD")), vendors::toString);
		assertTrue(result.report().getExtraColumns().containsAll(HitsCsv.OWN_COLUMNS),
				result.report().getExtraColumns()::toString);
	}
}
