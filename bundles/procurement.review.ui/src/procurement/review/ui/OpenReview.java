package procurement.review.ui;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;

import procurement.review.core.ReviewSession;

/**
 * The one open review of the workbench: a {@link ReviewSession} kept in the application context (MApplication's),
 * which every part, the Properties view, the status line, the window title and every handler follow through
 * injection. A handler is given the active part's context; a session put there would be seen by that part alone, so
 * New Review, Open, Open Recent, Close Review and the start all go through {@link #set}.
 */
public final class OpenReview {

	private OpenReview() {
	}

	/**
	 * @param any a context of the workbench: a part's, a window's or the application's
	 * @return the application context above it (the context itself when it has no application yet, as at start-up)
	 */
	public static IEclipseContext applicationContext(IEclipseContext any) {
		MApplication application = any.get(MApplication.class);
		IEclipseContext top = application == null ? null : application.getContext();
		// At start-up the life cycle's context is the application context before the model is set in it; a lookup
		// from there reaches the OSGi service context above, which may still know the model of an earlier run in the
		// same framework (tests). Only an ancestor counts.
		for (IEclipseContext c = any; c != null; c = c.getParent()) {
			if (c == top) {
				return top;
			}
		}
		return any;
	}

	/**
	 * @param any a context of the workbench
	 * @return the open review, or null when none is open
	 */
	public static ReviewSession get(IEclipseContext any) {
		return applicationContext(any).get(ReviewSession.class);
	}

	/**
	 * Makes a review the open one, for every part and handler at once, and records its file for the next start.
	 *
	 * @param any a context of the workbench
	 * @param session the review to open, or null to close the open one
	 */
	public static void set(IEclipseContext any, ReviewSession session) {
		IEclipseContext application = applicationContext(any);
		SharedReview shared = application.get(SharedReview.class);
		if (shared != null && shared.session() != session) {
			// Another review replaces a shared one: stop listening and let its connections go.
			application.remove(SharedReview.class);
			shared.close();
		}
		if (session == null) {
			application.remove(ReviewSession.class);
		} else {
			application.set(ReviewSession.class, session);
		}
		// what the status line said about the review before is not about this one
		application.remove(StatusLine.MESSAGE);
		String unsigned = Signing.attach(session);
		if (unsigned != null) {
			application.set(StatusLine.MESSAGE, unsigned);
		}
		ReviewPreferences.rememberLastReview(session == null ? null : session.file());
	}
}
