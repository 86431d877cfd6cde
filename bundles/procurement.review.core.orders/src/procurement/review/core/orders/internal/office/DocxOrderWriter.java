package procurement.review.core.orders.internal.office;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import procurement.review.core.orders.FarReport;
import procurement.review.core.orders.FormulaGuard;
import procurement.review.core.orders.LineStatus;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.OrderTotals;
import procurement.review.core.orders.PlanEntry;
import procurement.review.core.orders.internal.OrderProse;
import procurement.review.core.orders.internal.OrderProse.Part;
import procurement.review.core.orders.internal.Texts;

/**
 * Writes an order as an editable memorandum with the same content as the PDF, for departments that fill
 * in the removal plan in a word processor: the plan is a two-column table with an empty cell per element.
 */
public final class DocxOrderWriter {

	/** Creates a writer; it holds no state between documents. */
	public DocxOrderWriter() {
	}

	private static final String SERIF = "Times New Roman";
	private static final String SANS = "Arial";
	/** US Letter in twentieths of a point, with 0.75 inch margins as in the PDF. */
	private static final long PAGE_W = 12240;
	private static final long PAGE_H = 15840;
	private static final long MARGIN = 1080;

	/**
	 * Writes the document.
	 *
	 * @param o   the order
	 * @param out where to write; not closed
	 * @throws IOException when writing fails
	 */
	public void write(OrderDocument o, OutputStream out) throws IOException {
		XmlBeansContext.run(() -> writeInContext(o, out));
	}

