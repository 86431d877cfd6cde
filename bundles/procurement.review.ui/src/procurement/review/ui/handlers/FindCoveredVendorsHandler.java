package procurement.review.ui.handlers;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.matching.review.ReviewMatchers;
import procurement.review.ui.StatusLine;
import procurement.review.ui.internal.RunSummaries;

/**
 * Review > Find Covered Vendors: matches every vendor and description against the review's rule sets (the built-in
 * one is added first when the review has none). The matching runs in a Job; the UI thread applies the result as one
 * undoable command. The matcher comes from the {@link ReviewMatchers} service, which keeps it (and its caches of
 * names and descriptions) for the next run on the same review.
 */
public class FindCoveredVendorsHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null;
	}

	@Execute
	void execute(ReviewSession session, ReviewMatchers matchers, UISynchronize sync, IEclipseContext context) {
		run(session, matchers, sync, summary -> StatusLine.say(context, summary));
	}

	/**
	 * @param session the review
	 * @param matchers the kept matchers (an OSGi service): a second run uses the warm caches of the first
	 * @param sync the UI thread
	 * @return the scheduled job
	 */
	public static Job run(ReviewSession session, ReviewMatchers matchers, UISynchronize sync) {
		return run(session, matchers, sync, summary -> {
		});
	}

	/**
	 * @param session the review
	 * @param matchers the kept matchers (an OSGi service): a second run uses the warm caches of the first
	 * @param sync the UI thread
	 * @param report receives, on the UI thread, the run's summary ({@link RunSummaries#matching}): hits per rule,
	 *            vendors, decisions carried over
	 * @return the scheduled job
	 */
	public static Job run(ReviewSession session, ReviewMatchers matchers, UISynchronize sync,
			Consumer<String> report) {
		ReviewMatcher matcher = matchers.forSession(session, procurement.review.ui.ReviewPreferences.threshold());
		Job job = Job.create("Finding covered vendors", monitor -> {
			monitor.beginTask("Finding covered vendors", IProgressMonitor.UNKNOWN);
			ReviewMatcher.Plan plan = matcher.plan(session.review());
			sync.asyncExec(() -> {
				ReviewMatcher.Outcome outcome = matcher.apply(session, plan,
						procurement.review.ui.ReviewPreferences.reviewer());
				report.accept(RunSummaries.matching(session.review(), outcome));
			});
			monitor.done();
			return Status.OK_STATUS;
		});
		job.setUser(true);
		// one matching run per review at a time: a matcher is not meant to plan twice at once
		job.setRule(new OneReview(session));
		job.schedule();
		return job;
	}

	private record OneReview(ReviewSession session) implements ISchedulingRule {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule instanceof OneReview other && other.session == session;
		}
	}
}
