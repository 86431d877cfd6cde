package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.model.Severity;

/** The format comes from the content, never from the extension. */
class FormatDetectionTest {

	@TempDir
	Path dir;

	@Test
	void csvRenamedToXlsIsReadAsCsv() throws IOException {
		Path file = dir.resolve("report.xls");
		Files.copy(Path.of("data/real/usaspending_contract_transactions_va_fy2019_noheader.csv"), file);
		Collected c = Collected.read(file);
		assertEquals(TableFormat.CSV, c.format);
		assertEquals(3, c.only().size());
	}

	@Test
	void htmlRenamedToXlsIsReadTableByTable() throws IOException {
		Path file = dir.resolve("Contracts.xls");
		String page = """
                <html xmlns:x="urn:schemas-microsoft-com:office:excel">
                <head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
                <style>td {mso-number-format:"\\@";}</style></head>
                <body><table border=1>
                <tr><td colspan=3>Contract actions FY2017</td></tr>
                <tr><th>Vendor</th><th>PIID</th><th>Amount</th></tr>
                <tr><td>KASPERSKY LAB &amp; CO</td><td>HSHQ-1</td><td x:num="1234.5">$1,234.50</td></tr>
                <tr><td>CAF\u00c9<br>SOFTWARE</td><td colspan=2>HSHQ-2<td>&nbsp;</tr>
                <tr><td> </td></tr>
                <tr><td>Soci&eacute;t&eacute;</td></tr>
                </table>
                <table><tr><td>Layout<td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>
                """;
		Files.write(file, page.getBytes(java.nio.charset.Charset.forName("windows-1252")));
		Collected c = Collected.read(file);
		assertEquals(TableFormat.HTML, c.format);
		// A row is reported when it ends: the nested table's rows before the layout row that holds it.
		assertEquals(java.util.List.of("Table 1", "Table 3", "Table 2"), java.util.List.copyOf(c.sheets.keySet()));
		assertEquals(java.util.List.of("Contract actions FY2017"), java.util.List.of(c.cells("Table 1", 0)));
		assertEquals(java.util.List.of("Vendor", "PIID", "Amount"), java.util.List.of(c.cells("Table 1", 1)));
		assertEquals(java.util.List.of("KASPERSKY LAB & CO", "HSHQ-1", "$1,234.50"),
				java.util.List.of(c.cells("Table 1", 2)));
		assertEquals(java.util.Arrays.asList("CAF\u00c9 SOFTWARE", "HSHQ-2"),
				java.util.Arrays.asList(c.cells("Table 1", 3)),
				"a line break is a blank; the colspan's and the non-breaking space's blank cells end the row");
		assertEquals(6L, c.rowNumber("Table 1", 4), "the blank row 5 is not reported but counted");
		assertEquals("Soci\u00e9t\u00e9", c.cells("Table 1", 4)[0]);
		assertEquals(java.util.List.of("Layout"), java.util.List.of(c.cells("Table 2", 0)));
		assertEquals(java.util.List.of("a", "b"), java.util.List.of(c.cells("Table 3", 0)));
	}

	@Test
	void aTableInACellWaitsUntilTheTableAroundItEnds() throws IOException {
		Path file = dir.resolve("Orders.xls");
		Files.writeString(file, "<table><tr><th>Vendor<th>PIID<th>Lines</tr><tr><td>ACME<td>P1<td>"
				+ "<table><tr><td>line 1<td>2.00</tr><tr><td>line 2<td>3.00</tr></table></td></tr>"
				+ "<tr><td>ZETA<td>P2<td>none</tr></table><table><tr><td>Notes</tr></table>");
		Collected c = Collected.read(file);
		assertEquals(java.util.List.of("Table 1", "Table 2", "Table 3"), c.started, "each table one sheet, once");
		assertEquals(3, c.sheets.get("Table 1").size(), "the rows before and after the inner table");
		assertEquals(java.util.List.of("ZETA", "P2", "none"), java.util.List.of(c.cells("Table 1", 2)));
		assertEquals(java.util.List.of("line 2", "3.00"), java.util.List.of(c.cells("Table 2", 1)));
		assertEquals(2L, c.rowNumber("Table 2", 1));
		assertEquals(java.util.List.of("Notes"), java.util.List.of(c.cells("Table 3", 0)));
	}

