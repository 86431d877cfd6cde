package procurement.review.core.importer.internal.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.internal.xml.SecureStax;

/**
 * The byte scanner of worksheets against the StAX reader it replaced for UTF-8 sheets: on random sheets with what
 * writers put in them (prefixes, entities, CDATA, comments, inline and rich strings, phonetic runs, formulas,
 * self-closing and unreferenced cells, quotes of both kinds, line breaks in tags), read with buffers from 16 bytes
 * up, both give the same rows and the same located problems.
 */
class SheetScannerTest {

	private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	private static final String[] STRINGS = { "alpha", "beta", "", "gamma & delta", "ÉLAN" };
	private static final boolean[] DATE_STYLES = { false, true, false };

	@Test
	void agreesWithStaxOnRandomSheets() throws IOException {
		Random random = new Random(20261128);
		for (int round = 0; round < 400; round++) {
			String xml = randomSheet(random);
			Recorded stax = stax(xml);
			int buffer = 16 + random.nextInt(round % 2 == 0 ? 64 : 4096);
			Recorded scanned = scan(xml, buffer);
			assertEquals(stax.events, scanned.events, () -> "buffer " + buffer + ", sheet: " + xml);
		}
	}

	/** Mutated sheets are read or refused with a located message, never with another exception. */
	@Test
	void mutatedSheetsAreReadOrRefused() throws IOException {
		Random random = new Random(1128);
		String alphabet = "<>/=\"' &;#x:cvrtis0123456789AB\n";
		int read = 0;
		for (int round = 0; round < 3000; round++) {
			StringBuilder xml = new StringBuilder(randomSheet(random));
			for (int m = 1 + random.nextInt(3); m > 0 && !xml.isEmpty(); m--) {
				int at = random.nextInt(xml.length());
				char c = alphabet.charAt(random.nextInt(alphabet.length()));
				switch (random.nextInt(3)) {
					case 0 -> xml.setCharAt(at, c);
					case 1 -> xml.deleteCharAt(at);
					default -> xml.insert(at, c);
				}
			}
			try {
				scanAny(xml.toString(), 16 + random.nextInt(100));
				read++;
			} catch (TableFormatException e) {
				assertTrue(e.getMessage().startsWith("test"), e.getMessage());
			}
		}
		assertTrue(read > 300, "some mutated sheets are still read: " + read);
	}

	@Test
	void refusesWhatIsNotWellFormed() {
		String start = "<worksheet xmlns=\"" + NS + "\"><sheetData><row r=\"1\">";
		for (String bad : new String[] { "<c r=\"A1\"><v>1</c></row>", "<c r=\"A1\"><v>&bogus;</v></c></row>",
				"<c r=\"A1\"><v>1<b/></v></c></row>", "<c r=\"A1\"><v>1", "<c r=\"A1\" t=\"s><v>1</v></c></row>",
				"<c r=\"A1\"></row>" }) {
			TableFormatException e = assertThrows(TableFormatException.class, () -> scan(start + bad, 16), bad);
			assertTrue(e.getMessage().contains("not well-formed") || e.getMessage().contains("ends inside"),
					e.getMessage());
			assertTrue(e.getMessage().contains("line 1"), e.getMessage());
		}
		TableFormatException dtd = assertThrows(TableFormatException.class,
				() -> scan("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><worksheet/>", 16));
		assertTrue(dtd.getMessage().contains("document type declaration"), dtd.getMessage());
	}

