package procurement.review.core.importer.internal.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;
import procurement.review.core.importer.internal.ByteWindow;

/**
 * Pulls the tags of an XML document straight from its UTF-8 bytes: start and end tags with their names and
 * attributes as ranges of {@link #buffer()}, and on request the text of a text-only element. Comments, processing
 * instructions, CDATA sections and text between elements are passed over. Nothing is decoded that the reader on top
 * of it ({@link SheetScanner}) does not ask for, which is what makes that reader faster than a StAX pass.
 * <p>
 * It is strict and refuses, with the line, what a well-formed-XML check would refuse on the way: a document type
 * declaration (never expanded: it could pull in files or expand to huge sizes), an end tag that does not match, an
 * unknown entity, markup inside a text-only element, a document that ends inside an element. Namespaces are not
 * resolved: a reader compares local names ({@link #localStart()}).
 * <p>
 * Offsets into {@link #buffer()} are valid until the next call that reads on: {@link #next()} or
 * {@link #readText()}.
 */
final class XmlTokenizer extends ByteWindow {

	/** {@link #next} result: the document ended, every element closed. */
	static final int END_OF_DOCUMENT = 0;
	/** {@link #next} result: a start tag, or an empty-element tag ({@link #selfClosing()}). */
	static final int START_TAG = 1;
	/** {@link #next} result: an end tag, matching the start tag it closes. */
	static final int END_TAG = 2;

	/**
	 * The longest token, an element with its text: far more than any cell (32,767 characters, at most about 128 KB
	 * of UTF-8), a guard against a part that is one endless tag.
	 */
	private static final int MAX_TOKEN = 1 << 24;

	/** {@link #tag} result: a comment that does not end in the buffer. */
	private static final int LONG_COMMENT = -2;
	private static final byte[] COMMENT_END = { '-', '-', '>' };
	private static final byte[] PI_END = { '?', '>' };
	private static final byte[] CDATA_END = { ']', ']', '>' };
	/** The bytes that end an XML name in a tag. */
	private static final boolean[] NAME_ENDS = new boolean[256];

	static {
		for (char c : " >/=\t\n\r\"'<&".toCharArray()) {
			NAME_ENDS[c] = true;
		}
	}

	private final String what;
	private long linesBefore;

	/** Qualified names of the open elements, for matching end tags. */
	private byte[] names = new byte[256];
	private int[] nameEnds = new int[16];
	private int depth;
	/**
	 * The start tag last returned opens an element whose content the reader has not taken ({@link #readText},
	 * {@link #skipTo}): it is entered at the next {@link #next()}. Deferred so that an element read in one go never
	 * costs a push and a pop.
	 */
	private boolean entering;

	// the tag just read
	private int tagStart;
	private int tagEnd;
	private int qnameStart;
	private int qnameEnd;
	private boolean endTag;
	private boolean selfClosing;
	/** Per attribute: local name start, name end, value start, value end. */
	private int[] attributes = new int[16];
	private int attributeCount;

	// the text of the element read by readText()
	private int textStart;
	private int textEnd;
	private String text;
	private final StringBuilder decoded = new StringBuilder();

	/**
	 * @param in         the document
	 * @param what       names it in messages ("book.xlsx, part xl/worksheets/sheet1.xml")
	 * @param bufferSize the size the buffer starts at (tests use tiny ones so that tokens cross its end)
	 */
	XmlTokenizer(InputStream in, String what, int bufferSize) {
		super(in, Math.max(16, bufferSize), MAX_TOKEN);
		this.what = what;
	}

