package procurement.review.core.orders.internal.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

import procurement.review.core.orders.FarReport;
import procurement.review.core.orders.LineStatus;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.OrderTotals;
import procurement.review.core.orders.PlanEntry;
import procurement.review.core.orders.internal.OrderProse;
import procurement.review.core.orders.internal.OrderProse.Part;
import procurement.review.core.orders.internal.Texts;
import procurement.review.core.orders.internal.pdf.FontLibrary.Face;
import procurement.review.core.orders.internal.pdf.PdfTable.Align;
import procurement.review.core.orders.internal.pdf.PdfTable.Column;

/**
 * Lays out one removal order as a memorandum in the style of federal agency memoranda: letterhead,
 * MEMORANDUM FOR / FROM / SUBJECT block, numbered paragraphs, ruled tables, the removal plan as boxes to
 * fill in, and a signature block. Every page carries the order number and "Page x of y".
 * <p>
 * One instance per thread; it reuses the parsed fonts of its {@link FontLibrary} for every document.
 */
public final class PdfOrderRenderer {

	private static final String PRODUCER = "Procurement Review Workbench";

	private final TextStyle letterhead;
	private final TextStyle small;
	private final TextStyle label;
	private final TextStyle body;
	private final TextStyle heading;
	private final TextStyle cell;
	private final TextStyle cellBold;
	private final TextStyle caption;
	private final TextStyle boxLabel;
	private final TextStyle boxValue;

	/**
	 * Creates a renderer that draws with the given fonts.
	 *
	 * @param fonts the parsed fonts; owned by the caller, who closes them after the last document
	 */
	public PdfOrderRenderer(FontLibrary fonts) {
		letterhead = new TextStyle(fonts.chain(Face.SERIF_BOLD), 14, 18);
		small = new TextStyle(fonts.chain(Face.SANS), 7.5f, 9);
		label = new TextStyle(fonts.chain(Face.SERIF_BOLD), 10.5f, 14);
		body = new TextStyle(fonts.chain(Face.SERIF), 10.5f, 14);
		heading = new TextStyle(fonts.chain(Face.SERIF_BOLD), 11, 15);
		cell = new TextStyle(fonts.chain(Face.SANS), 7.5f, 9);
		cellBold = new TextStyle(fonts.chain(Face.SANS_BOLD), 7.5f, 9);
		caption = new TextStyle(fonts.chain(Face.SANS), 7.5f, 9);
		boxLabel = new TextStyle(fonts.chain(Face.SANS_BOLD), 8.5f, 10.5f);
		boxValue = new TextStyle(fonts.chain(Face.SERIF), 10, 13);
	}

