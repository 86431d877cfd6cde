package procurement.review.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.equinox.app.IApplicationContext;

import procurement.review.core.ReviewSession;

/**
 * Opens the review before the first window shows: the file named on the command line, else an autosaved copy the
 * reviewer chooses to restore, else the review that was open when the workbench last closed (when its file still
 * exists), else the bundled sample. It goes into the application context ({@link OpenReview}).
 */
public class LifeCycle {

	@PostContextCreate
	void openInitialReview(IEclipseContext context, IApplicationContext application) throws IOException {
		String[] args = application.getArguments().get(IApplicationContext.APPLICATION_ARGS) instanceof String[] given
				? given : new String[0];
		ReviewSession session = null;
		for (String arg : args) {
			if (arg.endsWith(".review") || arg.endsWith(".reviewb")) {
				Path file = Path.of(arg);
				if (Files.isRegularFile(file)) {
					session = ReviewSession.open(file);
				}
			}
		}
		if (session == null) {
			session = restoreRecoveryCopy();
		}
		if (session == null) {
			session = reopenLast();
		}
		session = session != null ? session : SampleReview.open();
		// Held to its audit log before anyone sees it: a review changed outside the workbench opens read-only.
		session.check();
		OpenReview.set(context, session);
	}

	/** @return the review open when the workbench last closed, or null when it had no file or is gone */
	private static ReviewSession reopenLast() {
		Path last = ReviewPreferences.lastReview().orElse(null);
		if (last == null || !Files.isRegularFile(last)) {
			return null;
		}
		try {
			return ReviewSession.open(last);
		} catch (IOException e) {
			// moved, replaced or damaged since: the start goes on with the sample rather than an error
			return null;
		}
	}

	private static ReviewSession restoreRecoveryCopy() {
		Path copy = Autosave.leftover().orElse(null);
		if (copy == null) {
			return null;
		}
		boolean restore = MessageDialog.openQuestion(null, "Restore unsaved review",
				"The workbench stopped with unsaved changes. An autosaved copy from "
						+ java.time.Instant.ofEpochMilli(copy.toFile().lastModified()) + " is available.\n\n"
						+ "Restore it? (No discards the copy.)");
		try {
			if (restore) {
				try (var in = Files.newInputStream(copy)) {
					return ReviewSession.load(in, copy.getFileName().toString());
				}
			}
			return null;
		} catch (IOException e) {
			MessageDialog.openError(null, "Restore unsaved review", e.getMessage());
			return null;
		} finally {
			Autosave.clear();
		}
	}
}
