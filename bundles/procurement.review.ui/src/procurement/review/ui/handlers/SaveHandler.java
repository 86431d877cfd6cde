package procurement.review.ui.handlers;

import java.io.IOException;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.ui.WindowTitle;

/** File > Save: writes the review atomically to its file, or asks for one. */
public class SaveHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null && session.isDirty();
	}

	@Execute
	void execute(Shell shell, MApplication application, ReviewSession session) {
		save(shell, application, session);
	}

	/**
	 * Saves the review to its file, or through Save As when it has none.
	 *
	 * @param shell the parent of dialogs
	 * @param application the application, whose window title loses its dirty mark
	 * @param session the review
	 * @return true when the review was saved
	 */
	static boolean save(Shell shell, MApplication application, ReviewSession session) {
		if (session.file() == null) {
			return SaveAsHandler.saveAs(shell, application, session);
		}
		try {
			session.save();
			WindowTitle.update(application);
			return true;
		} catch (IOException e) {
			MessageDialog.openError(shell, "Save review", e.getMessage() + "\nThe review is still open and unsaved.");
			return false;
		}
	}
}
