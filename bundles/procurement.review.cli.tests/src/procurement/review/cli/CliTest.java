package procurement.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command formats that automated checks read: exit codes, one JSON object, one line per matched name. */
class CliTest {

	static final Path REAL = Path.of("../procurement.review.core.importer.tests/data/real");
	static final Path SAMPLES = Path.of("../procurement.review.ui/samples");

	@TempDir
	Path dir;

	private record Run(int code, String out, String err) {
	}

	private static Run run(String input, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new Cli(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
				.run(args);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void importJsonIsExactlyOneObjectWithTheDocumentedKeys() {
		Run run = run("", "import", REAL.resolve("usaspending_legacy_treasury_contracts_2016.csv").toString(),
				REAL.resolve("fpds_atom_feed_gsa_pbs_fy2014_sample.xml").toString(), "--json");
		assertEquals(0, run.code(), run.err());
		String json = run.out().strip();
		assertTrue(json.startsWith("{\"files\":[{\"file\":\"usaspending_legacy_treasury_contracts_2016.csv\","
				+ "\"format\":\"CSV\",\"rows\":126,\"actions\":126,\"problems\":[]}"), json);
		assertTrue(json.contains("{\"file\":\"fpds_atom_feed_gsa_pbs_fy2014_sample.xml\",\"format\":\"FPDS_ATOM\","
				+ "\"rows\":10,\"actions\":10,\"problems\":[]}"), json);
		assertTrue(json.endsWith("\"actions\":136,\"vendors\":" + json.replaceAll(".*\"vendors\":(\\d+).*", "$1")
				+ ",\"departments\":" + json.replaceAll(".*\"departments\":(\\d+)}$", "$1") + "}"), json);
		assertEquals(1, json.lines().count());
		assertTrue(run.err().isEmpty(), run.err());
	}

	@Test
	void unreadableFileExitsTwoWithOneLine() throws Exception {
		Path png = dir.resolve("report.xlsx");
		Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 });
		Run run = run("", "import", png.toString(), "--json");
		assertEquals(2, run.code());
		assertEquals(1, run.err().strip().lines().count(), run.err());
		assertTrue(run.err().contains("report.xlsx"), run.err());
		assertTrue(run.out().isEmpty());
	}

	@Test
	void matchWritesOneTabSeparatedLinePerName() {
		Run run = run("KASPERSKY LAB  INC\nAZTEC CORPORATION\nZTE USA INC\n", "match");
		assertEquals(0, run.code(), run.err());
		String[] lines = run.out().split("\n");
		assertEquals(3, lines.length);
		String[] kaspersky = lines[0].split("\t", -1);
		assertEquals(4, kaspersky.length);
		assertEquals("KASPERSKY LAB  INC", kaspersky[0]);
		assertEquals("KASPERSKY", kaspersky[1]);
		assertTrue(Double.parseDouble(kaspersky[2]) > 0.9);
		assertEquals("NONE", lines[1].split("\t", -1)[1]);
		assertEquals("ZTE", lines[2].split("\t", -1)[1]);
	}

	@Test
	void reviewWritesOneOrderPerDepartmentWithHitsAndTheSummary() throws Exception {
		Path orders = dir.resolve("orders");
		Path summary = dir.resolve("summary.json");
		Run run = run("", "review", SAMPLES.resolve("usaspending_legacy_treasury_contracts_2016.csv").toString(),
				SAMPLES.resolve("made-up-covered-vendor-rows.csv").toString(), "--orders", orders.toString(),
				"--date", "2017-09-13", "--format", "pdf,docx,xlsx", "--json", summary.toString());
		assertEquals(0, run.code(), run.err());
		String json = Files.readString(summary);
		assertTrue(json.startsWith("{\"orders\":[{\"number\":"), json);
		assertTrue(json.contains("\"deadlines\":{\"identify\":\"2017-10-13\",\"plan\":\"2017-11-12\","
				+ "\"remove\":\"2017-12-12\"}"), json);
		assertTrue(json.contains("\"department\":\"DEPARTMENT OF JUSTICE (DOJ)\""), json);
		assertTrue(json.contains("\"department\":\"DEPARTMENT OF STATE (DOS)\""), json);
		assertTrue(json.contains("\"total\":\""), json);
		try (var files = Files.list(orders)) {
			assertTrue(files.filter(f -> f.toString().endsWith(".pdf")).count() >= 3);
		}
	}
}
