package procurement.review.core.orders.internal.office;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import procurement.review.core.orders.FormulaGuard;
import procurement.review.core.orders.FarReport;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.OrderStep;
import procurement.review.core.orders.OrderTotals;
import procurement.review.core.orders.internal.OrderProse;
import procurement.review.core.orders.internal.Texts;

/**
 * Writes the affected actions of an order as a workbook: one row per line with typed cells (dates as
 * dates, amounts as numbers in a money format), a totals sheet and a sheet with the order's particulars.
 * Streaming (SXSSF) keeps memory flat for orders with many lines.
 */
public final class XlsxOrderWriter {

	/** Creates a writer; it holds no state between documents. */
	public XlsxOrderWriter() {
	}

	/** Rows SXSSF keeps in memory before flushing to its temporary file. */
	private static final int WINDOW = 200;

	static final String[] HEADERS = {
		"Order No.", "Section", "Review status", "Component", "PIID", "Modification", "Action date", "Vendor",
		"Covered entity", "Matched by", "Amount", "Description", "Source file", "Source row",
	};
	private static final int[] WIDTHS = {16, 16, 12, 28, 20, 10, 11, 32, 30, 40, 14, 50, 28, 9};

	/**
	 * Writes the workbook.
	 *
	 * @param order the order
	 * @param out   where to write; not closed
	 * @throws IOException when writing fails
	 */
	public void write(OrderDocument order, OutputStream out) throws IOException {
		XmlBeansContext.run(() -> writeInContext(order, out));
	}

	@SuppressWarnings("deprecation") // SXSSFWorkbook.dispose(): see the finally block
	private void writeInContext(OrderDocument order, OutputStream out) throws IOException {
		SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
		try {
			Styles st = new Styles(wb);
			actions(wb, st, order);
			totals(wb, st, order);
			if (order.report() != null) {
				report(wb, st, order);
			}
			particulars(wb, st, order);
			wb.write(out);
		} finally {
			// In POI 5.5 close() alone leaves SXSSF's temporary sheet files behind; dispose(), although
			// marked deprecated, is still the only call that deletes them.
			wb.dispose();
			wb.close();
		}
	}

	/** The cell styles of a workbook; a workbook allows only so many, so they are made once. */
	static final class Styles {
		final CellStyle header;
		final CellStyle date;
		final CellStyle money;
		final CellStyle moneyBold;
		final CellStyle bold;
		final CellStyle text;

