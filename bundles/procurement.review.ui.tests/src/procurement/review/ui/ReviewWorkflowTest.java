package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.ui.handlers.ImportHandler;
import procurement.review.ui.parts.ActionsPart;
import procurement.review.ui.parts.DashboardPart;
import procurement.review.ui.parts.HitsPart;
import procurement.review.ui.wizards.ImportReportWizard;

/**
 * A reviewer's day on the sample review, through the real widgets of the running workbench: filter the actions,
 * decide a hit with the keyboard and undo it, import a real file through the wizard, read the dashboard, save and
 * reopen.
 */
class ReviewWorkflowTest {

	private static final Path REAL_FILE = Path.of(
			"../procurement.review.core.importer.tests/data/real/usaspending_contract_prime_transactions_sample_with_header.csv");

	@TempDir
	Path dir;

	private static <T> T show(IEclipseContext context, String id, Class<T> type) {
		MApplication application = context.get(MApplication.class);
		MPart part = (MPart) context.get(EModelService.class).find(id, application);
		EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		return type.cast(part.getObject());
	}

	private static int actionCount(ReviewSession session) {
		return session.review().getReports().stream().mapToInt(r -> r.getActions().size()).sum();
	}

	@Test
	void reviewerWorkflowThroughTheWidgets() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			ReviewSession session = context.get(ReviewSession.class);
			int total = actionCount(session);

