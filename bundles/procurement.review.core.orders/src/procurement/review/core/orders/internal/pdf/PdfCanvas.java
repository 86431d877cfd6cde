package procurement.review.core.orders.internal.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A flowing page cursor over a PDF document: it opens pages as content runs down, draws text with the
 * right font for each character, and wraps text to a width.
 */
final class PdfCanvas {

	static final float MARGIN_X = 54;
	static final float MARGIN_TOP = 54;
	/** Space kept free at the bottom for the footer. */
	static final float MARGIN_BOTTOM = 62;

	private final PDDocument doc;
	private final Map<FontFace, PDType0Font> loaded = new IdentityHashMap<>();
	private PDPageContentStream cs;
	private float pageWidth = PDRectangle.LETTER.getWidth();
	private float pageHeight = PDRectangle.LETTER.getHeight();
	private float y;
	private Runnable onNewPage;
	private int pageCount;
	private boolean freshPage;
	// Remembered so consecutive runs in the same font skip the redundant Tf operator.
	private PDType0Font currentFont;
	private float currentSize;

	PdfCanvas(PDDocument doc) {
		this.doc = doc;
	}

	PDDocument document() {
		return doc;
	}

	float left() {
		return MARGIN_X;
	}

	float right() {
		return pageWidth - MARGIN_X;
	}

	float pageWidth() {
		return pageWidth;
	}

	float contentWidth() {
		return right() - left();
	}

	float y() {
		return y;
	}

	void moveDown(float dy) {
		y -= dy;
	}

	/** Height usable on a fresh page. */
	float pageCapacity() {
		return pageHeight - MARGIN_TOP - MARGIN_BOTTOM;
	}

	float remaining() {
		return y - MARGIN_BOTTOM;
	}

	boolean isFreshPage() {
		return freshPage;
	}

	/** Code to run at the top of each new page, e.g. a table repeating its header; null for none. */
	void onNewPage(Runnable action) {
		this.onNewPage = action;
	}

	/** Opens a new page in the orientation of the current one. */
	void newPage() throws IOException {
		newPage(pageWidth > pageHeight);
	}

