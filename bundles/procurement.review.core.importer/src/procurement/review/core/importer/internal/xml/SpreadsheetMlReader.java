package procurement.review.core.importer.internal.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.ExcelValues;
import procurement.review.core.importer.internal.ProgressStream;
import procurement.review.core.importer.internal.Source;
import procurement.review.model.Severity;

/**
 * Reads an Excel 2003 XML spreadsheet ("XML Spreadsheet 2003", SpreadsheetML), which reporting tools still write and
 * agencies pass on as {@code .xls} or {@code .xml}: {@code Workbook > Worksheet ss:Name > Table > Row > Cell > Data}.
 * Streamed through the same hardened StAX parser as the other XML formats (no DTD, no external entities).
 * <p>
 * Rows and cells may skip ahead with {@code ss:Index}; a cell spanning columns ({@code ss:MergeAcross}) fills the
 * first and leaves the rest blank, as a merged cell reads in Excel. Values follow {@link TableHandler}: numbers as
 * plain decimals, date-times as ISO dates (with the time when it is not midnight), booleans as TRUE/FALSE, the text of
 * formatted strings ({@code <Data ss:Type="String"><B>..</B></Data>}) run together.
 */
public final class SpreadsheetMlReader implements TableReader {

	/** The last column and row Excel has; an index past them is a broken or crafted file, not a table. */
	private static final int MAX_COLUMNS = 16_384;
	private static final long MAX_ROWS = 1_048_576;
	private static final int MAX_WARNINGS = 100;

	private final Source source;

	public SpreadsheetMlReader(Path file) throws IOException {
		this(Source.of(file));
	}

	/** @param source a file, or an entry of an archive */
	public SpreadsheetMlReader(Source source) {
		this.source = source;
	}

	@Override
	public TableFormat format() {
		return TableFormat.XML_SPREADSHEET;
	}

	@Override
	public long totalWork() {
		return source.size();
	}

	@Override
	public void read(TableHandler handler, LongConsumer progress) throws IOException {
		ProgressStream counted = new ProgressStream(source.open(), progress);
		try (InputStream in = new BufferedInputStream(counted, 1 << 16)) {
			XMLStreamReader r = SecureStax.open(SecureStax.factory(), in, source.name());
			new Sheets(handler, r).read();
		} catch (XMLStreamException e) {
			throw SecureStax.malformed(source.name(), e);
		} finally {
			counted.flush();
		}
	}

	@Override
	public void close() {
		// The file is opened and closed within read().
	}

	/** The walk over one document. */
	private static final class Sheets {
		private final TableHandler handler;
		private final XMLStreamReader r;
		private String sheet;
		private int sheets;
		private long rowNumber;
		private final List<String> row = new ArrayList<>();
		private int column;
		private int merge;
		private int warnings;

		Sheets(TableHandler handler, XMLStreamReader r) {
			this.handler = handler;
			this.r = r;
		}

		void read() throws XMLStreamException {
			while (r.hasNext()) {
				int event = r.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					switch (r.getLocalName()) {
						case "Worksheet" -> startSheet();
						case "Row" -> startRow();
						case "Cell" -> startCell();
						case "Data" -> data();
						case "Comment" -> readPast(null); // a note on the cell, with a Data of its own
						default -> {
							// Styles, names, options: not table content
						}
					}
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					switch (r.getLocalName()) {
						case "Cell" -> column += 1 + merge;
						case "Row" -> {
							if (sheet != null && !endRow()) {
								endSheet();
								return;
							}
						}
						case "Worksheet" -> endSheet();
						default -> {
							// nothing to close
						}
					}
				}
			}
			endSheet(); // a document cut short inside a sheet
		}

		private void startSheet() {
			endSheet();
			String name = attribute("Name");
			sheet = name == null || name.isBlank() ? "Sheet" + (sheets + 1) : name;
			sheets++;
			rowNumber = 0;
			handler.startSheet(sheet);
		}

		private void endSheet() {
			if (sheet != null) {
				sheet = null;
				handler.endSheet();
			}
		}

		private void startRow() {
			row.clear();
			column = 0;
			long index = index("Index", MAX_ROWS);
			rowNumber = index > rowNumber ? index : rowNumber + 1;
		}

		private void startCell() {
			merge = 0;
			long index = index("Index", MAX_COLUMNS);
			if (index > 0) {
				column = (int) index - 1;
			}
			merge = (int) Math.max(0, index("MergeAcross", MAX_COLUMNS));
		}

		/** The value of a Data element: its text, and that of any formatting elements inside it. */
		private void data() throws XMLStreamException {
			String type = attribute("Type");
			StringBuilder text = new StringBuilder();
			readPast(text);
			if (column >= MAX_COLUMNS) {
				warn(-1, "A cell past the last column Excel has (XFD) was left out.");
				return;
			}
			while (row.size() <= column) {
				row.add(null);
			}
			row.set(column, value(type, text.toString()));
		}

		/**
		 * Reads past the element just started, whatever it holds.
		 *
		 * @param text receives the text inside it, elements and all; null to drop it
		 */
		private void readPast(StringBuilder text) throws XMLStreamException {
			int depth = 1;
			while (depth > 0 && r.hasNext()) {
				int event = r.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				} else if (text != null && (event == XMLStreamConstants.CHARACTERS
						|| event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
					try {
						text.append(r.getText());
					} catch (RuntimeException e) {
						throw SecureStax.checked(e, r.getLocation());
					}
				}
			}
		}

		/** @return false when the handler stops the reading */
		private boolean endRow() {
			int last = row.size();
			while (last > 0 && row.get(last - 1) == null) {
				last--;
			}
			if (last == 0) {
				return true;
			}
			return handler.row(rowNumber, row.subList(0, last).toArray(String[]::new));
		}

		private String value(String type, String text) {
			if (text.isEmpty()) {
				return null;
			}
			if (type == null) {
				return text;
			}
			return switch (type) {
				case "Number" -> ExcelValues.plainNumber(text.strip());
				case "Boolean" -> "1".equals(text.strip()) ? "TRUE" : "0".equals(text.strip()) ? "FALSE" : text;
				case "DateTime" -> dateTime(text.strip());
				default -> text;
			};
		}

		/** "2017-09-13T00:00:00.000" as "2017-09-13", a time of day kept; anything else as it stands. */
		private static String dateTime(String text) {
			try {
				LocalDateTime value = LocalDateTime.parse(text);
				return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString()
						: value.withNano(0).toString();
			} catch (DateTimeParseException e) {
				return text;
			}
		}

		/** A positive index attribute; 0 when absent; absent too (with a warning) when it is not a number in range. */
		private long index(String name, long max) {
			String value = attribute(name);
			if (value == null) {
				return 0;
			}
			try {
				long index = Long.parseLong(value.strip());
				if (index >= 0 && index <= max) {
					return index;
				}
			} catch (NumberFormatException e) {
				// reported below
			}
			warn(column, "ss:" + name + "=\"" + value + "\" is not a position in a sheet; ignored.");
			return 0;
		}

		/** The attribute of that local name, in the spreadsheet namespace or none (files write it both ways). */
		private String attribute(String local) {
			for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
				if (r.getAttributeLocalName(i).equals(local)) {
					return r.getAttributeValue(i);
				}
			}
			return null;
		}

		private void warn(int col, String message) {
			if (warnings++ < MAX_WARNINGS) {
				handler.problem(new ReadProblem(Severity.WARNING, sheet, rowNumber, col, message));
			}
		}
	}
}
