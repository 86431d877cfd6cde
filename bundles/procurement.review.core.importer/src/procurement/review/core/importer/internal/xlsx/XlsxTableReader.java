package procurement.review.core.importer.internal.xlsx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.ExcelValues;
import procurement.review.core.importer.internal.GuardedZip;
import procurement.review.core.importer.internal.ProgressStream;
import procurement.review.core.importer.internal.ReadAheadInputStream;
import procurement.review.core.importer.internal.StringPool;
import procurement.review.core.importer.internal.xml.SecureStax;
import procurement.review.model.Severity;

/**
 * Streams the worksheets of an XLSX workbook. Only the shared strings table is held in memory (Excel needs it
 * as well); sheets are parsed as they are inflated.
 */
public final class XlsxTableReader implements TableReader {

	private static final String REL_OFFICE_DOCUMENT = "/officeDocument";
	private static final int BUFFER = 1 << 16;
	/** Column XFD, 0-based: Excel has no column after it. */
	static final int LAST_COLUMN = 16_383;

	/** A worksheet as listed in the workbook, in tab order. */
	record SheetRef(String name, String part) {
	}

	private final GuardedZip zip;
	private final XMLInputFactory factory;
	private final List<SheetRef> sheets = new ArrayList<>();
	private String sharedStringsPart;
	private String stylesPart;
	private boolean date1904;

	public XlsxTableReader(Path file) throws IOException {
		this(file, SecureStax.factory());
	}

	/** Lets benchmarks compare StAX implementations on the same code path. */
	public XlsxTableReader(Path file, XMLInputFactory factory) throws IOException {
		this(new GuardedZip(file), factory);
	}

	/**
	 * Reads a workbook already opened as a ZIP file.
	 *
	 * @param zip     the workbook; closed by this reader
	 * @param factory the StAX implementation
	 * @throws IOException when it is no workbook or cannot be read
	 */
	public XlsxTableReader(GuardedZip zip, XMLInputFactory factory) throws IOException {
		this.factory = factory;
		this.zip = zip;
		try {
			readWorkbook();
		} catch (IOException | RuntimeException e) {
			zip.close();
			throw e;
		}
	}

	/** @return the worksheets in tab order */
	public List<SheetRef> sheets() {
		return List.copyOf(sheets);
	}

	/**
	 * Shared strings are shared by the workbook itself; numbers, dates and inline strings are shared within their
	 * column by the reader.
	 */
	@Override
	public boolean sharesRepeatedValues() {
		return true;
	}

	@Override
	public TableFormat format() {
		return TableFormat.XLSX;
	}

	@Override
	public long totalWork() {
		long total = 0;
		for (SheetRef sheet : sheets) {
			ZipEntry entry = zip.entry(sheet.part());
			total += entry == null || entry.getSize() < 0 ? 0 : entry.getSize();
		}
		return total;
	}

	@Override
	public void read(TableHandler handler, LongConsumer progress) throws IOException {
		String[] strings = sharedStringsPart == null ? new String[0] : SharedStrings.read(this, sharedStringsPart);
		boolean[] dateStyles = stylesPart == null ? new boolean[0] : Styles.readDateStyles(this, stylesPart);
		for (SheetRef sheet : sheets) {
			ZipEntry entry = zip.entry(sheet.part());
			if (entry == null) {
				handler.problem(new ReadProblem(Severity.ERROR, sheet.name(), 0, -1,
						"The sheet's part " + sheet.part() + " is missing from the workbook; sheet skipped."));
				continue;
			}
			handler.startSheet(sheet.name());
			boolean go;
			try {
				go = readSheet(handler, progress, sheet, entry, strings, dateStyles);
			} finally {
				handler.endSheet();
			}
			if (!go) {
				return;
			}
		}
	}

