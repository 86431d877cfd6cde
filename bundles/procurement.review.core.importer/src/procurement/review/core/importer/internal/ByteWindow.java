package procurement.review.core.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A sliding window over a byte stream, shared by the byte scanners of CSV records and worksheet XML. The scanner
 * reads {@code buf} between {@code pos} (the first byte not yet consumed) and {@code limit}; {@link #fill()} moves
 * the unconsumed bytes to the front and reads more after them, doubling the buffer when a single token already
 * fills it. The fields are the subclass's own, so that its hot loops read them without an indirection.
 */
public abstract class ByteWindow {

	private final InputStream in;
	private final int maxBuffer;
	/** The bytes; {@code [pos, limit)} are read and not yet consumed. */
	protected byte[] buf;
	/** The first byte not yet consumed. */
	protected int pos;
	/** The end of the bytes read. */
	protected int limit;
	/** Whether the stream has ended: no byte will follow {@code limit}. */
	protected boolean eof;

	/**
	 * @param in         the bytes
	 * @param bufferSize the size the buffer starts at (tests use tiny ones so that tokens cross its end)
	 * @param maxBuffer  the largest the buffer may grow to, the longest token the scanner accepts
	 */
	protected ByteWindow(InputStream in, int bufferSize, int maxBuffer) {
		this.in = in;
		this.buf = new byte[bufferSize];
		this.maxBuffer = maxBuffer;
	}

	/**
	 * Keeps the unconsumed bytes and reads more after them, growing the buffer when they fill it.
	 *
	 * @return false when there was nothing more to read
	 * @throws IOException the stream's, as {@link #read} gives it, or {@link #tooLong()}'s
	 */
	protected final boolean fill() throws IOException {
		if (eof) {
			return false;
		}
		int kept = limit - pos;
		if (pos == 0 && kept == buf.length) {
			if (buf.length >= maxBuffer) {
				throw tooLong();
			}
			buf = Arrays.copyOf(buf, Math.min(maxBuffer, buf.length * 2));
		} else if (pos > 0) {
			dropping(pos);
			System.arraycopy(buf, pos, buf, 0, kept);
		}
		pos = 0;
		limit = kept;
		int n = read(buf, limit, buf.length - limit);
		if (n < 0) {
			eof = true;
			return kept > 0;
		}
		limit += n;
		return true;
	}

	/**
	 * Called before {@code buf[0, bytes)} leaves the window, for scanners that count what they have passed.
	 *
	 * @param bytes how many bytes leave
	 */
	protected void dropping(int bytes) {
		// nothing by default
	}

	/**
	 * Reads from the stream; a scanner may override it to turn the stream's errors into its own.
	 *
	 * @param b   the buffer
	 * @param off where to read to
	 * @param len how many bytes at most
	 * @return the number of bytes read, -1 at the end
	 * @throws IOException if reading fails
	 */
	protected int read(byte[] b, int off, int len) throws IOException {
		return in.read(b, off, len);
	}

	/** @return the error for a token longer than the largest buffer */
	protected abstract IOException tooLong();
}
