package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.model.Severity;

/** Where a sheet's table starts, as the importer and the import wizard's preview both find it. */
class TableStartDetectorTest {

	private static final String[] TITLE = { "Purchases of the Office of the CIO, FY2017" };
	private static final String[] HEADINGS = { "Company Name", "Contract No.", "Amount ($)", "Award Date",
			"Agency Name", "Sub-Agency" };

	private final List<ReadProblem> notes = new ArrayList<>();

	@Test
	void agencyHeadingsAreFoundBelowATitle() {
		List<String[]> rows = List.of(TITLE, new String[] { "Contractor", "Amount", "Comment" }, HEADINGS,
				new String[] { "ACME", "C-1", "10", "2017-01-01", "DOS", "OIG" });
		TableStartDetector detector = new TableStartDetector(null, notes::add);
		detector.startSheet("Sheet1");
		assertNull(detector.row(1, rows.get(0)));
		assertNull(detector.row(2, rows.get(1)), "a row of two recognised headings is not yet a table");
		ColumnMapping m = detector.row(3, rows.get(2));
		assertNotNull(m);
		assertFalse(detector.searching());
		assertEquals(List.of(0, 1, 2, 3, 4, 5), List.of(m.indexOf(ContractField.vendorName),
				m.indexOf(ContractField.piid), m.indexOf(ContractField.obligation),
				m.indexOf(ContractField.actionDate), m.indexOf(ContractField.departmentName),
				m.indexOf(ContractField.componentName)));
		assertNull(detector.row(4, rows.get(3)), "the search has ended");
		detector.endSheet();
		assertEquals(List.of(new ReadProblem(Severity.INFO, "Sheet1", 1, -1,
				"Rows 1-2 above the table skipped (a title or notes)")), notes);

		notes.clear();
		TableStartDetector none = new TableStartDetector(null, notes::add);
		none.startSheet("Sheet1");
		assertNull(none.row(1, rows.get(0)));
		assertNull(none.row(2, rows.get(1)));
		none.endSheet();
		assertEquals(List.of(new ReadProblem(Severity.INFO, "Sheet1", 1, -1, "Sheet skipped: no contract columns"
				+ " recognised in its first 2 rows (a notes or summary sheet)")), notes);
	}

	@Test
	void blankRowsAreNotCountedAndTheSearchEndsAfterTwentyRows() {
		TableStartDetector detector = new TableStartDetector(null, notes::add);
		detector.startSheet("Notes");
		long row = 0;
		for (int i = 0; i < ColumnMapping.HEADER_SEARCH_ROWS; i++) {
			assertTrue(detector.searching());
			assertNull(detector.row(++row, new String[] { null, " " }), "a blank row");
			assertNull(detector.row(++row, new String[] { "Note " + i }));
		}
		assertFalse(detector.searching(), "twenty rows without a table");
		assertNull(detector.row(++row, HEADINGS), "too far down");
		assertEquals(ColumnMapping.HEADER_SEARCH_ROWS, detector.rowsLookedAt());
		assertEquals(List.of(new ReadProblem(Severity.INFO, "Notes", 2, -1, "Sheet skipped: no contract columns"
				+ " recognised in its first 20 rows (a notes or summary sheet)")), notes);
		detector.endSheet();
		assertEquals(1, notes.size(), "said once");

		detector.startSheet("Data");
		assertNull(detector.row(1, new String[0]));
		assertNotNull(detector.row(2, HEADINGS), "each sheet is searched from its top");
		assertTrue(TableStartDetector.isBlank(new String[] { null, "", "\t" }));
		assertFalse(TableStartDetector.isBlank(new String[] { null, "x" }));
	}

	@Test
	void aReviewersStartIsTakenInItsSheetOnlyHoweverFarDown() {
		ColumnMapping theirs = ColumnMapping.fromHeader(new String[] { "Firm", "Ref", "Sum" })
				.with(ContractField.vendorName, 0).with(ContractField.piid, 1).with(ContractField.obligation, 2);
		TableStartDetector detector = new TableStartDetector(new TableLayout("Data", 30, theirs), notes::add);
		detector.startSheet("Data");
		for (long row = 1; row < 30; row++) {
			assertNull(detector.row(row, HEADINGS), "the reviewer's start, not the detected one");
		}
		assertSame(theirs, detector.row(30, new String[] { "Firm", "Ref", "Sum" }));
		assertEquals(List.of(new ReadProblem(Severity.INFO, "Data", 1, -1,
				"Rows 1-29 above the table skipped (a title or notes)")), notes);

		detector.startSheet("Other");
		ColumnMapping detected = detector.row(7, HEADINGS);
		assertNotNull(detected);
		assertEquals(0, detected.indexOf(ContractField.vendorName));
		assertEquals(31, detector.rowsLookedAt());
	}
}
