package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;
import procurement.review.ui.handlers.OpenHandler;
import procurement.review.ui.handlers.SaveChanges;
import procurement.review.ui.parts.ActionsPart;
import procurement.review.ui.parts.DashboardPart;
import procurement.review.ui.parts.HitsPart;
import procurement.review.ui.parts.NavigatorPart;
import procurement.review.ui.parts.OrdersPart;
import procurement.review.ui.parts.PropertiesPart;
import procurement.review.ui.parts.VendorsPart;

/**
 * One source of truth for the open review: New Review, Open Recent and Close Review, run while some other part than
 * the navigator has the focus (so the handler is given that part's context), change what every part shows (Contract
 * Actions, Vendors, Hits, Departments, Orders, Properties, the navigator) and the window title; a decision made in
 * Hits after a switch changes the open review and makes it dirty; unsaved changes are settled with Save / Don't Save
 * / Cancel; the next start reopens the review open at the end.
 */
class ReviewSwitchingTest {

	private static final String ACTIONS = "procurement.review.ui.part.actions";
	private static final String VENDORS = "procurement.review.ui.part.vendors";
	private static final String HITS = "procurement.review.ui.part.hits";
	private static final String DEPARTMENTS = "procurement.review.ui.part.dashboard";
	private static final String ORDERS = "procurement.review.ui.part.orders";
	private static final String PROPERTIES = "procurement.review.ui.part.properties";
	private static final String NAVIGATOR = "procurement.review.ui.part.navigator";

	@TempDir
	Path dir;

	/** The parts of the running workbench, each created once by showing it. */
	private record Parts(Display display, MApplication application, EPartService service, ActionsPart actions,
			VendorsPart vendors, HitsPart hits, DashboardPart departments, OrdersPart orders,
			PropertiesPart properties, NavigatorPart navigator) {

		static Parts of(IEclipseContext context) {
			MApplication application = context.get(MApplication.class);
			EPartService service = application.getChildren().get(0).getContext().get(EPartService.class);
			ActionsPart actions = RuleSetImportTest.show(context, service, ACTIONS, ActionsPart.class);
			VendorsPart vendors = RuleSetImportTest.show(context, service, VENDORS, VendorsPart.class);
			DashboardPart departments = RuleSetImportTest.show(context, service, DEPARTMENTS, DashboardPart.class);
			OrdersPart orders = RuleSetImportTest.show(context, service, ORDERS, OrdersPart.class);
			PropertiesPart properties = RuleSetImportTest.show(context, service, PROPERTIES, PropertiesPart.class);
			NavigatorPart navigator = RuleSetImportTest.show(context, service, NAVIGATOR, NavigatorPart.class);
			// Hits last, so that it has the focus
			HitsPart hits = RuleSetImportTest.show(context, service, HITS, HitsPart.class);
			return new Parts(Display.getCurrent(), application, service, actions, vendors, hits, departments, orders,
					properties, navigator);
		}

		MPart activate(String id) {
			MPart part = service.findPart(id);
			service.activate(part);
			assertSame(part, service.getActivePart(), "the part " + id + " is active");
			return part;
		}

		ReviewSession open() {
			return application.getContext().get(ReviewSession.class);
		}

		String title() {
			MWindow window = application.getChildren().get(0);
			return ((Shell) window.getWidget()).getText();
		}

		/** Asserts that every part shows the review, or nothing when it is null. */
		void assertShow(ReviewSession session, String what) {
			ReviewProject review = session == null ? null : session.review();
			int actionCount = review == null ? 0
					: review.getReports().stream().mapToInt(r -> r.getActions().size()).sum();
			int vendorCount = review == null ? 0 : review.getVendors().size();
			int hitCount = review == null ? 0 : review.getMatches().size();
			int orderCount = review == null ? 0 : review.getOrders().size();
			WorkbenchHarness.await(display, () -> !actions.isFiltering()
					&& actions.countText().equals(actionCount + " contract actions"), 10000,
					() -> what + ": Contract Actions shows '" + actions.countText() + "', not " + actionCount);
			WorkbenchHarness.await(display, () -> !vendors.isComputing()
					&& vendors.countText().equals(vendorCount + " vendors"), 10000,
					() -> what + ": Vendors shows '" + vendors.countText() + "', not " + vendorCount);
			assertTrue(hits.countText().startsWith(hitCount + " hits, "), what + ": Hits shows " + hits.countText());
			assertEquals(hitCount, hits.viewer().getTable().getItemCount(), what + ": rows of Hits");
			assertEquals(orderCount, orders.viewer().getTable().getItemCount(), what + ": rows of Orders");
			assertEquals(review == null ? 0 : DashboardPart.rows(review).size(), departments.barCount(),
					what + ": bars of Departments");
			assertSame(review, navigator.viewer().getInput(), what + ": the navigator's review");
			if (review != null) {
				// the rows are the open review's own objects, not equal ones of the review shown before
				assertOf(review, actions.rows().isEmpty() ? null : actions.rows().get(0), what + ": an action");
				assertOf(review, vendors.table().rows().isEmpty() ? null : vendors.table().rows().get(0).vendor(),
						what + ": a vendor");
				assertOf(review, hitCount == 0 ? null : (EObject) hits.viewer().getElementAt(0), what + ": a hit");
				assertOf(review, orderCount == 0 ? null : (EObject) orders.viewer().getElementAt(0),
						what + ": an order");
			}
			EObject shown = properties.shownObject();
			assertTrue(shown == null || EcoreUtil.getRootContainer(shown) == review,
					what + ": Properties shows an object of another review: " + shown);
			assertEquals(WindowTitle.of(session), title(), what + ": the window title");
		}

		private static void assertOf(ReviewProject review, EObject object, String what) {
			if (object != null) {
				assertSame(review, EcoreUtil.getRootContainer(object), what + " of the open review");
			}
		}
	}

