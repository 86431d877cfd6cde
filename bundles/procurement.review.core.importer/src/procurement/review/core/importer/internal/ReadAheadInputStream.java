package procurement.review.core.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on a thread of its own, a few chunks ahead of the consumer, so that producing the bytes (inflating a
 * workbook part: about 4 s of a 1,048,576-row sheet) runs on one core while they are parsed on another. Errors of
 * the underlying stream reach the consumer at the point where its bytes would have; closing stops the thread.
 */
public final class ReadAheadInputStream extends InputStream {

	private static final int CHUNKS = 4;
	private static final Object END = new Object();

	private final BlockingQueue<Object> full = new ArrayBlockingQueue<>(CHUNKS + 1);
	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 2);
	private final Thread thread;
	private volatile boolean closed;
	private Chunk current;
	private int at;
	/** The item taken from the queue and not yet used: a chunk, END, or the reading thread's exception. */
	private Object pending;

	private record Chunk(byte[] bytes, int length) {
	}

	/**
	 * Starts reading.
	 *
	 * @param in        the stream to read ahead; closed by the reading thread when it is done
	 * @param chunkSize the size of each read
	 * @param name      names the thread
	 */
	public ReadAheadInputStream(InputStream in, int chunkSize, String name) {
		for (int i = 0; i < CHUNKS + 1; i++) {
			free.add(new byte[chunkSize]);
		}
		thread = new Thread(() -> pump(in, chunkSize), name);
		thread.setDaemon(true);
		thread.start();
	}

	private void pump(InputStream in, int chunkSize) {
		try (in) {
			while (!closed) {
				byte[] bytes = free.take();
				int n = in.readNBytes(bytes, 0, chunkSize);
				if (n > 0) {
					full.put(new Chunk(bytes, n));
				}
				if (n < chunkSize) {
					break;
				}
			}
			full.put(END);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt(); // closed: nobody waits for more
		} catch (IOException | RuntimeException | Error e) {
			// After the chunks read before it; there is room: the thread holds one of the CHUNKS + 1 buffers.
			full.offer(e);
		}
	}

	@Override
	public int read() throws IOException {
		if ((current == null || at == current.length()) && !next()) {
			return -1;
		}
		return current.bytes()[at++] & 0xFF;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		if ((current == null || at == current.length()) && !next()) {
			return -1;
		}
		int n = Math.min(len, current.length() - at);
		System.arraycopy(current.bytes(), at, b, off, n);
		at += n;
		return n;
	}

	private boolean next() throws IOException {
		if (current != null) {
			free.offer(current.bytes());
			current = null;
		}
		if (pending == null) {
			try {
				Object next;
				do {
					next = full.poll(100, TimeUnit.MILLISECONDS);
				} while (next == null && !closed && thread.isAlive());
				pending = next == null ? full.poll() : next;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while reading ahead");
			}
		}
		if (pending instanceof Chunk chunk) {
			pending = null;
			current = chunk;
			at = 0;
			return true;
		}
		if (pending == END || pending == null) {
			pending = END;
			return false;
		}
		if (pending instanceof IOException e) {
			throw e;
		}
		if (pending instanceof RuntimeException e) {
			throw e;
		}
		throw (Error) pending;
	}

	@Override
	public void close() {
		closed = true;
		thread.interrupt();
		full.clear();
	}
}
