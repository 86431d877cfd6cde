package procurement.review.ui.internal;

import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

import procurement.review.core.ReviewSession;

/**
 * Runs a refresh on the UI thread whenever the session's command stack changes (execute, undo, redo): at once for a
 * command run on the UI thread, else posted to it, coalescing bursts from a background job into one refresh.
 * Removes itself when the control is disposed or the session is replaced.
 */
public final class SessionRefresher {

	private final Control control;
	private final Runnable refresh;
	private final CommandStackListener listener = event -> schedule();
	private ReviewSession session;
	private boolean scheduled;

	/**
	 * @param control the control whose display runs the refresh and whose disposal ends the listening
	 * @param refresh what to run
	 */
	public SessionRefresher(Control control, Runnable refresh) {
		this.control = control;
		this.refresh = refresh;
		control.addDisposeListener(e -> setSession(null));
	}

	/** @param newSession the session to follow, or null to stop */
	public void setSession(ReviewSession newSession) {
		if (session != null) {
			session.commandStack().removeCommandStackListener(listener);
		}
		session = newSession;
		if (session != null) {
			session.commandStack().addCommandStackListener(listener);
		}
	}

	/** @return true once the followed control is gone */
	public boolean isDisposed() {
		return control.isDisposed();
	}

	private void schedule() {
		if (scheduled || control.isDisposed()) {
			return;
		}
		if (Display.getCurrent() == control.getDisplay()) {
			// A command run on the UI thread (a decision, an undo, an edit) is shown at once: a posted refresh waits
			// until the display has no other event to dispatch, and a busy display (or a scenario that is itself a
			// posted runnable) left views showing what the review no longer held.
			refresh.run();
			return;
		}
		scheduled = true;
		control.getDisplay().asyncExec(() -> {
			scheduled = false;
			if (!control.isDisposed()) {
				refresh.run();
			}
		});
	}
}
