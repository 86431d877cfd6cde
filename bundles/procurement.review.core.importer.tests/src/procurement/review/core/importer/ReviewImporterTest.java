package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.ImportProblem;
import procurement.review.model.ReportFormat;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/** Real files into a review: counts, linked objects, dedupe, undo, cancel and located problems. */
class ReviewImporterTest {

	static final Path REAL = Path.of("data/real");
	static final Path LEGACY = REAL.resolve("usaspending_legacy_treasury_contracts_2016.csv");
	static final Path DOWNLOAD_2019 = REAL.resolve("usaspending_contract_prime_transactions_sample_with_header.csv");
	static final Path NO_HEADER = REAL.resolve("usaspending_contract_transactions_va_fy2019_noheader.csv");
	static final Path FPDS = REAL.resolve("fpds_atom_feed_gsa_pbs_fy2014_sample.xml");

	@TempDir
	Path dir;

	static ImportResult importInto(ReviewSession session, Path file) throws ImportException {
		return importInto(session, file, null);
	}

	/** Imports a file as the workbench does: read, then one command; with a reviewer's layout, or null. */
	static ImportResult importInto(ReviewSession session, Path file, TableLayout layout) throws ImportException {
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = importer.read(file, layout, new NullProgressMonitor());
		session.commandStack().execute(importer.command(session.editingDomain(), result));
		return result;
	}

	static List<ContractAction> actions(ReviewProject review) {
		return review.getReports().stream().flatMap(r -> r.getActions().stream()).toList();
	}

	@Test
	void aTapSeesEveryRowAsReadAndChangesNothingOfTheImport() throws ImportException {
		ReviewSession plain = ReviewSession.create("Plain");
		ImportResult expected = importInto(plain, LEGACY);
		List<String> sheets = new ArrayList<>();
		Map<Long, String[]> rows = new HashMap<>();
		TableHandler tap = new TableHandler() {
			@Override
			public void startSheet(String sheetName) {
				sheets.add(sheetName);
			}

			@Override
			public boolean row(long rowNumber, String[] cells) {
				rows.put(rowNumber, cells);
				return false; // ignored: the import decides when to stop
			}
		};
		ReviewSession tapped = ReviewSession.create("Tapped");
		ReviewImporter importer = new ReviewImporter(tapped.review());
		ImportResult result = importer.read(LEGACY, null, new NullProgressMonitor(), tap);
		assertEquals(expected.actionCount(), result.actionCount());
		assertEquals(List.of(LEGACY.getFileName().toString()), sheets);
		// the header row and every data row, each as the file holds it
		assertEquals(expected.rows() + 1, rows.size());
		for (ContractAction action : result.report().getActions()) {
			String[] cells = rows.get(action.getSourceRow());
			assertTrue(Arrays.asList(cells).contains(action.getPiid()), action::getTransactionKey);
		}
		assertEquals("unique_transaction_id", rows.get(1L)[0]);
	}

	@Test
	void legacyTreasuryExportSplitsCodeAndNameAndLinksParents() throws ImportException {
		ReviewSession session = ReviewSession.create("Legacy");
		ImportResult result = importInto(session, LEGACY);
		ReviewProject review = session.review();
		assertEquals(126, result.actionCount());
		ContractingReport report = review.getReports().get(0);
		assertEquals(ReportFormat.CSV, report.getFormat());
		assertEquals("LEGACY", report.getColumnSet());
		assertEquals(126, report.getRowCount());
		assertEquals(64, report.getSha256().length());

		assertEquals(1, review.getDepartments().size());
		// "2000: Department of the Treasury" of the legacy export: the department's current code.
		assertEquals("020", review.getDepartments().get(0).getCode());
		assertEquals("Department of the Treasury", review.getDepartments().get(0).getName());

		ContractAction pmx = actions(review).stream().filter(a -> "0058".equals(a.getPiid())
				&& a.getVendor() != null && a.getVendor().getName().startsWith("PMX")).findFirst().orElseThrow();
		assertEquals(new BigDecimal("-114902.6000"), pmx.getObligation());
		assertEquals(LocalDate.of(2016, 9, 8), pmx.getActionDate());
		assertEquals("duns:606628410", pmx.getVendor().getKey());
		assertEquals("POONGSAN CORPORATION", pmx.getVendor().getParent().getName());
		assertEquals("2044", pmx.getComponent().getCode());
		assertEquals("UNITED STATES MINT", pmx.getComponent().getName());
		assertSame(pmx.getDepartment(), pmx.getComponent().getDepartment());
		assertTrue(pmx.getSourceRow() > 1, "source row counts the header");
		assertTrue(report.getExtraColumns().size() > 100, "unknown legacy columns are kept");
		assertEquals(report.getExtraColumns().size(), pmx.getExtraValues().size());
	}

