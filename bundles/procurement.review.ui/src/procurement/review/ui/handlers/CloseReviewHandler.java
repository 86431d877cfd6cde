package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.ui.Autosave;
import procurement.review.ui.OpenReview;

/**
 * File > Close Review (Ctrl+W): closes the open review after settling its unsaved changes; every part then shows
 * no review until New Review or Open. An application handler, enabled while a review is open, whatever part has
 * the focus.
 */
public class CloseReviewHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null;
	}

	@Execute
	void execute(Shell shell, MApplication application, @Optional ReviewSession session) {
		if (session == null || !SaveChanges.settle(shell, application, session, "closing it")) {
			return;
		}
		Autosave.clear();
		OpenReview.set(application.getContext(), null);
	}
}