	/** The sheet through {@link SheetScanner}; through StAX when it is not in UTF-8. */
	private boolean readSheet(TableHandler handler, LongConsumer progress, SheetRef sheet, ZipEntry entry,
			String[] strings, boolean[] dateStyles) throws IOException {
		String what = what(sheet.part());
		// The part is inflated on another core while the scanner reads it.
		ProgressStream counted = new ProgressStream(new ReadAheadInputStream(zip.open(entry,
				GuardedZip.MAX_ENTRY_BYTES), 1 << 20, "Inflating " + sheet.part()), progress);
		try (InputStream in = counted) {
			int result = new SheetScanner(in, what, new SheetParser(handler, sheet.name(), strings, dateStyles,
					date1904)).scan();
			if (result != SheetScanner.NOT_UTF8) {
				return result == SheetScanner.DONE;
			}
		} finally {
			counted.flush();
		}
		counted = new ProgressStream(zip.open(entry, GuardedZip.MAX_ENTRY_BYTES), progress);
		try (InputStream in = new BufferedInputStream(counted, BUFFER)) {
			return new SheetParser(handler, sheet.name(), strings, dateStyles, date1904)
					.parse(SecureStax.open(factory, in, what), what);
		}
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	String what(String part) {
		return zip.fileName() + ", part " + part;
	}

	XMLStreamReader openPart(String part, long limit) throws IOException {
		ZipEntry entry = zip.entry(part);
		if (entry == null) {
			return null;
		}
		return SecureStax.open(factory, new BufferedInputStream(zip.open(entry, limit), BUFFER), what(part));
	}

	private void readWorkbook() throws IOException {
		String workbookPart = null;
		for (Rel rel : readRels("_rels/.rels", "")) {
			if (rel.type().endsWith(REL_OFFICE_DOCUMENT)) {
				workbookPart = rel.target();
			}
		}
		if (workbookPart == null || zip.entry(workbookPart) == null) {
			workbookPart = "xl/workbook.xml";
		}
		if (zip.entry(workbookPart) == null) {
			throw notAWorkbook();
		}
		if (workbookPart.endsWith(".bin")) {
			throw new TableFormatException(Reason.UNSUPPORTED, zip.fileName()
					+ " is an Excel binary workbook (.xlsb). Open it in Excel and save it as .xlsx.");
		}
		String dir = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
		String relsPart = dir + "_rels/" + workbookPart.substring(dir.length()) + ".rels";
		Map<String, Rel> rels = new HashMap<>();
		for (Rel rel : readRels(relsPart, dir)) {
			rels.put(rel.id(), rel);
			if (rel.type().endsWith("/sharedStrings")) {
				sharedStringsPart = rel.target();
			} else if (rel.type().endsWith("/styles")) {
				stylesPart = rel.target();
			}
		}
		XMLStreamReader r = openPart(workbookPart, GuardedZip.MAX_INDEX_PART_BYTES);
		try {
			while (r.hasNext()) {
				if (r.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = r.getLocalName();
				if (name.equals("workbookPr")) {
					String v = attribute(r, "date1904");
					date1904 = "1".equals(v) || "true".equals(v);
				} else if (name.equals("sheet")) {
					String sheetName = attribute(r, "name");
					Rel rel = rels.get(attribute(r, "id"));
					// Chart sheets and macro sheets hold no table.
					if (rel != null && rel.type().endsWith("/worksheet")) {
						sheets.add(new SheetRef(sheetName, rel.target()));
					}
				}
			}
		} catch (XMLStreamException e) {
			throw SecureStax.malformed(what(workbookPart), e);
		}
	}

	private TableFormatException notAWorkbook() {
		String kind = zip.entry("word/document.xml") != null ? "a Word document"
				: zip.entry("ppt/presentation.xml") != null ? "a PowerPoint presentation"
						: zip.entry("content.xml") != null ? "an OpenDocument file (save it as .xlsx)"
								: "a ZIP archive";
		return new TableFormatException(Reason.UNSUPPORTED, zip.fileName() + " is " + kind
				+ ", not an Excel workbook.");
	}

	private record Rel(String id, String type, String target) {
	}

	private List<Rel> readRels(String part, String baseDir) throws IOException {
		List<Rel> result = new ArrayList<>();
		XMLStreamReader r = openPart(part, GuardedZip.MAX_INDEX_PART_BYTES);
		if (r == null) {
			return result;
		}
		try {
			while (r.hasNext()) {
				if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
					if ("External".equals(attribute(r, "TargetMode"))) {
						continue;
					}
					result.add(new Rel(attribute(r, "Id"), String.valueOf(attribute(r, "Type")),
							resolve(baseDir, String.valueOf(attribute(r, "Target")))));
				}
			}
		} catch (XMLStreamException e) {
			throw SecureStax.malformed(what(part), e);
		}
		return result;
	}

	static String resolve(String baseDir, String target) {
		String path = target.startsWith("/") ? target.substring(1) : baseDir + target;
		if (!path.contains("..") && !path.contains("./")) {
			return path;
		}
		java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				parts.pollLast();
			} else if (!segment.isEmpty() && !segment.equals(".")) {
				parts.addLast(segment);
			}
		}
		return String.join("/", parts);
	}

	/** Attribute by local name, ignoring its namespace (r:id and id are the same to us). */
	static String attribute(XMLStreamReader r, String localName) {
		for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
			if (r.getAttributeLocalName(i).equals(localName)) {
				return r.getAttributeValue(i);
			}
		}
		return null;
	}

	/** Parses one worksheet's XML. */
	static final class SheetParser {

		private final TableHandler handler;
		private final String sheet;
		private final String[] strings;
		private final boolean[] dateStyles;
		private final boolean date1904;
		private String[] cells = new String[64];
		private int maxColumn = -1;
		/** Shares equal cells that are not shared strings (numbers, dates, inline strings) within a column. */
		private final StringPool pool;

		SheetParser(TableHandler handler, String sheet, String[] strings, boolean[] dateStyles, boolean date1904) {
			this.pool = new StringPool();
			this.handler = handler;
			this.sheet = sheet;
			this.strings = strings;
			this.dateStyles = dateStyles;
			this.date1904 = date1904;
		}

		/** @return false if the handler asked to stop */
		boolean parse(XMLStreamReader r, String what) throws TableFormatException {
			long rowNumber = 0;
			int column = -1;
			int cellColumn = -1;
			String type = null;
			int style = 0;
			boolean formula = false;
			String value = null;
			StringBuilder inline = null;
			boolean inInline = false;
			boolean inPhonetic = false;
			try {
				while (r.hasNext()) {
					int event = r.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						String name = r.getLocalName();
						switch (name) {
							case "c" -> {
								type = null;
								style = 0;
								formula = false;
								value = null;
								inline = null;
								inInline = false; // an inline string ends with its cell, even without its end tag
								int explicit = -1;
								for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
									String a = r.getAttributeLocalName(i);
									if (a.equals("r")) {
										explicit = columnOf(r.getAttributeValue(i));
									} else if (a.equals("t")) {
										type = r.getAttributeValue(i);
									} else if (a.equals("s")) {
										style = parseIndex(r.getAttributeValue(i));
									}
								}
								column = explicit >= 0 ? explicit : column + 1;
								cellColumn = column;
								if (column > LAST_COLUMN) {
									// A crafted reference such as ZZZZZZ1 would make the row array gigabytes.
									throw new TableFormatException(Reason.MALFORMED, what + ": the cell "
											+ (explicit >= 0 ? attribute(r, "r") + " " : "in row " + rowNumber + " ")
											+ "lies beyond column XFD, the last one Excel has.");
								}
							}
							case "v" -> value = r.getElementText();
							case "f" -> formula = true;
							case "is" -> {
								inInline = true;
								inline = new StringBuilder();
							}
							case "rPh" -> inPhonetic = true;
							case "t" -> {
								if (inInline && !inPhonetic) {
									inline.append(r.getElementText());
								}
							}
							case "row" -> {
								String ref = attribute(r, "r");
								rowNumber = ref != null ? Long.parseLong(ref) : rowNumber + 1;
								column = -1;
							}
							default -> {
								// other elements (sheetPr, cols, mergeCells, extLst, ...) carry no cell values
							}
						}
					} else if (event == XMLStreamConstants.END_ELEMENT) {
						String name = r.getLocalName();
						switch (name) {
							case "c" -> endCell(rowNumber, column, cellColumn, type, style, formula, value, inline);
							case "is" -> inInline = false;
							case "rPh" -> inPhonetic = false;
							case "row" -> {
								if (!emit(rowNumber)) {
									return false;
								}
							}
							case "sheetData" -> {
								return true;
							}
							default -> {
								// nothing to finish
							}
						}
					}
				}
			} catch (XMLStreamException e) {
				throw SecureStax.malformed(what, e);
			} catch (NumberFormatException e) {
				throw new TableFormatException(Reason.MALFORMED, what + ": bad number in row " + rowNumber + ": "
						+ SecureStax.oneLine(String.valueOf(e.getMessage())), e);
			}
			return true;
		}

		/**
		 * Ends a cell: its text goes into the row, shared within its column unless it is a shared string already.
		 *
		 * @param column     the cell's column, -1 when a row element inside the cell reset it
		 * @param cellColumn the column the cell started at
		 */
		void endCell(long row, int column, int cellColumn, String type, int style, boolean formula, String value,
				StringBuilder inline) {
			if (column < 0) {
				// only a row started inside the cell can have reset its position (fuzzing found it)
				problem(Severity.WARNING, row, cellColumn, "A cell with a row element inside it was skipped");
				return;
			}
			String text = cellText(row, column, type, style, formula, value, inline);
			if (text != null) {
				put(column, "s".equals(type) ? text : pool.intern(column, text));
			}
		}

		String cellText(long row, int column, String type, int style, boolean formula, String value,
				StringBuilder inline) {
			if (type == null || type.equals("n")) {
				if (value == null || value.isEmpty()) {
					return noCachedValue(row, column, formula);
				}
				// parseIndex gives -1 for a style that is no number (or too large): read as an unstyled number.
				if (dateStyle(style)) {
					String iso = ExcelValues.serialToIso(Double.parseDouble(value), date1904);
					if (iso != null) {
						return iso;
					}
				}
				return ExcelValues.plainNumber(value);
			}
			switch (type) {
				case "s" -> {
					if (value == null) {
						return null;
					}
					int index = parseIndex(value);
					if (!hasSharedString(index)) {
						problem(Severity.ERROR, row, column, "Shared string " + value + " does not exist.");
						return null;
					}
					return sharedString(index);
				}
				case "inlineStr" -> {
					return inline == null || inline.isEmpty() ? null : SharedStrings.unescape(inline.toString());
				}
				case "str" -> {
					if (value == null) {
						return noCachedValue(row, column, formula);
					}
					return value.isEmpty() ? null : SharedStrings.unescape(value);
				}
				case "b" -> {
					if (value == null) {
						return noCachedValue(row, column, formula);
					}
					return value.equals("1") || value.equalsIgnoreCase("true") ? "TRUE" : "FALSE";
				}
				case "e" -> {
					problem(Severity.WARNING, row, column, "Cell holds the error value " + value + "; read as empty.");
					return null;
				}
				case "d" -> {
					// Strict OOXML stores ISO 8601 text; keep our convention of dropping a midnight time.
					return value == null ? null : value.endsWith("T00:00:00") ? value.substring(0, value.length() - 9)
							: value;
				}
				default -> {
					return value;
				}
			}
		}

		/** @return whether a cell style shows numbers as dates */
		boolean dateStyle(int style) {
			return style >= 0 && style < dateStyles.length && dateStyles[style];
		}

		/** @return whether the shared strings table has an entry at the index */
		boolean hasSharedString(long index) {
			return index >= 0 && index < strings.length;
		}

		/** The shared string at an index of the table, null for an empty one. */
		String sharedString(int index) {
			String s = strings[index];
			return s == null || s.isEmpty() ? null : s;
		}

		private String noCachedValue(long row, int column, boolean formula) {
			if (formula) {
				problem(Severity.WARNING, row, column,
						"Formula has no cached value (the workbook was saved without calculating it); read as empty.");
			}
			return null;
		}

		private void problem(Severity severity, long row, int column, String message) {
			handler.problem(new ReadProblem(severity, sheet, row, column, message));
		}

		void put(int column, String text) {
			if (column >= cells.length) {
				cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
			}
			cells[column] = text;
			if (column > maxColumn) {
				maxColumn = column;
			}
		}

		boolean emit(long rowNumber) {
			if (maxColumn < 0) {
				return true; // rows with only formatting carry no data
			}
			String[] row = Arrays.copyOf(cells, maxColumn + 1);
			Arrays.fill(cells, 0, maxColumn + 1, null);
			maxColumn = -1;
			return handler.row(rowNumber, row);
		}

		private static int parseIndex(String s) {
			int v = 0;
			for (int i = 0, n = s.length(); i < n; i++) {
				char c = s.charAt(i);
				if (c < '0' || c > '9' || v > 100_000_000) {
					return -1; // not an index, or larger than any table a workbook can hold (and past int)
				}
				v = v * 10 + (c - '0');
			}
			return v;
		}
	}

	/**
	 * 0-based column of a cell reference such as "AB12", -1 if it has no letters; anything beyond
	 * {@link #LAST_COLUMN} gives {@code LAST_COLUMN + 1}, so a long run of letters cannot overflow into a valid or
	 * negative column.
	 */
	static int columnOf(String ref) {
		int col = 0;
		int i = 0;
		for (int n = ref.length(); i < n; i++) {
			int next = nextColumn(col, ref.charAt(i));
			if (next < 0) {
				break;
			}
			col = next;
		}
		return i == 0 ? -1 : col - 1;
	}

	/**
	 * One more character of a cell reference.
	 *
	 * @return the column so far (1-based) extended by the letter c, capped past {@link #LAST_COLUMN}; -1 if c is no
	 *         letter
	 */
	static int nextColumn(int col, int c) {
		int letter = c >= 'A' && c <= 'Z' ? c - 'A' + 1 : c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
		return letter == 0 ? -1 : Math.min(col * 26 + letter, LAST_COLUMN + 2);
	}
}