	private static ParameterizedCommand command(MApplication application, String id) {
		return application.getChildren().get(0).getContext().get(ECommandService.class).createCommand(id, null);
	}

	private static EHandlerService handlers(MApplication application) {
		return application.getChildren().get(0).getContext().get(EHandlerService.class);
	}

	/** Runs File > Open Recent's item for a file as the menu does: the handler in the active part's context. */
	private static void openRecent(Parts parts, MPart active, Path file) {
		MDirectMenuItem item = parts.application().getContext().get(EModelService.class)
				.createModelElement(MDirectMenuItem.class);
		item.getTransientData().put(procurement.review.ui.RecentFilesMenu.FILE, file);
		IEclipseContext local = EclipseContextFactory.create("open recent");
		local.set(MItem.class, item);
		ContextInjectionFactory.invoke(new OpenHandler(), Execute.class, active.getContext(), local, null);
	}

	private static void pressKey(Table table, char key) {
		Event event = new Event();
		event.character = key;
		event.keyCode = key;
		table.notifyListeners(SWT.KeyDown, event);
	}

	@Test
	void everyPartFollowsNewOpenCloseAndSwitch() throws Throwable {
		Path fileA = dir.resolve("a.review");
		try {
			SampleReview.open().saveAs(fileA);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		WorkbenchHarness.run(new String[0], context -> {
			Parts parts = Parts.of(context);
			MApplication application = parts.application();
			Display display = parts.display();
			ReviewSession sample = parts.open();
			assertNotNull(sample, "the sample is open");
			parts.assertShow(sample, "the sample");

			// A hit selected in Hits shows in Properties; the reviewer decides it, so the sample is dirty.
			Table hitTable = parts.hits().viewer().getTable();
			Match sampleHit = (Match) parts.hits().viewer().getElementAt(0);
			parts.hits().viewer().setSelection(new StructuredSelection(sampleHit), true);
			WorkbenchHarness.await(display, () -> parts.properties().shownObject() == sampleHit, 5000,
					() -> "Properties shows " + parts.properties().shownObject());
			pressKey(hitTable, 's');
			assertTrue(sample.isDirty());
			assertTrue(parts.title().startsWith("*"), parts.title());

			// File > Close Review (Ctrl+W) with Hits active: enabled, asks about the unsaved decision, closes.
			ParameterizedCommand close = command(application, "procurement.review.ui.command.close");
			parts.activate(PROPERTIES);
			assertTrue(handlers(application).canExecute(close), "Close Review is enabled in Properties");
			parts.activate(HITS);
			assertTrue(handlers(application).canExecute(close), "Close Review is enabled in Hits");
			WorkbenchHarness.Answer dontSave = WorkbenchHarness.whenShellOpens(display, SaveChanges.TITLE, 10000,
					shell -> WorkbenchHarness.press(shell, SaveChanges.DONT_SAVE));
			handlers(application).executeHandler(close);
			dontSave.check();
			assertNull(parts.open(), "no review is open");
			assertNull(parts.service().findPart(HITS).getContext().getLocal(ReviewSession.class),
					"nothing was put into the part's own context");
			parts.assertShow(null, "after Close Review");
			assertEquals("No review is open.", parts.properties().titleText());
			assertFalse(handlers(application).canExecute(close), "Close Review needs an open review");

			// File > Open Recent with Hits active: every part shows the opened review.
			openRecent(parts, parts.activate(HITS), fileA);
			ReviewSession a = parts.open();
			assertNotNull(a, "a.review is open");
			assertEquals(fileA.toAbsolutePath(), a.file());
			parts.assertShow(a, "after Open Recent a.review");
			assertEquals("a.review - " + WindowTitle.PRODUCT, parts.title());

			// A decision in Hits now changes a.review, makes it dirty, and Save writes it.
			Match aHit = (Match) parts.hits().viewer().getElementAt(0);
			assertNull(aHit.getDecision(), "the undecided hit comes first");
			parts.hits().viewer().setSelection(new StructuredSelection(aHit), true);
			pressKey(hitTable, 'n');
			assertEquals(DecisionState.NOT_SAME, aHit.getDecision().getState());
			assertSame(a.review(), EcoreUtil.getRootContainer(aHit));
			assertTrue(a.isDirty(), "the decision made a.review dirty");
			assertEquals("*a.review - " + WindowTitle.PRODUCT, parts.title());
			handlers(application).executeHandler(command(application, "procurement.review.ui.command.save"));
			assertFalse(a.isDirty());
			assertEquals("a.review - " + WindowTitle.PRODUCT, parts.title(), "saved: no dirty mark");
			try {
				Match saved = ReviewSession.open(fileA).review().getMatches().stream()
						.filter(m -> m.getKey().equals(aHit.getKey())).findFirst().orElseThrow();
				assertEquals(DecisionState.NOT_SAME, saved.getDecision().getState(), "the file holds the decision");
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			assertEquals(fileA.toAbsolutePath(), ReviewPreferences.lastReview().orElseThrow(),
					"the next start reopens a.review");

			// File > New Review with Vendors active: an empty review everywhere; Properties drops a.review's hit.
			parts.hits().viewer().setSelection(new StructuredSelection(aHit), true);
			WorkbenchHarness.await(display, () -> parts.properties().shownObject() == aHit, 5000,
					() -> "Properties shows " + parts.properties().shownObject());
			parts.activate(VENDORS);
			handlers(application).executeHandler(command(application, "procurement.review.ui.command.new"));
			ReviewSession fresh = parts.open();
			assertTrue(fresh != null && fresh != a && fresh.file() == null, "a new review is open");
			parts.assertShow(fresh, "after New Review");
			assertNull(parts.properties().shownObject(), "Properties dropped the hit of a.review");
			assertEquals(0, parts.properties().viewer().getTable().getItemCount());
			assertTrue(ReviewPreferences.lastReview().isEmpty(), "a review without a file is not reopened");

			// Switching back while the new review has unsaved changes: Cancel keeps it, Don't Save switches.
			Vendor vendor = ReviewFactory.eINSTANCE.createVendor();
			vendor.setName("UNSAVED VENDOR");
			fresh.commandStack().execute(AddCommand.create(fresh.editingDomain(), fresh.review(),
					ReviewPackage.Literals.REVIEW_PROJECT__VENDORS, vendor));
			parts.assertShow(fresh, "the new review with a vendor");
			assertEquals("*New review (not saved) - " + WindowTitle.PRODUCT, parts.title());
			WorkbenchHarness.Answer cancel = WorkbenchHarness.whenShellOpens(display, SaveChanges.TITLE, 10000,
					shell -> WorkbenchHarness.press(shell, SaveChanges.CANCEL));
			openRecent(parts, parts.activate(ORDERS), fileA);
			cancel.check();
			assertSame(fresh, parts.open(), "Cancel keeps the new review open");
			parts.assertShow(fresh, "after Cancel");
			WorkbenchHarness.Answer discard = WorkbenchHarness.whenShellOpens(display, SaveChanges.TITLE, 10000,
					shell -> WorkbenchHarness.press(shell, SaveChanges.DONT_SAVE));
			openRecent(parts, parts.activate(DEPARTMENTS), fileA);
			discard.check();
			ReviewSession again = parts.open();
			assertTrue(again != null && again != a && fileA.toAbsolutePath().equals(again.file()),
					"a.review is open again");
			parts.assertShow(again, "back on a.review");
			List<Match> decided = again.review().getMatches().stream()
					.filter(m -> m.getKey().equals(aHit.getKey())).toList();
			assertEquals(1, decided.size());
			assertEquals(DecisionState.NOT_SAME, decided.get(0).getDecision().getState(),
					"the decision saved before is in the reopened review");
		});
	}

	@Test
	void theNextStartReopensTheLastReviewWhileItExists() throws Throwable {
		Path file = dir.resolve("last.review");
		try {
			SampleReview.open().saveAs(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ReviewPreferences.rememberLastReview(file);
		WorkbenchHarness.runAsIs(new String[0], context -> {
			ReviewSession session = context.get(ReviewSession.class);
			assertEquals(file.toAbsolutePath(), session.file(), "the last review is reopened, not the sample");
			Shell shell = (Shell) context.get(MApplication.class).getChildren().get(0).getWidget();
			assertEquals("last.review - " + WindowTitle.PRODUCT, shell.getText());
		});
		try {
			Files.delete(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ReviewPreferences.rememberLastReview(file);
		WorkbenchHarness.runAsIs(new String[0], context -> {
			ReviewSession session = context.get(ReviewSession.class);
			assertNull(session.file(), "a last review that is gone: the sample opens");
			assertTrue(session.review().getMatches().size() > 0, "the sample has hits");
		});
	}
}
