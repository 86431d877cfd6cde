package procurement.review.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import procurement.review.core.ReviewSession;

/**
 * Autosave: every few minutes while the review has unsaved changes, a copy goes to the recovery folder (written
 * atomically, the review itself untouched, off the UI thread). The copy is removed once the review is saved or closed cleanly; if the
 * workbench dies, the next start offers to restore it (see {@link LifeCycle}).
 */
public class Autosave {

	/** Minutes between autosaves. */
	static final long PERIOD_MINUTES = 3;

	/** Seconds until the next try when the review changed while a copy was written. */
	static final long RETRY_SECONDS = 20;

	private Job job;

	/**
	 * @return the folder recovery copies go to
	 */
	public static Path recoveryFolder() {
		String home = System.getProperty("procurement.review.home",
				Path.of(System.getProperty("user.home"), ".procurement-review").toString());
		return Path.of(home, "recovery");
	}

	/**
	 * @return the newest recovery copy left by an earlier run, if any
	 */
	public static Optional<Path> leftover() {
		try (Stream<Path> files = Files.list(recoveryFolder())) {
			return files.filter(f -> f.getFileName().toString().startsWith("recovery."))
					.max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	@PostConstruct
	void start(IEclipseContext context, UISynchronize sync) {
		job = Job.create("Autosave", monitor -> {
			// Only looking the session up is done on the UI thread; the copy is written here, off it (a large
			// review takes seconds), and kept only if no command changed the review meanwhile.
			ReviewSession[] session = new ReviewSession[1];
			sync.syncExec(() -> session[0] = context.get(ReviewSession.class));
			boolean written = writeInBackground(session[0]);
			job.schedule(written ? PERIOD_MINUTES * 60_000 : RETRY_SECONDS * 1_000);
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule(PERIOD_MINUTES * 60_000);
	}

	/**
	 * Writes the recovery copy when the review is dirty, and removes it when it is not; called off the UI thread.
	 *
	 * @param session the open review, or null
	 * @return false when the review changed while the copy was written (none was kept: try again soon)
	 */
	static boolean writeInBackground(ReviewSession session) {
		try {
			if (session == null || !session.isDirty()) {
				clear();
				return true;
			}
			Files.createDirectories(recoveryFolder());
			return session.saveCopyUnlessChanged(recoveryFolder().resolve("recovery." + session.formatExtension()));
		} catch (IOException e) {
			ILog.get().warn("Autosave failed: " + e.getMessage(), e);
			return true;
		}
	}

	/** Removes recovery copies: the review they protect is saved or deliberately closed. */
	public static void clear() {
		for (String extension : new String[] { "review", "reviewb" }) {
			try {
				Files.deleteIfExists(recoveryFolder().resolve("recovery." + extension));
			} catch (IOException e) {
				// A copy left behind is offered once more at the next start; nothing is lost.
			}
		}
	}

	@PreDestroy
	void stop() {
		if (job != null) {
			job.cancel();
		}
	}
}
