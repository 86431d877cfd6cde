package procurement.review.core.importer.internal.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.importer.Collected;
import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableReaders;
import procurement.review.model.Severity;

public class XlsxTableReaderTest {

	@TempDir
	Path dir;

	/** Builds the same test workbook for XLSX and (in the HSSF test) XLS. */
	public static void fill(Workbook wb) {
		CellStyle date = wb.createCellStyle();
		date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
		CellStyle dateTime = wb.createCellStyle();
		dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
		CellStyle money = wb.createCellStyle();
		money.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));

		Sheet awards = wb.createSheet("Awards");
		Row h = awards.createRow(0);
		String[] header = {"award_id_piid", "action_date", "federal_action_obligation", "recipient_name", "flag",
			"last_modified_date", "formula"};
		for (int i = 0; i < header.length; i++) {
			h.createCell(i).setCellValue(header[i]);
		}
		Row r = awards.createRow(1);
		r.createCell(0).setCellValue("W91QUZ06D0010");
		Cell d = r.createCell(1);
		d.setCellValue(LocalDate.of(2016, 9, 8));
		d.setCellStyle(date);
		Cell m = r.createCell(2);
		m.setCellValue(-1234.5);
		m.setCellStyle(money);
		r.createCell(3).setCellValue("ACME, INC.");
		r.createCell(4).setCellValue(true);
		Cell t = r.createCell(5);
		t.setCellValue(LocalDateTime.of(2018, 10, 1, 13, 9, 30));
		t.setCellStyle(dateTime);
		r.createCell(6).setCellFormula("C2*2");

		// a gap: row 3 is missing, row 4 has cells at A and D only
		Row gap = awards.createRow(3);
		gap.createCell(0).setCellValue(12345678901.0);
		gap.createCell(3).setCellValue(0.1 + 0.2);

		Sheet second = wb.createSheet("Second sheet");
		second.createRow(0).createCell(2).setCellValue("only C1");
	}

	@Test
	void readsValuesGapsAndSheets() throws IOException {
		Path file = dir.resolve("awards.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			fill(wb);
			Row rich = wb.getSheet("Awards").createRow(4);
			XSSFRichTextString text = new XSSFRichTextString("RICH TEXT");
			text.applyFont(0, 4, wb.createFont());
			rich.createCell(1).setCellValue(text);
			wb.write(out);
		}
		Collected c = Collected.read(file);
		assertEquals(TableFormat.XLSX, c.format);
		assertEquals(List.of("Awards", "Second sheet"), List.copyOf(c.sheets.keySet()));
		assertArrayEquals(new String[] {"W91QUZ06D0010", "2016-09-08", "-1234.5", "ACME, INC.", "TRUE",
			"2018-10-01T13:09:30"}, c.cells("Awards", 1), "the row ends at its last non-blank cell");
		assertEquals(4L, c.rowNumber("Awards", 2), "row 3 does not exist");
		assertArrayEquals(new String[] {"12345678901", null, null, "0.3"}, c.cells("Awards", 2));
		assertArrayEquals(new String[] {null, "RICH TEXT"}, c.cells("Awards", 3));
		assertArrayEquals(new String[] {null, null, "only C1"}, c.cells("Second sheet", 0));
		ReadProblem formula = c.problems.stream().filter(p -> p.message().contains("cached value")).findFirst()
				.orElseThrow();
		assertEquals(new ReadProblem(Severity.WARNING, "Awards", 2, 6, formula.message()), formula);
		assertTrue(c.progress > 0);
	}

	@Test
	void inlineStringsAndMissingReferences() throws IOException {
		// Written by hand: streaming writers (and some agency tools) use inline strings and omit r attributes.
		Path file = dir.resolve("inline.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
			put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
					+ " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
					+ "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>");
			put(zip, "xl/worksheets/data.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
					+ "<row><c t=\"inlineStr\"><is><t>PIID</t></is></c><c t=\"inlineStr\"><is><r><t>VEN</t></r><r><t>DOR</t></r></is></c></row>"
					+ "<row><c t=\"inlineStr\"><is><t>A_x000D_1</t></is></c><c r=\"D2\" t=\"str\"><f>X</f><v>calc</v></c>"
					+ "<c><v>1.5E-3</v></c><c t=\"e\"><v>#N/A</v></c></row></sheetData></worksheet>");
		}
		Collected c = Collected.read(file);
		assertArrayEquals(new String[] {"PIID", "VENDOR"}, c.cells(0));
		assertArrayEquals(new String[] {"A\r1", null, null, "calc", "0.0015"}, c.cells(1));
		assertEquals(2L, c.rowNumber("Data", 1));
		assertEquals(1, c.problems.size());
		assertTrue(c.problems.get(0).message().contains("#N/A"));
		assertEquals(5, c.problems.get(0).column());
	}

	@Test
	void dtdInSheetIsRefused() throws IOException {
		Path file = dir.resolve("xxe.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			put(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
					+ "<workbook><sheets/></workbook>");
		}
		TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.open(file));
		assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
	}

	@Test
	void zipBombIsRefused() throws IOException {
		Path file = dir.resolve("bomb.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			wb.createSheet("S").createRow(0).createCell(0).setCellValue("x");
			wb.write(out);
		}
		// Replace the sheet by 64 MB of blanks inside a comment: compresses about 1000 times.
		Path bomb = dir.resolve("bomb2.xlsx");
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
			for (ZipEntry e : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals("xl/worksheets/sheet1.xml")) {
					out.write("<worksheet><!--".getBytes(StandardCharsets.US_ASCII));
					byte[] blanks = new byte[1 << 20];
					java.util.Arrays.fill(blanks, (byte) ' ');
					for (int i = 0; i < 64; i++) {
						out.write(blanks);
					}
					out.write("--><sheetData/></worksheet>".getBytes(StandardCharsets.US_ASCII));
				} else {
					in.getInputStream(e).transferTo(out);
				}
			}
		}
		TableFormatException e = assertThrows(TableFormatException.class, () -> Collected.read(bomb));
		assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
	}

	@Test
	void dateFormats() {
		assertTrue(DateFormats.isDate(14, null));
		assertTrue(DateFormats.isDate(164, "[$-409]mmmm d, yyyy;@"));
		assertTrue(DateFormats.isDate(165, "[h]:mm"));
		assertEquals(false, DateFormats.isDate(0, "General"));
		assertEquals(false, DateFormats.isDate(166, "#,##0.00\" days\""));
		assertEquals(false, DateFormats.isDate(167, "[Red]0.00"));
		assertEquals(0, XlsxTableReader.columnOf("A1"));
		assertEquals(27, XlsxTableReader.columnOf("AB12"));
		assertEquals(16383, XlsxTableReader.columnOf("XFD1048576"));
	}

	private static void put(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}
}
