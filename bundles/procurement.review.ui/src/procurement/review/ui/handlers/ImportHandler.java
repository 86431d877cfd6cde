package procurement.review.ui.handlers;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.AuditLog;
import procurement.review.ui.StatusLine;
import procurement.review.ui.internal.RunSummaries;
import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportException;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.core.importer.TableLayout;
import procurement.review.ui.wizards.ImportReportWizard;

/**
 * File > Import > Contracting report: the wizard previews, then a background Job reads the file with progress and
 * cancel in the status line; the UI thread only executes the finished import as one undoable command.
 */
public class ImportHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null;
	}

	@Execute
	void execute(Shell shell, ReviewSession session, UISynchronize sync, IEclipseContext context) {
		ImportReportWizard wizard = new ImportReportWizard(null);
		if (new WizardDialog(shell, wizard).open() == Window.OK) {
			importInBackground(session, wizard.file(), wizard.layout(), sync, shell,
					summary -> StatusLine.say(context, summary));
		}
	}

	/**
	 * Reads a file in a Job and adds it to the review on the UI thread.
	 *
	 * @param session the review
	 * @param file the report file
	 * @param sync the UI thread
	 * @param shell where to report a file that cannot be read
	 * @return the scheduled job
	 */
	public static Job importInBackground(ReviewSession session, Path file, UISynchronize sync, Shell shell) {
		return importInBackground(session, file, null, sync, shell);
	}

	/**
	 * Reads a file in a Job, its table as the reviewer laid it out, and adds it to the review on the UI thread.
	 *
	 * @param session the review
	 * @param file the report file
	 * @param layout where the table starts and which column holds which field; null to detect it
	 * @param sync the UI thread
	 * @param shell where to report a file that cannot be read
	 * @return the scheduled job
	 */
	public static Job importInBackground(ReviewSession session, Path file, TableLayout layout, UISynchronize sync,
			Shell shell) {
		return importInBackground(session, file, layout, sync, shell, summary -> {
		});
	}

	/**
	 * Reads a file in a Job, its table as the reviewer laid it out, adds it to the review on the UI thread and
	 * reports what it added.
	 *
	 * @param session the review
	 * @param file the report file
	 * @param layout where the table starts and which column holds which field; null to detect it
	 * @param sync the UI thread
	 * @param shell where to report a file that cannot be read
	 * @param report receives, on the UI thread after the import, its summary ({@link RunSummaries#imported})
	 * @return the scheduled job
	 */
	public static Job importInBackground(ReviewSession session, Path file, TableLayout layout, UISynchronize sync,
			Shell shell, Consumer<String> report) {
		ReviewImporter importer = new ReviewImporter(session.review());
		Job job = Job.create("Importing " + file.getFileName(), monitor -> {
			try {
				ImportResult result = importer.read(file, layout, monitor);
				sync.asyncExec(() -> {
					CompoundCommand command = new CompoundCommand("Import " + file.getFileName());
					command.append(importer.command(session.editingDomain(), result));
					command.append(AuditLog.append(session.editingDomain(), session.review(),
							System.getProperty("user.name"), "import", file.getFileName() + " (sha-256 "
									+ result.report().getSha256() + "): " + result.actionCount() + " actions added"));
					session.commandStack().execute(command);
					report.accept(RunSummaries.imported(result));
				});
				return Status.OK_STATUS;
			} catch (OperationCanceledException e) {
				return Status.CANCEL_STATUS;
			} catch (ImportException e) {
				sync.asyncExec(() -> {
					if (shell != null && !shell.isDisposed()) {
						MessageDialog.openError(shell, "Import", e.getMessage());
					}
				});
				return new Status(IStatus.INFO, "procurement.review.ui", e.getMessage());
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}
}
