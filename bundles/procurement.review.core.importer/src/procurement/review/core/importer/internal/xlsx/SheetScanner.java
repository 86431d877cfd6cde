package procurement.review.core.importer.internal.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;
import procurement.review.core.importer.internal.BytePool;
import procurement.review.core.importer.internal.ByteWindow;

/**
 * Reads the cells of a worksheet part straight from its UTF-8 bytes: the one XML document of a workbook that grows
 * with the rows. Measured on a 1,048,576-row, 30-column sheet: a bare Aalto StAX pass over it (every event pulled,
 * nothing read) takes 10.5 s of which 4 s is inflating; reading the cells through StAX (attributes, element text,
 * local names) took 24 s. This scanner looks only at what a sheet holds (rows, cells and their r, s and t
 * attributes, values, inline strings), reads a shared-string index as a number without making a String of it, and
 * decodes text only where a value needs it.
 * <p>
 * It is a strict reader of that subset and refuses what a well-formed-XML check would refuse on the way: a document
 * type declaration, an end tag that does not match, an unknown entity, markup inside a value, a part that ends
 * inside an element. A sheet in another encoding than UTF-8 is left to the StAX reader ({@link #NOT_UTF8}).
 */
final class SheetScanner extends ByteWindow {

    /** {@link #scan} result: the part declares another encoding; nothing was read. */
    static final int NOT_UTF8 = -1;
    /** {@link #scan} result: the handler asked to stop. */
    static final int STOPPED = 0;
    /** {@link #scan} result: the sheet was read to its end. */
    static final int DONE = 1;

    /**
     * The longest token, an element with its text: far more than any cell (32,767 characters, at most about 128 KB
     * of UTF-8), a guard against a part that is one endless tag.
     */
    private static final int MAX_TOKEN = 1 << 24;

    /** {@link #tag} result: a comment that does not end in the buffer. */
    private static final int LONG_COMMENT = -2;
    private static final int OTHER = 0;
    private static final int C = 1;
    private static final int V = 2;
    private static final int F = 3;
    private static final int T = 4;
    private static final int IS = 5;
    private static final int RPH = 6;
    private static final int ROW = 7;
    private static final int SHEET_DATA = 8;
    private static final byte[] SHEET_DATA_NAME = "sheetData".getBytes(StandardCharsets.US_ASCII);
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
    private final XlsxTableReader.SheetParser cells;
    private long linesBefore;

    /** Qualified names of the open elements, for matching end tags. */
    private byte[] names = new byte[256];
    private int[] nameEnds = new int[16];
    private int depth;

    // the tag just read
    private int qnameStart;
    private int qnameEnd;
    private boolean endTag;
    private boolean selfClosing;
    private int[] attributes = new int[16];
    private int attributeCount;
    private int textEnd;
    private String text;

    // the cell being read
    private long rowNumber;
    private int column = -1;
    private int cellColumn = -1;
    private String type;
    private int style;
    private boolean formula;
    private String value;
    /** The shared-string index of a t="s" cell, read without a String; -1 if none. */
    private int sharedIndex = -1;
    /** The bytes of the value of a cell read in one token; -1 when the cell was read in parts. */
    private int valueStart = -1;
    private int valueEnd;
    private BytePool[] numbers = new BytePool[0];
    private byte[] key = new byte[32];
    private StringBuilder inline;
    private boolean inInline;
    private boolean inPhonetic;
    private final StringBuilder decoded = new StringBuilder();

    SheetScanner(InputStream in, String what, XlsxTableReader.SheetParser cells) {
        this(in, what, cells, 1 << 16);
    }

    /** As above, with the size the buffer starts at (tests use tiny ones so that tokens cross its end). */
    SheetScanner(InputStream in, String what, XlsxTableReader.SheetParser cells, int bufferSize) {
        super(in, Math.max(16, bufferSize), MAX_TOKEN);
        this.what = what;
        this.cells = cells;
    }

