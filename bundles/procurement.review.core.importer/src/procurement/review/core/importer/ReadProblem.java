package procurement.review.core.importer;

import java.util.Objects;

import procurement.review.model.Severity;

/**
 * A problem found while reading a file, located by sheet, row and column so that every message can be traced back to
 * its cell. The importer records it in the report with the file's name, as the model's {@code ImportProblem}.
 * <p>
 * The severity says what the problem cost: {@link Severity#INFO} worth telling the reviewer, nothing was lost;
 * {@link Severity#WARNING} a value was read but may not be what the file author meant (for example a formula without
 * a result); {@link Severity#ERROR} a value or a part of the file could not be read.
 *
 * @param severity how serious the problem is
 * @param sheet    the sheet name, or {@code null} for single-table formats (CSV, FPDS)
 * @param row      the 1-based row number, or 0 when the problem concerns the whole file or sheet
 * @param column   the 0-based column index, or -1 when the problem concerns a whole row or more
 * @param message  a message for the reviewer
 */
public record ReadProblem(Severity severity, String sheet, long row, int column, String message) {

	/**
	 * Checks the mandatory components.
	 *
	 * @throws NullPointerException if {@code severity} or {@code message} is {@code null}
	 */
	public ReadProblem {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
	}

	/**
	 * Gives a one-line location and message, for logs.
	 *
	 * @return for example {@code WARNING Sheet1!C7: formula has no cached value}
	 */
	@Override
	public String toString() {
		StringBuilder where = new StringBuilder();
		if (sheet != null) {
			where.append(sheet).append('!');
		}
		if (column >= 0) {
			where.append(columnLetters(column));
		}
		if (row > 0) {
			where.append(column >= 0 ? "" : "row ").append(row);
		}
		return severity + (where.isEmpty() ? "" : " " + where) + ": " + message;
	}

	/**
	 * Converts a 0-based column index into spreadsheet letters.
	 *
	 * @param column 0-based column index
	 * @return "A" for 0, "Z" for 25, "AA" for 26
	 */
	public static String columnLetters(int column) {
		StringBuilder letters = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			letters.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return letters.toString();
	}
}
