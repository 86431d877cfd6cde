package procurement.review.core.matching.review;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Where the parallel parts of a plan run (matching names, the pass over the actions, building origin tags) and on
 * how many threads at once. By default on the common fork-join pool with one thread per core, as parallel streams
 * would; a caller that already runs one task per core (a Spark executor) gives its own executor or a parallelism of
 * 1, so that a plan does not start threads beside its own.
 * <p>
 * The calling thread always works too, and waits only for the helpers that have started: a saturated or shut-down
 * executor slows a plan down to the calling thread but cannot stall it, and a helper left queued after the work is
 * done finds nothing to do and holds nothing of the run.
 */
final class Workers {

	/** The common pool, one thread per core. */
	static final Workers DEFAULT = new Workers(null, 0);

	private final ExecutorService executor;
	private final int parallelism;

	/**
	 * @param executor    where helpers run, null for the common fork-join pool
	 * @param parallelism threads at once, the calling one included; 0 for one per core
	 */
	Workers(ExecutorService executor, int parallelism) {
		if (parallelism < 0) {
			throw new IllegalArgumentException("parallelism must be at least 1 (0 for one thread per core)");
		}
		this.executor = executor;
		this.parallelism = parallelism;
	}

	/** @return how many threads work at once, the calling one included */
	int parallelism() {
		return parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Calls {@code body} once for each index in [0, n), in blocks of consecutive indexes taken by whichever thread is
	 * free, so that an uneven cost per index (a cold name) evens out. Returns when every index is done; what the
	 * body wrote is then visible to the caller.
	 *
	 * @param n         the number of indexes
	 * @param threshold below this many, the calling thread does all of them alone
	 * @param block     indexes taken at once
	 * @param body      the work for one index; must be safe to run on several threads at once
	 */
	void forEach(int n, int threshold, int block, IntConsumer body) {
		int threads = n < threshold ? 1 : (int) Math.min(parallelism(), (n + (long) block - 1) / block);
		if (threads <= 1) {
			for (int i = 0; i < n; i++) {
				body.accept(i);
			}
			return;
		}
		Share share = new Share(n, block, body);
		ExecutorService pool = executor != null ? executor : ForkJoinPool.commonPool();
		List<Future<?>> helpers = new ArrayList<>(threads - 1);
		try {
			for (int t = 1; t < threads; t++) {
				helpers.add(pool.submit(share::help));
			}
		} catch (RejectedExecutionException e) {
			// a saturated or shut-down executor: the helpers that were taken and this thread do the rest
		}
		share.work(body);
		share.close();
		helpers.forEach(h -> h.cancel(false));
		share.rethrow();
	}

	/** One {@link #forEach}: the next block to take, the helpers at work, the first failure. */
	private static final class Share {
		private final int n;
		private final int block;
		private final AtomicInteger next = new AtomicInteger();
		private IntConsumer body;
		private boolean closed;
		private int active;
		private Throwable failure;

		Share(int n, int block, IntConsumer body) {
			this.n = n;
			this.block = block;
			this.body = body;
		}

		void help() {
			IntConsumer b;
			synchronized (this) {
				if (closed) {
					return;
				}
				active++;
				b = body;
			}
			try {
				work(b);
			} finally {
				synchronized (this) {
					if (--active == 0) {
						notifyAll();
					}
				}
			}
		}

		void work(IntConsumer b) {
			try {
				for (int from; (from = next.getAndAdd(block)) < n && from >= 0;) {
					int to = Math.min(n, from + block);
					for (int i = from; i < to; i++) {
						b.accept(i);
					}
				}
			} catch (RuntimeException | Error e) {
				synchronized (this) {
					if (failure == null) {
						failure = e;
					}
				}
				next.set(n); // the others stop at their next block
			}
		}

		/** Lets no further helper start and waits for those at work. */
		synchronized void close() {
			closed = true;
			body = null;
			boolean interrupted = false;
			while (active > 0) {
				try {
					wait();
				} catch (InterruptedException e) {
					// the helpers are still writing into the caller's arrays: returning now would hand those out
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

		synchronized void rethrow() {
			if (failure instanceof RuntimeException e) {
				throw e;
			}
			if (failure instanceof Error e) {
				throw e;
			}
		}
	}
}
