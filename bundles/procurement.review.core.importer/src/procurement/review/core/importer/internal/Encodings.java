package procurement.review.core.importer.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The encoding of text that does not declare one: by its byte order mark; else UTF-8 when its bytes are valid UTF-8,
 * else Windows-1252.
 */
public final class Encodings {

	/**
	 * A byte order mark at the start of a file.
	 *
	 * @param charset the encoding it names
	 * @param length  its length in bytes
	 */
	public record ByteOrderMark(Charset charset, int length) {
	}

	/** What US Windows programs write when they do not write UTF-8. */
	public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private Encodings() {
	}

	/**
	 * @param head the first bytes of a file
	 * @return the UTF-8 or UTF-16 byte order mark it starts with, or null
	 */
	public static ByteOrderMark byteOrderMark(byte[] head) {
		if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			return new ByteOrderMark(StandardCharsets.UTF_8, 3);
		}
		if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return new ByteOrderMark(StandardCharsets.UTF_16LE, 2);
		}
		if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return new ByteOrderMark(StandardCharsets.UTF_16BE, 2);
		}
		return null;
	}

	/**
	 * Judges the first bytes of a file. A probe that ends inside a multi-byte sequence is still valid UTF-8, hence
	 * the trimming of an incomplete tail before checking.
	 *
	 * @param head     the first bytes, after any byte order mark
	 * @param complete whether they are the whole file
	 * @return UTF-8 or Windows-1252
	 */
	public static Charset utf8OrWindows1252(byte[] head, boolean complete) {
		int end = head.length;
		if (!complete) {
			int back = 0;
			while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
				back++;
			}
			if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
				end = end - back - 1;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
			return StandardCharsets.UTF_8;
		} catch (CharacterCodingException e) {
			return WINDOWS_1252;
		}
	}
}
