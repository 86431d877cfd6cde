package procurement.review.core.importer;

import java.util.Objects;

/**
 * A reviewer's reading of the table of a file, chosen in the import wizard when detection is unsure or wrong:
 * which row of which sheet starts the table and which column holds which field. Other sheets of a workbook are
 * still detected.
 *
 * @param sheet   the sheet, as {@link TableHandler#startSheet} names it (the file name for a CSV file)
 * @param row     the 1-based number of the header row, or of the first data row when
 *                {@link ColumnMapping#hasHeaderRow()} is false; the rows above it are skipped
 * @param mapping the columns
 */
public record TableLayout(String sheet, long row, ColumnMapping mapping) {

	/** Checks the parts. */
	public TableLayout {
		Objects.requireNonNull(sheet, "sheet");
		Objects.requireNonNull(mapping, "mapping");
		if (row < 1) {
			throw new IllegalArgumentException("row " + row + ": rows are numbered from 1");
		}
	}
}
