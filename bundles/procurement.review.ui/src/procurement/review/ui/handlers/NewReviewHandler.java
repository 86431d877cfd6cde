package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.ui.Autosave;
import procurement.review.ui.OpenReview;
import procurement.review.ui.ReviewPreferences;

/** File > New Review: opens a new empty review in place of the open one, after settling its unsaved changes. */
public class NewReviewHandler {

	@Execute
	void execute(Shell shell, MApplication application, @Optional ReviewSession session) {
		if (!SaveChanges.settle(shell, application, session, "starting a new review")) {
			return;
		}
		Autosave.clear();
		ReviewSession fresh = ReviewSession.create("New review");
		fresh.review().setReviewer(ReviewPreferences.reviewer());
		OpenReview.set(application.getContext(), fresh);
	}
}