	@Test
	void aFailureOfTheHandlerLeavesTheHtmlReaderAsItIs() throws IOException {
		Path file = dir.resolve("Contracts.xls");
		Files.writeString(file, "<table><tr><td>PIID</td></tr><tr><td>X1</td></tr></table>");
		IllegalStateException thrown = new IllegalStateException("the handler's own");
		try (TableReader reader = TableReaders.open(file)) {
			IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.read(
					(rowNumber, cells) -> {
						throw thrown;
					}, null));
			assertSame(thrown, e, "not wrapped as a fault of the page");
		}
	}

	@Test
	void theHandlerStopsTheHtmlReaderAndStillEndsTheSheet() throws IOException {
		Path file = dir.resolve("Contracts.xls");
		Files.writeString(file, "<table><tr><td>A</td></tr><tr><td>B</td></tr><tr><td>C</td></tr></table>");
		java.util.List<String> events = new java.util.ArrayList<>();
		try (TableReader reader = TableReaders.open(file)) {
			reader.read(new TableHandler() {
				@Override
				public void startSheet(String name) {
					events.add("start " + name);
				}

				@Override
				public boolean row(long rowNumber, String[] cells) {
					events.add(rowNumber + " " + cells[0]);
					return false;
				}

				@Override
				public void endSheet() {
					events.add("end");
				}
			}, null);
		}
		assertEquals(java.util.List.of("start Table 1", "1 A", "end"), events);
	}

	@Test
	void htmlPageSavedInUtf16IsReadAsHtml() throws IOException {
		Path file = dir.resolve("Unicode.xls");
		byte[] page = "\uFEFF<html><body><table><tr><th>Vendor<th>PIID</tr><tr><td>\u4e2d\u5174 ZTE<td>P-1</tr></table>"
				.getBytes(StandardCharsets.UTF_16LE);
		Files.write(file, page);
		Collected c = Collected.read(file);
		assertEquals(TableFormat.HTML, c.format);
		assertEquals(java.util.List.of("\u4e2d\u5174 ZTE", "P-1"), java.util.List.of(c.cells("Table 1", 1)));
	}

	@Test
	void htmlPageWithoutTableIsRefused() throws IOException {
		Path file = dir.resolve("Contracts.xls");
		Files.writeString(file, "<!DOCTYPE html><html><body><p>Session expired. Please log in again.</p></body>"
				+ "</html>");
		TableFormatException e = assertThrows(TableFormatException.class, () -> Collected.read(file));
		assertEquals(TableFormatException.Reason.UNSUPPORTED, e.reason());
		assertEquals("Contracts.xls is an HTML page without a table, not a workbook. Download the data again as CSV"
				+ " or XLSX.", e.getMessage());
	}

	@Test
	void pngRenamedToXlsxIsRefused() throws IOException {
		Path file = dir.resolve("chart.xlsx");
		Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D});
		TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.open(file));
		assertTrue(e.getMessage().contains("chart.xlsx is an image (PNG)"), e.getMessage());
	}

	@Test
	void pdfIsRefused() throws IOException {
		Path file = dir.resolve("order.csv");
		Files.writeString(file, "%PDF-1.7\n...");
		TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.detect(file));
		assertTrue(e.getMessage().contains("is a PDF document"), e.getMessage());
	}

	@Test
	void officeDocumentThatIsNoWorkbookIsRefused() throws IOException {
		Path file = dir.resolve("orders.xlsx");
		try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
			zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
		}
		TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.open(file));
		assertTrue(e.getMessage().contains("is a Word document, not an Excel workbook"), e.getMessage());
	}

	@Test
	void zipOfTextIsAnArchiveOfReports() throws IOException {
		Path file = dir.resolve("archive.zip");
		try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		try (TableReader reader = TableReaders.open(file)) {
			assertEquals(TableFormat.CSV, reader.format(), "text is offered as a table; the importer finds none");
		}
		assertEquals(TableFormat.CSV, TableReaders.detect(file));
		ImportException e = assertThrows(ImportException.class,
				() -> ReviewImporterTest.importInto(procurement.review.core.ReviewSession.create("Text"), file));
		assertTrue(e.getMessage().startsWith("archive.zip holds no table of contract actions"), e.getMessage());
	}

	@Test
	void xmlWithDtdIsRefused() throws IOException {
		Path file = dir.resolve("feed.xml");
		Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
				+ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&x;</title></entry></feed>");
		assertEquals(TableFormat.FPDS_ATOM, TableReaders.detect(file));
		try (TableReader reader = TableReaders.open(file)) {
			TableFormatException e = assertThrows(TableFormatException.class, () -> reader.read((n, c) -> true, null));
			assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
		}
	}

	@Test
	void problemToStringNamesTheCell() {
		ReadProblem p = new ReadProblem(Severity.WARNING, "Sheet1", 7, 2, "formula has no cached value");
		assertEquals("WARNING Sheet1!C7: formula has no cached value", p.toString());
		assertEquals("AA", ReadProblem.columnLetters(26));
	}
}
