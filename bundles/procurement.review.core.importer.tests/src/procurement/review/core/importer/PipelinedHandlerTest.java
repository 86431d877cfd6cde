package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import procurement.review.model.Severity;

class PipelinedHandlerTest {

	/** Records events and the thread they arrived on. */
	private static class Recorder implements TableHandler {
		final List<String> events = new ArrayList<>();
		Thread thread;

		@Override
		public void startSheet(String sheetName) {
			thread = Thread.currentThread();
			events.add("sheet " + sheetName);
		}

		@Override
		public boolean row(long rowNumber, String[] cells) {
			events.add(rowNumber + "=" + cells[0]);
			return true;
		}

		@Override
		public void endSheet() {
			events.add("end");
		}

		@Override
		public void problem(ReadProblem problem) {
			events.add("problem " + problem.row());
		}
	}

	@Test
	void everythingArrivesInOrderOnAnotherThread() {
		Recorder target = new Recorder();
		Recorder expected = new Recorder();
		PipelinedHandler pipeline = new PipelinedHandler(target, "test");
		for (TableHandler h : List.of(pipeline, expected)) {
			for (int sheet = 0; sheet < 3; sheet++) {
				h.startSheet("S" + sheet);
				for (int row = 1; row <= 5000; row++) {
					assertTrue(h.row(row, new String[] { "v" + row }));
					if (row % 997 == 0) {
						h.problem(new ReadProblem(Severity.WARNING, null, row, 0, "bad"));
					}
				}
				h.endSheet();
			}
		}
		pipeline.finish();
		assertEquals(expected.events, target.events);
		assertNotSame(Thread.currentThread(), target.thread, "the target runs on its own thread");
	}

	@Test
	void theTargetsStopReachesTheReader() {
		int[] seen = { 0 };
		PipelinedHandler pipeline = new PipelinedHandler(new TableHandler() {
			@Override
			public boolean row(long rowNumber, String[] cells) {
				return ++seen[0] < 100;
			}
		}, "test");
		int offered = 0;
		while (pipeline.row(offered + 1, new String[0]) && offered < 1_000_000) {
			offered++;
		}
		pipeline.finish();
		assertEquals(100, seen[0], "no row after the one that said stop");
		assertTrue(offered < 1_000_000, "the reader was told to stop");
	}

	@Test
	void whatTheTargetThrowsIsThrownToTheReader() {
		IllegalStateException boom = new IllegalStateException("boom");
		PipelinedHandler pipeline = new PipelinedHandler(new TableHandler() {
			@Override
			public boolean row(long rowNumber, String[] cells) {
				if (rowNumber == 700) {
					throw boom;
				}
				return true;
			}
		}, "test");
		for (int row = 1; row <= 5000 && pipeline.row(row, new String[0]); row++) {
			// offer rows until the failure stops them
		}
		assertSame(boom, assertThrows(IllegalStateException.class, pipeline::finish));
	}

	@Test
	void abandonReturnsOnceTheTargetHasStopped() throws InterruptedException {
		AtomicInteger built = new AtomicInteger();
		PipelinedHandler pipeline = new PipelinedHandler(new TableHandler() {
			@Override
			public boolean row(long rowNumber, String[] cells) {
				// a slow target that no interrupt stops within a batch: the reader is batches ahead of it
				for (long end = System.nanoTime() + 200_000; System.nanoTime() < end;) {
					Thread.onSpinWait();
				}
				built.incrementAndGet();
				return true;
			}
		}, "test");
		for (int row = 1; row <= 4000; row++) {
			pipeline.row(row, new String[0]);
		}
		pipeline.abandon();
		int atAbandon = built.get();
		Thread.sleep(100);
		assertEquals(atAbandon, built.get(), "no row is built after abandon returned: the caller may take back");
		assertTrue(atAbandon < 4000, "the batches still queued were dropped");
	}
}
