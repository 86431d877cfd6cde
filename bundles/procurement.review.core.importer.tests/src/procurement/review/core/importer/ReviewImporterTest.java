package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
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
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = importer.read(file, new NullProgressMonitor());
		session.commandStack().execute(importer.command(session.editingDomain(), result));
		return result;
	}

	static List<ContractAction> actions(ReviewProject review) {
		return review.getReports().stream().flatMap(r -> r.getActions().stream()).toList();
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
		assertEquals("2000", review.getDepartments().get(0).getCode());
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
		assertTrue(review.getDepartments().stream().anyMatch(d -> d.getName().contains("DEFENSE")));
		assertTrue(review.getDepartments().stream().anyMatch(d -> d.getName().contains("VETERANS")));
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
		List<procurement.review.model.ImportProblem> problems = result.report().getProblems();
		assertEquals(2, problems.size(), problems.toString());
		procurement.review.model.ImportProblem date = problems.get(0);
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
	void departmentsOfEveryGenerationMeetUnderOneKey() {
		String key = ReviewImporter.departmentKey("020", "DEPARTMENT OF THE TREASURY (TREAS)");
		assertEquals(key, ReviewImporter.departmentKey("2000", "Department of the Treasury"));
		assertEquals(key, ReviewImporter.departmentKey(null, "TREASURY, DEPARTMENT OF THE"));
		assertEquals(ReviewImporter.departmentKey("036", "DEPARTMENT OF VETERANS AFFAIRS (VA)"),
				ReviewImporter.departmentKey("3600", "VETERANS AFFAIRS, DEPARTMENT OF"));
		assertTrue(!key.equals(ReviewImporter.departmentKey("015", "DEPARTMENT OF JUSTICE (DOJ)")));
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
}
