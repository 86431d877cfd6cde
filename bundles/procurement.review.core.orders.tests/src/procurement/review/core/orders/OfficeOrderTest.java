package procurement.review.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

class OfficeOrderTest {

	private static final String[] ATTACKS = {
		"=CMD|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)", "\tTAB", "\rCR",
		// full-width and small-form = + - @
		"\uFF1DHYPERLINK(\"x\")", "\uFF0B1", "\uFF0D1", "\uFF20SUM(1)", "\uFE66CMD", "\uFE621", "\uFE631",
		"\uFE6BSUM(1)",
	};

	/** A text cell or a line of text that a spreadsheet would evaluate. */
	private static boolean dangerous(String v) {
		return !v.isEmpty() && FormulaGuard.DANGEROUS_STARTS.indexOf(v.charAt(0)) >= 0;
	}

	private static OrderDocument hostileOrder() {
		List<OrderLine> lines = new ArrayList<>();
		int i = 0;
		for (String a : ATTACKS) {
			lines.add(new OrderLine(a, a, a, LocalDate.of(2017, 8, 1 + i), a, a, a,
					new BigDecimal("-1234.56"), a, a, 10 + i, i % 2 == 0 ? LineStatus.CONFIRMED : LineStatus.UNSURE));
			i++;
		}
		for (int k = 0; k < 30; k++) {
			lines.add(SampleOrders.line(k));
		}
		return SampleOrders.order("=RO-EVIL", lines);
	}

