package procurement.review.core.importer.internal.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;
import procurement.review.core.importer.internal.BytePool;

/**
 * Reads the cells of a worksheet part straight from its UTF-8 bytes: the one XML document of a workbook that grows
 * with the rows. Measured on a 1,048,576-row, 30-column sheet: a bare Aalto StAX pass over it (every event pulled,
 * nothing read) takes 10.5 s of which 4 s is inflating; reading the cells through StAX (attributes, element text,
 * local names) took 24 s. This reader looks only at what a sheet holds (rows, cells and their r, s and t
 * attributes, values, inline strings), reads a shared-string index as a number without making a String of it, and
 * decodes text only where a value needs it.
 * <p>
 * The XML itself is read by an {@link XmlTokenizer}, which refuses what is not well-formed; this class holds the
 * worksheet's rules on top of its tags. A sheet in another encoding than UTF-8 is left to the StAX reader
 * ({@link #NOT_UTF8}).
 */
final class SheetScanner {

	/** {@link #scan} result: the part declares another encoding; nothing was read. */
	static final int NOT_UTF8 = -1;
	/** {@link #scan} result: the handler asked to stop. */
	static final int STOPPED = 0;
	/** {@link #scan} result: the sheet was read to its end. */
	static final int DONE = 1;
	/** Internal result: read on. */
	private static final int GO_ON = 2;

	private static final int OTHER = 0;
	private static final int C = 1;
	private static final int V = 2;
	private static final int F = 3;
	private static final int T = 4;
	private static final int IS = 5;
	private static final int RPH = 6;
	private static final int ROW = 7;
	private static final int SHEET_DATA = 8;
	private static final byte[] SHEET_DATA_NAME = "sheetData".getBytes(StandardCharsets.US_ASCII);

	private final XmlTokenizer xml;
	private final String what;
	private final XlsxTableReader.SheetParser cells;

	// the cell being read
	private long rowNumber;
	private int column = -1;
	private int cellColumn = -1;
	private String type;
	private int style;
	private boolean formula;
	private String value;
	/** The shared-string index of a t="s" cell, read without a String; -1 if none. */
	private int sharedIndex = -1;
	/** The bytes of the value of a cell read in one token; -1 when the cell was read in parts. */
	private int valueStart = -1;
	private int valueEnd;
	private BytePool[] numbers = new BytePool[0];
	private byte[] key = new byte[32];
	private StringBuilder inline;
	private boolean inInline;
	private boolean inPhonetic;

	SheetScanner(InputStream in, String what, XlsxTableReader.SheetParser cells) {
		this(in, what, cells, 1 << 16);
	}

	/** As above, with the size the buffer starts at (tests use tiny ones so that tokens cross its end). */
	SheetScanner(InputStream in, String what, XlsxTableReader.SheetParser cells, int bufferSize) {
		this.xml = new XmlTokenizer(in, what, bufferSize);
		this.what = what;
		this.cells = cells;
	}

	/**
	 * Reads the sheet.
	 *
	 * @return {@link #DONE}, {@link #STOPPED}, or {@link #NOT_UTF8} before anything was read
	 * @throws IOException when the part is not well-formed or cannot be read
	 */
	int scan() throws IOException {
		if (!xml.prolog()) {
			return NOT_UTF8;
		}
		while (true) {
			int token = xml.next();
			if (token == XmlTokenizer.END_OF_DOCUMENT) {
				return DONE;
			}
			int kind = kind(xml.buffer(), xml.localStart(), xml.nameEnd());
			int result = token == XmlTokenizer.END_TAG ? endElement(kind) : startTag(kind);
			if (result != GO_ON) {
				return result;
			}
		}
	}

	/** @return {@link #GO_ON}, else the result of {@link #scan} */
	private int startTag(int kind) throws IOException {
		boolean selfClosing = xml.selfClosing();
		if (kind == C && !selfClosing && xml.nameEnd() - xml.nameStart() == 1) {
			int end = xml.tagEnd();
			int after = plainCell(end);
			if (after >= 0) {
				startElement(C);
				value(end + 3, after - 8, true);
				xml.skipTo(after);
				return endElement(C);
			}
		}
		if ((kind == V || kind == T && inInline && !inPhonetic) && !selfClosing) {
			// the element's text and its end tag, read as one token so that a refill never splits them
			xml.readText();
			startElement(kind);
			String text = xml.text();
			if (kind == V) {
				if (text == null) {
					value(xml.textStart(), xml.textEnd(), false);
				} else {
					value = text;
				}
			} else {
				inline.append(text != null ? text
						: new String(xml.buffer(), xml.textStart(), xml.textEnd() - xml.textStart(),
								StandardCharsets.UTF_8));
			}
			return GO_ON;
		}
		startElement(kind);
		if (selfClosing) {
			if (kind == V) {
				value = "";
			}
			return endElement(kind);
		}
		return GO_ON;
	}

