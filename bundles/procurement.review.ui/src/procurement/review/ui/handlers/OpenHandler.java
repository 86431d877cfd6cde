package procurement.review.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.ui.OpenReview;
import procurement.review.ui.RecentFilesMenu;
import procurement.review.ui.ReviewPreferences;

/**
 * File > Open Review and File > Open Recent: replaces the open review with one read from a file, after settling its
 * unsaved changes. The file dialog opens in the folder the reviewer last opened or saved a review in.
 */
public class OpenHandler {

	@Execute
	void execute(Shell shell, MApplication application, @Optional ReviewSession session, @Optional MItem recent) {
		Object remembered = recent == null ? null : recent.getTransientData().get(RecentFilesMenu.FILE);
		Path file = remembered instanceof Path path ? path : null;
		if (file == null) {
			FileDialog dialog = new FileDialog(shell, SWT.OPEN);
			dialog.setText("Open review");
			dialog.setFilterExtensions(new String[] { "*.review;*.reviewb", "*.*" });
			dialog.setFilterNames(new String[] { "Reviews (*.review, *.reviewb)", "All files" });
			dialog.setFilterPath(ReviewPreferences.folder(SaveAsHandler.FOLDER).toString());
			String chosen = dialog.open();
			if (chosen == null) {
				return;
			}
			file = Path.of(chosen);
		}
		if (!SaveChanges.settle(shell, application, session, "opening " + file.getFileName())) {
			return;
		}
		try {
			open(application, file);
		} catch (IOException e) {
			MessageDialog.openError(shell, "Open review", e.getMessage());
		}
	}

	/**
	 * Opens a review file into the application context, where every part and handler picks it up.
	 *
	 * @param application the application
	 * @param file the review file
	 * @throws IOException when the file is not a readable review; the open review then stays
	 */
	public static void open(MApplication application, Path file) throws IOException {
		ReviewSession session = ReviewSession.open(file);
		// Held to its audit log before anyone sees it: a review changed outside the workbench opens read-only.
		session.check();
		procurement.review.ui.Autosave.clear();
		OpenReview.set(application.getContext(), session);
		ReviewPreferences.remember(file);
		ReviewPreferences.rememberFolder(SaveAsHandler.FOLDER, file);
	}
}
