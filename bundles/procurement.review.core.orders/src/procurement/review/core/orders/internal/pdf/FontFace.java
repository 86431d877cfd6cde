package procurement.review.core.orders.internal.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * A parsed TrueType font with cached glyph coverage and advance widths. Layout asks for the width of
 * every character of every cell, and going through PDFBox's font objects for that dominated the run time,
 * so widths come from the font's hmtx table once per character and are kept here.
 * <p>
 * Not thread-safe: fontbox reads tables lazily from one shared buffer.
 */
final class FontFace {

	private static final int BMP = 0x10000;

	private final String name;
	private final TrueTypeFont ttf;
	private final CmapLookup cmap;
	private final float scale;
	// 0 = not looked up yet, 1 = present, 2 = missing
	private final byte[] coverage = new byte[BMP];
	private final float[] widths = new float[BMP];

	FontFace(String name, TrueTypeFont ttf) throws IOException {
		this.name = name;
		this.ttf = ttf;
		this.cmap = ttf.getUnicodeCmapLookup();
		this.scale = 1000f / ttf.getUnitsPerEm();
		Arrays.fill(widths, Float.NaN);
	}

	String name() {
		return name;
	}

	TrueTypeFont ttf() {
		return ttf;
	}

	boolean has(int codePoint) {
		if (codePoint >= BMP) {
			return cmap.getGlyphId(codePoint) > 0;
		}
		byte c = coverage[codePoint];
		if (c == 0) {
			c = cmap.getGlyphId(codePoint) > 0 ? (byte) 1 : (byte) 2;
			coverage[codePoint] = c;
		}
		return c == 1;
	}

	/** Advance width in thousandths of the font size. */
	float width(int codePoint) {
		if (codePoint < BMP) {
			float w = widths[codePoint];
			if (Float.isNaN(w)) {
				w = lookupWidth(codePoint);
				widths[codePoint] = w;
			}
			return w;
		}
		return lookupWidth(codePoint);
	}

	private float lookupWidth(int codePoint) {
		try {
			return ttf.getAdvanceWidth(cmap.getGlyphId(codePoint)) * scale;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
