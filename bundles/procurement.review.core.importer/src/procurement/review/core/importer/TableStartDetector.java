package procurement.review.core.importer;

import java.util.Objects;
import java.util.function.Consumer;

import procurement.review.model.Severity;

/**
 * Finds where the table of contract actions starts in each sheet of a file, from the rows as a {@link TableReader}
 * streams them. Blank rows are passed over; among the first {@link ColumnMapping#HEADER_SEARCH_ROWS} other rows of a
 * sheet, the first that {@link ColumnMapping#startingAt starts a table} does (agencies put a title, a date or notes
 * above their headings), unless the reviewer chose where the table of that sheet starts ({@link TableLayout}).
 * Rows passed over above a table, and a sheet where none starts, are told as {@link Severity#INFO} notes.
 * <p>
 * The importer and the import wizard's preview find tables through this class, so the wizard shows the row an import
 * starts at. One detector serves one reading of one file; it is not thread-safe.
 */
public final class TableStartDetector {

	private final TableLayout chosen;
	private final Consumer<ReadProblem> notes;
	private String sheet;
	/**
	 * Non-blank rows of the sheet looked at that did not start its table; -1 once it started or the search ended.
	 * Also the position the next row has among the rows looked at.
	 */
	private int searched;
	private long firstSkipped;
	private long lookedAt;

	/**
	 * @param chosen where the reviewer says the table of one sheet starts, or null to detect it in every sheet
	 * @param notes  receives the notes on rows and sheets passed over
	 */
	public TableStartDetector(TableLayout chosen, Consumer<ReadProblem> notes) {
		this.chosen = chosen;
		this.notes = Objects.requireNonNull(notes, "notes");
	}

	/**
	 * Starts the search in a sheet.
	 *
	 * @param sheetName the sheet, as {@link TableHandler#startSheet} names it
	 */
	public void startSheet(String sheetName) {
		sheet = sheetName;
		searched = 0;
		firstSkipped = 0;
	}

	/** Ends the sheet; when no table started in it, notes that it was skipped. */
	public void endSheet() {
		stop();
	}

	/** @return whether the start of the current sheet's table is still being looked for */
	public boolean searching() {
		return searched >= 0;
	}

	/**
	 * Looks at the next row of the sheet.
	 *
	 * @param rowNumber the row's number, as {@link TableHandler#row} gives it
	 * @param cells     its cells
	 * @return the mapping of the table when this row starts it (a header row, or the first data row when the mapping
	 *         {@linkplain ColumnMapping#hasHeaderRow() has no header row}); null when it does not, or when the search
	 *         has ended
	 */
	public ColumnMapping row(long rowNumber, String[] cells) {
		if (searched < 0 || isBlank(cells)) {
			return null;
		}
		lookedAt++;
		ColumnMapping start;
		if (chosen()) {
			start = rowNumber >= chosen.row() ? chosen.mapping() : null;
		} else {
			start = ColumnMapping.startingAt(searched, cells).orElse(null);
		}
		if (start == null) {
			if (searched++ == 0) {
				firstSkipped = rowNumber;
			}
			if (searched == ColumnMapping.HEADER_SEARCH_ROWS && !chosen()) {
				stop();
			}
			return null;
		}
		if (searched > 0) {
			note((searched == 1 ? "Row " + firstSkipped : "Rows " + firstSkipped + "-" + (rowNumber - 1))
					+ " above the table skipped (a title or notes)");
		}
		searched = -1;
		return start;
	}

	/** @return the non-blank rows looked at so far, in every sheet: none means the file holds no rows */
	public long rowsLookedAt() {
		return lookedAt;
	}

	/**
	 * Whether a row is one the search passes over.
	 *
	 * @param cells a row's cells
	 * @return true when every cell is missing or blank
	 */
	public static boolean isBlank(String[] cells) {
		for (String cell : cells) {
			if (cell != null && !cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** @return whether the reviewer chose where the table of this sheet starts */
	private boolean chosen() {
		return chosen != null && chosen.sheet().equals(sheet);
	}

	/** Ends the search in the sheet; when it found no table, notes that the sheet was skipped. */
	private void stop() {
		if (searched > 0) {
			note("Sheet skipped: no contract columns recognised in its "
					+ (searched == 1 ? "only row" : "first " + searched + " rows") + " (a notes or summary sheet)");
		}
		searched = -1;
	}

	private void note(String message) {
		notes.accept(new ReadProblem(Severity.INFO, sheet, firstSkipped, -1, message));
	}
}