	@Test
	void xlsxNeutralisesFormulasAndKeepsTypes() throws IOException {
		OrderDocument o = hostileOrder();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OrderRenderer r = new OrderRenderer()) {
			r.writeXlsx(o, out);
		}
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			int texts = 0;
			for (Sheet sh : wb) {
				for (Row row : sh) {
					for (Cell c : row) {
						assertNotEquals(CellType.FORMULA, c.getCellType(), sh.getSheetName() + "!" + c.getAddress());
						if (c.getCellType() == CellType.STRING) {
							String v = c.getStringCellValue();
							assertFalse(dangerous(v),
									"not neutralised: " + sh.getSheetName() + "!" + c.getAddress() + " " + v);
							texts++;
						}
					}
				}
			}
			assertTrue(texts > 100);
			Sheet actions = wb.getSheet("Affected actions");
			Row first = actions.getRow(1);
			assertEquals("'=RO-EVIL", first.getCell(0).getStringCellValue());
			assertEquals("'=CMD|' /C calc'!A0", first.getCell(7).getStringCellValue());
			// Dates are dates, amounts are numbers with a money format.
			Cell date = first.getCell(6);
			assertEquals(CellType.NUMERIC, date.getCellType());
			assertTrue(DateUtil.isCellDateFormatted(date));
			assertEquals(LocalDate.of(2017, 8, 1), date.getLocalDateTimeCellValue().toLocalDate());
			Cell amount = first.getCell(10);
			assertEquals(CellType.NUMERIC, amount.getCellType());
			assertEquals(-1234.56, amount.getNumericCellValue(), 1e-9);
			assertTrue(amount.getCellStyle().getDataFormatString().contains("#,##0.00"));
			assertEquals(o.lines().size(), actions.getLastRowNum());
			// The total on the Totals sheet equals the sum of the affected rows.
			double sum = 0;
			for (int r = 1; r <= actions.getLastRowNum(); r++) {
				if (actions.getRow(r).getCell(1).getStringCellValue().equals("Affected")) {
					sum += actions.getRow(r).getCell(10).getNumericCellValue();
				}
			}
			Sheet totals = wb.getSheet("Totals");
			double printed = Double.NaN;
			for (Row row : totals) {
				if (row.getCell(0) != null && "Total".equals(row.getCell(0).getStringCellValue())) {
					printed = row.getCell(1).getNumericCellValue();
					break;
				}
			}
			assertEquals(o.totals().total().doubleValue(), printed, 0.001);
			assertEquals(sum, printed, 0.001);
		}
	}

	@Test
	void docxNeutralisesFormulasInEveryTableCell() throws IOException {
		OrderDocument o = hostileOrder();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OrderRenderer r = new OrderRenderer()) {
			r.writeDocx(o, out);
		}
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
			int cells = 0;
			boolean sawAttack = false;
			boolean repeatHeader = false;
			for (XWPFTable t : doc.getTables()) {
				repeatHeader |= t.getRow(0).isRepeatHeader();
				for (XWPFTableRow row : t.getRows()) {
					for (XWPFTableCell c : row.getTableCells()) {
						String v = c.getText();
						cells++;
						assertFalse(dangerous(v), "not neutralised: " + v);
						sawAttack |= v.startsWith("'=CMD");
					}
				}
			}
			assertTrue(cells > 200);
			assertTrue(sawAttack, "the hostile vendor name should be there, quoted");
			assertTrue(repeatHeader);
			String all;
			try (var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
				all = extractor.getText();
			}
			assertTrue(all.contains("U.S. DEPARTMENT OF THE TREASURY"));
			assertTrue(all.contains("2017-11-12"));
			assertTrue(all.contains(SampleOrders.CHINESE_VENDOR));
			assertTrue(all.contains("n. Costs"));
		}
	}

	/** An order whose department, components and reviewer are hostile: they are printed in paragraphs. */
	private static OrderDocument hostileHeading() {
		OrderDocument o = hostileOrder();
		return new OrderDocument("\uFF1DRO-EVIL-2", o.revision(), o.status(), "=DEPT()+1",
				List.of("\uFE62COMPONENT", "@COMPONENT(2)"), o.rule(), o.issueDate(), o.steps(), "-Reviewer",
				o.pointOfContact(), o.reviewStateHash(), o.contentDigest(), o.lines(), o.form(), o.plan(),
				o.report());
	}

	@Test
	void docxParagraphsAndTheIndexNeutraliseFormulas(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws IOException {
		OrderDocument o = hostileHeading();
		OrderBatch.Result result;
		try (OrderRenderer r = new OrderRenderer()) {
			result = OrderBatch.render(List.of(o, hostileOrder()), dir,
					java.util.EnumSet.of(OrderFormat.DOCX, OrderFormat.XLSX), r);
		}
		java.nio.file.Path docx = result.orders().get(0).files().get(OrderFormat.DOCX);
		try (XWPFDocument doc = new XWPFDocument(java.nio.file.Files.newInputStream(docx))) {
			// Paragraphs outside tables (letterhead, addressee, signature, the review's traces), header and footer:
			// each line of text, as a reader would paste it into a spreadsheet.
			List<org.apache.poi.xwpf.usermodel.XWPFParagraph> paragraphs = new ArrayList<>(doc.getParagraphs());
			doc.getHeaderList().forEach(h -> paragraphs.addAll(h.getParagraphs()));
			doc.getFooterList().forEach(f -> paragraphs.addAll(f.getParagraphs()));
			int lines = 0;
			StringBuilder all = new StringBuilder();
			for (var p : paragraphs) {
				for (String line : p.getText().split("\n", -1)) {
					lines++;
					all.append(line).append('\n');
					assertFalse(dangerous(line), "not neutralised in a paragraph: " + line);
				}
			}
			assertTrue(lines > 20, "paragraphs read: " + lines);
			assertTrue(all.toString().contains("'-Reviewer"), "the hostile reviewer is printed, quoted: " + all);
		}
		try (XSSFWorkbook index = new XSSFWorkbook(java.nio.file.Files.newInputStream(result.index()))) {
			int texts = 0;
			boolean sawDepartment = false;
			for (Row row : index.getSheetAt(0)) {
				for (Cell c : row) {
					assertNotEquals(CellType.FORMULA, c.getCellType(), c.getAddress().toString());
					if (c.getCellType() == CellType.STRING) {
						texts++;
						assertFalse(dangerous(c.getStringCellValue()), "not neutralised in the index: "
								+ c.getAddress() + " " + c.getStringCellValue());
						sawDepartment |= c.getStringCellValue().equals("'=DEPT()+1");
					}
				}
			}
			assertTrue(texts > 20, "index cells read: " + texts);
			assertTrue(sawDepartment, "the hostile department is in the index, quoted");
		}
	}
}
