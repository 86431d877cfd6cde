package procurement.review.screening;

import java.io.Serializable;
import java.util.List;

/**
 * One hit of one row, as it travels from the executors to the writers: plain values only (EMF objects are not
 * serialisable, and a row must not drag its review along).
 *
 * @param sourceFile  the input file, as the run found it
 * @param sourceSheet the sheet the row is in (a CSV file's own name, a ZIP download's entry, a workbook's sheet)
 * @param sourceRow   the row's number as the reviewer sees it in that sheet (1-based)
 * @param table       the columns of the row's table
 * @param cells       the row's cells as the file holds them, one per column of {@code table} (missing ones null)
 * @param rule        the rule's id, or empty for a watch-only family no rule covers
 * @param entity      the covered family's id
 * @param entityName  the covered family's name
 * @param kind        how the hit was found: IDENTIFIER, NAME, PARENT or DESCRIPTION
 * @param score       the matcher's score in [0, 1]
 * @param explanation the matcher's explanation, as the workbench shows it
 * @param vendor      the vendor's key (UEI, DUNS or normalised name), empty for an action without vendor
 */
public record HitRow(String sourceFile, String sourceSheet, long sourceRow, TableColumns table, String[] cells,
		String rule, String entity, String entityName, String kind, double score, String explanation, String vendor)
		implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * The columns of a table, named as its file names them, with the key that lines them up with the columns of
	 * other files in one output.
	 *
	 * @param names the column names (a header-less file's columns by spreadsheet letter)
	 * @param keys  per column: {@code field:NAME} for a column the importer reads a contract field from (the same
	 *              field in every generation), else {@code column:NAME}
	 * @param named whether the names come from a header row
	 */
	public record TableColumns(List<String> names, List<String> keys, boolean named) implements Serializable {

		private static final long serialVersionUID = 1L;
	}

	/** @return the cell of a column, or null when the row is shorter */
	String cell(int column) {
		return column < cells.length ? cells[column] : null;
	}
}
