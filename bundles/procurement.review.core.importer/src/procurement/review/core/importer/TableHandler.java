package procurement.review.core.importer;

/**
 * Receives the rows of a file as they are read. Single-table formats (CSV, FPDS ATOM) report exactly one sheet,
 * named after the format's convention (the file name for CSV, "entries" for FPDS).
 * <p>
 * Cells are normalised to strings: blank cells are {@code null}; dates become ISO {@code yyyy-MM-dd} (or
 * {@code yyyy-MM-ddTHH:mm:ss} when the time is not midnight); numbers become plain decimal text without
 * floating-point noise or exponent; booleans become {@code TRUE}/{@code FALSE}; formulas give their cached
 * result. The array passed to {@link #row(long, String[])} belongs to the handler, which may keep it.
 */
public interface TableHandler {

	/**
	 * Called before the first row of each sheet.
	 *
	 * @param sheetName the sheet name as the workbook shows it
	 */
	default void startSheet(String sheetName) {
	}

	/**
	 * Called for each row that holds at least one cell. Spreadsheet rows absent from the file are skipped, so
	 * {@code rowNumber} may jump; it is always the number the reviewer sees in Excel (in a CSV file: records
	 * counted from the first line as row 1, empty lines included, a record with line breaks in quotes one row).
	 *
	 * @param rowNumber the 1-based row number
	 * @param cells     the cells, index = 0-based column; missing and blank cells are {@code null}; the array
	 *                  ends at the last non-blank cell of this row, so rows may be shorter than the header
	 * @return {@code true} to continue, {@code false} to stop reading (cancel); {@link #endSheet()} is then
	 *         still called
	 */
	boolean row(long rowNumber, String[] cells);

	/** Called after the last row of each sheet, also when reading was stopped. */
	default void endSheet() {
	}

	/**
	 * Called for each located issue; reading continues after it.
	 *
	 * @param problem the issue
	 */
	default void problem(ReadProblem problem) {
	}
}
