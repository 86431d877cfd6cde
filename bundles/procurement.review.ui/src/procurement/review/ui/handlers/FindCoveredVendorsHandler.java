package procurement.review.ui.handlers;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.review.ReviewMatcher;

/**
 * Review > Find Covered Vendors: matches every vendor and description against the review's rule sets (the built-in
 * one is added first when the review has none). The matching runs in a Job; the UI thread applies the result as one
 * undoable command.
 */
public class FindCoveredVendorsHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null;
	}

	@Execute
	void execute(ReviewSession session, UISynchronize sync) {
		run(session, sync);
	}

	/**
	 * @param session the review
	 * @param sync the UI thread
	 * @return the scheduled job
	 */
	public static Job run(ReviewSession session, UISynchronize sync) {
		ReviewMatcher matcher = ReviewMatcher.forSession(session,
				procurement.review.ui.ReviewPreferences.threshold());
		Job job = Job.create("Finding covered vendors", monitor -> {
			ReviewMatcher.Plan plan = matcher.plan(session.review());
			sync.asyncExec(() -> matcher.apply(session, plan, procurement.review.ui.ReviewPreferences.reviewer()));
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}
}