	private void writeInContext(OrderDocument o, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			page(doc);
			footer(doc, o);
			head(doc, o);
			OrderTotals totals = o.totals();
			for (Part part : OrderProse.parts(o)) {
				para(doc, OrderProse.heading(o, part), true);
				switch (part) {
					case PURPOSE -> para(doc, OrderProse.purpose(o), false);
					case STEPS -> deadlines(doc, o);
					case AFFECTED -> {
						para(doc, OrderProse.affected(o), false);
						if (!o.affectedLines().isEmpty()) {
							lineTable(doc, o.affectedLines(), totals.total());
						}
					}
					case TO_BE_CONFIRMED -> section(doc, OrderProse.toBeConfirmed(o), o.toBeConfirmedLines());
					case BEFORE_EFFECTIVE -> section(doc, OrderProse.beforeEffective(o), o.beforeEffectiveLines());
					case EXCEPTED -> section(doc, OrderProse.excepted(o), o.exceptedLines());
					case TOTALS -> {
						totalTable(doc, "Component", totals.byComponent(), totals.total());
						para(doc, "", false);
						totalTable(doc, "Vendor", totals.byVendor(), totals.total());
					}
					case PLAN -> {
						para(doc, OrderProse.planIntro(o), false);
						plan(doc, o.plan());
					}
					case REPORT -> report(doc, o);
				}
			}
			signature(doc, o);
			doc.write(out);
		}
	}

	private static void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz sz = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
		sz.setW(BigInteger.valueOf(PAGE_W));
		sz.setH(BigInteger.valueOf(PAGE_H));
		CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
		for (BigInteger v : new BigInteger[] {BigInteger.valueOf(MARGIN)}) {
			mar.setTop(v);
			mar.setBottom(v);
			mar.setLeft(v);
			mar.setRight(v);
		}
	}

	private static void footer(XWPFDocument doc, OrderDocument o) {
		XWPFFooter f = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = f.createParagraph();
		p.setAlignment(ParagraphAlignment.RIGHT);
		run(p, "Removal Order " + safe(o.orderNumber()) + " \u00b7 Revision " + o.revision() + " \u00b7 Page ",
				false, 8, SANS);
		field(p, "PAGE");
		run(p, " of ", false, 8, SANS);
		field(p, "NUMPAGES");
	}

	private static void field(XWPFParagraph p, String instr) {
		var fld = p.getCTP().addNewFldSimple();
		fld.setInstr(instr);
		// Word recomputes the field when it opens the file; the placeholder is what shows before that.
		fld.addNewR().addNewT().setStringValue("1");
	}

	private static void head(XWPFDocument doc, OrderDocument o) {
		XWPFParagraph lh = doc.createParagraph();
		lh.setAlignment(ParagraphAlignment.CENTER);
		run(lh, safe(Texts.letterhead(o.departmentName())), true, 14, SERIF);
		XWPFParagraph sub = doc.createParagraph();
		sub.setAlignment(ParagraphAlignment.CENTER);
		sub.setBorderBottom(Borders.DOUBLE);
		run(sub, "Removal Order " + safe(o.orderNumber()), false, 8, SANS);
		XWPFParagraph right = doc.createParagraph();
		right.setAlignment(ParagraphAlignment.RIGHT);
		multiline(right, Texts.longDate(o.issueDate()) + "\nOrder No. " + safe(o.orderNumber()) + ", Revision "
				+ o.revision() + (o.status().isBlank() ? "" : "\nStatus: " + safe(o.status())), false, 11, SERIF);

		XWPFTable memo = doc.createTable(3, 2);
		memo.removeBorders();
		memo.setWidth("100%");
		String to = o.components().isEmpty() ? o.departmentName() : String.join("\n", o.components());
		memoRow(memo.getRow(0), "MEMORANDUM FOR:", to);
		memoRow(memo.getRow(1), "FROM:", (o.reviewerName().isBlank() ? "" : o.reviewerName() + "\n")
				+ "Procurement Reviewer");
		memoRow(memo.getRow(2), "SUBJECT:", (o.rule().title().isBlank() ? "Covered Products and Services"
				: o.rule().title())
				+ (o.rule().id().isBlank() ? "" : " (" + o.rule().id() + ")"));
		XWPFParagraph rule = doc.createParagraph();
		rule.setBorderBottom(Borders.SINGLE);
	}

	private static void memoRow(XWPFTableRow row, String key, String value) {
		cell(row.getCell(0), key, true, 11, SERIF, "22%");
		cell(row.getCell(1), value, false, 11, SERIF, "78%");
	}

	private static void deadlines(XWPFDocument doc, OrderDocument o) {
		para(doc, OrderProse.stepsIntro(o), false);
		if (o.steps().isEmpty()) {
			return;
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(OrderProse.stepHeadings());
		rows.addAll(OrderProse.stepRows(o));
		grid(doc, rows.toArray(String[][]::new), new String[] {"15%", "13%", "52%", "20%"}, false);
	}

	/** A section listed apart: its paragraph, then its lines with their own total. */
	private static void section(XWPFDocument doc, String text, List<OrderLine> lines) {
		para(doc, text, false);
		if (!lines.isEmpty()) {
			lineTable(doc, lines, OrderTotals.of(lines).total());
		}
	}

	private static void report(XWPFDocument doc, OrderDocument o) {
		FarReport r = o.report();
		para(doc, OrderProse.reportIntro(o), false);
		List<String[]> rows = new ArrayList<>();
		rows.add(r.headings().toArray(String[]::new));
		for (FarReport.Row row : r.rows()) {
			rows.add(r.cells(row).toArray(String[]::new));
		}
		String[] widths = r.identifiers()
				? new String[] {"11%", "10%", "13%", "12%", "9%", "11%", "8%", "16%", "10%"}
				: new String[] {"12%", "12%", "17%", "14%", "10%", "23%", "12%"};
		grid(doc, rows.toArray(String[][]::new), widths, false);
		para(doc, OrderProse.followUpIntro(o), false);
		for (String item : r.followUps()) {
			para(doc, "\u2022 " + item, false);
		}
	}

	private static void lineTable(XWPFDocument doc, List<OrderLine> lines, BigDecimal total) {
		String[][] rows = new String[lines.size() + 2][];
		rows[0] = new String[] {"No.", "PIID / Mod.", "Action date", "Component", "Vendor",
			"Covered entity / matched by", "Description", "Amount", "Source"};
		int i = 1;
		for (OrderLine l : lines) {
			rows[i] = new String[] {
				i + (l.status() == LineStatus.UNREVIEWED ? "*" : ""), Texts.piidAndMod(l), Texts.iso(l.actionDate()),
				l.component(), l.vendorName(),
				l.coveredEntity() + (l.matchedBy().isBlank() ? "" : "\n" + l.matchedBy()), l.description(),
				Texts.money(l.amount()), Texts.source(l)};
			i++;
		}
		rows[i] = new String[] {"", "Total", "", "", "", "", lines.size() + " action(s)", Texts.money(total), ""};
		grid(doc, rows, new String[] {"4%", "13%", "8%", "11%", "13%", "15%", "15%", "10%", "11%"}, true);
	}

	private static void totalTable(XWPFDocument doc, String what, Map<String, BigDecimal> sums, BigDecimal total) {
		String[][] rows = new String[sums.size() + 2][];
		rows[0] = new String[] {what, "Amount"};
		int i = 1;
		for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
			rows[i++] = new String[] {e.getKey(), Texts.money(e.getValue())};
		}
		rows[i] = new String[] {"Total", Texts.money(total)};
		grid(doc, rows, new String[] {"70%", "30%"}, true);
	}

	private static void plan(XWPFDocument doc, List<PlanEntry> plan) {
		String[][] rows = new String[plan.size() + 1][];
		rows[0] = new String[] {"Element", "Entry (to be completed by the department)"};
		int i = 1;
		for (PlanEntry e : plan) {
			rows[i++] = new String[] {e.letter() + ". " + e.label(), e.value()};
		}
		XWPFTable t = grid(doc, rows, new String[] {"40%", "60%"}, false);
		for (int r = 1; r < t.getNumberOfRows(); r++) {
			// Room to write in: Word grows the row as the department types.
			t.getRow(r).setHeight(720);
		}
	}

	private static void signature(XWPFDocument doc, OrderDocument o) {
		para(doc, "", false);
		para(doc, "", false);
		XWPFParagraph line = doc.createParagraph();
		line.setIndentationLeft(4680);
		line.setBorderBottom(Borders.SINGLE);
		XWPFParagraph sig = doc.createParagraph();
		sig.setIndentationLeft(4680);
		multiline(sig, (o.reviewerName().isBlank() ? "(reviewer)" : safe(o.reviewerName()))
				+ "\nProcurement Reviewer\nDate: " + Texts.longDate(o.issueDate()), false, 11, SERIF);
		if (!o.pointOfContact().asText().isEmpty()) {
			para(doc, "Point of contact: " + o.pointOfContact().asText(), false);
		}
		if (!o.reviewStateHash().isBlank()) {
			XWPFParagraph p = doc.createParagraph();
			run(p, "Review state: " + safe(o.reviewStateHash()), false, 7, SANS);
		}
		if (!o.contentDigest().isBlank()) {
			XWPFParagraph p = doc.createParagraph();
			run(p, "Review content: " + safe(o.contentDigest()), false, 7, SANS);
		}
	}

	/** A ruled table; the first row is the header and repeats on every page. */
	private static XWPFTable grid(XWPFDocument doc, String[][] rows, String[] widths, boolean lastBold) {
		int cols = widths.length;
		XWPFTable t = doc.createTable(rows.length, cols);
		t.setWidth("100%");
		for (XWPFBorderType b : new XWPFBorderType[] {XWPFBorderType.SINGLE}) {
			t.setInsideHBorder(b, 4, 0, "595959");
			t.setInsideVBorder(b, 4, 0, "595959");
			t.setTopBorder(b, 4, 0, "595959");
			t.setBottomBorder(b, 4, 0, "595959");
			t.setLeftBorder(b, 4, 0, "595959");
			t.setRightBorder(b, 4, 0, "595959");
		}
		for (int r = 0; r < rows.length; r++) {
			XWPFTableRow row = t.getRow(r);
			boolean head = r == 0;
			boolean bold = head || (lastBold && r == rows.length - 1);
			if (head) {
				row.setRepeatHeader(true);
			}
			row.setCantSplitRow(!head && rows.length < 50);
			for (int c = 0; c < cols; c++) {
				XWPFTableCell cell = row.getCell(c);
				cell(cell, c < rows[r].length ? rows[r][c] : "", bold, 8, SANS, widths[c]);
				if (head) {
					cell.setColor("DCDCDC");
				}
			}
		}
		return t;
	}

	private static void cell(XWPFTableCell cell, String text, boolean bold, int size, String font, String width) {
		cell.setWidth(width);
		XWPFParagraph p = cell.getParagraphs().get(0);
		p.setSpacingAfter(0);
		multiline(p, FormulaGuard.neutralise(Texts.xmlSafe(text)), bold, size, font);
	}

	private static void para(XWPFDocument doc, String text, boolean heading) {
		XWPFParagraph p = doc.createParagraph();
		if (heading) {
			// Spacing first: it creates the paragraph properties that keep-with-next needs to exist.
			p.setSpacingBefore(160);
			p.setKeepNext(true);
		}
		multiline(p, safe(text), heading, 11, SERIF);
	}

	private static void multiline(XWPFParagraph p, String text, boolean bold, int size, String font) {
		String[] parts = text.split("\r\n|\r|\n", -1);
		XWPFRun previous = null;
		for (String part : parts) {
			if (previous != null) {
				// One run per line, the break at the end of the previous one, so the order is certain.
				previous.addBreak();
			}
			XWPFRun r = p.createRun();
			r.setBold(bold);
			r.setFontSize(size);
			r.setFontFamily(font);
			// Each line starts a line of text a reader may paste into a spreadsheet: no formula there either.
			r.setText(FormulaGuard.neutralise(part));
			previous = r;
		}
	}

	private static void run(XWPFParagraph p, String text, boolean bold, int size, String font) {
		boolean first = p.getRuns().isEmpty();
		XWPFRun r = p.createRun();
		r.setBold(bold);
		r.setFontSize(size);
		r.setFontFamily(font);
		r.setText(first ? FormulaGuard.neutralise(text) : text);
	}

	/** Text of a paragraph: valid XML; the guard against formulas is applied per line in {@link #multiline}. */
	private static String safe(String s) {
		return Texts.xmlSafe(s);
	}
}