	@Test
	void leavesOtherEncodingsToStax() throws IOException {
		String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet/>";
		SheetScanner scanner = new SheetScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)),
				"test", new XlsxTableReader.SheetParser(new Recorded(), "Sheet1", STRINGS, DATE_STYLES, false));
		assertEquals(SheetScanner.NOT_UTF8, scanner.scan());
	}

	private static String randomSheet(Random random) {
		boolean prefixed = random.nextInt(4) == 0;
		String p = prefixed ? "x:" : "";
		StringBuilder xml = new StringBuilder();
		if (random.nextBoolean()) {
			xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
		}
		xml.append('<').append(p).append("worksheet xmlns").append(prefixed ? ":x" : "").append("=\"").append(NS)
				.append("\"><").append(p).append("dimension ref=\"A1:F9\"/><!-- written by a test --><").append(p)
				.append("sheetData>");
		int rows = random.nextInt(12);
		long row = 0;
		for (int r = 0; r < rows; r++) {
			row += 1 + random.nextInt(3);
			boolean rowRef = random.nextInt(5) != 0;
			xml.append('<').append(p).append("row").append(rowRef ? " r=\"" + row + "\"" : "")
					.append(random.nextBoolean() ? " spans='1:6'" : "");
			if (random.nextInt(8) == 0) {
				xml.append("/>");
				continue;
			}
			xml.append('>');
			int column = -1;
			for (int c = 0, cells = random.nextInt(6); c < cells; c++) {
				column += 1 + random.nextInt(2);
				String quote = random.nextBoolean() ? "\"" : "'";
				String ref = random.nextInt(6) == 0 ? ""
						: (random.nextBoolean() ? " r=" : "\n r=") + quote + (char) ('A' + column)
								+ (rowRef ? row : r + 1) + quote;
				xml.append(cell(random, p, ref));
			}
			xml.append("</").append(p).append("row>");
		}
		xml.append("</").append(p).append("sheetData><").append(p).append("mergeCells count=\"0\"/></").append(p)
				.append("worksheet>");
		return xml.toString();
	}

	private static String cell(Random random, String p, String ref) {
		String c = "<" + p + "c" + ref;
		String end = "</" + p + "c>";
		switch (random.nextInt(12)) {
			case 0:
				return c + " t=\"s\"><" + p + "v>" + random.nextInt(STRINGS.length + 1) + "</" + p + "v>" + end;
			case 1:
				return c + " s=\"" + random.nextInt(4) + "\"><" + p + "v>" + (40000 + random.nextInt(2000))
						+ (random.nextBoolean() ? ".25" : "") + "</" + p + "v>" + end;
			case 2:
				return c + " t=\"inlineStr\"><" + p + "is><" + p + "t>A &amp; B &lt;C&gt; &#233;&#x4E2D;</" + p
						+ "t></" + p + "is>" + end;
			case 3:
				return c + " t=\"inlineStr\"><" + p + "is><" + p + "r><" + p + "t>rich </" + p + "t></" + p + "r><"
						+ p + "r><" + p + "rPr/><" + p + "t xml:space=\"preserve\">text</" + p + "t></" + p + "r><"
						+ p + "rPh sb=\"0\" eb=\"1\"><" + p + "t>ルビ</" + p + "t></" + p + "rPh></" + p + "is>" + end;
			case 4:
				return c + " t=\"str\"><" + p + "f>A1&amp;\"x\"</" + p + "f><" + p + "v>computed _x0009_ tab</" + p
						+ "v>" + end;
			case 5:
				return c + " t=\"b\"><" + p + "v>" + random.nextInt(2) + "</" + p + "v>" + end;
			case 6:
				return c + " t=\"e\"><" + p + "v>#N/A</" + p + "v>" + end;
			case 7:
				return c + " s=\"1\"/>";
			case 8:
				return c + "><" + p + "v><![CDATA[" + random.nextInt(100) + "]]></" + p + "v>" + end;
			case 9:
				return c + "><" + p + "f>SUM(A1:A2)</" + p + "f>" + end;
			case 10:
				return c + " t=\"s\" ><!-- note --><" + p + "v>" + random.nextInt(STRINGS.length) + "</" + p
						+ "v>\n" + end;
			default:
				return c + "><" + p + "v>-1.5E-3</" + p + "v>" + end;
		}
	}

	private static Recorded stax(String xml) throws IOException {
		Recorded recorded = new Recorded();
		new XlsxTableReader.SheetParser(recorded, "Sheet1", STRINGS, DATE_STYLES, false).parse(SecureStax.open(
				SecureStax.factory(), new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test"), "test");
		return recorded;
	}

	private static Recorded scan(String xml, int buffer) throws IOException {
		Recorded recorded = new Recorded();
		int result = new SheetScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test",
				new XlsxTableReader.SheetParser(recorded, "Sheet1", STRINGS, DATE_STYLES, false), buffer).scan();
		assertEquals(SheetScanner.DONE, result);
		return recorded;
	}

	private static int scanAny(String xml, int buffer) throws IOException {
		return new SheetScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test",
				new XlsxTableReader.SheetParser(new Recorded(), "Sheet1", STRINGS, DATE_STYLES, false), buffer).scan();
	}

	/** Rows and problems as text, in order. */
	private static final class Recorded implements TableHandler {
		final List<String> events = new ArrayList<>();

		@Override
		public boolean row(long rowNumber, String[] cells) {
			events.add(rowNumber + " " + Arrays.toString(cells));
			return true;
		}

		@Override
		public void problem(ReadProblem problem) {
			events.add(problem.toString());
		}
	}
}