	/**
	 * Reads the XML declaration, if any.
	 *
	 * @return false when the document is not in UTF-8 (a UTF-16 byte order mark, another declared encoding)
	 * @throws IOException when the document cannot be read
	 */
	boolean prolog() throws IOException {
		while (limit < 256 && !eof) {
			fill();
		}
		if (limit >= 2 && (buf[0] == (byte) 0xFE && buf[1] == (byte) 0xFF || buf[0] == (byte) 0xFF
				&& buf[1] == (byte) 0xFE)) {
			return false;
		}
		if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
			pos = 3;
		}
		if (startsWith(pos, "<?xml")) {
			int end = indexOf(PI_END, pos);
			if (end < 0) {
				return true; // a broken declaration: the tokens after it report it
			}
			String declaration = new String(buf, pos, end - pos, StandardCharsets.US_ASCII);
			int at = declaration.indexOf("encoding");
			if (at >= 0) {
				String rest = declaration.substring(at + 8).replaceAll("[\\s=]", "").replace("'", "\"");
				String encoding = rest.startsWith("\"") && rest.indexOf('"', 1) > 0
						? rest.substring(1, rest.indexOf('"', 1)) : "";
				return encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8");
			}
		}
		return true;
	}

	/**
	 * Reads on to the next tag.
	 *
	 * @return {@link #START_TAG}, {@link #END_TAG} or {@link #END_OF_DOCUMENT}
	 * @throws IOException when the document is not well-formed or cannot be read
	 */
	int next() throws IOException {
		if (entering) {
			entering = false;
			push();
		}
		while (true) {
			if (pos >= limit && !fill()) {
				if (depth > 0) {
					throw malformed(pos, "the part ends inside the element <" + openName() + ">");
				}
				return END_OF_DOCUMENT;
			}
			int lt = indexOf((byte) '<', pos);
			if (lt < 0) {
				// text between elements: the readers of this tokenizer take text from text-only elements only
				pos = limit;
				continue;
			}
			pos = lt;
			int end = tag(lt);
			if (end == LONG_COMMENT) {
				skipComment();
				continue;
			}
			if (end < 0) {
				more();
				continue;
			}
			pos = end;
			if (qnameStart < 0) {
				continue; // comment, processing instruction, CDATA between elements
			}
			tagStart = lt;
			tagEnd = end;
			if (endTag) {
				pop(lt);
				return END_TAG;
			}
			entering = !selfClosing;
			return START_TAG;
		}
	}

	/**
	 * Reads the content of the element whose start tag {@link #next()} just returned, through its end tag: text,
	 * entity and character references, CDATA sections, comments and processing instructions, no element. Then
	 * {@link #text()} is that text, or null when it is plain and lies in the buffer from {@link #textStart()} to
	 * {@link #textEnd()}.
	 *
	 * @throws IOException when the element holds markup or does not end, or the document cannot be read
	 */
	void readText() throws IOException {
		entering = false;
		while (true) {
			int after = elementText(tagEnd);
			if (after >= 0) {
				pos = after;
				return;
			}
			// The element goes on past the buffer: read more with the element kept from its start tag, which moves
			// it in the buffer, and read that tag again. Text and end tag are one token, so no refill splits them.
			pos = tagStart;
			more();
			int end;
			while ((end = tag(pos)) < 0) {
				more();
			}
			tagStart = pos;
			tagEnd = end;
		}
	}

	/**
	 * Passes over the content and end tag of the element whose start tag {@link #next()} just returned: the reader
	 * has read them itself from {@link #buffer()}, a form it knows in one go.
	 *
	 * @param after the offset after the element's end tag
	 */
	void skipTo(int after) {
		entering = false;
		pos = after;
	}

	/** @return the bytes; the tag and text offsets point into them */
	byte[] buffer() {
		return buf;
	}

	/** @return the end of the bytes read: what lies beyond is not read yet */
	int limit() {
		return limit;
	}

	/** @return the offset after the tag {@link #next()} returned */
	int tagEnd() {
		return tagEnd;
	}

	/** @return the start of the tag's qualified name */
	int nameStart() {
		return qnameStart;
	}

	/** @return the end of the tag's name */
	int nameEnd() {
		return qnameEnd;
	}

	/** @return the start of the tag's local name, after its prefix if any */
	int localStart() {
		int colon = indexOf((byte) ':', qnameStart, qnameEnd);
		return colon < 0 ? qnameStart : colon + 1;
	}

	/** @return whether the start tag is an empty-element tag ({@code <c/>}) */
	boolean selfClosing() {
		return selfClosing;
	}

	/** @return the number of attributes of the start tag */
	int attributeCount() {
		return attributeCount;
	}

	/** @return the start of the local name of attribute i */
	int attributeNameStart(int i) {
		return attributes[i * 4];
	}

	/** @return the end of the name of attribute i */
	int attributeNameEnd(int i) {
		return attributes[i * 4 + 1];
	}

	/** @return the start of the value of attribute i, as written (references not resolved) */
	int attributeValueStart(int i) {
		return attributes[i * 4 + 2];
	}

	/** @return the end of the value of attribute i */
	int attributeValueEnd(int i) {
		return attributes[i * 4 + 3];
	}

	/**
	 * @param i an attribute of the start tag
	 * @return its value, references resolved
	 * @throws TableFormatException when it holds a reference to an unknown entity
	 */
	String attributeValue(int i) throws TableFormatException {
		int s = attributes[i * 4 + 2];
		int e = attributes[i * 4 + 3];
		if (indexOf((byte) '&', s, e) < 0) {
			return new String(buf, s, e - s, StandardCharsets.UTF_8);
		}
		decoded.setLength(0);
		decodeInto(s, e, decoded);
		return decoded.toString();
	}

	/** @return the text {@link #readText()} read, or null when it is plain: see {@link #textStart()} */
	String text() {
		return text;
	}

	/** @return the start of the plain text {@link #readText()} read */
	int textStart() {
		return textStart;
	}

	/** @return the end of the plain text {@link #readText()} read */
	int textEnd() {
		return textEnd;
	}

	/** Skips a comment that goes on past the buffer, without keeping it. */
	private void skipComment() throws IOException {
		while (true) {
			int end = indexOf(COMMENT_END, pos);
			if (end >= 0) {
				pos = end + 3;
				return;
			}
			pos = Math.max(pos, limit - 2);
			if (!fill() || eof && indexOf(COMMENT_END, pos) < 0) {
				throw malformed(limit, "the part ends inside a comment");
			}
		}
	}

	/**
	 * Reads the markup at {@code lt}.
	 *
	 * @return the offset after it, or -1 when the buffer ends first
	 */
	private int tag(int lt) throws TableFormatException {
		byte[] b = buf;
		int p = lt + 1;
		if (p >= limit) {
			return incomplete(lt);
		}
		qnameStart = -1;
		attributeCount = 0;
		endTag = false;
		selfClosing = false;
		byte c = b[p];
		if (c == '?') {
			int end = indexOf(PI_END, p + 1);
			return end < 0 ? incomplete(lt) : end + 2;
		}
		if (c == '!') {
			if (limit - p < 9 && !eof) {
				return -1;
			}
			if (startsWith(p + 1, "--")) {
				int end = indexOf(COMMENT_END, p + 3);
				if (end < 0 && !eof) {
					pos = p + 3;
					return LONG_COMMENT;
				}
				return end < 0 ? incomplete(lt) : end + 3;
			}
			if (startsWith(p + 1, "[CDATA[")) {
				int end = indexOf(CDATA_END, p + 8);
				return end < 0 ? incomplete(lt) : end + 3;
			}
			if (startsWith(p + 1, "DOCTYPE")) {
				throw new TableFormatException(Reason.MALFORMED, what + " contains a document type declaration"
						+ " (DTD); such XML is refused because it can pull in external files or expand to huge sizes.");
			}
			throw malformed(lt, "unexpected markup \"<!\"");
		}
		if (c == '/') {
			endTag = true;
			p++;
		}
		int nameStart = p;
		p = name(p);
		if (p < 0) {
			return incomplete(lt);
		}
		if (p == nameStart) {
			throw malformed(lt, "a tag without a name");
		}
		qnameStart = nameStart;
		qnameEnd = p;
		while (true) {
			p = skipBlanks(p);
			if (p >= limit) {
				return incomplete(lt);
			}
			c = b[p];
			if (c == '>') {
				return p + 1;
			}
			if (c == '/' && !endTag) {
				if (p + 1 >= limit) {
					return incomplete(lt);
				}
				if (b[p + 1] != '>') {
					throw malformed(p, "\"/\" not followed by \">\" in a tag");
				}
				selfClosing = true;
				return p + 2;
			}
			if (endTag) {
				throw malformed(p, "an end tag with more than a name");
			}
			int attributeName = p;
			p = name(p);
			if (p < 0) {
				return incomplete(lt);
			}
			if (p == attributeName) {
				throw malformed(p, "an unexpected character in a tag");
			}
			int attributeNameEnd = p;
			p = skipBlanks(p);
			if (p >= limit) {
				return incomplete(lt);
			}
			if (b[p] != '=') {
				throw malformed(p, "an attribute without a value");
			}
			p = skipBlanks(p + 1);
			if (p >= limit) {
				return incomplete(lt);
			}
			byte quote = b[p];
			if (quote != '"' && quote != '\'') {
				throw malformed(p, "an attribute value without quotes");
			}
			int valueEnd = indexOf(quote, p + 1);
			if (valueEnd < 0) {
				return incomplete(lt);
			}
			if (indexOf((byte) '<', p + 1, valueEnd) >= 0) {
				throw malformed(p, "\"<\" in an attribute value");
			}
			if (attributeCount * 4 == attributes.length) {
				attributes = Arrays.copyOf(attributes, attributes.length * 2);
			}
			int a = attributeCount * 4;
			int colon = indexOf((byte) ':', attributeName, attributeNameEnd);
			attributes[a] = colon < 0 ? attributeName : colon + 1;
			attributes[a + 1] = attributeNameEnd;
			attributes[a + 2] = p + 1;
			attributes[a + 3] = valueEnd;
			attributeCount++;
			p = valueEnd + 1;
		}
	}

	/**
	 * Reads the text of the element whose start tag ends at {@code p}, through its end tag: characters, entities,
	 * CDATA sections, comments and processing instructions, no child element. Sets {@link #text}.
	 *
	 * @return the offset after the end tag, or -1 when the buffer ends first
	 */
	private int elementText(int p) throws TableFormatException {
		textStart = p;
		int lt = p;
		boolean plain = true;
		byte[] b = buf;
		while (lt < limit && b[lt] != '<') {
			plain &= b[lt] != '&';
			lt++;
		}
		if (lt >= limit) {
			return incomplete(p);
		}
		if (plain && lt + 1 < limit && b[lt + 1] == '/') {
			text = null; // the common case, plain text: the reader takes it from textStart to textEnd
			textEnd = lt;
		} else {
			decoded.setLength(0);
			while (true) {
				decodeInto(p, lt, decoded);
				if (lt + 1 >= limit) {
					return incomplete(p);
				}
				if (buf[lt + 1] == '/') {
					break;
				}
				if (startsWith(lt + 1, "![CDATA[")) {
					int end = indexOf(CDATA_END, lt + 9);
					if (end < 0) {
						return incomplete(p);
					}
					decoded.append(new String(buf, lt + 9, end - lt - 9, StandardCharsets.UTF_8));
					p = end + 3;
				} else if (startsWith(lt + 1, "!--")) {
					int end = indexOf(COMMENT_END, lt + 4);
					if (end < 0) {
						return incomplete(p);
					}
					p = end + 3;
				} else if (buf[lt + 1] == '?') {
					int end = indexOf(PI_END, lt + 2);
					if (end < 0) {
						return incomplete(p);
					}
					p = end + 2;
				} else if (limit - lt < 9 && !eof) {
					return -1;
				} else {
					throw malformed(lt, "an element inside a value, which holds text only");
				}
				lt = indexOf((byte) '<', p);
				if (lt < 0) {
					return incomplete(p);
				}
			}
			text = decoded.toString();
		}
		// the end tag must close this element
		int openStart = qnameStart;
		int openEnd = qnameEnd;
		int end = tag(lt);
		if (end < 0) {
			return -1;
		}
		if (!endTag || !same(buf, qnameStart, qnameEnd, buf, openStart, openEnd)) {
			throw malformed(lt, "the element <" + new String(buf, openStart, openEnd - openStart,
					StandardCharsets.UTF_8) + "> is not closed before other markup");
		}
		qnameStart = openStart;
		qnameEnd = openEnd;
		return end;
	}

	/** Appends text with its entity references resolved. */
	private void decodeInto(int s, int e, StringBuilder out) throws TableFormatException {
		int from = s;
		for (int amp = indexOf((byte) '&', s, e); amp >= 0; amp = indexOf((byte) '&', from, e)) {
			out.append(new String(buf, from, amp - from, StandardCharsets.UTF_8));
			int semi = indexOf((byte) ';', amp + 1, Math.min(e, amp + 12));
			if (semi < 0) {
				throw malformed(amp, "\"&\" that starts no entity reference");
			}
			String entity = new String(buf, amp + 1, semi - amp - 1, StandardCharsets.US_ASCII);
			switch (entity) {
				case "lt" -> out.append('<');
				case "gt" -> out.append('>');
				case "amp" -> out.append('&');
				case "quot" -> out.append('"');
				case "apos" -> out.append('\'');
				default -> {
					int code;
					try {
						code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
								: entity.startsWith("#") ? Integer.parseInt(entity.substring(1)) : -1;
					} catch (NumberFormatException ex) {
						code = -1;
					}
					if (code < 0 || !Character.isValidCodePoint(code)) {
						throw malformed(amp, "the undeclared entity \"&" + entity + ";\"");
					}
					out.appendCodePoint(code);
				}
			}
			from = semi + 1;
		}
		out.append(new String(buf, from, e - from, StandardCharsets.UTF_8));
	}

	/** @return the end of the XML name at p (p itself if there is none), -1 if the buffer ends inside it */
	private int name(int p) {
		byte[] b = buf;
		int lim = limit;
		boolean[] ends = NAME_ENDS;
		while (p < lim) {
			if (ends[b[p] & 0xFF]) {
				return p;
			}
			p++;
		}
		return eof ? p : -1;
	}

	private int skipBlanks(int p) {
		byte[] b = buf;
		while (p < limit && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
			p++;
		}
		return p;
	}

	private void push() {
		int start = depth == 0 ? 0 : nameEnds[depth - 1];
		int length = qnameEnd - qnameStart;
		if (start + length > names.length) {
			names = Arrays.copyOf(names, Math.max(names.length * 2, start + length));
		}
		if (depth == nameEnds.length) {
			nameEnds = Arrays.copyOf(nameEnds, depth * 2);
		}
		System.arraycopy(buf, qnameStart, names, start, length);
		nameEnds[depth++] = start + length;
	}

	private void pop(int at) throws TableFormatException {
		if (depth == 0) {
			throw malformed(at, "an end tag without a start tag");
		}
		int start = depth == 1 ? 0 : nameEnds[depth - 2];
		if (!same(names, start, nameEnds[depth - 1], buf, qnameStart, qnameEnd)) {
			throw malformed(at, "the end tag </" + new String(buf, qnameStart, qnameEnd - qnameStart,
					StandardCharsets.UTF_8) + "> does not match the start tag <" + openName() + ">");
		}
		depth--;
	}

	/** Byte ranges equal; names are a few bytes, too short for {@link Arrays#equals}' vectorised compare to pay. */
	private static boolean same(byte[] a, int aStart, int aEnd, byte[] b, int bStart, int bEnd) {
		if (aEnd - aStart != bEnd - bStart) {
			return false;
		}
		for (int i = aStart, j = bStart; i < aEnd; i++, j++) {
			if (a[i] != b[j]) {
				return false;
			}
		}
		return true;
	}

	private String openName() {
		int start = depth <= 1 ? 0 : nameEnds[depth - 2];
		return new String(names, start, nameEnds[depth - 1] - start, StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------ bytes

	/** The buffer ends inside a token: at the end of the part it never closes. */
	private int incomplete(int at) throws TableFormatException {
		if (eof) {
			throw malformed(at, "the part ends inside markup or a value");
		}
		return -1;
	}

	/** Keeps the bytes from {@link #pos} and reads more after them. */
	private void more() throws IOException {
		if (!fill()) {
			throw malformed(pos, "the part ends inside markup or a value");
		}
	}

	@Override
	protected void dropping(int bytes) {
		linesBefore += count((byte) '\n', 0, bytes);
	}

	@Override
	protected IOException tooLong() {
		return new TableFormatException(Reason.MALFORMED, what + ": an element of more than " + MAX_TOKEN
				+ " bytes, at line " + line(0) + "; no worksheet holds such a cell.");
	}

	@Override
	protected int read(byte[] b, int off, int len) throws IOException {
		try {
			return super.read(b, off, len);
		} catch (TableFormatException e) {
			throw e;
		} catch (IOException e) {
			throw new TableFormatException(Reason.MALFORMED, what + " cannot be read: its data is damaged or cut short"
					+ (e.getMessage() == null ? "" : " (" + e.getMessage().replaceAll("\\s+", " ") + ")") + ".", e);
		}
	}

	private TableFormatException malformed(int at, String reason) {
		return new TableFormatException(Reason.MALFORMED, what + " is not well-formed XML (line " + line(at) + "): "
				+ reason + ".");
	}

	private long line(int at) {
		return linesBefore + count((byte) '\n', 0, Math.min(Math.max(at, 0), limit)) + 1;
	}

	private int count(byte c, int s, int e) {
		int n = 0;
		for (int i = s; i < e; i++) {
			if (buf[i] == c) {
				n++;
			}
		}
		return n;
	}

	private int indexOf(byte c, int from) {
		return indexOf(c, from, limit);
	}

	private int indexOf(byte c, int from, int to) {
		byte[] b = buf;
		for (int i = from; i < to; i++) {
			if (b[i] == c) {
				return i;
			}
		}
		return -1;
	}

	private int indexOf(byte[] pattern, int from) {
		byte[] b = buf;
		for (int i = indexOf(pattern[0], from); i >= 0; i = indexOf(pattern[0], i + 1)) {
			if (i + pattern.length > limit) {
				return -1;
			}
			if (Arrays.equals(b, i, i + pattern.length, pattern, 0, pattern.length)) {
				return i;
			}
		}
		return -1;
	}

	private boolean startsWith(int p, String ascii) {
		if (p + ascii.length() > limit) {
			return false;
		}
		for (int i = 0; i < ascii.length(); i++) {
			if (buf[p + i] != ascii.charAt(i)) {
				return false;
			}
		}
		return true;
	}
}
