package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.ui.parts.OrderPreviewPart;
import procurement.review.ui.parts.OrdersPart;
import procurement.review.ui.wizards.ImportReportWizard;

/**
 * Takes a screenshot of each main part of the workbench on the sample review (target/screenshots; the README shows
 * copies from docs/). The pictures are checked for being real screen content, not blank.
 */
class ScreenshotsTest {

	static final Path OUT = Path.of("target/screenshots");

	@Test
	void screenshotsOfEachMainPart() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			MApplication application = context.get(MApplication.class);
			MWindow window = application.getChildren().get(0);
			Shell shell = (Shell) window.getWidget();
			shell.setBounds(0, 0, 1400, 860);
			EModelService models = context.get(EModelService.class);
			EPartService parts = window.getContext().get(EPartService.class);
			ReviewSession session = context.get(ReviewSession.class);

			OrdersPart orders = (OrdersPart) parts.showPart("procurement.review.ui.part.orders",
					EPartService.PartState.ACTIVATE).getObject();
			// the rule and date the Generate orders dialog would ask for (GenerateOrdersTest drives the dialog)
			orders.generate(procurement.review.core.orders.review.OrderGenerator.findRule(session.review(),
					"BOD-17-01"), java.time.LocalDate.now());
			for (String id : List.of("actions", "vendors", "hits", "dashboard", "orders")) {
				MPart part = (MPart) models.find("procurement.review.ui.part." + id, application);
				parts.showPart(part, EPartService.PartState.ACTIVATE);
				WorkbenchHarness.waitUntil(display, () -> Job.getJobManager().isIdle(), 5000);
				WorkbenchHarness.screenshot(shell, OUT.resolve(id + ".png"));
			}
			orders.viewer().setSelection(new StructuredSelection(session.review().getOrders().get(0)));
			orders.preview();
			OrderPreviewPart preview = (OrderPreviewPart) ((MPart) models
					.find("procurement.review.ui.part.orderPreview", application)).getObject();
			WorkbenchHarness.waitUntil(display, () -> preview.pageCount() > 0, 120_000);
			assertTrue(preview.pageCount() > 0, "the order's pages are shown: " + preview.status());
			WorkbenchHarness.screenshot(shell, OUT.resolve("order-preview.png"));
			session.commandStack().undo();

			// The import wizard on an agency's own sheet: a title above its headings, found and mapped.
			Path sheet = OUT.resolveSibling("dhs-ocio-software-purchases.csv");
			String dhs = "Department of Homeland Security";
			List<String> lines = List.of(
					"Department of Homeland Security - Office of the CIO - Software purchases FY2017", "",
					"Vendor,Contract Number,Order Date,Amount,Bureau,Agency,Description",
					"\"KASPERSKY LAB, INC.\",HSHQDC-17-F-00112,03/02/2017,\"$48,200.00\",Customs and Border Protection,"
							+ dhs + ",Endpoint protection licence renewal",
					"CDW GOVERNMENT LLC,HSHQDC-17-F-00131,03/15/2017,\"$12,950.00\",Office of the Secretary," + dhs
							+ ",Laptop docking stations",
					"SOLARWINDS WORLDWIDE LLC,HSBP1017F00044,04/11/2017,\"$7,420.50\",Customs and Border Protection,"
							+ dhs + ",Network monitoring maintenance",
					"CARAHSOFT TECHNOLOGY CORP.,70RTAC17F00000021,05/30/2017,\"$103,884.00\",Transportation Security"
							+ " Administration," + dhs + ",Cloud subscriptions",
					"ZTE USA INC,HSCG23-17-P-PLK118,06/06/2017,\"($1,200.00)\",U.S. Coast Guard," + dhs
							+ ",Handset return credit",
					"Total,,,\"$171,254.50\",,,");
			try {
				Files.write(sheet, lines);
			} catch (java.io.IOException e) {
				throw new AssertionError(e);
			}
			ImportReportWizard wizard = new ImportReportWizard(sheet.toAbsolutePath());
			WizardDialog dialog = new WizardDialog(shell, wizard);
			dialog.setBlockOnOpen(false);
			dialog.open();
			dialog.getShell().setBounds(100, 40, 1000, 760);
			ImportPreviews.await(display, wizard.previewPage());
			assertTrue(wizard.previewPage().isPageComplete(), "the agency's headings are recognised");
			WorkbenchHarness.screenshot(dialog.getShell(), OUT.resolve("import-wizard.png"));
			dialog.close();
			for (String id : List.of("actions", "vendors", "hits", "dashboard", "orders", "order-preview",
					"import-wizard")) {
				try {
					assertTrue(Files.size(OUT.resolve(id + ".png")) > 20_000, id + ".png has real content");
				} catch (java.io.IOException e) {
					throw new AssertionError(e);
				}
			}
		});
	}
}