		Styles(SXSSFWorkbook wb) {
			Font b = wb.createFont();
			b.setBold(true);
			header = wb.createCellStyle();
			header.setFont(b);
			header.setWrapText(true);
			bold = wb.createCellStyle();
			bold.setFont(b);
			date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
			String moneyFormat = "\"$\"#,##0.00_);(\"$\"#,##0.00)";
			money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat(moneyFormat));
			moneyBold = wb.createCellStyle();
			moneyBold.setDataFormat(wb.createDataFormat().getFormat(moneyFormat));
			moneyBold.setFont(b);
			// Text cells are formatted as text ("@"): a spreadsheet then keeps a typed-over value as text too.
			text = wb.createCellStyle();
			text.setDataFormat(wb.createDataFormat().getFormat("@"));
		}
	}

	private static void actions(SXSSFWorkbook wb, Styles st, OrderDocument o) {
		SXSSFSheet sh = wb.createSheet("Affected actions");
		header(sh, st, HEADERS, WIDTHS);
		int r = 1;
		for (OrderLine l : o.affectedLines()) {
			line(sh.createRow(r++), st, o, "Affected", l);
		}
		for (OrderLine l : o.toBeConfirmedLines()) {
			line(sh.createRow(r++), st, o, "To be confirmed", l);
		}
		for (OrderLine l : o.beforeEffectiveLines()) {
			line(sh.createRow(r++), st, o, "Before effective", l);
		}
		for (OrderLine l : o.exceptedLines()) {
			line(sh.createRow(r++), st, o, "Excepted", l);
		}
		sh.createFreezePane(0, 1);
		sh.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, HEADERS.length - 1));
	}

	static void header(Sheet sh, Styles st, String[] headers, int[] widths) {
		Row h = sh.createRow(0);
		for (int c = 0; c < headers.length; c++) {
			text(h, c, headers[c], st).setCellStyle(st.header);
			sh.setColumnWidth(c, widths[c] * 256);
		}
	}

	private static void line(Row row, Styles st, OrderDocument o, String section, OrderLine l) {
		int c = 0;
		text(row, c++, o.orderNumber(), st);
		text(row, c++, section, st);
		text(row, c++, l.status().name(), st);
		text(row, c++, l.component(), st);
		text(row, c++, l.piid(), st);
		text(row, c++, l.modification(), st);
		date(row, c++, l.actionDate(), st);
		text(row, c++, l.vendorName(), st);
		text(row, c++, l.coveredEntity(), st);
		text(row, c++, l.matchedBy(), st);
		money(row, c++, l.amount(), st.money);
		text(row, c++, l.description(), st);
		text(row, c++, l.sourceFile(), st);
		if (l.sourceRow() > 0) {
			row.createCell(c).setCellValue(l.sourceRow());
		}
	}

	private static void totals(SXSSFWorkbook wb, Styles st, OrderDocument o) {
		SXSSFSheet sh = wb.createSheet("Totals");
		OrderTotals t = o.totals();
		int r = totalBlock(sh, st, 0, "Component", t.byComponent(), t.total());
		totalBlock(sh, st, r + 1, "Vendor", t.byVendor(), t.total());
		sh.setColumnWidth(0, 48 * 256);
		sh.setColumnWidth(1, 18 * 256);
	}

	private static int totalBlock(Sheet sh, Styles st, int r, String what, Map<String, BigDecimal> sums,
			BigDecimal total) {
		Row h = sh.createRow(r++);
		text(h, 0, what, st).setCellStyle(st.header);
		text(h, 1, "Amount", st).setCellStyle(st.header);
		for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
			Row row = sh.createRow(r++);
			text(row, 0, e.getKey(), st);
			money(row, 1, e.getValue(), st.money);
		}
		// The total is the exact BigDecimal sum, written as a value: a formula would be recomputed in
		// binary floating point and could differ from the printed order by a cent.
		Row tr = sh.createRow(r++);
		text(tr, 0, "Total", st).setCellStyle(st.bold);
		money(tr, 1, total, st.moneyBold);
		return r;
	}

	private static void report(SXSSFWorkbook wb, Styles st, OrderDocument o) {
		FarReport rep = o.report();
		SXSSFSheet sh = wb.createSheet("Report");
		List<String> headings = rep.headings();
		int[] widths = new int[headings.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = headings.get(i).equals("Item description") ? 50 : headings.get(i).startsWith("Supplier name")
					|| headings.get(i).equals("Brand") ? 32 : 18;
		}
		header(sh, st, headings.toArray(String[]::new), widths);
		int r = 1;
		for (FarReport.Row row : rep.rows()) {
			Row x = sh.createRow(r++);
			List<String> cells = rep.cells(row);
			for (int c = 0; c < cells.size(); c++) {
				text(x, c, cells.get(c), st);
			}
		}
		r++;
		text(sh.createRow(r++), 0, OrderProse.followUpIntro(o), st).setCellStyle(st.bold);
		for (String item : rep.followUps()) {
			text(sh.createRow(r++), 0, item, st);
		}
		sh.createFreezePane(0, 1);
	}

	private static void particulars(SXSSFWorkbook wb, Styles st, OrderDocument o) {
		SXSSFSheet sh = wb.createSheet("Order");
		sh.setColumnWidth(0, 24 * 256);
		sh.setColumnWidth(1, 80 * 256);
		int[] r = {0};
		kv(sh, st, r, "Order No.", o.orderNumber());
		kv(sh, st, r, "Revision", String.valueOf(o.revision()));
		kv(sh, st, r, "Status", o.status());
		kv(sh, st, r, "Department", o.departmentName());
		kv(sh, st, r, "Components", String.join("; ", o.components()));
		kv(sh, st, r, "Rule", o.rule().id());
		kv(sh, st, r, "Citation", o.rule().citation());
		kv(sh, st, r, "Title", o.rule().title());
		kv(sh, st, r, "Rule set version", o.rule().ruleSetVersion());
		kvDate(sh, st, r, "Rule set date", o.rule().ruleSetDate());
		kvDate(sh, st, r, "Issue date", o.issueDate());
		kvDate(sh, st, r, "Rule effective", o.rule().effective());
		if (o.steps().isEmpty()) {
			kv(sh, st, r, "Deadlines", OrderProse.stepsIntro(o));
		}
		for (OrderStep step : o.steps()) {
			List<LocalDate> dates = step.dates();
			for (int i = 0; i < dates.size(); i++) {
				kvDate(sh, st, r, step.label() + (dates.size() > 1 ? " " + (i + 1) : "") + " by", dates.get(i));
			}
		}
		kv(sh, st, r, "Affected actions", String.valueOf(o.affectedLines().size()));
		kv(sh, st, r, "To be confirmed", String.valueOf(o.toBeConfirmedLines().size()));
		kv(sh, st, r, "Bought before the rule applied", String.valueOf(o.beforeEffectiveLines().size()));
		kv(sh, st, r, "Excepted", String.valueOf(o.exceptedLines().size()));
		kv(sh, st, r, "Reviewer", o.reviewerName());
		kv(sh, st, r, "Point of contact", o.pointOfContact().asText());
		kv(sh, st, r, "Review state", o.reviewStateHash());
		kv(sh, st, r, "Review content", o.contentDigest());
	}

	private static void kv(Sheet sh, Styles st, int[] r, String key, String value) {
		Row row = sh.createRow(r[0]++);
		text(row, 0, key, st).setCellStyle(st.bold);
		text(row, 1, value, st);
	}

	private static void kvDate(Sheet sh, Styles st, int[] r, String key, LocalDate value) {
		Row row = sh.createRow(r[0]++);
		text(row, 0, key, st).setCellStyle(st.bold);
		date(row, 1, value, st);
	}

	/** Writes a text cell; the single place text enters a workbook, so nothing bypasses the guard. */
	static org.apache.poi.ss.usermodel.Cell text(Row row, int col, String value, Styles st) {
		org.apache.poi.ss.usermodel.Cell cell = row.createCell(col);
		cell.setCellValue(Texts.xmlSafe(FormulaGuard.neutralise(value)));
		cell.setCellStyle(st.text);
		return cell;
	}

	static void date(Row row, int col, LocalDate value, Styles st) {
		if (value != null) {
			org.apache.poi.ss.usermodel.Cell cell = row.createCell(col);
			cell.setCellValue(value);
			cell.setCellStyle(st.date);
		}
	}

	static void money(Row row, int col, BigDecimal value, CellStyle style) {
		org.apache.poi.ss.usermodel.Cell cell = row.createCell(col);
		// A double holds every amount below 10^13 dollars to the cent, beyond any single federal action.
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(style);
	}
}
