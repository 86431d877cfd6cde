package procurement.review.core.orders.internal.office;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import procurement.review.core.orders.LineStatus;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.internal.Texts;
import procurement.review.core.orders.internal.office.XlsxOrderWriter.Styles;

/**
 * Writes the index of a batch of orders: one row per order with its department, deadlines, counts, total
 * and the names of the files written for it (the first one linked).
 */
public final class XlsxIndexWriter {

	/** Creates a writer; it holds no state between documents. */
	public XlsxIndexWriter() {
	}

	/**
	 * One order of the batch and the file names written for it, relative to the index.
	 *
	 * @param order     the order
	 * @param fileNames the names of its files, in the folder of the index
	 */
	public record Entry(OrderDocument order, List<String> fileNames) {
	}

	private static final String[] HEADERS = {
		"Order No.", "Revision", "Status", "Department", "Components", "Rule", "Issue date", "First deadline",
		"Deadlines", "Affected actions", "Unreviewed", "To be confirmed", "Before effective", "Excepted",
		"Total amount", "Files",
	};
	private static final int[] WIDTHS = {18, 9, 10, 34, 40, 16, 11, 11, 30, 10, 10, 10, 10, 10, 16, 50};

	/**
	 * Writes the index workbook.
	 *
	 * @param entries the orders in batch order
	 * @param out     where to write; not closed
	 * @throws IOException when writing fails
	 */
	public void write(List<Entry> entries, OutputStream out) throws IOException {
		XmlBeansContext.run(() -> writeInContext(entries, out));
	}

	@SuppressWarnings("deprecation") // SXSSFWorkbook.dispose(): see the finally block
	private void writeInContext(List<Entry> entries, OutputStream out) throws IOException {
		SXSSFWorkbook wb = new SXSSFWorkbook(200);
		try {
			Styles st = new Styles(wb);
			SXSSFSheet sh = wb.createSheet("Orders");
			XlsxOrderWriter.header(sh, st, HEADERS, WIDTHS);
			int r = 1;
			for (Entry e : entries) {
				OrderDocument o = e.order();
				Row row = sh.createRow(r++);
				int c = 0;
				Cell number = XlsxOrderWriter.text(row, c++, o.orderNumber(), st);
				if (!e.fileNames().isEmpty()) {
					// Our own sanitised file name, relative to the index, so the folder can be moved whole.
					Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.FILE);
					link.setAddress(e.fileNames().get(0));
					number.setHyperlink(link);
				}
				row.createCell(c++).setCellValue(o.revision());
				XlsxOrderWriter.text(row, c++, o.status(), st);
				XlsxOrderWriter.text(row, c++, o.departmentName(), st);
				XlsxOrderWriter.text(row, c++, String.join("; ", o.components()), st);
				XlsxOrderWriter.text(row, c++, o.rule().id(), st);
				XlsxOrderWriter.date(row, c++, o.issueDate(), st);
				XlsxOrderWriter.date(row, c++, o.steps().isEmpty() ? null : o.steps().get(0).due(), st);
				XlsxOrderWriter.text(row, c++, String.join("\n", o.steps().stream()
						.map(s -> s.label() + " " + Texts.iso(s.due())).toList()), st);
				List<OrderLine> affected = o.affectedLines();
				row.createCell(c++).setCellValue(affected.size());
				row.createCell(c++).setCellValue(
						affected.stream().filter(l -> l.status() == LineStatus.UNREVIEWED).count());
				row.createCell(c++).setCellValue(o.toBeConfirmedLines().size());
				row.createCell(c++).setCellValue(o.beforeEffectiveLines().size());
				row.createCell(c++).setCellValue(o.exceptedLines().size());
				XlsxOrderWriter.money(row, c++, o.totals().total(), st.money);
				XlsxOrderWriter.text(row, c++, String.join(", ", e.fileNames()), st);
			}
			sh.createFreezePane(0, 1);
			sh.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, HEADERS.length - 1));
			wb.write(out);
		} finally {
			// In POI 5.5 close() alone leaves SXSSF's temporary sheet files behind; dispose(), although
			// marked deprecated, is still the only call that deletes them.
			wb.dispose();
			wb.close();
		}
	}
}
