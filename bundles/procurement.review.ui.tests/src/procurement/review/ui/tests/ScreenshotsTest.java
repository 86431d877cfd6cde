package procurement.review.ui.tests;

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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.ui.parts.OrderPreviewPart;
import procurement.review.ui.parts.OrdersPart;

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
			orders.generate();
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
			for (String id : List.of("actions", "vendors", "hits", "dashboard", "orders", "order-preview")) {
				try {
					assertTrue(Files.size(OUT.resolve(id + ".png")) > 20_000, id + ".png has real content");
				} catch (java.io.IOException e) {
					throw new AssertionError(e);
				}
			}
		});
	}
}
