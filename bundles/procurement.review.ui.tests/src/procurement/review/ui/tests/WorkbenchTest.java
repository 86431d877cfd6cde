package procurement.review.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.ui.parts.ActionsPart;
import procurement.review.ui.parts.VendorsPart;

/** The product's workbench starts on the sample review and its viewers show the review's content. */
class WorkbenchTest {

	@Test
	void startsOnTheSampleReviewWithVendorsShown() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			ReviewSession session = context.get(ReviewSession.class);
			assertNotNull(session, "the life cycle opened the sample review");
			int vendors = session.review().getVendors().size();
			assertTrue(vendors > 10, "the sample has vendors: " + vendors);

			MApplication application = context.get(MApplication.class);
			EModelService models = context.get(EModelService.class);
			EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
			MPart vendorsPart = (MPart) models.find("procurement.review.ui.part.vendors", application);
			parts.showPart(vendorsPart, EPartService.PartState.ACTIVATE);
			Display display = Display.getCurrent();
			VendorsPart vendorsView = (VendorsPart) vendorsPart.getObject();
			Table table = vendorsView.viewer().getTable();
			WorkbenchHarness.waitUntil(display, () -> table.getItemCount() == vendors, 5000);
			assertEquals(vendors, table.getItemCount(), "one row per vendor");
			assertTrue(table.isVisible());

			MPart actionsPart = (MPart) models.find("procurement.review.ui.part.actions", application);
			parts.showPart(actionsPart, EPartService.PartState.ACTIVATE);
			Table actions = ((ActionsPart) actionsPart.getObject()).viewer().getTable();
			int rows = session.review().getReports().stream().mapToInt(r -> r.getActions().size()).sum();
			WorkbenchHarness.waitUntil(display, () -> actions.getItemCount() == rows, 10000);
			assertEquals(rows, actions.getItemCount(), "the virtual table has one item per action");
		});
	}
}
