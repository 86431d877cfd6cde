package procurement.review.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procurement.review.core.importer.ColumnMapping;
import procurement.review.core.importer.ContractField;
import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableStartDetector;
import procurement.review.screening.HitRow.TableColumns;

/**
 * Keeps the rows of one file as the file holds them, while the importer builds its actions from the same rows
 * ({@code ReviewImporter.read(..., tap)}): a hit is written with its row's original cells. Each sheet's table is
 * found by the importer's own {@link TableStartDetector}, so a kept row is exactly a row the importer read as data.
 * Memory grows with the file (the cell arrays; repeated cells are shared Strings already) and is released with it.
 */
final class RawRows implements TableHandler {

	/** The data rows of one sheet in the order read (row numbers ascend), and its columns. */
	private static final class Sheet {
		private TableColumns columns;
		private long[] numbers = new long[1024];
		private final List<String[]> cells = new ArrayList<>();

		void add(long number, String[] row) {
			if (cells.size() == numbers.length) {
				numbers = Arrays.copyOf(numbers, numbers.length * 2);
			}
			numbers[cells.size()] = number;
			cells.add(row);
		}

		String[] find(long number) {
			int at = Arrays.binarySearch(numbers, 0, cells.size(), number);
			return at < 0 ? null : cells.get(at);
		}
	}

	private final TableStartDetector start = new TableStartDetector(null, note -> {
		// the importer records the same notes on its report
	});
	private final Map<String, Sheet> sheets = new HashMap<>();
	private Sheet sheet;

	@Override
	public void startSheet(String sheetName) {
		start.startSheet(sheetName);
		sheet = new Sheet();
		sheets.put(sheetName, sheet);
	}

	@Override
	public boolean row(long rowNumber, String[] cells) {
		if (start.searching()) {
			ColumnMapping mapping = start.row(rowNumber, cells);
			if (mapping == null) {
				return true;
			}
			sheet.columns = columns(mapping, cells);
			if (mapping.hasHeaderRow()) {
				return true;
			}
		}
		if (sheet.columns != null) {
			sheet.add(rowNumber, cells);
		}
		return true;
	}

	@Override
	public void endSheet() {
		start.endSheet();
	}

	@Override
	public void problem(ReadProblem problem) {
		// the importer records it on its report
	}

	/**
	 * @param sheetName the sheet, as the importer names it on an action
	 * @return the columns of the sheet's table, or null when none started in it
	 */
	TableColumns columns(String sheetName) {
		Sheet found = sheets.get(sheetName);
		return found == null ? null : found.columns;
	}

	/**
	 * @param sheetName the sheet, as the importer names it on an action
	 * @param rowNumber the row's number
	 * @return the row's cells as read, or null when the row was not read as data
	 */
	String[] cells(String sheetName, long rowNumber) {
		Sheet found = sheets.get(sheetName);
		return found == null ? null : found.find(rowNumber);
	}

	/**
	 * The columns of a table: named by its header row (a header-less file's by spreadsheet letter, as the importer
	 * names its extra columns), each keyed by the first contract field the importer reads from it, if any.
	 */
	static TableColumns columns(ColumnMapping mapping, String[] first) {
		int count = Math.max(mapping.columnCount(), first.length);
		Map<Integer, Set<ContractField>> fields = new HashMap<>();
		mapping.fields().forEach((field, column) -> fields.computeIfAbsent(column,
				c -> EnumSet.noneOf(ContractField.class)).add(field));
		List<String> names = new ArrayList<>(count);
		List<String> keys = new ArrayList<>(count);
		for (int column = 0; column < count; column++) {
			String header = mapping.hasHeaderRow() && column < first.length ? first[column] : null;
			String name = header == null || header.isBlank() ? ReadProblem.columnLetters(column) : header.strip();
			names.add(name);
			Set<ContractField> read = fields.get(column);
			keys.add(read == null ? "column:" + name : "field:" + read.iterator().next().name());
		}
		return new TableColumns(List.copyOf(names), List.copyOf(keys), mapping.hasHeaderRow());
	}
}
