package procurement.review.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes synthetic reports as files: CSV the way USAspending ships it, and XLSX the way Excel saves such a CSV
 * (every text in the shared strings table, numbers and dates as numeric cells, dates with a date style).
 * <p>
 * The XLSX writer is a minimal streaming OOXML writer on {@code java.util.zip}: rows go to the sheet part as they
 * are generated, as bytes, and the shared strings part is written after the sheet (readers find parts through
 * the ZIP directory, so part order does not matter). A general library would hold or re-parse the sheet; a million
 * rows must be written in seconds.
 */
final class ReportFiles {

	private static final byte[][] COLUMN_LETTERS = new byte[SyntheticReports.HEADERS.length][];

	static {
		for (int i = 0; i < COLUMN_LETTERS.length; i++) {
			COLUMN_LETTERS[i] = columnName(i).getBytes(StandardCharsets.US_ASCII);
		}
	}

	/** Excel's serial day number of 1970-01-01 in the 1900 date system. */
	private static final long EXCEL_EPOCH_OFFSET = 25_569;

	private ReportFiles() {
	}

	/**
	 * Writes the same rows as an XLSX workbook and a CSV file, generating each row once.
	 *
	 * @param reports   the generator
	 * @param xlsx      the workbook to write
	 * @param csv       the CSV file to write
	 * @param sheetName the sheet's name
	 * @throws IOException when writing fails
	 */
	static void write(SyntheticReports reports, Path xlsx, Path csv, String sheetName) throws IOException {
		try (XlsxSink x = new XlsxSink(xlsx, sheetName, reports.expectedStrings());
				BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			c.write(String.join(",", SyntheticReports.HEADERS));
			c.write('\n');
			reports.generate((text, value) -> {
				x.row(text, value);
				csvRow(c, text, value);
			});
		}
	}

	private static void csvRow(BufferedWriter out, String[] text, long[] value) throws IOException {
		SyntheticReports.Kind[] kinds = SyntheticReports.KINDS;
		for (int c = 0; c < kinds.length; c++) {
			if (c > 0) {
				out.write(',');
			}
			switch (kinds[c]) {
				case TEXT -> csvField(out, text[c]);
				case INTEGER -> out.write(Long.toString(value[c]));
				case MONEY -> out.write(money(value[c]));
				case DATE -> out.write(LocalDate.ofEpochDay(value[c]).toString());
			}
		}
		out.write('\n');
	}

	private static void csvField(BufferedWriter out, String s) throws IOException {
		if (s == null) {
			return;
		}
		boolean quote = false;
		for (int i = 0; i < s.length() && !quote; i++) {
			char c = s.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			out.write(s);
			return;
		}
		out.write('"');
		out.write(s.replace("\"", "\"\""));
		out.write('"');
	}

