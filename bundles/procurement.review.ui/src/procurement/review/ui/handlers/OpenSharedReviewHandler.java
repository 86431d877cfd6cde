package procurement.review.ui.handlers;

import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.store.DatabaseAddress;
import procurement.review.store.StoreException;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.SharedReview;

/**
 * File > Open Shared Review: asks for the database and the review, settles the open review's unsaved changes,
 * then reads the shared review in a Job (its audit chain checked) and shows it, following other reviewers'
 * decisions from then on ({@link SharedReview}). A database that cannot be reached is said so, and the open review
 * stays: a shared review is not worked on offline.
 */
public class OpenSharedReviewHandler {

	private static final String TITLE = "Open shared review";

	@Execute
	void execute(Shell shell, MApplication application, @Optional ReviewSession session, UISynchronize sync) {
		SharedReviewDialog dialog = new SharedReviewDialog(shell, TITLE, true);
		if (dialog.open() != Window.OK
				|| !SaveChanges.settle(shell, application, session, "opening shared review " + dialog.review())) {
			return;
		}
		open(application, dialog.url(), dialog.review(), sync, problem -> {
			if (!shell.isDisposed()) {
				MessageDialog.openError(shell, TITLE, problem);
			}
		});
	}

	/**
	 * Opens a shared review in a Job and shows it on the UI thread.
	 *
	 * @param application the application
	 * @param url         the database's JDBC URL; the credentials come from the environment or the local server
	 * @param review      the shared review's id
	 * @param sync        the UI thread
	 * @param problem     told, on the UI thread, why the review could not be opened, or that its audit chain is broken
	 * @return the scheduled Job
	 */
	public static Job open(MApplication application, String url, long review, UISynchronize sync,
			Consumer<String> problem) {
		Job job = Job.create("Opening shared review " + review, monitor -> {
			try {
				SharedReview shared = SharedReview.open(DatabaseAddress.resolve(url, DatabaseAddress.stateFolder()),
						review);
				sync.syncExec(() -> show(application, shared, url, problem));
			} catch (StoreException e) {
				sync.asyncExec(() -> problem.accept("Shared review " + review + " was not opened: " + e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private static void show(MApplication application, SharedReview shared, String url, Consumer<String> problem) {
		try {
			shared.show(application.getContext());
		} catch (StoreException e) {
			shared.close();
			problem.accept("Shared review " + shared.id() + " was not opened: " + e.getMessage());
			return;
		}
		ReviewPreferences.rememberSharedDatabase(url);
		if (shared.auditProblem() != null) {
			problem.accept("The audit chain of shared review " + shared.id() + " is broken: " + shared.auditProblem()
					+ ". Its decisions are shown as the database holds them; report it to the review's lead.");
		}
	}
}
