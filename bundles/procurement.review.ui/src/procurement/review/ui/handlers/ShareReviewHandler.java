package procurement.review.ui.handlers;

import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.store.DatabaseAddress;
import procurement.review.store.ReviewStore;
import procurement.review.store.StoreException;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.SharedReview;
import procurement.review.ui.StatusLine;

/**
 * File > Share Review: copies the open review into a shared-review database (the reviewer becomes its first lead),
 * in a Job, and offers to work in the shared review from then on. Its id is what other reviewers open.
 */
public class ShareReviewHandler {

	private static final String TITLE = "Share review";

	@CanExecute
	boolean canExecute(@Optional ReviewSession session, @Optional SharedReview shared) {
		return session != null && (shared == null || shared.session() != session);
	}

	@Execute
	void execute(Shell shell, MApplication application, ReviewSession session, UISynchronize sync) {
		SharedReviewDialog dialog = new SharedReviewDialog(shell, TITLE, false);
		if (dialog.open() != Window.OK) {
			return;
		}
		share(session, dialog.url(), sync, id -> {
			StatusLine.say(application.getContext(), "Shared as review " + id + " of " + dialog.url());
			if (MessageDialog.openQuestion(shell, TITLE, "Shared as review " + id + ". Other reviewers open it with"
					+ " File > Open Shared Review, or with --db URL --review " + id + " on the command line.\n\n"
					+ "Work in the shared review now? Your decisions then go to the database.")
					&& SaveChanges.settle(shell, application, session, "opening shared review " + id)) {
				OpenSharedReviewHandler.open(application, dialog.url(), id, sync,
						problem -> MessageDialog.openError(shell, TITLE, problem));
			}
		}, problem -> MessageDialog.openError(shell, TITLE, problem));
	}

	/**
	 * Shares a review in a Job.
	 *
	 * @param session the review
	 * @param url     the database's JDBC URL; the credentials come from the environment or the local server
	 * @param sync    the UI thread
	 * @param shared  given the new review's id on the UI thread
	 * @param problem told, on the UI thread, why the review was not shared
	 * @return the scheduled Job
	 */
	public static Job share(ReviewSession session, String url, UISynchronize sync, Consumer<Long> shared,
			Consumer<String> problem) {
		String source = session.file() != null ? session.file().getFileName().toString() : session.review().getName();
		String reviewer = ReviewPreferences.reviewer();
		Job job = Job.create("Sharing " + source, monitor -> {
			try (ReviewStore store = ReviewStore.open(DatabaseAddress.resolve(url, DatabaseAddress.stateFolder()))) {
				long id = store.share(session.review(), source, reviewer);
				sync.asyncExec(() -> {
					ReviewPreferences.rememberSharedDatabase(url);
					shared.accept(id);
				});
			} catch (StoreException e) {
				sync.asyncExec(() -> problem.accept(source + " was not shared: " + e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}
}
