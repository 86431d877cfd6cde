package procurement.review.core.orders.internal.pdf;

/**
 * Faces tried in order for each character, so a Latin, Cyrillic or Chinese vendor name each gets a font
 * that has its glyphs.
 */
final class FontChain {

	private final FontFace[] faces;

	FontChain(FontFace... faces) {
		this.faces = faces.clone();
	}

	FontFace primary() {
		return faces[0];
	}

	/** The first face with a glyph for the character, or null when none has one. */
	FontFace faceFor(int codePoint) {
		for (FontFace f : faces) {
			if (f.has(codePoint)) {
				return f;
			}
		}
		return null;
	}

	/** Width of a text in points at a font size, measured with the faces the text will be drawn in. */
	float width(CharSequence text, float size) {
		float w = 0;
		for (int i = 0; i < text.length();) {
			int cp = Character.codePointAt(text, i);
			i += Character.charCount(cp);
			w += widthOf(cp);
		}
		return w * size / 1000f;
	}

	/** Width of one character in thousandths of the font size. */
	float widthOf(int codePoint) {
		FontFace f = faceFor(codePoint);
		return f == null ? faces[0].width('?') : f.width(codePoint);
	}
}
