package procurement.review.core.importer.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read through it and hands them to a progress callback in batches, so a progress monitor is
 * not called for every small read.
 */
public final class ProgressStream extends FilterInputStream {

	/** About a hundred updates for a 100 MB file; fine enough for a progress bar, cheap enough to ignore. */
	private static final long BATCH = 1L << 20;

	private final LongConsumer progress;
	private long pending;
	private long total;

	public ProgressStream(InputStream in, LongConsumer progress) {
		super(in);
		this.progress = progress;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = in.read(b, off, len);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = in.skip(n);
		count(skipped);
		return skipped;
	}

	private void count(long n) {
		total += n;
		pending += n;
		if (pending >= BATCH && progress != null) {
			progress.accept(pending);
			pending = 0;
		}
	}

	/** @return the bytes read so far */
	public long total() {
		return total;
	}

	/** Reports what is still pending, at the end of a part. */
	public void flush() {
		if (pending > 0 && progress != null) {
			progress.accept(pending);
		}
		pending = 0;
	}

	@Override
	public boolean markSupported() {
		return false;
	}
}
