package procurement.review.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;

/** File > Save As: XMI for .review, EMF binary for .reviewb (large reviews). */
public class SaveAsHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null;
	}

	@Execute
	void execute(Shell shell, ReviewSession session) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*.review", "*.reviewb" });
		dialog.setFilterNames(new String[] { "Review (XMI)", "Large review (binary)" });
		dialog.setFileName(session.file() == null ? "review.review" : session.file().getFileName().toString());
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		try {
			session.saveAs(Path.of(chosen));
			procurement.review.ui.ReviewPreferences.remember(Path.of(chosen));
		} catch (IOException e) {
			MessageDialog.openError(shell, "Save review", e.getMessage() + "\nThe review is still open and unsaved.");
		}
	}
}
