package procurement.review.core.importer.internal.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import org.apache.commons.lang3.StringUtils;

import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.BytePool;
import procurement.review.core.importer.internal.ProgressStream;
import procurement.review.core.importer.internal.Source;
import procurement.review.model.Severity;

/**
 * Reads a delimited text file. The single sheet is named after the file. Empty fields become {@code null}, like
 * blank spreadsheet cells, so the caller treats both formats alike.
 */
public final class CsvTableReader implements TableReader {

	private static final int PROBE = 1 << 16;
	private static final int MAX_WARNINGS = 100;

	private final Source source;
	private final Charset charset;
	/** Bytes before the first record: a byte order mark, and Excel's "sep=;" line. */
	private final int preamble;
	private final char delimiter;

	public CsvTableReader(Path file) throws IOException {
		this(Source.of(file));
	}

	/**
	 * @param source a file, or an entry of an archive
	 * @throws IOException if its first bytes cannot be read
	 */
	public CsvTableReader(Source source) throws IOException {
		this.source = source;
		byte[] head = source.head(PROBE);
		int mark = CsvSniffer.bomLength(head);
		this.charset = CsvSniffer.charset(head, head.length == source.size());
		String text = new String(head, mark, head.length - mark, charset);
		int separatorLine = CsvSniffer.separatorLine(text);
		if (separatorLine > 0) {
			this.delimiter = text.charAt(text.charAt(0) == '"' ? 5 : 4);
			this.preamble = mark + text.substring(0, separatorLine).getBytes(charset).length;
		} else {
			this.delimiter = CsvSniffer.delimiter(text);
			this.preamble = mark;
		}
	}

	/** Repeated cells of a column share one String ({@link BytePool}), except in UTF-16 text. */
	@Override
	public boolean sharesRepeatedValues() {
		return scansBytes();
	}

	/** @return whether the records are split from the bytes: the encodings whose delimiters are single bytes */
	private boolean scansBytes() {
		return charset.equals(StandardCharsets.UTF_8) || charset.equals(CsvSniffer.WINDOWS_1252);
	}

	/** @return the detected delimiter, for diagnostics and tests */
	public char delimiter() {
		return delimiter;
	}

	/** @return the detected charset, for diagnostics and tests */
	public Charset charset() {
		return charset;
	}

	@Override
	public TableFormat format() {
		return TableFormat.CSV;
	}

	@Override
	public long totalWork() {
		return source.size();
	}

	@Override
	public void read(TableHandler handler, LongConsumer progress) throws IOException {
		ProgressStream counted = new ProgressStream(source.open(), progress);
		try (InputStream in = counted) {
			in.skipNBytes(preamble);
			handler.startSheet(sheetName());
			if (scansBytes()) {
				if (charset.equals(CsvSniffer.WINDOWS_1252)) {
					handler.problem(new ReadProblem(Severity.INFO, null, 0, -1,
							source.name() + " is not UTF-8 text; it was read as Windows-1252."));
				}
				readBytes(handler, in, charset.equals(StandardCharsets.UTF_8));
			} else {
				readText(handler, new InputStreamReader(new BufferedInputStream(in, 1 << 16), charset));
			}
		} finally {
			counted.flush();
			handler.endSheet();
		}
	}

	private String sheetName() {
		return source.name();
	}

