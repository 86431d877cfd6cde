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

import procurement.review.core.ReviewSession;

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
		assertTrue(json.contains("\"number\":\"BOD-17-01-015\",\"department\":\"Department of Justice\""), json);
		assertTrue(json.contains("\"number\":\"BOD-17-01-019\",\"department\":\"Department of State\""), json);
		assertTrue(json.contains("\"total\":\""), json);
		try (var files = Files.list(orders)) {
			assertTrue(files.filter(f -> f.toString().endsWith(".pdf")).count() >= 3);
		}
	}

	/** A few made-up rows of one department, the rows issue 15 was found on. */
	private Path madeUpDepartment() throws Exception {
		Path csv = dir.resolve("made-up-rules.csv");
		String header = "contract_transaction_unique_key,contract_award_unique_key,award_id_piid,modification_number,"
				+ "action_date,federal_action_obligation,awarding_agency_code,awarding_agency_name,"
				+ "awarding_sub_agency_name,recipient_name,recipient_uei,transaction_description\n";
		String rows = String.join("\n",
				"T1,CONT_AWD_DJF1901_1500_-NONE-_-NONE-,DJF1901,0,2019-06-03,12000.00,015,Department of Justice,"
						+ "Federal Bureau of Investigation,HUAWEI TECHNOLOGIES USA INC,HWUSA0000001,ROUTERS",
				"T2,CONT_AWD_DJF2002_1500_GS35F0119Y_4730,DJF2002,0,2020-02-10,3400.00,015,Department of Justice,"
						+ "Federal Bureau of Investigation,HUAWEI TECHNOLOGIES USA INC,HWUSA0000001,SWITCH MAINTENANCE",
				"T3,CONT_AWD_DJF2403_1500_-NONE-_-NONE-,DJF2403,0,2024-09-03,5000.00,015,Department of Justice,"
						+ "Drug Enforcement Administration,CDW GOVERNMENT LLC,CDWG00000001,"
						+ "KASPERSKY THREAT INTELLIGENCE PORTAL SUBSCRIPTION",
				"T4,CONT_AWD_DJF2404_1500_-NONE-_-NONE-,DJF2404,0,2024-08-15,2200.00,015,Department of Justice,"
						+ "Drug Enforcement Administration,CDW GOVERNMENT LLC,CDWG00000001,"
						+ "KASPERSKY ENDPOINT SECURITY RENEWAL",
				"T5,CONT_AWD_DJF2005_1500_-NONE-_-NONE-,DJF2005,0,2020-05-01,800.00,015,Department of Justice,"
						+ "Federal Bureau of Investigation,SHANGHAI TRADING CO,SHTR00000001,上海思科 交换机 SWITCH",
				"T6,CONT_AWD_DJF2606_1500_-NONE-_-NONE-,DJF2606,0,2026-02-02,1500.00,015,Department of Justice,"
						+ "Federal Bureau of Investigation,SZ DJI TECHNOLOGY CO LTD,DJIX00000001,MAVIC 3 ENTERPRISE DRONE");
		Files.writeString(csv, header + rows + "\n", StandardCharsets.UTF_8);
		return csv;
	}

	private Run review(Path csv, String rule, String date, Path summary) {
		return run("", "review", csv.toString(), "--orders", dir.resolve(rule + "-" + date).toString(), "--rule",
				rule, "--date", date, "--format", "pdf,docx,xlsx", "--json", summary.toString());
	}

	@Test
	void section889OrdersCarryTheirOwnStepsAndLeaveOutEarlierPurchases() throws Exception {
		Path summary = dir.resolve("889.json");
		Run run = review(madeUpDepartment(), "NDAA19-889A", "2021-06-17", summary);
		assertEquals(0, run.code(), run.err());
		String json = Files.readString(summary);
		// Juneteenth observed on Friday 2021-06-18, Independence Day on Monday 2021-07-05.
		assertTrue(json.contains("\"deadlines\":{\"report\":\"2021-06-21\",\"details\":\"2021-07-06\"}"), json);
		// The June 2019 purchase came before 889(a)(1)(A) took effect; 上海思科 (Cisco Shanghai) is not HiSilicon. The
		// whole summary, every field, files in the formats' order.
		Path folder = dir.resolve("NDAA19-889A-2021-06-17");
		assertEquals("{\"orders\":[{\"number\":\"NDAA19-889A-015\",\"department\":\"Department of Justice\","
				+ "\"rule\":\"NDAA19-889A\",\"deadlines\":{\"report\":\"2021-06-21\",\"details\":\"2021-07-06\"},"
				+ "\"actions\":1,\"total\":\"3400.00\",\"before_effective\":1,\"to_be_confirmed\":0,\"excepted\":0,"
				+ "\"files\":[\"" + folder.resolve("NDAA19-889A-015.pdf") + "\",\"" + folder.resolve("NDAA19-889A-015.docx")
				+ "\",\"" + folder.resolve("NDAA19-889A-015.xlsx") + "\"]}]}", json.strip());
	}

	@Test
	void theIctsOrderLeavesOutThreatIntelligence() throws Exception {
		Path summary = dir.resolve("icts.json");
		Run run = review(madeUpDepartment(), "ICTS-2024-KASPERSKY", "2024-10-01", summary);
		assertEquals(0, run.code(), run.err());
		String json = Files.readString(summary);
		assertTrue(json.contains("\"deadlines\":{}"), "the determination sets no agency step: " + json);
		assertTrue(json.contains("\"actions\":1,\"total\":\"2200.00\""), json);
	}

	@Test
	void aRuleNotYetInForceMakesNoOrderAndSaysWhy() throws Exception {
		Path summary = dir.resolve("early.json");
		Run run = review(madeUpDepartment(), "NDAA19-889A", "2019-01-02", summary);
		assertEquals(0, run.code(), run.err());
		assertEquals("NDAA19-889A is not in force on 2019-01-02: it takes effect on 2019-08-13, so it makes no order",
				run.err().strip());
		assertEquals("{\"orders\":[]}", Files.readString(summary).strip());
	}

	@Test
	void infoOnAFileThatIsNotAReviewSaysSoInOneLine() throws Exception {
		Path notes = dir.resolve("README.md");
		Files.writeString(notes, "# Notes\nnot a review\n");
		Run run = run("", "info", notes.toString());
		assertEquals(2, run.code());
		assertEquals("procurement-review info: README.md is not a review file", run.err().strip());
		assertTrue(run.out().isEmpty(), run.out());
	}

	@Test
	void infoNamesAReviewSavedUnderANewNameByThatName() throws Exception {
		Path first = dir.resolve("treasury.review");
		assertEquals(0, run("", "import", SAMPLES.resolve("usaspending_legacy_treasury_contracts_2016.csv").toString(),
				"--review", first.toString()).code());
		ReviewSession session = ReviewSession.open(first);
		assertEquals("treasury", session.review().getName());
		Path second = dir.resolve("treasury-2017.review");
		session.saveAs(second);
		Run run = run("", "info", second.toString());
		assertEquals(0, run.code(), run.err());
		assertTrue(run.out().contains("File:        treasury-2017.review\nReview:      treasury-2017\n"), run.out());
		// A name the reviewer chose is kept through Save As.
		session.review().setName("Treasury FY2016 exclusion review");
		session.saveAs(dir.resolve("copy.review"));
		assertEquals("Treasury FY2016 exclusion review", session.review().getName());
	}

	@Test
	void ordersAreSignedByTheNamedReviewerOrLeftBlankNeverByTheAccount() throws Exception {
		Path csv = madeUpDepartment();
		Path unsigned = dir.resolve("unsigned");
		assertEquals(0, run("", "review", csv.toString(), "--orders", unsigned.toString(), "--rule", "NDAA19-889A",
				"--date", "2021-06-17").code());
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader
				.loadPDF(unsigned.resolve("NDAA19-889A-015.pdf").toFile())) {
			assertEquals(null, pdf.getDocumentInformation().getAuthor(), "no author rather than the OS account");
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
			assertTrue(text.contains("(reviewer)"), "a blank signature line");
		}
		Path signed = dir.resolve("signed");
		assertEquals(0, run("", "review", csv.toString(), "--orders", signed.toString(), "--rule", "NDAA19-889A",
				"--date", "2021-06-17", "--reviewer", "Jane Q. Roe").code());
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader
				.loadPDF(signed.resolve("NDAA19-889A-015.pdf").toFile())) {
			assertEquals("Jane Q. Roe", pdf.getDocumentInformation().getAuthor());
			assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).contains("Jane Q. Roe"));
		}
	}
}
