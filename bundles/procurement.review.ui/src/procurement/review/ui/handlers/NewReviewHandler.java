package procurement.review.ui.handlers;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.ui.Autosave;
import procurement.review.ui.ReviewPreferences;

/** File > New Review and File > Close Review: both leave an empty review open, after asking about unsaved changes. */
public class NewReviewHandler {

	@Execute
	void execute(Shell shell, IEclipseContext context, @Optional ReviewSession session) {
		replace(shell, context, session);
	}

	/**
	 * Replaces the open review by a new empty one, when the reviewer agrees to lose unsaved changes.
	 *
	 * @param shell the parent for the question
	 * @param context the application context
	 * @param session the open review, or null
	 * @return true when the review was replaced
	 */
	static boolean replace(Shell shell, IEclipseContext context, ReviewSession session) {
		if (session != null && session.isDirty() && !MessageDialog.openQuestion(shell, "Unsaved changes",
				"The review has changes that are not saved. Discard them?")) {
			return false;
		}
		Autosave.clear();
		ReviewSession fresh = ReviewSession.create("New review");
		fresh.review().setReviewer(ReviewPreferences.reviewer());
		context.set(ReviewSession.class, fresh);
		return true;
	}
}
