package procurement.review.core.importer.internal.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import procurement.review.core.importer.internal.BytePool;
import procurement.review.core.importer.internal.ByteWindow;

/**
 * Splits delimited text into records straight from the bytes of the file, for the encodings a CSV export comes in
 * (UTF-8, with Windows-1252 for the bytes that are not UTF-8, or Windows-1252 throughout). In these encodings the
 * delimiter, the quote and the line ends are single bytes that never occur inside a multi-byte character, so the
 * scanner finds fields without decoding and decodes each field once: an ASCII field is copied as Latin-1 by the JDK,
 * anything else goes through the lenient decoder.
 * <p>
 * Why not a character-level parser (FastCSV, kept for UTF-16 text): measured on a 525 MB, 1,048,576-row export,
 * decoding every character into a buffer and copying each field out of it took 2.5 s against 0.9 s for reading the
 * lines at all; and the importer then spent more than 3 s hashing a new String per cell to share the repeated ones.
 * Here a cell that repeats a value of its column ({@link BytePool}) is found by its bytes and costs no String.
 * <p>
 * Quoting follows RFC 4180 leniently, as spreadsheets write it: a field that starts with a quote runs to the matching
 * quote, {@code ""} inside stands for one quote, line ends inside are kept; characters after the closing quote are
 * kept and reported, an unclosed quote runs to the end of the file. Empty lines are skipped (and counted, for row
 * numbers); empty fields are {@code null}.
 */
final class CsvScanner extends ByteWindow {

	/** The longest record read; longer ones are refused (an unclosed quote in a broken file, or not a table). */
	static final int MAX_RECORD = 1 << 24;

	private static final int PLAIN = 0;
	private static final int QUOTED = 1;
	/** Needs unquoting: doubled quotes, characters after the closing quote, or no closing quote. */
	private static final int COMPLEX = 2;
	/** Windows-1252 by byte; its five undefined bytes keep their Latin-1 value, so that nothing is lost. */
	static final char[] CP1252 = cp1252Table();
	private static final byte QUOTE = '"';
	private static final byte LF = '\n';
	private static final byte CR = '\r';

	private final byte delimiter;
	private final boolean utf8;
	private final long startOffset;
	/** File offset of buf[0]. */
	private long bufferOffset;

	private int count;
	private int[] starts = new int[64];
	private int[] ends = new int[64];
	private byte[] kinds = new byte[64];
	private int recordStart;
	private byte[] scratch = new byte[256];
	private BytePool[] pools = new BytePool[0];
	private long fallbackBytes;
	private long firstFallbackOffset = -1;
	private int junkField;
	private int emptyLinesSkipped;

	/**
	 * @param in          the bytes after any byte order mark
	 * @param delimiter   the field delimiter, an ASCII character
	 * @param utf8        UTF-8 with a Windows-1252 fallback per byte, else Windows-1252
	 * @param startOffset the file offset of the first byte of {@code in} (the length of a byte order mark)
	 */
	CsvScanner(InputStream in, char delimiter, boolean utf8, long startOffset) {
		this(in, delimiter, utf8, startOffset, 1 << 20);
	}

