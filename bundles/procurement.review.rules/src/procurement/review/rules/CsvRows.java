package procurement.review.rules;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * The records of a watch-list CSV, read by FastCSV (RFC 4180, the reader the importer uses too), with the line where
 * each cell starts: a reviewer fixing a bad row needs the line of the file, which differs from the record number
 * once a quoted cell spans lines.
 */
final class CsvRows {

	/**
	 * One record.
	 *
	 * @param line      1-based line where the record starts
	 * @param cells     the cell values
	 * @param cellLines 1-based line where each cell starts
	 */
	record Row(long line, List<String> cells, List<Long> cellLines) {
	}

	private CsvRows() {
	}

	/**
	 * Reads all records; a blank line is a record of one empty cell, rows may have any number of cells. A record
	 * that is no CSV (a quoted cell never closed) is reported and ends the file, since everything after it would
	 * be one cell.
	 *
	 * @param in       the text, not closed; a leading byte-order mark is skipped
	 * @param problems where problems go
	 * @return the records
	 * @throws IOException on read failure
	 */
	@SuppressWarnings("removal") // allowExtraCharsAfterClosingQuote: see below
	static List<Row> read(Reader in, List<RuleSets.Problem> problems) throws IOException {
		List<Row> rows = new ArrayList<>();
		long next = 1;
		try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(false)
				.extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
				.allowUnclosedQuote(false)
				// Text after a closing quote ("Acme" Inc) joins the cell, as Excel reads it, rather than ending
				// the file at that row. FastCSV 4.4 deprecates the option; 5.0 would need another answer.
				.allowExtraCharsAfterClosingQuote(true)
				.ofCsvRecord(withoutBom(in))) {
			for (CsvRecord record : csv) {
				List<String> cells = record.getFields();
				List<Long> cellLines = new ArrayList<>(cells.size());
				long line = record.getStartingLineNumber();
				for (String cell : cells) {
					cellLines.add(line);
					line += lineBreaks(cell);
				}
				rows.add(new Row(record.getStartingLineNumber(), cells, cellLines));
				next = line + 1;
			}
		} catch (CsvParseException e) {
			problems.add(new RuleSets.Problem(next, 0, "", "a quoted cell is never closed, or this row is not"
					+ " CSV otherwise: " + e.getMessage()));
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
		return rows;
	}

	/** Line breaks inside a quoted cell, counted as FastCSV counts the lines of the file: CR LF, LF or CR. */
	private static int lineBreaks(String cell) {
		int breaks = 0;
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n')) {
				breaks++;
			}
		}
		return breaks;
	}

	/** The caller's reader past a byte-order mark, left open when FastCSV closes what it read. */
	private static Reader withoutBom(Reader in) throws IOException {
		PushbackReader reader = new PushbackReader(in, 1) {
			@Override
			public void close() {
				// the caller's reader: the caller closes it
			}
		};
		int first = reader.read();
		if (first >= 0 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}
}