			// The actions table shows every action; filtering by a department narrows it to that department.
			ActionsPart actions = show(context, "procurement.review.ui.part.actions", ActionsPart.class);
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && actions.rows().size() == total, 10000);
			assertEquals(total + " contract actions", actions.countText());
			String justice = session.review().getDepartments().stream().map(d -> d.getName())
					.filter(n -> n.equals("Department of Justice")).findFirst().orElseThrow();
			actions.filterDepartment(justice);
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && actions.rows().size() < total, 10000);
			long expected = session.review().getReports().stream().flatMap(r -> r.getActions().stream())
					.filter(a -> a.getDepartment() != null && justice.equals(a.getDepartment().getName())).count();
			assertEquals(expected, actions.rows().size());
			assertEquals(expected + " of " + total + " contract actions", actions.countText());
			assertEquals(actions.rows().get(0).getPiid(), actions.viewer().getTable().getItem(0).getText(0));
			assertTrue(actions.rows().stream().allMatch(a -> justice.equals(a.getDepartment().getName())));
			actions.filterDepartment(null);

			// Deciding a hit with the keyboard changes its state; Undo restores it.
			HitsPart hits = show(context, "procurement.review.ui.part.hits", HitsPart.class);
			Table hitTable = hits.viewer().getTable();
			WorkbenchHarness.waitUntil(display, () -> hitTable.getItemCount() > 0, 5000);
			assertTrue(hitTable.getItemCount() > 0, "the sample has hits");
			Match first = (Match) hits.viewer().getElementAt(0);
			assertNull(first.getDecision(), "undecided hits come first");
			hits.viewer().setSelection(new StructuredSelection(first), true);
			hitTable.setFocus();
			Event key = new Event();
			key.character = 's';
			key.keyCode = 's';
			hitTable.notifyListeners(SWT.KeyDown, key);
			assertNotNull(first.getDecision());
			assertEquals(DecisionState.SAME, first.getDecision().getState());
			session.commandStack().undo();
			assertTrue(first.getDecision() == null || first.getDecision().getMatch() != first,
					"undo removes the decision");

			// Importing a real file through the wizard adds its rows.
			ImportReportWizard wizard = new ImportReportWizard(null);
			WizardDialog dialog = new WizardDialog(display.getActiveShell(), wizard);
			dialog.setBlockOnOpen(false);
			dialog.open();
			wizard.previewPage().setFile(REAL_FILE.toAbsolutePath().toString());
			ImportPreviews.await(display, wizard.previewPage());
			assertTrue(wizard.previewPage().isPageComplete(), "the preview recognised the file");
			assertTrue(wizard.previewPage().previewViewer().getTable().getItemCount() > 1);
			assertTrue(wizard.performFinish());
			dialog.close();
			Job job = ImportHandler.importInBackground(session, wizard.file(), context.get(UISynchronize.class),
					display.getActiveShell());
			WorkbenchHarness.waitUntil(display, () -> job.getState() == Job.NONE && actionCount(session) > total,
					20000);
			assertEquals(total + 99, actionCount(session));
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && actions.rows().size() == total + 99,
					10000);
			assertEquals((total + 99) + " contract actions", actions.countText());

			// An agency's own spreadsheet in its own words: the reviewer picks the header row below the title and
			// maps the columns through the wizard's cell editors.
			Path agency = dir.resolve("register.csv");
			try {
				Files.writeString(agency, "Register of buys, Office of the CIO\nFirm,Ref,Sum,When,Dept\n"
						+ "ACME SUPPLY CO,R-1,10.00,2017-09-14,DEPARTMENT OF STATE\n");
			} catch (java.io.IOException e) {
				throw new AssertionError(e);
			}
			ImportReportWizard own = new ImportReportWizard(null);
			WizardDialog ownDialog = new WizardDialog(display.getActiveShell(), own);
			ownDialog.setBlockOnOpen(false);
			ownDialog.open();
			ImportReportWizard.PreviewPage page = own.previewPage();
			// a name changed after the last file was read but before its preview was shown: that preview is dropped
			page.setFile(REAL_FILE.toAbsolutePath().toString());
			ImportPreviews.awaitRead();
			page.setFile(agency.toString());
			ImportPreviews.await(display, page);
			assertEquals(false, page.isPageComplete(), "no vendor column yet");
			assertEquals("Row 2: Firm | Ref | Sum | When | Dept", page.startCombo().getItem(1));
			page.startCombo().select(1);
			page.startCombo().notifyListeners(SWT.Selection, new Event());
			assertEquals("Firm", page.previewViewer().getTable().getItem(0).getText(0));
			String[][] choices = { { "vendorName", "A: Firm" }, { "piid", "B: Ref" }, { "obligation", "C: Sum" },
					{ "actionDate", "D: When" }, { "departmentName", "E: Dept" } };
			for (String[] choice : choices) {
				procurement.review.core.importer.ContractField field = procurement.review.core.importer.ContractField
						.valueOf(choice[0]);
				page.mappingViewer().editElement(field, 1);
				org.eclipse.swt.custom.CCombo editor = java.util.Arrays.stream(page.mappingViewer().getTable()
						.getChildren()).filter(c -> c instanceof org.eclipse.swt.custom.CCombo && c.isVisible())
						.map(org.eclipse.swt.custom.CCombo.class::cast).findFirst().orElseThrow();
				editor.select(java.util.Arrays.asList(editor.getItems()).indexOf(choice[1]));
				editor.notifyListeners(SWT.DefaultSelection, new Event());
				int row = page.fields().indexOf(field);
				assertEquals(choice[1], page.mappingViewer().getTable().getItem(row).getText(1));
			}
			assertTrue(page.isPageComplete());
			assertTrue(own.performFinish());
			ownDialog.close();
			assertEquals(2, own.layout().row());
			int before = actionCount(session);
			Job ownJob = ImportHandler.importInBackground(session, own.file(), own.layout(),
					context.get(UISynchronize.class), display.getActiveShell());
			WorkbenchHarness.waitUntil(display, () -> ownJob.getState() == Job.NONE && actionCount(session) > before,
					20000);
			ContractAction bought = session.review().getReports().stream()
					.filter(r -> r.getFileName().equals("register.csv")).flatMap(r -> r.getActions().stream())
					.findFirst().orElseThrow();
			assertEquals("R-1", bought.getPiid());
			assertEquals("ACME SUPPLY CO", bought.getVendor().getName());
			assertEquals("Department of State", bought.getDepartment().getName(),
					"the sample's department, under one key and its canonical name");
			assertEquals(new java.math.BigDecimal("10.00"), bought.getObligation());

			// The dashboard shows one bar per department with hits.
			DashboardPart dashboard = show(context, "procurement.review.ui.part.dashboard", DashboardPart.class);
			Set<String> withHits = session.review().getMatches().stream()
					.flatMap(m -> m.getAction() != null ? java.util.stream.Stream.of(m.getAction())
							: session.review().getReports().stream().flatMap(r -> r.getActions().stream())
									.filter(a -> a.getVendor() == m.getVendor()))
					.map(ContractAction::getDepartment).filter(d -> d != null).map(d -> d.getName())
					.collect(Collectors.toSet());
			assertEquals(withHits.size(), dashboard.barCount());
			assertTrue(dashboard.barCount() >= 4, "Justice, Treasury, State and Homeland Security have hits");

			// The Properties part shows the attributes of what is selected, here a hit.
			procurement.review.ui.parts.PropertiesPart properties = show(context,
					"procurement.review.ui.part.properties", procurement.review.ui.parts.PropertiesPart.class);
			show(context, "procurement.review.ui.part.hits", HitsPart.class);
			hits.viewer().setSelection(StructuredSelection.EMPTY);
			hits.viewer().setSelection(new StructuredSelection(first), true);
			WorkbenchHarness.waitUntil(display, () -> properties.viewer().getTable().getItemCount() > 5, 5000);
			assertTrue(properties.viewer().getTable().getItemCount() > 5, "a match shows its properties");

			// Saving and reopening keeps decisions.
			hits.viewer().setSelection(new StructuredSelection(first), true);
			hits.decide(DecisionState.NOT_SAME);
			Path file = dir.resolve("decided.review");
			try {
				session.saveAs(file);
				ReviewSession reopened = ReviewSession.open(file);
				Match again = reopened.review().getMatches().stream().filter(m -> m.getKey().equals(first.getKey()))
						.findFirst().orElseThrow();
				assertEquals(DecisionState.NOT_SAME, again.getDecision().getState());
				assertTrue(Files.size(file) > 0);
				// Everything the reviewer did in the workbench went through a command with its audit entry: the
				// saved review is as its newest entry says, and nothing opens it read-only.
				assertEquals(java.util.List.of(), reopened.check(), "the workbench's own changes are all audited");
				assertTrue(procurement.review.core.ContentCheck.recorded(reopened.review()));
			} catch (java.io.IOException e) {
				throw new AssertionError(e);
			}
		});
	}
}