	/** As above, with the size the buffer starts at (tests use tiny ones to cross its end everywhere). */
	CsvScanner(InputStream in, char delimiter, boolean utf8, long startOffset, int bufferSize) {
		super(in, Math.max(1, bufferSize), MAX_RECORD);
		if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
			throw new IllegalArgumentException("not a byte delimiter: " + delimiter);
		}
		this.delimiter = (byte) delimiter;
		this.utf8 = utf8;
		this.startOffset = startOffset;
	}

	/** @return how many bytes so far were not valid UTF-8 and were read as Windows-1252 */
	long fallbackBytes() {
		return fallbackBytes;
	}

	/** @return the file offset of the first byte read as Windows-1252, -1 if none */
	long firstFallbackOffset() {
		return firstFallbackOffset;
	}

	/**
	 * Moves to the next record that is not an empty line.
	 *
	 * @return false at the end of the input
	 * @throws IOException       if reading fails
	 * @throws RecordTooLongException if a record is longer than {@link #MAX_RECORD}
	 */
	boolean next() throws IOException {
		emptyLinesSkipped = 0;
		while (true) {
			if (pos >= limit && !fill()) {
				return false;
			}
			int end = parse(pos);
			if (end < 0) {
				if (!fill()) {
					// fill() only fails at the end of the input, where parse() never asks for more
					throw new IllegalStateException("record not complete at end of input");
				}
				continue;
			}
			recordStart = pos;
			pos = end;
			if (count == 1 && kinds[0] == PLAIN && ends[0] == recordStart) {
				emptyLinesSkipped++; // an empty line
				continue;
			}
			return true;
		}
	}

	/** @return the empty lines passed over before the current record: rows a spreadsheet shows, empty */
	int emptyLinesSkipped() {
		return emptyLinesSkipped;
	}

	/** @return the number of fields of the current record */
	int fields() {
		return count;
	}

	/** @return the first field of the current record with characters after its closing quote, -1 if none */
	int junkAfterQuote() {
		return junkField;
	}

	/**
	 * The text of a field of the current record; equal cells of a column share one String while that column's
	 * pool pays off.
	 *
	 * @param i the 0-based field index, below {@link #fields()}
	 * @return the text, {@code null} for an empty field
	 */
	String field(int i) {
		int start = starts[i];
		int end = ends[i];
		byte[] bytes = buf;
		if (kinds[i] == COMPLEX) {
			end = unquote(start, end);
			start = 0;
			bytes = scratch;
		}
		if (start == end) {
			return null;
		}
		if (i >= pools.length) {
			pools = Arrays.copyOf(pools, Math.max(i + 1, pools.length * 2));
			for (int k = 0; k < pools.length; k++) {
				if (pools[k] == null) {
					pools[k] = new BytePool();
				}
			}
		}
		BytePool pool = pools[i];
		if (!pool.active()) {
			return decode(bytes, start, end);
		}
		int hash = BytePool.hash(bytes, start, end);
		String shared = pool.find(bytes, start, end, hash);
		if (shared != null) {
			return shared;
		}
		String value = decode(bytes, start, end);
		pool.add(bytes, start, end, hash, value);
		return value;
	}

	/** @return the offset in the stream where the current record starts */
	private long recordOffset() {
		return bufferOffset + recordStart;
	}

	/**
	 * Parses one record from {@code p}.
	 *
	 * @return the offset after its line end, or -1 when the buffer ends first and more input may follow
	 */
	private int parse(int p) {
		final byte[] b = buf;
		final int lim = limit;
		final byte d = delimiter;
		int n = 0;
		junkField = -1;
		while (true) {
			int start = p;
			int kind = PLAIN;
			if (p < lim && b[p] == QUOTE) {
				kind = QUOTED;
				int q = p + 1;
				while (true) {
					while (q < lim && b[q] != QUOTE) {
						q++;
					}
					if (q >= lim) {
						if (!eof) {
							return -1;
						}
						kind = COMPLEX; // no closing quote: the field runs to the end of the file
						break;
					}
					if (q + 1 >= lim && !eof) {
						return -1; // a doubled quote or a closing one: the next byte tells
					}
					if (q + 1 < lim && b[q + 1] == QUOTE) {
						kind = COMPLEX;
						q += 2;
						continue;
					}
					break; // the closing quote
				}
				p = Math.min(q + 1, lim);
				if (p < lim && b[p] != d && b[p] != LF && b[p] != CR) {
					kind = COMPLEX;
					if (junkField < 0) {
						junkField = n;
					}
					p = scanPlain(b, p, lim, d);
					if (p >= lim && !eof) {
						return -1;
					}
				}
				if (kind == QUOTED) {
					start++;
				}
			} else {
				p = scanPlain(b, p, lim, d);
				if (p >= lim && !eof) {
					return -1;
				}
			}
			if (n == starts.length) {
				grow();
			}
			starts[n] = start;
			ends[n] = kind == QUOTED ? p - 1 : p;
			kinds[n] = (byte) kind;
			n++;
			if (p >= lim) {
				count = n;
				return lim;
			}
			byte c = b[p];
			if (c == d) {
				p++;
				continue;
			}
			if (c == CR) {
				if (p + 1 >= lim && !eof) {
					return -1;
				}
				p += p + 1 < lim && b[p + 1] == LF ? 2 : 1;
			} else {
				p++;
			}
			count = n;
			return p;
		}
	}

	private static int scanPlain(byte[] b, int p, int lim, byte d) {
		while (p < lim) {
			byte c = b[p];
			if (c == d || c == LF || c == CR) {
				return p;
			}
			p++;
		}
		return p;
	}

	/** Unquotes a complex field into {@link #scratch}; @return its length. */
	private int unquote(int start, int end) {
		if (scratch.length < end - start) {
			scratch = new byte[Math.max(end - start, scratch.length * 2)];
		}
		byte[] b = buf;
		byte[] out = scratch;
		int n = 0;
		int p = start + 1;
		boolean quoted = true;
		while (p < end) {
			byte c = b[p++];
			if (quoted && c == QUOTE) {
				if (p < end && b[p] == QUOTE) {
					out[n++] = QUOTE;
					p++;
				} else {
					quoted = false;
				}
			} else {
				out[n++] = c;
			}
		}
		return n;
	}

	private void grow() {
		int size = starts.length * 2;
		starts = Arrays.copyOf(starts, size);
		ends = Arrays.copyOf(ends, size);
		kinds = Arrays.copyOf(kinds, size);
	}

	@Override
	protected void dropping(int bytes) {
		bufferOffset += bytes;
	}

	@Override
	protected IOException tooLong() {
		return new RecordTooLongException();
	}

	private String decode(byte[] b, int start, int end) {
		if (!utf8) {
			return windows1252(b, start, end);
		}
		String text = new String(b, start, end - start, StandardCharsets.UTF_8);
		// The JDK decodes valid UTF-8 fast (ASCII as a plain copy) and puts U+FFFD for what is not; only a field with
		// U+FFFD in it is decoded again by hand, so that the bytes that are not UTF-8 become their Windows-1252
		// characters instead.
		return text.indexOf('\uFFFD') < 0 ? text : lenientUtf8(b, start, end);
	}

	private static String windows1252(byte[] b, int start, int end) {
		char[] chars = new char[end - start];
		for (int i = start; i < end; i++) {
			chars[i - start] = CP1252[b[i] & 0xFF];
		}
		return new String(chars);
	}

	private String lenientUtf8(byte[] b, int start, int end) {
		StringBuilder out = new StringBuilder(end - start);
		int i = start;
		while (i < end) {
			int c = b[i] & 0xFF;
			int length = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
					: c >= 0xF0 && c <= 0xF4 ? 4 : 0;
			int code = valid(b, i, end, length);
			if (code < 0) {
				if (firstFallbackOffset < 0) {
					firstFallbackOffset = startOffset + (b == buf ? bufferOffset + i : recordOffset());
				}
				fallbackBytes++;
				out.append(CP1252[c]);
				i++;
			} else {
				out.appendCodePoint(code);
				i += length;
			}
		}
		return out.toString();
	}

	/** @return the code point of a well-formed UTF-8 sequence of the given length at i, -1 if it is not one */
	private static int valid(byte[] b, int i, int end, int length) {
		if (length == 0 || i + length > end) {
			return -1;
		}
		int c = b[i] & 0xFF;
		if (length == 1) {
			return c;
		}
		int code = c & (0xFF >> (length + 1));
		for (int k = 1; k < length; k++) {
			int next = b[i + k] & 0xFF;
			if ((next & 0xC0) != 0x80) {
				return -1;
			}
			code = code << 6 | next & 0x3F;
		}
		int min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
		if (code < min || code > 0x10FFFF || code >= 0xD800 && code <= 0xDFFF) {
			return -1;
		}
		return code;
	}

	private static char[] cp1252Table() {
		byte[] all = new byte[256];
		for (int i = 0; i < 256; i++) {
			all[i] = (byte) i;
		}
		char[] table = new String(all, CsvSniffer.WINDOWS_1252).toCharArray();
		for (int i = 0; i < 256; i++) {
			if (table[i] == '\uFFFD') {
				table[i] = (char) i;
			}
		}
		return table;
	}

	/** A record longer than {@link #MAX_RECORD}. */
	static final class RecordTooLongException extends IOException {
		private static final long serialVersionUID = 1L;

		RecordTooLongException() {
			super("a record is longer than " + MAX_RECORD + " bytes (an unclosed quote?)");
		}
	}
}
