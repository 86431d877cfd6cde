package procurement.review.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;

import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;

/**
 * What the review's parts share: they follow the session in the application context (a new one after Open or
 * restore) and reload when its command stack changes; a table's column widths are kept with the part
 * ({@link ColumnWidths}). A part calls {@link #follow} at the end of its
 * {@code @PostConstruct} and implements {@link #reload}. The status line's notice about the review follows it the
 * same way, and so do the changes other reviewers make to a shared review ({@link procurement.review.ui.SharedReview}).
 */
public abstract class ReviewPart {

	/** The review shown, or null. */
	protected ReviewSession session;

	private SessionRefresher refresher;

	@Inject
	@Optional
	private MPart part;

	/**
	 * Starts following the session; the first reload happens here.
	 *
	 * @param control the part's main control: its display runs reloads, its disposal ends the following
	 * @param initial the session at creation time
	 */
	protected void follow(Control control, ReviewSession initial) {
		if (control instanceof Table table) {
			ColumnWidths.keep(part, table);
		}
		refresher = new SessionRefresher(control, this::reload);
		setSession(initial);
	}

	/**
	 * Keeps the column widths of a table that is not the part's main control ({@link ColumnWidths}).
	 *
	 * @param table the table, its columns created
	 */
	protected void keepWidths(Table table) {
		ColumnWidths.keep(part, table);
	}

	@Inject
	void setSession(@Optional ReviewSession newSession) {
		// Injection runs before @PostConstruct has built the controls: the first call is left to follow().
		if (refresher == null || refresher.isDisposed()) {
			return;
		}
		session = newSession;
		refresher.setSession(newSession);
		reload();
	}

	@Inject
	@Optional
	void sharedReviewChanged(@UIEventTopic(procurement.review.ui.SharedReview.CHANGED) ReviewSession changed) {
		// Other reviewers' decisions, applied to a shared review outside its command stack (they are not the
		// reviewer's to undo): shown the way a command is.
		if (changed == session && refresher != null && !refresher.isDisposed()) {
			reload();
		}
	}

	/** Shows the current session's state; runs on the UI thread. */
	protected abstract void reload();
}
