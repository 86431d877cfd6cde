package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import procurement.review.ui.wizards.ImportReportWizard;

/** The import wizard's file field, typed into on a shell of its own (no workbench needed). */
class ImportReportWizardTest {

	private static final Path REAL_FILE = Path.of(
			"../procurement.review.core.importer.tests/data/real/usaspending_contract_prime_transactions_sample_with_header.csv");

	@Test
	void aNameNoPathCanHoldIsToldOnThePage() {
		// Path.of throws on these; which ones a reviewer can type depends on the platform (see problemWithName)
		assertTrue(ImportReportWizard.problemWithName("/tmp/awards\u0000.csv").startsWith("Not a file name: "));
		assertNull(ImportReportWizard.problemWithName(REAL_FILE.toString()));

		Display display = Display.getDefault();
		Shell shell = new Shell(display);
		try {
			ImportReportWizard wizard = new ImportReportWizard(null);
			WizardDialog dialog = new WizardDialog(shell, wizard);
			dialog.setBlockOnOpen(false);
			dialog.open();
			ImportReportWizard.PreviewPage page = wizard.previewPage();

			// a NUL pasted into the field: the page says what is wrong and reads nothing
			page.setFile("/tmp/awards\u0000.csv");
			assertNotNull(page.getErrorMessage());
			assertFalse(page.isPageComplete());
			assertFalse(page.isPreviewing(), "nothing is read");
			assertFalse(wizard.performFinish());

			// the reviewer corrects the name: the page previews the file
			page.setFile(REAL_FILE.toAbsolutePath().toString());
			ImportPreviews.await(display, page);
			assertNull(page.getErrorMessage());
			assertTrue(page.isPageComplete());
			assertTrue(wizard.performFinish());
			assertEquals(REAL_FILE.toAbsolutePath(), wizard.file());
			dialog.close();
		} finally {
			shell.dispose();
		}
	}
}