	@Test
	void everyRealFileImportsWithItsRowCount() throws ImportException {
		ReviewSession session = ReviewSession.create("All");
		assertEquals(126, importInto(session, LEGACY).actionCount());
		assertEquals(99, importInto(session, DOWNLOAD_2019).actionCount());
		assertEquals(3, importInto(session, NO_HEADER).actionCount());
		ImportResult fpds = importInto(session, FPDS);
		assertEquals(10, fpds.actionCount());
		assertEquals(ReportFormat.FPDS_ATOM, fpds.report().getFormat());
		ReviewProject review = session.review();
		assertEquals(238, actions(review).size());
		assertTrue(review.getDepartments().stream().anyMatch(d -> d.getName().equals("Department of Defense")
				&& d.getCode().equals("097")));
		assertTrue(review.getDepartments().stream().anyMatch(d -> d.getName().equals("Department of Veterans Affairs")
				&& d.getCode().equals("036")));
		ContractAction dynamics = actions(review).stream().filter(a -> "N0017804D4039".equals(a.getPiid()))
				.findFirst().orElseThrow();
		assertEquals("DYNAMICS RESEARCH CORPORATION", dynamics.getVendor().getName());
		assertEquals("DEPT OF THE NAVY", dynamics.getComponent().getName());
	}

	@Test
	void reimportAddsNothingAndUndoRemovesTheImport() throws ImportException {
		ReviewSession session = ReviewSession.create("Dedupe");
		importInto(session, DOWNLOAD_2019);
		int vendors = session.review().getVendors().size();
		ImportResult again = importInto(session, DOWNLOAD_2019);
		assertTrue(again.alreadyImported());
		assertEquals(99, actions(session.review()).size());
		assertEquals(1, session.review().getReports().size());
		assertEquals(vendors, session.review().getVendors().size());

		session.commandStack().undo();
		session.commandStack().undo();
		assertTrue(session.review().getReports().isEmpty());
		assertTrue(session.review().getVendors().isEmpty());
		assertTrue(session.review().getDepartments().isEmpty());
	}

	@Test
	void overlappingFileAddsOnlyNewTransactions() throws IOException {
		ReviewSession session = ReviewSession.create("Overlap");
		importInto(session, DOWNLOAD_2019);
		List<String> lines = Files.readAllLines(DOWNLOAD_2019, StandardCharsets.UTF_8);
		Path half = dir.resolve("half.csv");
		Files.write(half, lines.subList(0, 50), StandardCharsets.UTF_8);
		ImportResult overlap = importInto(session, half);
		assertEquals(0, overlap.actionCount());
		assertEquals(49, overlap.duplicates());
		assertEquals(99, actions(session.review()).size());
	}

	@Test
	void cancelledImportLeavesTheReviewUnchanged() throws ImportException {
		ReviewSession session = ReviewSession.create("Cancel");
		importInto(session, LEGACY);
		ReviewProject before = EcoreUtil.copy(session.review());
		NullProgressMonitor cancelled = new NullProgressMonitor();
		cancelled.setCanceled(true);
		ReviewImporter importer = new ReviewImporter(session.review());
		assertThrows(OperationCanceledException.class, () -> importer.read(DOWNLOAD_2019, cancelled));
		assertTrue(EcoreUtil.equals(before, session.review()));
	}