    /**
     * Reads the sheet.
     *
     * @return {@link #DONE}, {@link #STOPPED}, or {@link #NOT_UTF8} before anything was read
     * @throws IOException when the part is not well-formed or cannot be read
     */
    int scan() throws IOException {
        if (!prolog()) {
            return NOT_UTF8;
        }
        while (true) {
            if (pos >= limit && !fill()) {
                if (depth > 0) {
                    throw malformed(pos, "the part ends inside the element <" + openName() + ">");
                }
                return DONE;
            }
            int lt = indexOf((byte) '<', pos);
            if (lt < 0) {
                // text between elements carries no cell value
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
            int result = handle(lt, end);
            if (result != DONE + 1) {
                return result;
            }
        }
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

    /** @return DONE + 1 to go on, else the result of {@link #scan} */
    private int handle(int lt, int end) throws IOException {
        if (qnameStart < 0) {
            pos = end; // comment, processing instruction, CDATA between elements
            return DONE + 1;
        }
        int kind = kind(buf, localStart(), qnameEnd);
        if (endTag) {
            pop(lt);
            pos = end;
            return endElement(kind);
        }
        if (kind == C && !selfClosing && qnameEnd - qnameStart == 1) {
            int after = plainCell(end);
            if (after >= 0) {
                startElement(C);
                value(end + 3, after - 8, true);
                pos = after;
                return endElement(C);
            }
        }
        if ((kind == V || kind == T && inInline && !inPhonetic) && !selfClosing) {
            // the element's text and its end tag, read as one token so that a refill never splits them
            int after = elementText(end);
            if (after < 0) {
                pos = lt;
                more();
                return DONE + 1;
            }
            startElement(kind);
            if (kind == V) {
                if (text == null) {
                    value(end, textEnd, false);
                } else {
                    value = text;
                }
            } else {
                inline.append(text != null ? text : new String(buf, end, textEnd - end, StandardCharsets.UTF_8));
            }
            pos = after;
            return DONE + 1;
        }
        startElement(kind);
        pos = end;
        if (selfClosing) {
            if (kind == V) {
                value = "";
            }
            return endElement(kind);
        }
        push();
        return DONE + 1;
    }

    /**
     * The most common cell, {@code <c ...><v>plain text</v></c>} without prefixes, entities or formula, read in one
     * go from the end of its start tag.
     *
     * @return the offset after {@code </c>}, or -1 when the cell is not of that form or not whole in the buffer
     */
    private int plainCell(int p) {
        byte[] b = buf;
        int lim = limit;
        if (p + 3 > lim || b[p] != '<' || b[p + 1] != 'v' || b[p + 2] != '>') {
            return -1;
        }
        int q = p + 3;
        while (q < lim) {
            byte c = b[q];
            if (c == '<') {
                break;
            }
            if (c == '&') {
                return -1;
            }
            q++;
        }
        if (q + 8 > lim || b[q + 1] != '/' || b[q + 2] != 'v' || b[q + 3] != '>' || b[q + 4] != '<'
                || b[q + 5] != '/' || b[q + 6] != 'c' || b[q + 7] != '>') {
            return -1;
        }
        return q + 8;
    }

    /**
     * Sets the value of the cell from plain text: a shared-string index is read as a number; with {@code inToken},
     * the cell is read in one token and a number is left in the buffer for {@link #number()}.
     */
    private void value(int s, int e, boolean inToken) {
        if ("s".equals(type)) {
            long index = number(s, e);
            if (cells.hasSharedString(index)) {
                sharedIndex = (int) index;
                return;
            }
            // not in the table: the cell logic reports it with the index as the cell writes it
        }
        if (inToken && (type == null || type.equals("n")) && s < e) {
            valueStart = s;
            valueEnd = e;
        } else {
            value = new String(buf, s, e - s, StandardCharsets.UTF_8);
        }
    }

    /**
     * The text of a numeric cell read in one token: a number repeated in its column (a year, a code, a date) is
     * looked up by its bytes and the date style, and converted once.
     */
    private String number() {
        boolean date = cells.dateStyle(style);
        if (column >= numbers.length) {
            numbers = Arrays.copyOf(numbers, Math.max(column + 1, numbers.length * 2));
        }
        BytePool pool = numbers[column];
        if (pool == null) {
            pool = numbers[column] = new BytePool();
        }
        if (!pool.active()) {
            return cells.cellText(rowNumber, column, type, style, false, valueText(), null);
        }
        int length = valueEnd - valueStart + 1;
        if (key.length < length) {
            key = new byte[Math.max(length, key.length * 2)];
        }
        key[0] = (byte) (date ? 1 : 0);
        System.arraycopy(buf, valueStart, key, 1, length - 1);
        int hash = BytePool.hash(key, 0, length);
        String found = pool.find(key, 0, length, hash);
        if (found != null) {
            return found;
        }
        String text = cells.cellText(rowNumber, column, type, style, false, valueText(), null);
        if (text != null) {
            pool.add(key, 0, length, hash, text);
        }
        return text;
    }

    private void put(String cellText) {
        if (cellText != null) {
            cells.put(column, cellText);
        }
    }

    private String valueText() {
        return new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
    }

    private void startElement(int kind) throws TableFormatException {
        switch (kind) {
            case C -> {
                type = null;
                style = 0;
                formula = false;
                value = null;
                sharedIndex = -1;
                valueStart = -1;
                inline = null;
                inInline = false; // an inline string ends with its cell, even when its end tag is missing
                int explicit = -1;
                int refAttribute = -1;
                for (int i = 0; i < attributeCount; i++) {
                    int a = i * 4;
                    int nameStart = attributes[a];
                    int nameEnd = attributes[a + 1];
                    if (nameEnd - nameStart != 1) {
                        continue;
                    }
                    byte n = buf[nameStart];
                    if (n == 'r') {
                        refAttribute = i;
                        explicit = columnOf(attributes[a + 2], attributes[a + 3]);
                    } else if (n == 't') {
                        type = cellType(i);
                    } else if (n == 's') {
                        style = index(attributes[a + 2], attributes[a + 3]);
                    }
                }
                column = explicit >= 0 ? explicit : column + 1;
                cellColumn = column;
                if (column > XlsxTableReader.LAST_COLUMN) {
                    throw new TableFormatException(Reason.MALFORMED, what + ": the cell "
                            + (explicit >= 0 ? attributeValue(refAttribute) + " " : "in row " + rowNumber + " ")
                            + "lies beyond column XFD, the last one Excel has.");
                }
            }
            case F -> formula = true;
            case IS -> {
                inInline = true;
                inline = new StringBuilder();
            }
            case RPH -> inPhonetic = true;
            case ROW -> {
                long number = rowNumber + 1;
                for (int i = 0; i < attributeCount; i++) {
                    int a = i * 4;
                    if (attributes[a + 1] - attributes[a] == 1 && buf[attributes[a]] == 'r') {
                        number = number(attributes[a + 2], attributes[a + 3]);
                        if (number < 0) {
                            throw new TableFormatException(Reason.MALFORMED, what + ": bad number in row " + rowNumber
                                    + ": the row element's r=\"" + attributeValue(i) + "\"");
                        }
                    }
                }
                rowNumber = number;
                column = -1;
            }
            default -> {
                // other elements (sheetPr, cols, mergeCells, extLst, ...) carry no cell values
            }
        }
    }

    private int endElement(int kind) throws TableFormatException {
        switch (kind) {
            case C -> {
                try {
                    if (column >= 0 && sharedIndex >= 0) {
                        put(cells.sharedString(sharedIndex));
                    } else if (column >= 0 && valueStart >= 0 && (type == null || type.equals("n"))) {
                        put(number());
                    } else {
                        cells.endCell(rowNumber, column, cellColumn, type, style, formula, value, inline);
                    }
                } catch (NumberFormatException e) {
                    throw new TableFormatException(Reason.MALFORMED, what + ": bad number in row " + rowNumber
                            + ": " + e.getMessage(), e);
                }
            }
            case IS -> inInline = false;
            case RPH -> inPhonetic = false;
            case ROW -> {
                if (!cells.emit(rowNumber)) {
                    return STOPPED;
                }
            }
            case SHEET_DATA -> {
                return DONE;
            }
            default -> {
                // nothing to finish
            }
        }
        return DONE + 1;
    }

    /** The t attribute as one of the constants the cell logic compares by equals, without a new String. */
    private String cellType(int i) throws TableFormatException {
        int s = attributes[i * 4 + 2];
        int e = attributes[i * 4 + 3];
        int n = e - s;
        if (n == 1) {
            switch (buf[s]) {
                case 's':
                    return "s";
                case 'n':
                    return "n";
                case 'b':
                    return "b";
                case 'e':
                    return "e";
                case 'd':
                    return "d";
                default:
                    break;
            }
        }
        return attributeValue(i);
    }

    /** A style index; -1 when it is no number or larger than any table (read as an unstyled number). */
    private int index(int s, int e) {
        int v = 0;
        for (int i = s; i < e; i++) {
            int c = buf[i] - '0';
            if (c < 0 || c > 9 || v > 100_000_000) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** A non-negative decimal number of at most 18 digits, -1 if the bytes are not one. */
    private long number(int s, int e) {
        if (s == e || e - s > 18) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int c = buf[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** As {@link XlsxTableReader#columnOf(String)}, from the bytes of a cell reference. */
    private int columnOf(int s, int e) {
        int col = 0;
        int i = s;
        for (; i < e; i++) {
            int next = XlsxTableReader.nextColumn(col, buf[i]);
            if (next < 0) {
                break;
            }
            col = next;
        }
        return i == s ? -1 : col - 1;
    }

    private String attributeValue(int i) throws TableFormatException {
        int s = attributes[i * 4 + 2];
        int e = attributes[i * 4 + 3];
        if (indexOf((byte) '&', s, e) < 0) {
            return new String(buf, s, e - s, StandardCharsets.UTF_8);
        }
        decoded.setLength(0);
        decodeInto(s, e, decoded);
        return decoded.toString();
    }

    // ------------------------------------------------------------------ tokens

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
            text = null; // the common case, plain text: the caller reads it from p to textEnd
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

    private int localStart() {
        int colon = indexOf((byte) ':', qnameStart, qnameEnd);
        return colon < 0 ? qnameStart : colon + 1;
    }

    private static int kind(byte[] b, int s, int e) {
        switch (e - s) {
            case 1:
                return b[s] == 'c' ? C : b[s] == 'v' ? V : b[s] == 'f' ? F : b[s] == 't' ? T : OTHER;
            case 2:
                return b[s] == 'i' && b[s + 1] == 's' ? IS : OTHER;
            case 3:
                return b[s] == 'r' && b[s + 1] == 'o' && b[s + 2] == 'w' ? ROW
                        : b[s] == 'r' && b[s + 1] == 'P' && b[s + 2] == 'h' ? RPH : OTHER;
            case 9:
                return Arrays.equals(b, s, e, SHEET_DATA_NAME, 0, 9) ? SHEET_DATA : OTHER;
            default:
                return OTHER;
        }
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

    /**
     * Reads the XML declaration, if any: a sheet in another encoding goes to the StAX reader.
     *
     * @return false when the part is not UTF-8
     */
    private boolean prolog() throws IOException {
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
                return true; // a broken declaration: the scan reports it
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
