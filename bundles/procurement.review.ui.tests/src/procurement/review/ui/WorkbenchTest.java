package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.model.RiskLevel;
import procurement.review.model.TagKind;
import procurement.review.ui.internal.ColumnWidths;
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
			WorkbenchHarness.waitUntil(display,
					() -> !vendorsView.isComputing() && vendorsView.table().rows().size() == vendors, 5000);
			assertEquals(vendors + " vendors", vendorsView.countText(), "one row per vendor");
			assertTrue(table.isVisible());

			// sorting by exposure puts the largest first; two vendors tagged at once as the reviewer
			table.getColumn(4).notifyListeners(SWT.Selection, new Event());
			table.getColumn(4).notifyListeners(SWT.Selection, new Event());
			WorkbenchHarness.waitUntil(display, () -> !vendorsView.isComputing()
					&& table.getSortDirection() == SWT.DOWN, 5000);
			WorkbenchHarness.pump(display, 300);
			var sorted = vendorsView.table().rows();
			assertTrue(sorted.get(0).exposure().compareTo(sorted.get(sorted.size() - 1).exposure()) > 0,
					"largest exposure first");
			table.setSelection(new int[] {0, 1});
			table.notifyListeners(SWT.Selection, new Event());
			var chosen = vendorsView.selectedVendors();
			assertEquals(2, chosen.size());
			vendorsView.tag(chosen, TagKind.ORIGIN, "XXA", RiskLevel.ELEVATED, "test evidence");
			WorkbenchHarness.waitUntil(display, () -> !vendorsView.isComputing()
					&& "XXA".equals(table.getItem(0).getText(1)), 5000);
			assertEquals("XXA", table.getItem(0).getText(1), "the reviewer's origin tag shows");
			assertEquals("XXA", table.getItem(1).getText(1));
			RiskLevel shown = RiskLevel.VALUES.stream()
					.filter(r -> procurement.review.ui.internal.Names.of(r).equals(table.getItem(1).getText(2)))
					.findFirst().orElse(null);
			assertTrue(shown != null && shown.getValue() >= RiskLevel.ELEVATED_VALUE, "risk at least the tag's");
			session.commandStack().undo();

			// a user job shows in the status line with its task; its Cancel button cancels it
			StatusLine line = (StatusLine) ((MToolControl) models.find("procurement.review.ui.statusline",
					application)).getObject();
			Job job = Job.create("Test task", monitor -> {
				monitor.beginTask("Importing test rows", 100);
				monitor.worked(40);
				while (!monitor.isCanceled()) {
					java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
				}
				monitor.done();
				return Status.CANCEL_STATUS;
			});
			job.schedule();
			WorkbenchHarness.waitUntil(display, () -> line.text().startsWith("Importing test rows"), 5000);
			assertEquals("Importing test rows", line.text());
			assertTrue(line.cancelButton().isVisible() && line.cancelButton().isEnabled());
			line.cancelButton().notifyListeners(SWT.Selection, new Event());
			WorkbenchHarness.waitUntil(display, () -> job.getState() == Job.NONE && line.text().isEmpty(), 5000);
			assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
			assertEquals("", line.text(), "the status line empties when the job ends");

			// Review > Find Covered Vendors through its command: the handler gets the kept matchers (an OSGi
			// declarative service) injected, matches in a Job and applies the result as one undoable command
			var windowContext = application.getChildren().get(0).getContext();
			ParameterizedCommand tag = windowContext.get(ECommandService.class)
					.createCommand("procurement.review.ui.command.tag", null);
			EHandlerService handlers = windowContext.get(EHandlerService.class);
			assertTrue(handlers.canExecute(tag), "the handler can run on the open review");
			handlers.executeHandler(tag);
			WorkbenchHarness.waitUntil(display, () -> session.commandStack().getUndoCommand() != null
					&& "Match vendors and tag origin".equals(session.commandStack().getUndoCommand().getLabel()),
					30000);
			assertEquals("Match vendors and tag origin", session.commandStack().getUndoCommand().getLabel());
			session.commandStack().undo();

			MPart actionsPart = (MPart) models.find("procurement.review.ui.part.actions", application);
			parts.showPart(actionsPart, EPartService.PartState.ACTIVATE);
			ActionsPart actionsView = (ActionsPart) actionsPart.getObject();
			Table actions = actionsView.viewer().getTable();
			int rows = session.review().getReports().stream().mapToInt(r -> r.getActions().size()).sum();
			WorkbenchHarness.waitUntil(display, () -> actionsView.rows().size() == rows, 10000);
			assertEquals(rows, actionsView.rows().size(), "one row per action");
			assertEquals(rows + " contract actions", actionsView.countText());
			WorkbenchHarness.pump(display, 200);
			int window = actions.getItemCount();
			assertTrue(window > 0 && window < rows, "the table holds only the rows on screen: " + window);
			assertEquals(actionsView.rows().get(0).getPiid(), actions.getItem(0).getText(0));

			// a column width the reviewer sets is kept with the part, which the workbench saves with its layout
			actions.getColumn(0).setWidth(217);
			assertTrue(actionsPart.getPersistedState().get(ColumnWidths.KEY).startsWith("217,"),
					actionsPart.getPersistedState().toString());

			// the slider scrolls the window; the keyboard moves the selection and the window with it
			Slider slider = actionsView.table().slider();
			int target = Math.min(50, rows - window);
			slider.setSelection(target);
			slider.notifyListeners(SWT.Selection, new Event());
			assertEquals(target, actionsView.table().top());
			assertEquals(actionsView.rows().get(target).getPiid(), actions.getItem(0).getText(0));
			Event end = new Event();
			end.keyCode = SWT.END;
			actions.notifyListeners(SWT.KeyDown, end);
			assertEquals(rows - 1, actionsView.table().selectedRow());
			assertEquals(actionsView.rows().get(rows - 1).getPiid(),
					actions.getItem(actions.getItemCount() - 1).getText(0), "the last row is on screen");
			assertEquals(actions.getItemCount() - 1, actions.getSelectionIndex());
			Event up = new Event();
			up.keyCode = SWT.ARROW_UP;
			actions.notifyListeners(SWT.KeyDown, up);
			assertEquals(rows - 2, actionsView.table().selectedRow());
			Event wheel = new Event();
			wheel.count = 3;
			actions.notifyListeners(SWT.MouseVerticalWheel, wheel);
			assertEquals(rows - actions.getItemCount() - 3, actionsView.table().top(), "the wheel scrolls up");
		});
	}
}
