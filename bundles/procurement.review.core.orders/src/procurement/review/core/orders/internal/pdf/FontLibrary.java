package procurement.review.core.orders.internal.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The bundled fonts, parsed once and reused for every document a renderer writes.
 * <p>
 * The font files are read through {@link Class#getResourceAsStream(String)} from {@code /fonts/} at the
 * bundle root, which works on a plain class path and inside OSGi alike. Their bytes are cached for the
 * whole JVM; the parsed fonts belong to one library instance because fontbox's lazy table reading is not
 * thread-safe, so each rendering thread needs its own library.
 */
public final class FontLibrary implements Closeable {

	/** The faces the layout uses. */
	enum Face {
		SERIF("DejaVuSerif.ttf"),
		SERIF_BOLD("DejaVuSerif-Bold.ttf"),
		SANS("DejaVuSansCondensed.ttf"),
		SANS_BOLD("DejaVuSansCondensed-Bold.ttf"),
		/** Chinese, Japanese and Korean: the fallback for what DejaVu lacks. */
		CJK("DroidSansFallback.ttf");

		final String file;

		Face(String file) {
			this.file = file;
		}
	}

	private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

	private final Map<Face, FontFace> faces = new EnumMap<>(Face.class);

	/**
	 * Parses the bundled fonts.
	 *
	 * @throws IOException when a font is missing from the bundle or unreadable
	 */
	public FontLibrary() throws IOException {
		for (Face f : Face.values()) {
			TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes(f.file)));
			// PDFBox applies the font's GSUB rules (ligatures) to every string shown. The layout measures
			// text with plain advance widths, so ligatures would make drawn text differ from measured text;
			// they also turn "ff" into one glyph in copied and extracted text, and PDFBox's GSUB worker took
			// most of the rendering time. Dropping the parsed table only affects this in-memory font: the
			// subset written to the PDF never includes GSUB anyway.
			ttf.getTableMap().remove("GSUB");
			faces.put(f, new FontFace(f.file, ttf));
		}
	}

	private static byte[] bytes(String file) throws IOException {
		byte[] b = BYTES.get(file);
		if (b == null) {
			try (InputStream in = FontLibrary.class.getResourceAsStream("/fonts/" + file)) {
				if (in == null) {
					throw new IOException("Font /fonts/" + file + " is not on the class path of the bundle");
				}
				b = in.readAllBytes();
			}
			BYTES.putIfAbsent(file, b);
		}
		return b;
	}

	FontFace face(Face f) {
		return faces.get(f);
	}

	/** A chain that starts with the given face and falls back to the CJK face. */
	FontChain chain(Face primary) {
		return new FontChain(face(primary), face(Face.CJK));
	}

	/**
	 * Closes the parsed fonts.
	 *
	 * @throws IOException never in practice: the fonts read from memory
	 */
	@Override
	public void close() throws IOException {
		for (FontFace f : faces.values()) {
			f.ttf().close();
		}
		faces.clear();
	}
}
