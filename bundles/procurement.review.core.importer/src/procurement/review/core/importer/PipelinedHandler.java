package procurement.review.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.OperationCanceledException;

/**
 * Hands what a reader produces to a handler on another thread, in order and in batches: the reader parses the next
 * rows while the handler builds objects from the previous ones, so an import uses two cores. Measured on a
 * 1,048,576-row report, reading and building each take about half of the import.
 * <p>
 * The handler's answer to a row (false: stop) reaches the reader a few batches later; the rows read in between are
 * dropped. What the handler throws is thrown to the reader's thread by {@link #finish()}.
 */
final class PipelinedHandler implements TableHandler {

	private static final int BATCH = 512;
	private static final int BATCHES_IN_FLIGHT = 8;

	private record Row(long number, String[] cells) {
	}

	private record StartSheet(String name) {
	}

	private static final Object END_SHEET = new Object();
	/** Marks the end; compared by identity, so an object of its own. */
	private static final List<Object> END = new ArrayList<>(0);

	private final TableHandler target;
	private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
	private final AtomicBoolean stopped = new AtomicBoolean();
	private final Thread thread;
	private volatile Throwable failure;
	private List<Object> batch = new ArrayList<>(BATCH);

	/**
	 * Starts the thread that feeds the target.
	 *
	 * @param target receives everything on the new thread
	 * @param name   names the thread
	 */
	PipelinedHandler(TableHandler target, String name) {
		this.target = target;
		this.thread = new Thread(this::drain, name);
		thread.setDaemon(true);
		thread.start();
	}

	private void drain() {
		try {
			while (true) {
				List<Object> events = queue.take();
				if (events == END) {
					return;
				}
				for (Object event : events) {
					if (stopped.get() && event instanceof Row) {
						continue;
					}
					if (event instanceof Row row) {
						if (!target.row(row.number(), row.cells())) {
							stopped.set(true);
						}
					} else if (event instanceof StartSheet start) {
						target.startSheet(start.name());
					} else if (event == END_SHEET) {
						target.endSheet();
					} else {
						target.problem((ReadProblem) event);
					}
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (RuntimeException | Error e) {
			failure = e;
			stopped.set(true);
			queue.clear(); // unblocks the reader, which stops at its next row
		}
	}

	@Override
	public void startSheet(String sheetName) {
		add(new StartSheet(sheetName));
	}

	@Override
	public boolean row(long rowNumber, String[] cells) {
		if (stopped.get()) {
			return false;
		}
		add(new Row(rowNumber, cells));
		return true;
	}

	@Override
	public void endSheet() {
		add(END_SHEET);
	}

	@Override
	public void problem(ReadProblem problem) {
		add(problem);
	}

	private void add(Object event) {
		batch.add(event);
		if (batch.size() == BATCH) {
			flush();
		}
	}

	private void flush() {
		if (batch.isEmpty()) {
			return;
		}
		put(batch);
		batch = new ArrayList<>(BATCH);
	}

	private void put(List<Object> events) {
		try {
			while (failure == null && !queue.offer(events, 50, TimeUnit.MILLISECONDS)) {
				// the handler is busy; it clears the queue if it fails
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		}
	}

	/**
	 * Hands over the rest and waits until the target has seen everything.
	 *
	 * @throws RuntimeException what the target threw, if anything
	 */
	void finish() {
		flush();
		put(END);
		try {
			thread.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		}
		rethrow();
	}

	/**
	 * Stops the thread after the reader failed, and waits until it has stopped: it ends within the batch it is at, and
	 * the caller may then take back what the target did.
	 */
	void abandon() {
		thread.interrupt();
		boolean interrupted = false;
		while (thread.isAlive()) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void rethrow() {
		Throwable t = failure;
		if (t instanceof RuntimeException e) {
			throw e;
		}
		if (t instanceof Error e) {
			throw e;
		}
	}
}
