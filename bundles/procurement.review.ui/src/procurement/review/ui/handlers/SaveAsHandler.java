package procurement.review.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.WindowTitle;

/**
 * File > Save As: XMI for .review, EMF binary for .reviewb (large reviews). The dialog proposes the review's file,
 * or for a review never saved its name in the folder the reviewer last saved or opened a review in (the user's
 * documents folder at first), never the installation folder.
 */
public class SaveAsHandler {

	/** The purpose under which the review dialogs remember their folder. */
	static final String FOLDER = "review";

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null;
	}

	@Execute
	void execute(Shell shell, MApplication application, ReviewSession session) {
		saveAs(shell, application, session);
	}

	/**
	 * @param session a review
	 * @return the folder and file name Save As proposes for it
	 */
	public static Path proposal(ReviewSession session) {
		if (session.file() != null) {
			return session.file();
		}
		String name = session.review().getName() == null ? "" : session.review().getName().strip();
		name = name.replaceAll("[\\\\/:*?\"<>|]+", "-");
		return ReviewPreferences.folder(FOLDER).resolve((name.isEmpty() ? "review" : name) + ".review");
	}

	/**
	 * Asks for a file and saves the review there.
	 *
	 * @param shell the parent of the dialog
	 * @param application the application, whose window title shows the new name
	 * @param session the review
	 * @return true when the review was saved
	 */
	static boolean saveAs(Shell shell, MApplication application, ReviewSession session) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText("Save review as");
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*.review", "*.reviewb" });
		dialog.setFilterNames(new String[] { "Review (XMI)", "Large review (binary)" });
		Path proposal = proposal(session);
		dialog.setFilterPath(proposal.getParent().toString());
		dialog.setFileName(proposal.getFileName().toString());
		String chosen = dialog.open();
		if (chosen == null) {
			return false;
		}
		try {
			Path file = Path.of(chosen);
			session.saveAs(file);
			ReviewPreferences.remember(file);
			ReviewPreferences.rememberFolder(FOLDER, file);
			ReviewPreferences.rememberLastReview(session.file());
			WindowTitle.update(application);
			return true;
		} catch (IOException e) {
			MessageDialog.openError(shell, "Save review", e.getMessage() + "\nThe review is still open and unsaved.");
			return false;
		}
	}
}