	@Test
	void badCellsBecomeLocatedProblemsAndTheRowStays() throws IOException {
		Path file = dir.resolve("agency.csv");
		Files.writeString(file, """
				award_id_piid,action_date,federal_action_obligation,recipient_name,awarding_agency_name
				GS35F0001,2017-09-20,1250.00,KASPERSKY LAB  INC,DEPARTMENT OF STATE (DOS)
				GS35F0002,not a date,12x,ACME CORP,DEPARTMENT OF STATE (DOS)
				""", StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("Problems");
		ImportResult result = importInto(session, file);
		assertEquals(2, result.actionCount());
		List<ImportProblem> problems = result.report().getProblems();
		assertEquals(2, problems.size(), problems.toString());
		ImportProblem date = problems.get(0);
		assertEquals("agency.csv", date.getFile());
		assertEquals(3, date.getRow());
		assertEquals("B", date.getColumn());
		assertTrue(date.getMessage().contains("not a date"));
		assertEquals("C", problems.get(1).getColumn());
		ContractAction acme = result.report().getActions().get(1);
		assertEquals("ACME CORP", acme.getVendor().getName());
		Vendor kaspersky = result.report().getActions().get(0).getVendor();
		assertEquals("name:KASPERSKY LAB INC", kaspersky.getKey());
	}

	@Test
	void repeatedValuesAreSharedEvenInALongTailColumn() throws IOException {
		// 200,000 rows: 20,000 distinct descriptions (each award's modifications repeat theirs), unique keys
		Path file = dir.resolve("long-tail.csv");
		StringBuilder csv = new StringBuilder("contract_transaction_unique_key,award_id_piid,action_date,"
				+ "federal_action_obligation,recipient_name,awarding_agency_name,transaction_description\n");
		int rows = 200_000;
		for (int i = 0; i < rows; i++) {
			csv.append("KEY").append(i).append(",P").append(i / 10).append(",2019-01-01,10.00,VENDOR ")
					.append(i % 500).append(",DEPARTMENT OF STATE,WORK ORDER ").append(i % 20_000).append('\n');
		}
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("Pool");
		List<ContractAction> actions = importInto(session, file).report().getActions();
		assertEquals(rows, actions.size());
		java.util.Set<String> descriptions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		actions.forEach(a -> descriptions.add(a.getDescription()));
		assertEquals(20_000, descriptions.size(), "one copy per distinct description");
		assertEquals(actions.get(5).getDescription(), actions.get(20_005).getDescription());
		assertSame(actions.get(5).getDescription(), actions.get(180_005).getDescription());
	}

	@Test
	void oneDepartmentOfRowsOfEveryGenerationNamedAndCodedTheCurrentWay() throws IOException {
		Path csv = dir.resolve("mixed.csv");
		Files.writeString(csv, """
				award_id_piid,action_date,federal_action_obligation,recipient_name,awarding_agency_code,awarding_agency_name
				DJF1,2017-09-20,100.00,ACME CORP,1500,DEPARTMENT OF JUSTICE (DOJ)
				DJF2,2017-09-21,200.00,ACME CORP,015,Department of Justice
				DJF3,2017-09-22,300.00,ACME CORP,,"JUSTICE, DEPARTMENT OF"
				""");
		ReviewSession session = ReviewSession.create("mixed");
		importInto(session, csv);
		assertEquals(1, session.review().getDepartments().size());
		assertEquals("015", session.review().getDepartments().get(0).getCode());
		assertEquals("Department of Justice", session.review().getDepartments().get(0).getName());
	}

	@Test
	void unreadableFileIsRefusedInOneSentenceAndChangesNothing() throws IOException {
		Path png = dir.resolve("report.xlsx");
		Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 });
		ReviewSession session = ReviewSession.create("Refuse");
		ImportException refused = assertThrows(ImportException.class,
				() -> new ReviewImporter(session.review()).read(png, null));
		assertNotNull(refused.getMessage());
		assertTrue(refused.getMessage().startsWith("report.xlsx"), refused.getMessage());
		assertTrue(session.review().getReports().isEmpty());
	}

	@Test
	void agencySpreadsheetWithATitleAboveItsOwnHeadingsImports() throws IOException {
		Path file = dir.resolve("dhs-it-purchases.csv");
		Files.writeString(file, """
				Department of Homeland Security - IT purchases FY2017

				Vendor Name,Contract Number,Obligated Amount,Date Signed,Agency,Description
				"Kaspersky Lab, Inc.",HSHQDC-17-C-00001,"$12,345.67",09/13/2017,Department of Homeland Security,\
				Endpoint protection \u2013 renewal
				CAF\u00c9 SOFTWARE S.A.,HSHQDC-17-C-00002,"(1,000.00)",9/1/2017,Department of Homeland Security,Caf\u00e9
				Total,,"$11,345.67",,,
				,,,,,Source: OCIO purchase log
				""", java.nio.charset.Charset.forName("windows-1252"));
		ImportResult result = importInto(ReviewSession.create("Agency"), file);
		assertEquals(2, result.actionCount());
		ContractAction first = result.report().getActions().get(0);
		assertEquals("HSHQDC-17-C-00001", first.getPiid());
		assertEquals("Kaspersky Lab, Inc.", first.getVendor().getName());
		assertEquals(new BigDecimal("12345.67"), first.getObligation());
		assertEquals(LocalDate.of(2017, 9, 13), first.getActionDate());
		assertEquals("Department of Homeland Security", first.getDepartment().getName());
		assertEquals("Endpoint protection \u2013 renewal", first.getDescription());
		assertEquals(4L, first.getSourceRow(), "rows as a spreadsheet shows the file: the empty line 2 counts");
		ContractAction second = result.report().getActions().get(1);
		assertEquals("CAF\u00c9 SOFTWARE S.A.", second.getVendor().getName());
		assertEquals(new BigDecimal("-1000.00"), second.getObligation());
		assertEquals(LocalDate.of(2017, 9, 1), second.getActionDate());
		List<String> problems = result.report().getProblems().stream()
				.map(p -> p.getSeverity() + " " + p.getRow() + " " + p.getMessage()).toList();
		assertEquals(List.of("INFO 0 dhs-it-purchases.csv is not UTF-8 text; it was read as Windows-1252.",
				"INFO 1 Row 1 above the table skipped (a title or notes)",
				"WARNING 6 Row skipped: no contract number (PIID), transaction key or vendor, so no contract action (a"
						+ " total or a note?); its amount $11,345.67 was not added",
				"WARNING 7 Row skipped: no contract number (PIID), transaction key or vendor, so no contract action (a"
						+ " total or a note?)"),
				problems);
		assertEquals(4, result.rows());
	}

	@Test
	void workbookNotesSheetIsSkippedAndTheDataSheetFoundBelowItsTitle() throws IOException {
		Path file = dir.resolve("purchases.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet notes = wb.createSheet("Read me");
			notes.createRow(0).createCell(0).setCellValue("Purchases of the Office of the CIO");
			notes.createRow(2).createCell(0).setCellValue("Amounts in US dollars");
			Sheet data = wb.createSheet("Purchases");
			data.createRow(0).createCell(0).setCellValue("FY2017 software purchases");
			data.createRow(1).createCell(0).setCellValue("Prepared 2017-09-20");
			String[] headings = { "Supplier", "PO Number", "Amount", "Order Date", "Bureau", "Awarding Agency" };
			Row header = data.createRow(3);
			for (int i = 0; i < headings.length; i++) {
				header.createCell(i).setCellValue(headings[i]);
			}
			CellStyle date = wb.createCellStyle();
			date.setDataFormat((short) 14);
			Row row = data.createRow(4);
			row.createCell(0).setCellValue("ZTE USA INC");
			row.createCell(1).setCellValue("PO-77");
			row.createCell(2).setCellValue(-500.25);
			row.createCell(3).setCellValue(LocalDate.of(2018, 8, 13));
			row.getCell(3).setCellStyle(date);
			row.createCell(4).setCellValue("Customs and Border Protection");
			row.createCell(5).setCellValue("Department of Homeland Security");
			wb.write(out);
		}
		ImportResult result = importInto(ReviewSession.create("Workbook"), file);
		assertEquals(1, result.actionCount());
		ContractAction action = result.report().getActions().get(0);
		assertEquals("PO-77", action.getPiid());
		assertEquals("ZTE USA INC", action.getVendor().getName());
		assertEquals(new BigDecimal("-500.25"), action.getObligation());
		assertEquals(LocalDate.of(2018, 8, 13), action.getActionDate());
		assertEquals("Department of Homeland Security", action.getDepartment().getName());
		assertEquals("Customs and Border Protection", action.getComponent().getName());
		List<String> problems = result.report().getProblems().stream()
				.map(p -> p.getSheet() + ":" + p.getRow() + " " + p.getMessage()).toList();
		assertEquals(List.of("Read me:1 Sheet skipped: no contract columns recognised in its first 2 rows (a notes or"
				+ " summary sheet)", "Purchases:1 Rows 1-3 above the table skipped (a title or notes)"), problems);
	}

	@Test
	void aReviewersLayoutReadsColumnsNothingRecognises() throws IOException {
		Path file = dir.resolve("own-words.csv");
		Files.writeString(file, """
				Register of buys
				Firm,Ref,Sum,When,Dept
				KASPERSKY LAB INC,R-1,10.00,2017-09-14,DEPARTMENT OF STATE
				""", StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("Layout");
		ImportException refused = assertThrows(ImportException.class,
				() -> new ReviewImporter(session.review()).read(file, null));
		assertTrue(refused.getMessage().startsWith("own-words.csv holds no table of contract actions: no row among"
				+ " the first " + ColumnMapping.HEADER_SEARCH_ROWS + " of the file names " + ColumnMapping.MIN_FIELDS
				+ " contract columns"), refused.getMessage());

		ColumnMapping mapping = ColumnMapping.fromHeader(new String[] { "Firm", "Ref", "Sum", "When", "Dept" })
				.with(ContractField.vendorName, 0).with(ContractField.piid, 1).with(ContractField.obligation, 2)
				.with(ContractField.actionDate, 3).with(ContractField.departmentName, 4);
		assertEquals(1.0, mapping.confidence());
		ImportResult result = importInto(session, file, new TableLayout("own-words.csv", 2, mapping));
		assertEquals(1, result.actionCount());
		ContractAction action = actions(session.review()).get(0);
		assertEquals("R-1", action.getPiid());
		assertEquals("KASPERSKY LAB INC", action.getVendor().getName());
		assertEquals(new BigDecimal("10.00"), action.getObligation());
		assertEquals("Department of State", action.getDepartment().getName());
		assertEquals(List.of("Row 1 above the table skipped (a title or notes)"),
				result.report().getProblems().stream().map(p -> p.getMessage()).toList());
	}

	@Test
	void emptyFileIsRefusedAsEmpty() throws IOException {
		Path file = dir.resolve("empty.csv");
		Files.writeString(file, "");
		ImportException refused = assertThrows(ImportException.class,
				() -> new ReviewImporter(ReviewSession.create("Empty").review()).read(file, null));
		assertEquals("empty.csv is empty: it holds no rows", refused.getMessage());
	}

	@Test
	void agencyWebExportSavedAsXlsIsAnHtmlTableAndImports() throws IOException {
		Path file = dir.resolve("ContractReport.xls");
		Files.writeString(file, """
				<html><head><meta charset="utf-8"><title>Contract Report</title></head><body>
				<table><tr><td colspan="5"><b>Contract Report</b> generated 09/20/2017</td></tr>
				<tr><th>Contractor Name</th><th>Award Number</th><th>Dollars Obligated</th><th>Date Signed</th>
				<th>Department Name</th></tr>
				<tr><td>KASPERSKY LAB INC</td><td>HSHQDC-17-F-0042</td><td>$2,500.00</td><td>9/14/2017</td>
				<td>DEPARTMENT OF HOMELAND SECURITY</td></tr>
				</table></body></html>
				""", StandardCharsets.UTF_8);
		ImportResult result = importInto(ReviewSession.create("Html"), file);
		assertEquals(ReportFormat.HTML, result.report().getFormat());
		assertEquals(1, result.actionCount());
		ContractAction action = result.report().getActions().get(0);
		assertEquals("HSHQDC-17-F-0042", action.getPiid());
		assertEquals("KASPERSKY LAB INC", action.getVendor().getName());
		assertEquals(new BigDecimal("2500.00"), action.getObligation());
		assertEquals(LocalDate.of(2017, 9, 14), action.getActionDate());
		assertEquals("Department of Homeland Security", action.getDepartment().getName());
		assertEquals("Table 1", action.getSourceSheet());
		assertEquals(3, action.getSourceRow());
	}
	/** A file of the batch tests below: its rows name made-up vendors, a department and a component of their own. */
	private static StringBuilder batchRows(int rows) {
		StringBuilder csv = new StringBuilder("contract_transaction_unique_key,award_id_piid,action_date,"
				+ "federal_action_obligation,recipient_name,awarding_agency_name,awarding_sub_agency_name\n");
		for (int i = 0; i < rows; i++) {
			csv.append("KEY").append(i).append(",P").append(i).append(",2019-01-01,10.00,BATCH VENDOR ")
					.append(i % 50).append(",OFFICE OF MADE-UP AFFAIRS,BUREAU OF TRIALS\n");
		}
		return csv;
	}

	/**
	 * After a file whose reading stopped once its first rows were built, reads three of those rows again with the same
	 * importer: they are new actions, linked to vendors and organisations this file adds, as if the stopped file had
	 * never been read.
	 */
	private void assertTheNextFileIsReadAsIfTheStoppedOneWasNot(ReviewSession session, ReviewImporter importer)
			throws IOException {
		Path next = dir.resolve("next.csv");
		Files.writeString(next, batchRows(3), StandardCharsets.UTF_8);
		ImportResult result = importer.read(next, new NullProgressMonitor());
		assertEquals(3, result.actionCount(), "the stopped file's transactions are no duplicates");
		assertEquals(0, result.duplicates());
		assertEquals(3, result.newVendors().size(), "the stopped file's vendors were never added: these are new");
		assertEquals(1, result.newDepartments().size());
		session.commandStack().execute(importer.command(session.editingDomain(), result));
		ReviewProject review = session.review();
		for (ContractAction action : actions(review)) {
			assertSame(review, action.getVendor().eContainer(), "every action's vendor is in the review");
			Department department = action.getDepartment();
			assertSame(review, department.eContainer(), "every action's department is in the review");
			assertSame(department, action.getComponent().eContainer());
		}
		assertEquals(3, review.getVendors().size());
		assertEquals(1, review.getDepartments().size());
		assertEquals(1, review.getDepartments().get(0).getComponents().size());
	}

	@Test
	void aFileRefusedHalfwayLeavesTheImporterAsItWasForTheNextFile() throws IOException {
		// 20,000 rows are built on the pipeline's thread before the reader meets a quote that never closes and
		// refuses the file
		Path refused = dir.resolve("refused.csv");
		StringBuilder csv = batchRows(20_000).append("KEY-LAST,P-LAST,2019-01-01,1.00,\"");
		csv.append("x".repeat(17 << 20));
		Files.writeString(refused, csv, StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("Refused halfway");
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportException e = assertThrows(ImportException.class,
				() -> importer.read(refused, new NullProgressMonitor()));
		assertTrue(e.getMessage().startsWith("refused.csv"), e.getMessage());
		assertTheNextFileIsReadAsIfTheStoppedOneWasNot(session, importer);
	}

	@Test
	void aReadCancelledHalfwayLeavesTheImporterAsItWasForTheNextFile() throws IOException {
		Path big = dir.resolve("big.csv");
		Files.writeString(big, batchRows(20_000), StandardCharsets.UTF_8);
		AtomicInteger asked = new AtomicInteger();
		NullProgressMonitor cancelledHalfway = new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				return asked.incrementAndGet() > 5_000; // asked once per row built
			}
		};
		ReviewSession session = ReviewSession.create("Cancelled halfway");
		ReviewImporter importer = new ReviewImporter(session.review());
		assertThrows(OperationCanceledException.class, () -> importer.read(big, cancelledHalfway));
		assertTheNextFileIsReadAsIfTheStoppedOneWasNot(session, importer);
	}

	@Test
	void whatAFileTellsOfAVendorOfTheReviewIsSetByTheUndoableImport() throws IOException {
		Path uei = dir.resolve("uei-only.csv");
		Files.writeString(uei, """
				contract_transaction_unique_key,award_id_piid,action_date,federal_action_obligation,recipient_uei,\
				awarding_agency_name
				K1,P1,2019-01-01,10.00,KN0WNUEI1234,DEPARTMENT OF STATE
				""", StandardCharsets.UTF_8);
		Path named = dir.resolve("named.csv");
		Files.writeString(named, """
				contract_transaction_unique_key,award_id_piid,action_date,federal_action_obligation,recipient_uei,\
				recipient_name,cage_code,recipient_country_code,recipient_country_name,awarding_agency_name
				K2,P2,2019-02-01,20.00,KN0WNUEI1234,"Kaspersky Lab, Inc.",1ABC2,RUS,RUSSIA,DEPARTMENT OF STATE
				K3,P3,2019-03-01,30.00,KN0WNUEI1234,KASPERSKY LAB INC,9ZZZ9,USA,UNITED STATES,DEPARTMENT OF STATE
				""", StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("Named later");
		importInto(session, uei);
		Vendor vendor = session.review().getVendors().get(0);
		assertNull(vendor.getName());

		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = importer.read(named, new NullProgressMonitor());
		assertNull(vendor.getName(), "reading changes nothing in the review");
		assertNull(vendor.getCage());
		assertTrue(result.newVendors().isEmpty());
		assertSame(vendor, result.report().getActions().get(0).getVendor());
		session.commandStack().execute(importer.command(session.editingDomain(), result));
		assertEquals("Kaspersky Lab, Inc.", vendor.getName(), "the first row's name");
		assertEquals("KASPERSKY LAB INC", vendor.getNormalizedName());
		assertEquals("1ABC2", vendor.getCage());
		assertEquals("RUS", vendor.getCountryCode());
		assertEquals("RUSSIA", vendor.getCountryName());

		session.commandStack().undo();
		assertNull(vendor.getName(), "undoing the import takes the name back");
		assertNull(vendor.getNormalizedName());
		assertNull(vendor.getCage());
		assertNull(vendor.getCountryCode());
		assertNull(vendor.getCountryName());
		assertEquals(1, session.review().getReports().size());
		session.commandStack().redo();
		assertEquals("Kaspersky Lab, Inc.", vendor.getName());
	}

	@Test
	void aVendorOfAnEarlierFileOfTheBatchIsChangedByTheLaterFilesCommandOnly() throws IOException {
		Path first = dir.resolve("first.csv");
		Files.writeString(first, """
				contract_transaction_unique_key,award_id_piid,action_date,federal_action_obligation,recipient_uei,\
				awarding_agency_name,awarding_sub_agency_name
				K1,P1,2019-01-01,10.00,KN0WNUEI1234,OFFICE OF MADE-UP AFFAIRS,BUREAU OF TRIALS
				""", StandardCharsets.UTF_8);
		Path second = dir.resolve("second.csv");
		Files.writeString(second, """
				contract_transaction_unique_key,award_id_piid,action_date,federal_action_obligation,recipient_uei,\
				recipient_name,recipient_parent_name,awarding_agency_name,awarding_sub_agency_name
				K2,P2,2019-02-01,20.00,KN0WNUEI1234,ACME CORP,ACME HOLDINGS,OFFICE OF MADE-UP AFFAIRS,BUREAU OF ERRORS
				""", StandardCharsets.UTF_8);
		ReviewSession session = ReviewSession.create("Batch");
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult one = importer.read(first, new NullProgressMonitor());
		ImportResult two = importer.read(second, new NullProgressMonitor());
		Vendor vendor = one.newVendors().get(0);
		Department department = one.newDepartments().get(0);
		assertNull(vendor.getName(), "the second file does not change the first file's vendor while it is read");
		assertNull(vendor.getParent());
		assertEquals(1, department.getComponents().size(), "nor its department");
		assertEquals(List.of("ACME HOLDINGS"), two.newVendors().stream().map(Vendor::getName).toList());

		session.commandStack().execute(importer.command(session.editingDomain(), one));
		session.commandStack().execute(importer.command(session.editingDomain(), two));
		assertEquals("ACME CORP", vendor.getName());
		assertEquals("ACME HOLDINGS", vendor.getParent().getName());
		assertEquals(List.of("BUREAU OF TRIALS", "BUREAU OF ERRORS"),
				department.getComponents().stream().map(c -> c.getName()).toList());
		session.commandStack().undo();
		assertNull(vendor.getName(), "undoing the second import takes back what it told of the first's vendor");
		assertNull(vendor.getParent());
		assertEquals(1, department.getComponents().size());
		assertEquals(1, session.review().getVendors().size());
	}
}