	/**
	 * Writes the order as PDF.
	 *
	 * @param order the order
	 * @param out   where to write; not closed
	 * @throws IOException when writing fails
	 */
	public void render(OrderDocument order, OutputStream out) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PdfCanvas c = new PdfCanvas(doc);
			c.newPage();
			memoHead(c, order);
			for (Part part : OrderProse.parts(order)) {
				String head = OrderProse.heading(order, part);
				switch (part) {
					case PURPOSE -> headingAndParagraph(c, head, OrderProse.purpose(order));
					case STEPS -> deadlines(c, order, head);
					case AFFECTED -> headingAndParagraph(c, head, OrderProse.affected(order));
					case TO_BE_CONFIRMED -> headingAndParagraph(c, head, OrderProse.toBeConfirmed(order));
					case BEFORE_EFFECTIVE -> headingAndParagraph(c, head, OrderProse.beforeEffective(order));
					case EXCEPTED -> headingAndParagraph(c, head, OrderProse.excepted(order));
					case TOTALS -> totals(c, order, head);
					case PLAN -> plan(c, order, head);
					case REPORT -> report(c, order, head);
				}
			}
			signature(c, order);
			for (OrderProse.Attachment a : OrderProse.attachments(order)) {
				attachment(c, order, a.number(), a.title(), a.lines());
			}
			c.close();
			footers(c, order);
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle("Removal Order " + order.orderNumber());
			info.setSubject(order.rule().citation());
			info.setAuthor(order.reviewerName().isBlank() ? null : order.reviewerName());
			info.setCreator(PRODUCER);
			doc.save(out);
		}
	}

	private void memoHead(PdfCanvas c, OrderDocument o) throws IOException {
		float cx = c.pageWidth() / 2;
		for (String line : PdfCanvas.wrap(Texts.letterhead(o.departmentName()), letterhead, c.contentWidth())) {
			c.textCentered(line, letterhead, cx, c.y() - letterhead.size());
			c.moveDown(letterhead.leading());
		}
		c.textCentered("Removal Order " + Texts.clean(o.orderNumber()), small, cx, c.y() - small.size());
		c.moveDown(small.leading() + 4);
		c.line(c.left(), c.y(), c.right(), c.y(), 1.2f, 0);
		c.line(c.left(), c.y() - 2.5f, c.right(), c.y() - 2.5f, 0.4f, 0);
		c.moveDown(18);

		// Date and reference sit at the right, as on agency memoranda.
		String[] right = {
			Texts.longDate(o.issueDate()),
			"Order No. " + Texts.clean(o.orderNumber()) + ", Revision " + o.revision(),
			o.status().isBlank() ? "" : "Status: " + Texts.clean(o.status()),
		};
		for (String r : right) {
			if (!r.isEmpty()) {
				c.textRight(r, body, c.right(), c.y() - body.size());
				c.moveDown(body.leading());
			}
		}
		c.moveDown(10);

		List<String> to = new ArrayList<>();
		for (String comp : o.components()) {
			to.add(Texts.clean(comp));
		}
		if (to.isEmpty()) {
			to.add(Texts.clean(o.departmentName()));
		}
		memoLine(c, "MEMORANDUM FOR:", String.join("\n", to));
		memoLine(c, "FROM:", o.reviewerName().isBlank() ? "Procurement Reviewer"
				: Texts.clean(o.reviewerName()) + "\nProcurement Reviewer");
		String subject = (o.rule().title().isBlank() ? "Covered Products and Services"
				: Texts.clean(o.rule().title()))
				+ (o.rule().id().isBlank() ? "" : " (" + Texts.clean(o.rule().id()) + ")");
		memoLine(c, "SUBJECT:", subject);
		c.moveDown(2);
		c.line(c.left(), c.y(), c.right(), c.y(), 0.6f, 0);
		c.moveDown(12);
	}

	private void memoLine(PdfCanvas c, String key, String value) throws IOException {
		float valueX = c.left() + label.width("MEMORANDUM FOR:") + 14;
		List<String> lines = PdfCanvas.wrap(value, body, c.right() - valueX);
		c.ensure(lines.size() * body.leading());
		c.text(key, label, c.left(), c.y() - body.size());
		for (String l : lines) {
			c.text(l, body, valueX, c.y() - body.size());
			c.moveDown(body.leading());
		}
		c.moveDown(6);
	}

	private void headingAndParagraph(PdfCanvas c, String head, String text) throws IOException {
		List<String> lines = PdfCanvas.wrap(text, body, c.contentWidth());
		// Keep a heading with at least two lines of its paragraph.
		c.ensure(heading.leading() + Math.min(lines.size(), 2) * body.leading() + 6);
		c.text(head, heading, c.left(), c.y() - heading.size());
		c.moveDown(heading.leading() + 2);
		paragraph(c, lines);
	}

	private void paragraph(PdfCanvas c, List<String> lines) throws IOException {
		for (String l : lines) {
			c.ensure(body.leading());
			c.text(l, body, c.left(), c.y() - body.size());
			c.moveDown(body.leading());
			c.used();
		}
		c.moveDown(6);
	}

	private void deadlines(PdfCanvas c, OrderDocument o, String head) throws IOException {
		headingAndParagraph(c, head, OrderProse.stepsIntro(o));
		if (o.steps().isEmpty()) {
			return;
		}
		float w = c.contentWidth();
		String[] h = OrderProse.stepHeadings();
		PdfTable t = new PdfTable(c, List.of(
				new Column(h[0], w * 0.15f, Align.LEFT),
				new Column(h[1], w * 0.12f, Align.LEFT),
				new Column(h[2], w * 0.53f, Align.LEFT),
				new Column(h[3], w * 0.20f, Align.LEFT)),
				cellBold, body(cell, 9), body(cellBold, 9), caption, head + " (continued)");
		t.begin();
		for (String[] row : OrderProse.stepRows(o)) {
			t.row(row);
		}
		t.end();
		c.moveDown(6);
	}

	private static TextStyle body(TextStyle base, float size) {
		return new TextStyle(base.chain(), size, size * 1.25f);
	}

	private List<Column> lineColumns(PdfCanvas c) {
		return List.of(
				new Column("No.", 26, Align.LEFT),
				new Column("PIID / Mod.", 78, Align.LEFT),
				new Column("Action date", 48, Align.LEFT),
				new Column("Component", 72, Align.LEFT),
				new Column("Vendor", 92, Align.LEFT),
				new Column("Covered entity / matched by", 98, Align.LEFT),
				new Column("Description", 96, Align.LEFT),
				new Column("Amount", 72, Align.RIGHT),
				new Column("Source", c.contentWidth() - 582, Align.LEFT));
	}

	private static String[] lineCells(int no, OrderLine l) {
		String matched = Texts.clean(l.coveredEntity());
		if (!l.matchedBy().isBlank()) {
			matched = matched.isEmpty() ? Texts.clean(l.matchedBy()) : matched + "\n" + Texts.clean(l.matchedBy());
		}
		return new String[] {
			no + (l.status() == LineStatus.UNREVIEWED ? "*" : ""),
			Texts.clean(Texts.piidAndMod(l)),
			Texts.iso(l.actionDate()),
			Texts.clean(l.component()),
			Texts.clean(l.vendorName()),
			matched,
			Texts.clean(l.description()),
			Texts.money(l.amount()),
			Texts.clean(Texts.source(l)),
		};
	}

	private void attachment(PdfCanvas c, OrderDocument o, int no, String title, List<OrderLine> lines)
			throws IOException {
		c.newPage(true);
		String head = "Attachment " + no + " to Removal Order " + Texts.clean(o.orderNumber()) + ": " + title;
		c.text(head, heading, c.left(), c.y() - heading.size());
		c.moveDown(heading.leading() + 4);
		c.used();
		if (lines.isEmpty()) {
			paragraph(c, List.of("None."));
			return;
		}
		BigDecimal sum = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		lineTable(c, lines, "Attachment " + no + " (continued): " + title, sum);
	}

	private void lineTable(PdfCanvas c, List<OrderLine> lines, String continued, BigDecimal total)
			throws IOException {
		PdfTable table = new PdfTable(c, lineColumns(c), cellBold, cell, cellBold, caption, continued);
		table.begin();
		String[] totalRow = {"", "Total", "", "", "", "", lines.size() + " action(s)", Texts.money(total), ""};
		int no = 1;
		for (OrderLine l : lines) {
			String[] cells = lineCells(no, l);
			if (no == lines.size()) {
				// A total alone at the top of a page reads like a separate table: keep the last row with it.
				table.keepTogether(table.height(cells, false) + table.height(totalRow, true));
			}
			table.row(cells);
			no++;
		}
		table.row(totalRow, true);
		table.end();
		c.moveDown(6);
	}

	private void totals(PdfCanvas c, OrderDocument o, String head) throws IOException {
		List<OrderLine> lines = o.affectedLines();
		OrderTotals t = o.totals();
		// Keep the heading with the start of its table.
		c.ensure(heading.leading() + body.leading() + 70);
		headingAndParagraph(c, head, "Sums of the affected actions in paragraph "
				+ OrderProse.number(o, Part.AFFECTED) + ", by component and by vendor.");
		totalTable(c, "Component", t.byComponent(), count(lines, OrderLine::component), t.total(), lines.size(),
				head + " by component (continued)");
		totalTable(c, "Vendor", t.byVendor(), count(lines, OrderLine::vendorName), t.total(), lines.size(),
				head + " by vendor (continued)");
	}

	private static Map<String, Integer> count(List<OrderLine> lines, Function<OrderLine, String> key) {
		Map<String, Integer> m = new TreeMap<>();
		for (OrderLine l : lines) {
			m.merge(key.apply(l), 1, Integer::sum);
		}
		return m;
	}

	private void totalTable(PdfCanvas c, String what, Map<String, BigDecimal> sums, Map<String, Integer> counts,
			BigDecimal total, int n, String continued) throws IOException {
		float w = c.contentWidth();
		TextStyle st = body(cell, 8.5f);
		TextStyle stBold = body(cellBold, 8.5f);
		PdfTable t = new PdfTable(c, List.of(
				new Column(what, w * 0.62f, Align.LEFT),
				new Column("Actions", w * 0.13f, Align.RIGHT),
				new Column("Amount", w * 0.25f, Align.RIGHT)), stBold, st, stBold, caption, continued);
		t.begin();
		for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
			t.row(new String[] {Texts.clean(e.getKey()), String.valueOf(counts.getOrDefault(e.getKey(), 0)),
				Texts.money(e.getValue())});
		}
		t.row(new String[] {"Total", String.valueOf(n), Texts.money(total)}, true);
		t.end();
		c.moveDown(6);
	}

	private void report(PdfCanvas c, OrderDocument o, String head) throws IOException {
		FarReport r = o.report();
		headingAndParagraph(c, head, OrderProse.reportIntro(o));
		List<String> headings = r.headings();
		// Identifiers, numbers and dates narrow; supplier, brand and description wide.
		float[] share = r.identifiers()
				? new float[] {0.11f, 0.10f, 0.13f, 0.12f, 0.09f, 0.11f, 0.08f, 0.16f, 0.10f}
				: new float[] {0.12f, 0.12f, 0.17f, 0.14f, 0.10f, 0.23f, 0.12f};
		float w = c.contentWidth();
		List<Column> cols = new ArrayList<>();
		for (int i = 0; i < headings.size(); i++) {
			cols.add(new Column(headings.get(i), w * share[i], Align.LEFT));
		}
		PdfTable t = new PdfTable(c, cols, cellBold, cell, cellBold, caption, head + " (continued)");
		t.begin();
		if (r.rows().isEmpty()) {
			String[] none = new String[headings.size()];
			Arrays.fill(none, "");
			none[0] = "No affected action";
			t.row(none);
		}
		for (FarReport.Row row : r.rows()) {
			t.row(r.cells(row).stream().map(Texts::clean).toArray(String[]::new));
		}
		t.end();
		c.moveDown(6);
		List<String> lines = new ArrayList<>(PdfCanvas.wrap(OrderProse.followUpIntro(o), body, c.contentWidth()));
		for (String item : r.followUps()) {
			lines.addAll(PdfCanvas.wrap("\u2022 " + item, body, c.contentWidth()));
		}
		c.ensure(Math.min(lines.size(), 3) * body.leading() + SIGNATURE_HEIGHT);
		paragraph(c, lines);
	}

	private void plan(PdfCanvas c, OrderDocument o, String head) throws IOException {
		headingAndParagraph(c, head, OrderProse.planIntro(o));
		List<PlanEntry> plan = o.plan();
		for (int i = 0; i < plan.size(); i++) {
			if (i == plan.size() - 1) {
				// The signature must not stand alone on a page: keep it with the last element.
				c.ensure(planBoxHeight(c, plan.get(i)) + SIGNATURE_HEIGHT);
			}
			planBox(c, plan.get(i));
		}
		c.moveDown(6);
	}

	private static final float BOX_PAD = 4;
	private static final float SIGNATURE_HEIGHT = 110;

	private List<String> boxLabelLines(PdfCanvas c, PlanEntry e) {
		return PdfCanvas.wrap(Texts.clean(e.letter() + ". " + e.label()), boxLabel, c.contentWidth() - 2 * BOX_PAD);
	}

	private List<String> boxValueLines(PdfCanvas c, PlanEntry e) {
		return e.isBlank() ? List.of("", "", "")
				: PdfCanvas.wrap(Texts.clean(e.value()), boxValue, c.contentWidth() - 2 * BOX_PAD);
	}

	private float planBoxHeight(PdfCanvas c, PlanEntry e) {
		return 2 * BOX_PAD + boxLabelLines(c, e).size() * boxLabel.leading() + 2
				+ boxValueLines(c, e).size() * boxValue.leading() + 5;
	}

	private void planBox(PdfCanvas c, PlanEntry e) throws IOException {
		final float pad = BOX_PAD;
		List<String> labelLines = boxLabelLines(c, e);
		List<String> valueLines = boxValueLines(c, e);
		float labelH = labelLines.size() * boxLabel.leading();
		int done = 0;
		boolean first = true;
		while (first || done < valueLines.size()) {
			float avail = c.remaining() - 2 * pad - labelH - 2;
			int fit = (int) Math.floor(avail / boxValue.leading());
			int left = valueLines.size() - done;
			if (fit < left && !c.isFreshPage()) {
				// Keep a box on one page when it can be; split only boxes taller than a page.
				c.newPage();
				continue;
			}
			int n = Math.max(1, Math.min(fit, left));
			float h = 2 * pad + labelH + 2 + n * boxValue.leading();
			float top = c.y();
			c.fillRect(c.left(), top - pad - labelH - 1, c.contentWidth(), pad + labelH + 1, 0.93f);
			c.strokeRect(c.left(), top - h, c.contentWidth(), h, 0.6f, 0.2f);
			float y = top - pad;
			for (String l : labelLines) {
				String shown = first ? l : l + (l == labelLines.get(labelLines.size() - 1) ? " (continued)" : "");
				c.text(shown, boxLabel, c.left() + pad, y - boxLabel.size());
				y -= boxLabel.leading();
			}
			y -= 2;
			for (int k = done; k < done + n; k++) {
				c.text(valueLines.get(k), boxValue, c.left() + pad, y - boxValue.size());
				y -= boxValue.leading();
			}
			c.moveDown(h + 5);
			c.used();
			done += n;
			first = false;
			if (done < valueLines.size()) {
				c.newPage();
			}
		}
	}

	private void signature(PdfCanvas c, OrderDocument o) throws IOException {
		c.ensure(SIGNATURE_HEIGHT);
		c.moveDown(36);
		float x = c.left() + c.contentWidth() * 0.5f;
		c.line(x, c.y(), c.right(), c.y(), 0.6f, 0);
		c.moveDown(4);
		String name = o.reviewerName().isBlank() ? "(reviewer)" : Texts.clean(o.reviewerName());
		c.text(name, label, x, c.y() - body.size());
		c.moveDown(body.leading());
		c.text("Procurement Reviewer", body, x, c.y() - body.size());
		c.moveDown(body.leading());
		c.text("Date: " + Texts.longDate(o.issueDate()), body, x, c.y() - body.size());
		c.moveDown(body.leading() + 12);
		String poc = o.pointOfContact().asText();
		if (!poc.isEmpty()) {
			paragraph(c, PdfCanvas.wrap("Point of contact: " + Texts.clean(poc), body, c.contentWidth()));
		}
		for (String trace : new String[] { o.reviewStateHash().isBlank() ? "" : "Review state: " + o.reviewStateHash(),
				o.contentDigest().isBlank() ? "" : "Review content: " + o.contentDigest() }) {
			for (String l : trace.isEmpty() ? List.<String>of()
					: PdfCanvas.wrap(Texts.clean(trace), small, c.contentWidth())) {
				c.ensure(small.leading());
				c.text(l, small, c.left(), c.y() - small.size());
				c.moveDown(small.leading());
			}
		}
		c.used();
	}

	private void footers(PdfCanvas c, OrderDocument o) throws IOException {
		PDDocument doc = c.document();
		int n = doc.getNumberOfPages();
		String left = "Removal Order " + Texts.clean(o.orderNumber()) + " \u00b7 Revision " + o.revision()
				+ " \u00b7 " + Texts.iso(o.issueDate());
		int i = 0;
		for (PDPage page : doc.getPages()) {
			i++;
			try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
				cs.setLineWidth(0.4f);
				cs.setStrokingColor(0.35f);
				float right = page.getMediaBox().getWidth() - PdfCanvas.MARGIN_X;
				cs.moveTo(c.left(), 48);
				cs.lineTo(right, 48);
				cs.stroke();
				c.drawText(cs, left, small, c.left(), 38);
				String pageText = "Page " + i + " of " + n;
				c.drawText(cs, pageText, small, right - small.width(pageText), 38);
			}
		}
	}
}