	/** Opens a new page; wide tables go on landscape pages, as attachments to memoranda do. */
	void newPage(boolean landscape) throws IOException {
		if (cs != null) {
			cs.close();
		}
		PDRectangle size = landscape
				? new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth())
				: PDRectangle.LETTER;
		pageWidth = size.getWidth();
		pageHeight = size.getHeight();
		PDPage page = new PDPage(size);
		doc.addPage(page);
		pageCount++;
		cs = new PDPageContentStream(doc, page);
		currentFont = null;
		y = pageHeight - MARGIN_TOP;
		freshPage = true;
		if (onNewPage != null) {
			onNewPage.run();
		}
	}

	int pageCount() {
		return pageCount;
	}

	/** Starts a new page unless the given height still fits on this one. */
	boolean ensure(float height) throws IOException {
		if (cs == null || (y - height < MARGIN_BOTTOM && !freshPage)) {
			newPage();
			return true;
		}
		return false;
	}

	/** Marks that content was placed, so the page no longer counts as fresh. */
	void used() {
		freshPage = false;
	}

	void close() throws IOException {
		if (cs != null) {
			cs.close();
			cs = null;
		}
	}

	PDType0Font pdFont(FontFace face) throws IOException {
		PDType0Font f = loaded.get(face);
		if (f == null) {
			// Subset embedding: only the glyphs used go into the file, and the parsed font is shared.
			f = PDType0Font.load(doc, face.ttf(), true);
			loaded.put(face, f);
		}
		return f;
	}

	/** Draws one line of text with its left end at x and its baseline at the given height. */
	void text(String s, TextStyle st, float x, float baseline) throws IOException {
		drawText(cs, s, st, x, baseline);
	}

	void textRight(String s, TextStyle st, float rightX, float baseline) throws IOException {
		drawText(cs, s, st, rightX - st.width(s), baseline);
	}

	void textCentered(String s, TextStyle st, float centerX, float baseline) throws IOException {
		drawText(cs, s, st, centerX - st.width(s) / 2, baseline);
	}

	/** Draws text into another content stream (used for footers added after layout). */
	void drawText(PDPageContentStream out, String s, TextStyle st, float x, float baseline) throws IOException {
		if (s.isEmpty()) {
			return;
		}
		if (out != cs) {
			currentFont = null;
		}
		out.beginText();
		out.newLineAtOffset(x, baseline);
		StringBuilder run = new StringBuilder();
		FontFace runFace = null;
		FontChain chain = st.chain();
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			i += Character.charCount(cp);
			FontFace f;
			if (cp == ' ' && runFace != null) {
				// Keep spaces in the current run: switching fonts for a space would cost an operator.
				f = runFace;
			} else {
				f = chain.faceFor(cp);
				if (f == null) {
					// No bundled font has the glyph: show a visible stand-in rather than fail the order.
					cp = '?';
					f = chain.primary();
				}
			}
			if (f != runFace) {
				flush(out, run, runFace, st.size());
				runFace = f;
			}
			run.appendCodePoint(cp);
		}
		flush(out, run, runFace, st.size());
		out.endText();
		if (out != cs) {
			currentFont = null;
		}
	}

	private void flush(PDPageContentStream out, StringBuilder run, FontFace face, float size) throws IOException {
		if (run.length() == 0) {
			return;
		}
		PDType0Font f = pdFont(face);
		if (f != currentFont || size != currentSize || out != cs) {
			out.setFont(f, size);
			currentFont = f;
			currentSize = size;
		}
		out.showText(run.toString());
		run.setLength(0);
	}

	void line(float x1, float y1, float x2, float y2, float width, float gray) throws IOException {
		cs.setLineWidth(width);
		cs.setStrokingColor(gray);
		cs.moveTo(x1, y1);
		cs.lineTo(x2, y2);
		cs.stroke();
	}

	void fillRect(float x, float yBottom, float w, float h, float gray) throws IOException {
		cs.setNonStrokingColor(gray);
		cs.addRect(x, yBottom, w, h);
		cs.fill();
		cs.setNonStrokingColor(0f);
	}

	void strokeRect(float x, float yBottom, float w, float h, float width, float gray) throws IOException {
		cs.setLineWidth(width);
		cs.setStrokingColor(gray);
		cs.addRect(x, yBottom, w, h);
		cs.stroke();
	}

	/**
	 * Greedy word wrap. Line feeds break lines; a word longer than the width (a PIID, a Chinese name
	 * without spaces) is broken between characters.
	 */
	static List<String> wrap(String text, TextStyle st, float maxWidth) {
		List<String> out = new ArrayList<>(2);
		float limit = maxWidth * 1000f / st.size();
		FontChain chain = st.chain();
		int start = 0;
		int n = text.length();
		while (start <= n) {
			int nl = text.indexOf('\n', start);
			int end = nl < 0 ? n : nl;
			wrapParagraph(text, start, end, chain, limit, out);
			start = end + 1;
			if (nl < 0) {
				break;
			}
		}
		return out;
	}

	private static void wrapParagraph(String text, int from, int to, FontChain chain, float limit,
			List<String> out) {
		StringBuilder line = new StringBuilder();
		float lineW = 0;
		int i = from;
		while (i < to) {
			boolean space = text.charAt(i) == ' ';
			int j = i;
			float w = 0;
			while (j < to && (text.charAt(j) == ' ') == space) {
				int cp = text.codePointAt(j);
				w += chain.widthOf(cp);
				j += Character.charCount(cp);
				if (!space && (cp == '_' || cp == '/' || cp == '\\')) {
					// File names and paths have no spaces: let them break after a separator.
					break;
				}
			}
			if (space) {
				if (line.length() > 0) {
					line.append(text, i, j);
					lineW += w;
				}
			} else if (lineW + w <= limit) {
				line.append(text, i, j);
				lineW += w;
			} else {
				if (line.length() > 0) {
					out.add(stripTrailing(line));
					line.setLength(0);
					lineW = 0;
				}
				if (w <= limit) {
					line.append(text, i, j);
					lineW = w;
				} else {
					for (int k = i; k < j;) {
						int cp = text.codePointAt(k);
						float cw = chain.widthOf(cp);
						if (lineW + cw > limit && line.length() > 0) {
							out.add(line.toString());
							line.setLength(0);
							lineW = 0;
						}
						line.appendCodePoint(cp);
						lineW += cw;
						k += Character.charCount(cp);
					}
				}
			}
			i = j;
		}
		out.add(stripTrailing(line));
	}

	private static String stripTrailing(StringBuilder sb) {
		int e = sb.length();
		while (e > 0 && sb.charAt(e - 1) == ' ') {
			e--;
		}
		return sb.substring(0, e);
	}
}