	/**
	 * The most common cell, {@code <c ...><v>plain text</v></c>} without prefixes, entities or formula, read in one
	 * go from the end of its start tag.
	 *
	 * @return the offset after {@code </c>}, or -1 when the cell is not of that form or not whole in the buffer
	 */
	private int plainCell(int p) {
		byte[] b = xml.buffer();
		int lim = xml.limit();
		if (p + 3 > lim || b[p] != '<' || b[p + 1] != 'v' || b[p + 2] != '>') {
			return -1;
		}
		int q = p + 3;
		while (q < lim) {
			byte c = b[q];
			if (c == '<') {
				break;
			}
			if (c == '&') {
				return -1;
			}
			q++;
		}
		if (q + 8 > lim || b[q + 1] != '/' || b[q + 2] != 'v' || b[q + 3] != '>' || b[q + 4] != '<'
				|| b[q + 5] != '/' || b[q + 6] != 'c' || b[q + 7] != '>') {
			return -1;
		}
		return q + 8;
	}

	/**
	 * Sets the value of the cell from plain text: a shared-string index is read as a number; with {@code inToken},
	 * the cell is read in one token and a number is left in the buffer for {@link #number()}.
	 */
	private void value(int s, int e, boolean inToken) {
		if ("s".equals(type)) {
			long index = number(s, e);
			if (cells.hasSharedString(index)) {
				sharedIndex = (int) index;
				return;
			}
			// not in the table: the cell logic reports it with the index as the cell writes it
		}
		if (inToken && (type == null || type.equals("n")) && s < e) {
			valueStart = s;
			valueEnd = e;
		} else {
			value = new String(xml.buffer(), s, e - s, StandardCharsets.UTF_8);
		}
	}

	/**
	 * The text of a numeric cell read in one token: a number repeated in its column (a year, a code, a date) is
	 * looked up by its bytes and the date style, and converted once.
	 */
	private String number() {
		boolean date = cells.dateStyle(style);
		if (column >= numbers.length) {
			numbers = Arrays.copyOf(numbers, Math.max(column + 1, numbers.length * 2));
		}
		BytePool pool = numbers[column];
		if (pool == null) {
			pool = numbers[column] = new BytePool();
		}
		if (!pool.active()) {
			return cells.cellText(rowNumber, column, type, style, false, valueText(), null);
		}
		int length = valueEnd - valueStart + 1;
		if (key.length < length) {
			key = new byte[Math.max(length, key.length * 2)];
		}
		key[0] = (byte) (date ? 1 : 0);
		System.arraycopy(xml.buffer(), valueStart, key, 1, length - 1);
		int hash = BytePool.hash(key, 0, length);
		String found = pool.find(key, 0, length, hash);
		if (found != null) {
			return found;
		}
		String text = cells.cellText(rowNumber, column, type, style, false, valueText(), null);
		if (text != null) {
			pool.add(key, 0, length, hash, text);
		}
		return text;
	}

	private void put(String cellText) {
		if (cellText != null) {
			cells.put(column, cellText);
		}
	}

