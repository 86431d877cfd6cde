package procurement.review.core.importer;

/**
 * Where a row of a screening's hits file came from. The government-wide screening (the Spark job) writes every hit
 * with its original row's cells and three columns of its own naming that row: {@value #FILE}, {@value #SHEET} and
 * {@value #ROW}. An action imported from such a file is located at that original row, so the workbench shows each hit
 * with the row a reviewer can look up ("hits.csv [awards.csv] row 17"), not with its line in the hits file.
 */
final class RowOrigin {

	/** The column naming the original file (a path). */
	static final String FILE = "source_file";
	/** The column naming the original sheet (a CSV file's own name, a ZIP download's entry, a workbook's sheet). */
	static final String SHEET = "source_sheet";
	/** The column holding the original row's number. */
	static final String ROW = "source_row";

	/**
	 * An original row.
	 *
	 * @param sheet the file's name, and the sheet when it is not the file itself ({@code download.zip / entry.csv})
	 * @param row   the row's number in it
	 */
	record Located(String sheet, long row) {
	}

	private final int file;
	private final int sheet;
	private final int row;

	private RowOrigin(int file, int sheet, int row) {
		this.file = file;
		this.sheet = sheet;
		this.row = row;
	}

	/**
	 * @param header a table's header row
	 * @return the origin columns of a screening's hits file, or null when the header does not have them (the row
	 *         column and the file or sheet column)
	 */
	static RowOrigin of(String[] header) {
		int file = -1;
		int sheet = -1;
		int row = -1;
		for (int i = 0; i < header.length; i++) {
			String name = header[i] == null ? "" : header[i].strip();
			switch (name) {
			case FILE -> file = file < 0 ? i : file;
			case SHEET -> sheet = sheet < 0 ? i : sheet;
			case ROW -> row = row < 0 ? i : row;
			default -> {
				// an original column
			}
			}
		}
		return row >= 0 && (file >= 0 || sheet >= 0) ? new RowOrigin(file, sheet, row) : null;
	}

	/**
	 * @param cells a data row
	 * @return its original row, or null when its cells do not name one (blank, or not a row number)
	 */
	Located locate(String[] cells) {
		String number = cell(cells, row);
		if (number == null || !number.matches("\\d{1,18}")) {
			return null;
		}
		String path = cell(cells, file);
		String name = path == null ? null : path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
		String within = cell(cells, sheet);
		String where = name == null ? within : within == null || within.equals(name) ? name : name + " / " + within;
		return where == null ? null : new Located(where, Long.parseLong(number));
	}

	private static String cell(String[] cells, int index) {
		if (index < 0 || index >= cells.length || cells[index] == null || cells[index].isBlank()) {
			return null;
		}
		return cells[index].strip();
	}
}
