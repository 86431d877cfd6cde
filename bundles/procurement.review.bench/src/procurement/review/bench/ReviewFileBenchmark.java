package procurement.review.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import procurement.review.core.ReviewSession;

/**
 * Saving and reopening a large review as the workbench and the command line do: {@link ReviewSession#saveAs} (the
 * atomic, verified save) to a binary review file, then {@link ReviewSession#open} and {@link ReviewSession#check}
 * (a review is usable once its audit chain and content are checked: until then it stays read-only). The heap the
 * reopened review keeps is compared with the heap the imported and tagged review kept.
 */
final class ReviewFileBenchmark {

	/**
	 * What was measured.
	 *
	 * @param actions          the review's actions
	 * @param saveSeconds      the save
	 * @param openSeconds      reading the file and checking it
	 * @param readSeconds      of it, reading
	 * @param checkSeconds     of it, the check of the audit chain and the content digest
	 * @param fileMb           the file's size
	 * @param heapAfterImportMb heap the imported, tagged review kept
	 * @param heapAfterOpenMb  heap the reopened review keeps
	 */
	record Result(long actions, double saveSeconds, double openSeconds, double readSeconds, double checkSeconds,
			double fileMb, double heapAfterImportMb, double heapAfterOpenMb) {

		double bytesPerAction() {
			return fileMb * (1 << 20) / actions;
		}
	}

	private final Path file;
	private final long actions;
	private double saveSeconds;
	private double heapWithImport;

	private ReviewFileBenchmark(Path file, long actions) {
		this.file = file;
		this.actions = actions;
	}

	/**
	 * Saves the review; the caller then lets go of the session and calls {@link #reopen()}.
	 *
	 * @param session the imported, tagged review
	 * @param dir     where to write the file
	 * @return the measurement so far
	 * @throws IOException when the save fails
	 */
	static ReviewFileBenchmark save(ReviewSession session, Path dir) throws IOException {
		long actions = session.review().getReports().stream().mapToLong(r -> r.getActions().size()).sum();
		ReviewFileBenchmark bench = new ReviewFileBenchmark(dir.resolve("bench.reviewb"), actions);
		bench.heapWithImport = HeapProbe.retainedMb();
		long t0 = System.nanoTime();
		session.saveAs(bench.file);
		bench.saveSeconds = (System.nanoTime() - t0) / 1e9;
		return bench;
	}

	/**
	 * Opens the saved file into a new session, checks it and measures the heap it keeps.
	 *
	 * @return the measurement
	 * @throws IOException when the file cannot be opened or does not pass its check
	 */
	Result reopen() throws IOException {
		double baseline = HeapProbe.retainedMb();
		long t0 = System.nanoTime();
		ReviewSession session = ReviewSession.open(file);
		double read = (System.nanoTime() - t0) / 1e9;
		long t1 = System.nanoTime();
		List<String> problems = session.check();
		double check = (System.nanoTime() - t1) / 1e9;
		if (!problems.isEmpty()) {
			throw new IOException("The saved review does not pass its check: " + problems.get(0));
		}
		double heapAfterOpen = HeapProbe.retainedMb() - baseline;
		long kept = session.review().getReports().stream().mapToLong(r -> r.getActions().size()).sum();
		if (kept != actions) {
			throw new IOException("The reopened review has " + kept + " actions, the saved one " + actions);
		}
		return new Result(actions, saveSeconds, read + check, read, check, Files.size(file) / (double) (1 << 20),
				heapWithImport - baseline, heapAfterOpen);
	}
}
