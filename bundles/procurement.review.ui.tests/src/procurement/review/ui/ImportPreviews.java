package procurement.review.ui;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import procurement.review.ui.wizards.ImportReportWizard;

/**
 * Waits for the import wizard's preview, which reads the file in a Job and shows it through the display's
 * asyncExec. A scenario runs inside an asyncExec of its own, so what the job posts runs only when the scenario lets
 * the display dispatch: join the job's family, then dispatch until the page has shown the result.
 */
final class ImportPreviews {

	private ImportPreviews() {
	}

	/**
	 * Waits until the preview's job has read the file. Its result then waits in the display's queue, not shown yet.
	 */
	static void awaitRead() {
		try {
			Job.getJobManager().join(ImportReportWizard.PREVIEW_JOBS, null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while the preview was read", e);
		}
	}

	/**
	 * Waits until the page shows the preview of the file last set.
	 *
	 * @param display the display, whose thread this is
	 * @param page    the preview page
	 */
	static void await(Display display, ImportReportWizard.PreviewPage page) {
		awaitRead();
		WorkbenchHarness.await(display, () -> !page.isPreviewing(), 10_000,
				() -> "the preview's job finished, but the page did not show its result");
	}
}