	private String valueText() {
		return new String(xml.buffer(), valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
	}

	private void startElement(int kind) throws TableFormatException {
		switch (kind) {
			case C -> {
				type = null;
				style = 0;
				formula = false;
				value = null;
				sharedIndex = -1;
				valueStart = -1;
				inline = null;
				inInline = false; // an inline string ends with its cell, even when its end tag is missing
				int explicit = -1;
				int refAttribute = -1;
				byte[] b = xml.buffer();
				for (int i = 0, n = xml.attributeCount(); i < n; i++) {
					int nameStart = xml.attributeNameStart(i);
					if (xml.attributeNameEnd(i) - nameStart != 1) {
						continue;
					}
					byte name = b[nameStart];
					if (name == 'r') {
						refAttribute = i;
						explicit = columnOf(xml.attributeValueStart(i), xml.attributeValueEnd(i));
					} else if (name == 't') {
						type = cellType(i);
					} else if (name == 's') {
						style = index(xml.attributeValueStart(i), xml.attributeValueEnd(i));
					}
				}
				column = explicit >= 0 ? explicit : column + 1;
				cellColumn = column;
				if (column > XlsxTableReader.LAST_COLUMN) {
					throw new TableFormatException(Reason.MALFORMED, what + ": the cell "
							+ (explicit >= 0 ? xml.attributeValue(refAttribute) + " " : "in row " + rowNumber + " ")
							+ "lies beyond column XFD, the last one Excel has.");
				}
			}
			case F -> formula = true;
			case IS -> {
				inInline = true;
				inline = new StringBuilder();
			}
			case RPH -> inPhonetic = true;
			case ROW -> {
				long number = rowNumber + 1;
				byte[] b = xml.buffer();
				for (int i = 0, n = xml.attributeCount(); i < n; i++) {
					int nameStart = xml.attributeNameStart(i);
					if (xml.attributeNameEnd(i) - nameStart == 1 && b[nameStart] == 'r') {
						number = number(xml.attributeValueStart(i), xml.attributeValueEnd(i));
						if (number < 0) {
							throw new TableFormatException(Reason.MALFORMED, what + ": bad number in row " + rowNumber
									+ ": the row element's r=\"" + xml.attributeValue(i) + "\"");
						}
					}
				}
				rowNumber = number;
				column = -1;
			}
			default -> {
				// other elements (sheetPr, cols, mergeCells, extLst, ...) carry no cell values
			}
		}
	}

	private int endElement(int kind) throws TableFormatException {
		switch (kind) {
			case C -> {
				try {
					if (column >= 0 && sharedIndex >= 0) {
						put(cells.sharedString(sharedIndex));
					} else if (column >= 0 && valueStart >= 0 && (type == null || type.equals("n"))) {
						put(number());
					} else {
						cells.endCell(rowNumber, column, cellColumn, type, style, formula, value, inline);
					}
				} catch (NumberFormatException e) {
					throw new TableFormatException(Reason.MALFORMED, what + ": bad number in row " + rowNumber
							+ ": " + e.getMessage(), e);
				}
			}
			case IS -> inInline = false;
			case RPH -> inPhonetic = false;
			case ROW -> {
				if (!cells.emit(rowNumber)) {
					return STOPPED;
				}
			}
			case SHEET_DATA -> {
				return DONE;
			}
			default -> {
				// nothing to finish
			}
		}
		return GO_ON;
	}

	/** The t attribute as one of the constants the cell logic compares by equals, without a new String. */
	private String cellType(int i) throws TableFormatException {
		int s = xml.attributeValueStart(i);
		if (xml.attributeValueEnd(i) - s == 1) {
			switch (xml.buffer()[s]) {
				case 's':
					return "s";
				case 'n':
					return "n";
				case 'b':
					return "b";
				case 'e':
					return "e";
				case 'd':
					return "d";
				default:
					break;
			}
		}
		return xml.attributeValue(i);
	}

	/** A style index; -1 when it is no number or larger than any table (read as an unstyled number). */
	private int index(int s, int e) {
		byte[] b = xml.buffer();
		int v = 0;
		for (int i = s; i < e; i++) {
			int c = b[i] - '0';
			if (c < 0 || c > 9 || v > 100_000_000) {
				return -1;
			}
			v = v * 10 + c;
		}
		return v;
	}

	/** A non-negative decimal number of at most 18 digits, -1 if the bytes are not one. */
	private long number(int s, int e) {
		if (s == e || e - s > 18) {
			return -1;
		}
		byte[] b = xml.buffer();
		long v = 0;
		for (int i = s; i < e; i++) {
			int c = b[i] - '0';
			if (c < 0 || c > 9) {
				return -1;
			}
			v = v * 10 + c;
		}
		return v;
	}

	/** As {@link XlsxTableReader#columnOf(String)}, from the bytes of a cell reference. */
	private int columnOf(int s, int e) {
		byte[] b = xml.buffer();
		int col = 0;
		int i = s;
		for (; i < e; i++) {
			int next = XlsxTableReader.nextColumn(col, b[i]);
			if (next < 0) {
				break;
			}
			col = next;
		}
		return i == s ? -1 : col - 1;
	}

	/** The worksheet element a tag names, by its local name. */
	private static int kind(byte[] b, int s, int e) {
		switch (e - s) {
			case 1:
				return b[s] == 'c' ? C : b[s] == 'v' ? V : b[s] == 'f' ? F : b[s] == 't' ? T : OTHER;
			case 2:
				return b[s] == 'i' && b[s + 1] == 's' ? IS : OTHER;
			case 3:
				return b[s] == 'r' && b[s + 1] == 'o' && b[s + 2] == 'w' ? ROW
						: b[s] == 'r' && b[s + 1] == 'P' && b[s + 2] == 'h' ? RPH : OTHER;
			case 9:
				return Arrays.equals(b, s, e, SHEET_DATA_NAME, 0, 9) ? SHEET_DATA : OTHER;
			default:
				return OTHER;
		}
	}
}