	/** UTF-8 and Windows-1252: records split from the bytes ({@link CsvScanner}). */
	private void readBytes(TableHandler handler, InputStream in, boolean utf8) throws IOException {
		CsvScanner scanner = new CsvScanner(in, delimiter, utf8, preamble);
		Width width = new Width(handler);
		long rowNumber = 0;
		boolean reportedFallback = false;
		int junkWarnings = 0;
		try {
			while (scanner.next()) {
				rowNumber += 1 + scanner.emptyLinesSkipped();
				int n = scanner.fields();
				String[] cells = new String[n];
				for (int i = 0; i < n; i++) {
					cells[i] = scanner.field(i);
				}
				width.check(rowNumber, n);
				int junk = scanner.junkAfterQuote();
				if (junk >= 0 && junkWarnings++ < MAX_WARNINGS) {
					handler.problem(new ReadProblem(Severity.WARNING, null, rowNumber, junk,
							"Characters after the closing quote of a field were kept as part of it: \""
									+ StringUtils.abbreviate(cells[junk], 60) + "\""));
				}
				if (!reportedFallback && scanner.fallbackBytes() > 0) {
					reportedFallback = true;
					handler.problem(new ReadProblem(Severity.WARNING, null, rowNumber, -1, "Bytes that are"
							+ " not valid UTF-8 were read as Windows-1252, the first at byte offset "
							+ scanner.firstFallbackOffset() + " (record " + rowNumber + ")."));
				}
				if (!handler.row(rowNumber, cells)) {
					break;
				}
			}
		} catch (CsvScanner.RecordTooLongException e) {
			throw unreadableAfter(rowNumber, e);
		}
	}

	private TableFormatException unreadableAfter(long rowNumber, Exception e) {
		return new TableFormatException(TableFormatException.Reason.MALFORMED,
				source.name() + ": cannot read the CSV after record " + rowNumber + ": " + e.getMessage(), e);
	}

	/** Other charsets (UTF-16 text from Excel's "Unicode Text"): FastCSV over the decoded characters. */
	private void readText(TableHandler handler, Reader text) throws IOException {
		Width width = new Width(handler);
		long rowNumber = 0;
		try (CsvReader<String[]> csv = CsvReader.builder()
				.fieldSeparator(delimiter)
				.quoteCharacter('"')
				.skipEmptyLines(false) // counted as the rows a spreadsheet shows, not reported
				.extraFieldStrategy(FieldMismatchStrategy.IGNORE)
				.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
				.detectBomHeader(false)
				.build(new NullForEmptyHandler(), text)) {
			for (String[] cells : csv) {
				rowNumber++;
				if (cells.length == 0 || cells.length == 1 && cells[0] == null) {
					continue; // an empty line
				}
				width.check(rowNumber, cells.length);
				if (!handler.row(rowNumber, cells)) {
					break;
				}
			}
		} catch (CsvParseException e) {
			throw unreadableAfter(rowNumber, e);
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/**
	 * Warns, a limited number of times, about records whose field count differs from that of the first record of
	 * several fields (the header, or the first data row; a title above the header is one field).
	 */
	private static final class Width {
		private final TableHandler handler;
		private int width = -1;
		private long widthRow;
		private int warnings;

		Width(TableHandler handler) {
			this.handler = handler;
		}

		void check(long rowNumber, int fields) {
			if (width < 0) {
				if (fields > 1) {
					width = fields;
					widthRow = rowNumber;
				}
			} else if (fields != width && warnings++ < MAX_WARNINGS) {
				handler.problem(new ReadProblem(Severity.WARNING, null, rowNumber, -1, "Row has " + fields
						+ " fields, " + (widthRow == 1 ? "the first row" : "row " + widthRow) + " has " + width
						+ "."));
			}
		}
	}

	@Override
	public void close() {
		// Streams are opened and closed within read().
	}

	/** Builds {@code String[]} records directly, skipping FastCSV's list wrapper; empty fields are null. */
	private static final class NullForEmptyHandler extends AbstractBaseCsvCallbackHandler<String[]> {

		private String[] fields = new String[32];
		private int count;

		@Override
		protected void handleBegin(long startingLineNumber) {
			count = 0;
		}

		@Override
		protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
			if (count == fields.length) {
				fields = java.util.Arrays.copyOf(fields, count * 2);
			}
			fields[count++] = len == 0 ? null : new String(buf, offset, len);
		}

		@Override
		protected String[] buildRecord() {
			return java.util.Arrays.copyOf(fields, count);
		}
	}
}