	/** Cents as a plain decimal: what both formats show for federal_action_obligation. */
	static String money(long cents) {
		long abs = Math.abs(cents);
		String s = (cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
		return s;
	}

	/**
	 * A one-sheet XLSX workbook written row by row; the shared strings part follows the sheet on close.
	 */
	private static final class XlsxSink implements AutoCloseable {
		private final ZipOutputStream zip;
		private final ByteSink out;
		private final SharedStringTable strings;
		private long rowNumber = 1;

		XlsxSink(Path file, String sheetName, int expectedStrings) throws IOException {
			// DeflaterOutputStream hands its output on in 512-byte pieces: buffer them, or each is a system call.
			zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
			// Fastest deflate level: generation is not what is measured, and the reader's inflate cost hardly
			// depends on the level.
			zip.setLevel(Deflater.BEST_SPEED);
			strings = new SharedStringTable(expectedStrings);
			out = new ByteSink(zip);
			part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
			part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
			part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(
					escape(sheetName)));
			part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                    </Relationships>""");
			// Style 1: built-in format 14 (m/d/yyyy) makes a serial number a date; style 2: #,##0.00 for money.
			part(zip, "xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
                    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                    <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                    </styleSheet>""");

			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
					+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
					+ "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
					+ "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
					+ "<sheetFormatPr defaultRowHeight=\"15\"/><sheetData>");
			String[] header = SyntheticReports.HEADERS;
			out.ascii("<row r=\"1\">");
			for (int c = 0; c < header.length; c++) {
				stringCell(out, c, 1, strings.index(header[c]));
			}
			out.ascii("</row>");
		}

		void row(String[] text, long[] value) throws IOException {
			long r = ++rowNumber;
			SyntheticReports.Kind[] kinds = SyntheticReports.KINDS;
			out.ascii("<row r=\"").number(r).ascii("\">");
			for (int c = 0; c < kinds.length; c++) {
				switch (kinds[c]) {
					case TEXT -> {
						if (text[c] != null) {
							stringCell(out, c, r, strings.index(text[c]));
						}
					}
					case INTEGER -> cellStart(out, c, r).ascii("><v>").number(value[c]).ascii("</v></c>");
					case MONEY -> cellStart(out, c, r).ascii(" s=\"2\"><v>").ascii(money(value[c])).ascii("</v></c>");
					case DATE -> cellStart(out, c, r).ascii(" s=\"1\"><v>").number(value[c] + EXCEL_EPOCH_OFFSET)
							.ascii("</v></c>");
				}
			}
			out.ascii("</row>");
		}

		@Override
		public void close() throws IOException {
			out.ascii("</sheetData></worksheet>");
			out.flush();
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
					.number(strings.references).ascii("\" uniqueCount=\"").number(strings.list.size())
					.ascii("\">");
			for (String s : strings.list) {
				out.ascii(needsPreserve(s) ? "<si><t xml:space=\"preserve\">" : "<si><t>").text(s)
						.ascii("</t></si>");
			}
			out.ascii("</sst>");
			out.flush();
			zip.closeEntry();
			zip.close();
		}
	}

	private static boolean needsPreserve(String s) {
		return !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ' || s.contains("  "));
	}

	private static ByteSink cellStart(ByteSink out, int column, long row) throws IOException {
		return out.ascii("<c r=\"").bytes(COLUMN_LETTERS[column]).number(row).ascii("\"");
	}

	private static void stringCell(ByteSink out, int column, long row, int index) throws IOException {
		cellStart(out, column, row).ascii(" t=\"s\"><v>").number(index).ascii("</v></c>");
	}

	private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(xml.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	static String columnName(int index) {
		StringBuilder sb = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			sb.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return sb.toString();
	}

	/** Excel's shared strings: each distinct text once, cells refer to it by index. */
	private static final class SharedStringTable {
		final Map<String, Integer> indexes;
		final List<String> list;
		long references;

		SharedStringTable(int expected) {
			// sized up front: rehashing millions of keys while writing costs more than the table itself
			indexes = HashMap.newHashMap(expected);
			list = new ArrayList<>(expected);
		}

		int index(String s) {
			references++;
			Integer i = indexes.get(s);
			if (i == null) {
				i = list.size();
				indexes.put(s, i);
				list.add(s);
			}
			return i;
		}
	}

	/** A byte buffer in front of the ZIP stream: cells are written as ASCII bytes, without encoders or strings. */
	private static final class ByteSink {
		private final OutputStream out;
		private final byte[] buffer = new byte[1 << 16];
		private int size;

		ByteSink(OutputStream out) {
			this.out = out;
		}

		ByteSink ascii(String s) throws IOException {
			int n = s.length();
			if (size + n > buffer.length) {
				flush();
				if (n > buffer.length) {
					out.write(s.getBytes(StandardCharsets.US_ASCII));
					return this;
				}
			}
			// a plain copy: callers pass ASCII only, so no encoder is needed
			for (int i = 0; i < n; i++) {
				buffer[size++] = (byte) s.charAt(i);
			}
			return this;
		}

		ByteSink bytes(byte[] b) throws IOException {
			if (size + b.length > buffer.length) {
				flush();
			}
			System.arraycopy(b, 0, buffer, size, b.length);
			size += b.length;
			return this;
		}

		ByteSink number(long v) throws IOException {
			if (size + 20 > buffer.length) {
				flush();
			}
			if (v < 0) {
				buffer[size++] = '-';
				v = -v;
			}
			int start = size;
			do {
				buffer[size++] = (byte) ('0' + v % 10);
				v /= 10;
			} while (v != 0);
			for (int i = start, j = size - 1; i < j; i++, j--) {
				byte t = buffer[i];
				buffer[i] = buffer[j];
				buffer[j] = t;
			}
			return this;
		}

		/** XML text content, escaped, UTF-8. */
		ByteSink text(String s) throws IOException {
			boolean plain = true;
			for (int i = 0, n = s.length(); i < n && plain; i++) {
				char c = s.charAt(i);
				plain = c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>';
			}
			if (plain) {
				return ascii(s);
			}
			byte[] b = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
					.getBytes(StandardCharsets.UTF_8);
			if (size + b.length > buffer.length) {
				flush();
			}
			if (b.length > buffer.length) {
				out.write(b);
				return this;
			}
			return bytes(b);
		}

		void flush() throws IOException {
			out.write(buffer, 0, size);
			size = 0;
		}
	}
}
