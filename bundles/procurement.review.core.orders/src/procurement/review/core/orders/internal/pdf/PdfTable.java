package procurement.review.core.orders.internal.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ruled table that flows over pages: rows wrap their cells, a row that does not fit moves to the next
 * page, the header row is repeated at the top of every page the table continues on, and a row taller than
 * a whole page is split between pages rather than cut off.
 */
final class PdfTable {

	enum Align { LEFT, RIGHT }

	record Column(String header, float width, Align align) {
	}

	private static final float PAD_X = 2.5f;
	private static final float PAD_Y = 2.5f;
	private static final float RULE = 0.4f;
	private static final float RULE_GRAY = 0.35f;

	private final PdfCanvas canvas;
	private final List<Column> columns;
	private final TextStyle headerStyle;
	private final TextStyle cellStyle;
	private final TextStyle emphasisStyle;
	private final TextStyle captionStyle;
	private final String continuedCaption;
	private final float[] xs;
	private float segmentTop;
	private int rowsOnPage;

	PdfTable(PdfCanvas canvas, List<Column> columns, TextStyle headerStyle, TextStyle cellStyle,
			TextStyle emphasisStyle, TextStyle captionStyle, String continuedCaption) {
		this.canvas = canvas;
		this.columns = columns;
		this.headerStyle = headerStyle;
		this.cellStyle = cellStyle;
		this.emphasisStyle = emphasisStyle;
		this.captionStyle = captionStyle;
		this.continuedCaption = continuedCaption;
		xs = new float[columns.size() + 1];
		xs[0] = canvas.left();
		for (int i = 0; i < columns.size(); i++) {
			xs[i + 1] = xs[i] + columns.get(i).width();
		}
	}

	/** Starts the table at the cursor, moving to a new page first if not even the header and a row fit. */
	void begin() throws IOException {
		String[] heads = columns.stream().map(Column::header).toArray(String[]::new);
		float need = height(wrapAll(heads, headerStyle), headerStyle) + cellStyle.leading() * 3;
		if (canvas.remaining() < need) {
			// The table starts here, so no "(continued)" caption on this page.
			canvas.newPage();
		}
		header();
	}

	private void caption() throws IOException {
		if (continuedCaption != null) {
			canvas.text(continuedCaption, captionStyle, canvas.left(), canvas.y() - captionStyle.size());
			canvas.moveDown(captionStyle.leading() + 2);
		}
	}

	private void header() throws IOException {
		String[] heads = columns.stream().map(Column::header).toArray(String[]::new);
		List<List<String>> lines = wrapAll(heads, headerStyle);
		float h = height(lines, headerStyle);
		float top = canvas.y();
		canvas.fillRect(xs[0], top - h, xs[xs.length - 1] - xs[0], h, 0.86f);
		canvas.line(xs[0], top, xs[xs.length - 1], top, RULE, RULE_GRAY);
		segmentTop = top;
		drawCells(lines, headerStyle, 0, maxLines(lines), top, true);
		canvas.moveDown(h);
		canvas.line(xs[0], canvas.y(), xs[xs.length - 1], canvas.y(), RULE * 2, RULE_GRAY);
		canvas.used();
		rowsOnPage = 0;
	}

	void row(String[] cells) throws IOException {
		row(cells, false);
	}

	/** Height a row would take unsplit. */
	float height(String[] cells, boolean emphasis) {
		TextStyle st = emphasis ? emphasisStyle : cellStyle;
		return height(wrapAll(cells, st), st);
	}

	/**
	 * Moves to the next page unless the given height fits on this one, so rows that belong together
	 * (the last row and the total under it) are not torn apart.
	 */
	void keepTogether(float height) throws IOException {
		if (rowsOnPage > 0 && height <= canvas.pageCapacity() / 2 && canvas.remaining() < height) {
			breakPage();
		}
	}

	/** Adds a row; an emphasised row (totals) is bold and shaded. */
	void row(String[] cells, boolean emphasis) throws IOException {
		TextStyle st = emphasis ? emphasisStyle : cellStyle;
		List<List<String>> lines = wrapAll(cells, st);
		int total = maxLines(lines);
		int done = 0;
		while (done < total) {
			int fit = (int) Math.floor((canvas.remaining() - 2 * PAD_Y) / st.leading());
			int left = total - done;
			if (fit < left && rowsOnPage > 0) {
				// Keep a row whole when it can go to the next page; only rows taller than a page are split.
				breakPage();
				continue;
			}
			int n = Math.min(left, Math.max(fit, 1));
			float h = n * st.leading() + 2 * PAD_Y;
			float top = canvas.y();
			if (emphasis) {
				canvas.fillRect(xs[0], top - h, xs[xs.length - 1] - xs[0], h, 0.93f);
			}
			drawCells(lines, st, done, done + n, top, false);
			canvas.moveDown(h);
			canvas.line(xs[0], canvas.y(), xs[xs.length - 1], canvas.y(), RULE, RULE_GRAY);
			rowsOnPage++;
			done += n;
			if (done < total) {
				breakPage();
			}
		}
	}

	private void breakPage() throws IOException {
		verticals();
		canvas.newPage();
		caption();
		header();
	}

	void end() throws IOException {
		verticals();
		canvas.moveDown(6);
	}

	private void verticals() throws IOException {
		float bottom = canvas.y();
		for (float x : xs) {
			canvas.line(x, segmentTop, x, bottom, RULE, RULE_GRAY);
		}
	}

	private void drawCells(List<List<String>> lines, TextStyle st, int from, int to, float top, boolean header)
			throws IOException {
		// DejaVu's ascent is about 0.9 em; this puts the first line's glyphs just under the padding.
		float baseline0 = top - PAD_Y - st.size() * 0.9f;
		for (int c = 0; c < lines.size(); c++) {
			List<String> cl = lines.get(c);
			boolean right = !header && columns.get(c).align() == Align.RIGHT;
			for (int k = from; k < Math.min(to, cl.size()); k++) {
				String s = cl.get(k);
				float baseline = baseline0 - (k - from) * st.leading();
				if (right) {
					canvas.textRight(s, st, xs[c + 1] - PAD_X, baseline);
				} else {
					canvas.text(s, st, xs[c] + PAD_X, baseline);
				}
			}
		}
	}

	private List<List<String>> wrapAll(String[] cells, TextStyle st) {
		List<List<String>> out = new ArrayList<>(columns.size());
		for (int c = 0; c < columns.size(); c++) {
			String s = c < cells.length && cells[c] != null ? cells[c] : "";
			out.add(PdfCanvas.wrap(s, st, columns.get(c).width() - 2 * PAD_X));
		}
		return out;
	}

	private static int maxLines(List<List<String>> lines) {
		int m = 1;
		for (List<String> l : lines) {
			m = Math.max(m, l.size());
		}
		return m;
	}

	private static float height(List<List<String>> lines, TextStyle st) {
		return maxLines(lines) * st.leading() + 2 * PAD_Y;
	}
}
