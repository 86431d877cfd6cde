package procurement.review.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;

/** File > Open: replaces the current review with one read from a file. */
public class OpenHandler {

	@Execute
	void execute(Shell shell, IEclipseContext context,
			@org.eclipse.e4.core.di.annotations.Optional org.eclipse.e4.ui.model.application.ui.menu.MItem recent) {
		Object remembered = recent == null ? null : recent.getTransientData().get(procurement.review.ui.RecentFilesMenu.FILE);
		if (remembered instanceof Path file) {
			try {
				open(context, file);
				procurement.review.ui.LifeCycle.warnIfAuditLogBroken(shell, context.get(ReviewSession.class));
			} catch (IOException e) {
				MessageDialog.openError(shell, "Open review", e.getMessage());
			}
			return;
		}
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.review;*.reviewb", "*.*" });
		dialog.setFilterNames(new String[] { "Reviews (*.review, *.reviewb)", "All files" });
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		try {
			open(context, Path.of(chosen));
			procurement.review.ui.LifeCycle.warnIfAuditLogBroken(shell, context.get(ReviewSession.class));
		} catch (IOException e) {
			MessageDialog.openError(shell, "Open review", e.getMessage());
		}
	}

	/**
	 * Opens a review file into the application context, where every part picks it up.
	 *
	 * @param context the application context
	 * @param file the review file
	 * @throws IOException when the file is not a readable review
	 */
	public static void open(IEclipseContext context, Path file) throws IOException {
		ReviewSession session = ReviewSession.open(file);
		context.set(ReviewSession.class, session);
		procurement.review.ui.ReviewPreferences.remember(file);
	}
}
