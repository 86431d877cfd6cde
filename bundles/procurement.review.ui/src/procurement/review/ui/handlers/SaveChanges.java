package procurement.review.ui.handlers;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.ui.Autosave;

/**
 * Asks Save / Don't Save / Cancel before the open review's unsaved changes would be lost (New Review, Open, Open
 * Recent, Close Review, Quit, closing the window).
 */
public final class SaveChanges {

	/** The question's title. */
	public static final String TITLE = "Unsaved changes";
	/** The button that saves first. */
	public static final String SAVE = "Save";
	/** The button that discards the changes. */
	public static final String DONT_SAVE = "Don't Save";
	/** The button that keeps the review open as it is. */
	public static final String CANCEL = "Cancel";

	private SaveChanges() {
	}

	/**
	 * Settles unsaved changes before the open review goes away.
	 *
	 * @param shell the parent of the question
	 * @param application the application, whose window title follows a save
	 * @param session the open review, or null
	 * @param doing what is about to happen, for the question ("closing it", "quitting")
	 * @return true when the caller may go on: nothing unsaved, saved, or the reviewer chose not to save
	 */
	public static boolean settle(Shell shell, MApplication application, ReviewSession session, String doing) {
		if (session == null || !session.isDirty()) {
			return true;
		}
		MessageDialog dialog = new MessageDialog(shell, TITLE, null,
				"The review \"" + procurement.review.ui.WindowTitle.name(session)
						+ "\" has changes that are not saved. Save them before " + doing + "?",
				MessageDialog.WARNING, 0, SAVE, DONT_SAVE, CANCEL);
		return switch (dialog.open()) {
		case 0 -> SaveHandler.save(shell, application, session);
		case 1 -> {
			// deliberately discarded: the recovery copy must not be offered at the next start
			Autosave.clear();
			yield true;
		}
		default -> false;
		};
	}
}
