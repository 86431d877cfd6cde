package procurement.review.ui.handlers;

import java.io.IOException;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;

/** File > Save: writes the review atomically to its file, or asks for one. */
public class SaveHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null && session.isDirty();
	}

	@Execute
	void execute(Shell shell, ReviewSession session) {
		if (session.file() == null) {
			new SaveAsHandler().execute(shell, session);
			return;
		}
		try {
			session.save();
		} catch (IOException e) {
			MessageDialog.openError(shell, "Save review", e.getMessage() + "\nThe review is still open and unsaved.");
		}
	}
}
