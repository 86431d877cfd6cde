package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.review.Decisions;
import procurement.review.core.orders.review.OrderExport;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.Match;
import procurement.review.model.OrderStatus;
import procurement.review.model.RemovalOrder;
import procurement.review.ui.handlers.ImportHandler;
import procurement.review.ui.handlers.SaveAsHandler;
import procurement.review.ui.parts.ActionsPart;
import procurement.review.ui.parts.DashboardPart;
import procurement.review.ui.parts.HitsPart;
import procurement.review.ui.parts.OrdersPart;
import procurement.review.ui.parts.VendorsPart;

/**
 * The workbench's manners on the sample review, through its widgets: order statuses change through a menu of the
 * allowed next states (issuing asks first, nothing after Completed); Find Covered Vendors, an import and an
 * identity-wide decision say what they did in the status line, and Hits follows an import; filter combos have
 * labels and human names, unreadable filter text is marked in place; money reads $1,234.00 everywhere and the
 * columns are wide enough for their values; Export asks before it creates a folder; Save As proposes the review's
 * name in the reviewer's folder.
 */
class WorkbenchMannersTest {

	private static final Path REAL_FILE = Path.of(
			"../procurement.review.core.importer.tests/data/real/usaspending_contract_prime_transactions_sample_with_header.csv");
	private static final Pattern MONEY = Pattern.compile("-?\\$\\d{1,3}(,\\d{3})*\\.\\d\\d");

	@TempDir
	Path dir;

	private static List<String> texts(Menu menu) {
		return Arrays.stream(menu.getItems()).map(MenuItem::getText).toList();
	}

	private static void choose(Menu menu, String text) {
		MenuItem item = Arrays.stream(menu.getItems()).filter(i -> text.equals(i.getText())).findFirst()
				.orElseThrow(() -> new AssertionError("no menu item " + text + " in " + texts(menu)));
		assertTrue(item.isEnabled(), text + " is enabled");
		item.notifyListeners(SWT.Selection, new Event());
	}

	private static String cell(Table table, Object element, int column) {
		for (TableItem item : table.getItems()) {
			if (item.getData() == element) {
				return item.getText(column);
			}
		}
		throw new AssertionError("no row for " + element);
	}

	/** Asserts that every cell of the column fits its width. */
	private static void assertFits(Table table, int column) {
		GC gc = new GC(table);
		try {
			for (TableItem item : table.getItems()) {
				int needed = gc.textExtent(item.getText(column)).x;
				assertTrue(needed < table.getColumn(column).getWidth(), "'" + item.getText(column) + "' needs "
						+ needed + " px in the column " + table.getColumn(column).getText() + " of "
						+ table.getColumn(column).getWidth());
			}
		} finally {
			gc.dispose();
		}
	}

	@Test
	void statusMenuSummariesReadableTextAndFolders() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			ReviewSession session = context.get(ReviewSession.class);
			MApplication application = context.get(MApplication.class);
			IEclipseContext window = application.getChildren().get(0).getContext();
			EPartService parts = window.get(EPartService.class);
			StatusLine line = (StatusLine) ((MToolControl) context.get(EModelService.class)
					.find("procurement.review.ui.statusline", application)).getObject();

			// Status changes: a menu of the allowed next states, a question before Issued, none after Completed.
			OrdersPart orders = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.orders",
					OrdersPart.class);
			orders.generate(OrderGenerator.findRule(session.review(), "BOD-17-01"), LocalDate.now());
			Table orderTable = orders.viewer().getTable();
			WorkbenchHarness.await(display, () -> orderTable.getItemCount() > 0, 5000, () -> "no order generated");
			RemovalOrder order = (RemovalOrder) orders.viewer().getElementAt(0);
			assertEquals(OrderStatus.DRAFT, order.getStatus());
			assertEquals("Draft", cell(orderTable, order, 3));
			orders.viewer().setSelection(new StructuredSelection(order), true);
			assertEquals(List.of("Mark Issued..."), texts(orders.fillStatusMenu()));
			WorkbenchHarness.Answer cancel = WorkbenchHarness.whenShellOpens(display, OrdersPart.ISSUE_TITLE, 10000,
					shell -> WorkbenchHarness.press(shell, "Cancel"));
			choose(orders.fillStatusMenu(), "Mark Issued...");
			cancel.check();
			assertEquals(OrderStatus.DRAFT, order.getStatus(), "Cancel leaves the order a draft");
			WorkbenchHarness.Answer issue = WorkbenchHarness.whenShellOpens(display, OrdersPart.ISSUE_TITLE, 10000,
					shell -> WorkbenchHarness.press(shell, "Issue"));
			choose(orders.fillStatusMenu(), "Mark Issued...");
			issue.check();
			assertEquals(OrderStatus.ISSUED, order.getStatus());
			assertEquals("Issued", cell(orderTable, order, 3));
			String[][] steps = { { "Mark Acknowledged", "Acknowledged" }, { "Mark In progress", "In progress" },
					{ "Mark Completed", "Completed" } };
			for (String[] step : steps) {
				orders.viewer().setSelection(new StructuredSelection(order), true);
				assertEquals(List.of(step[0]), texts(orders.fillStatusMenu()), "one step forward, no question");
				choose(orders.fillStatusMenu(), step[0]);
				assertEquals(step[1], cell(orderTable, order, 3));
			}
			assertEquals(OrderStatus.COMPLETED, order.getStatus());
			orders.viewer().setSelection(new StructuredSelection(order), true);
			Menu done = orders.fillStatusMenu();
			assertEquals(List.of("Completed: no further status"), texts(done));
			assertFalse(done.getItem(0).isEnabled(), "nothing past Completed");
			assertEquals("Order " + order.getNumber() + ": COMPLETED",
					session.commandStack().getUndoCommand().getLabel(), "each step is one undoable command");
			session.commandStack().undo();
			assertEquals("In progress", cell(orderTable, order, 3));
			assertFits(orderTable, 3);
			for (TableItem item : orderTable.getItems()) {
				assertTrue(MONEY.matcher(item.getText(7)).matches(), "order total " + item.getText(7));
			}
			assertFits(orderTable, 7);

			// Export to a typed folder that does not exist asks first; No creates nothing.
			Path typed = dir.resolve("typo").resolve("orders");
			WorkbenchHarness.Answer no = WorkbenchHarness.whenShellOpens(display, OrdersPart.EXPORT_TITLE, 10000,
					shell -> WorkbenchHarness.press(shell, "Cancel"));
			assertNull(orders.exportTo(typed));
			no.check();
			assertFalse(Files.exists(typed.getParent()), "nothing created without asking");
			WorkbenchHarness.Answer yes = WorkbenchHarness.whenShellOpens(display, OrdersPart.EXPORT_TITLE, 10000,
					shell -> WorkbenchHarness.press(shell, OrdersPart.CREATE_FOLDER));
			WorkbenchHarness.Answer written = WorkbenchHarness.whenShellOpens(display, OrdersPart.EXPORTED_TITLE,
					30000, shell -> WorkbenchHarness.press(shell, "OK"));
			orders.viewer().setSelection(new StructuredSelection(order), true);
			OrderExport.Result result = orders.exportTo(typed);
			yes.check();
			written.check();
			assertNotNull(result);
			assertTrue(Files.isDirectory(typed) && Files.exists(result.index()), "created after Yes: " + typed);
			assertEquals(typed.toAbsolutePath(), ReviewPreferences.folder("export"),
					"the next export opens where this one went");

			// Find Covered Vendors: the status line sums the run up, per rule.
			ParameterizedCommand tag = window.get(ECommandService.class)
					.createCommand("procurement.review.ui.command.tag", null);
			window.get(EHandlerService.class).executeHandler(tag);
			WorkbenchHarness.await(display, () -> line.message().startsWith("Find Covered Vendors: "), 30000,
					() -> "the status line says '" + line.message() + "'");
			String summary = line.message();
			assertTrue(summary.startsWith("Find Covered Vendors: " + session.review().getMatches().size() + " hits ("),
					summary);
			Set<String> rules = session.review().getMatches().stream().filter(m -> m.getRule() != null)
					.map(m -> m.getRule().getId()).collect(Collectors.toSet());
			for (String rule : rules) {
				long n = session.review().getMatches().stream()
						.filter(m -> m.getRule() != null && rule.equals(m.getRule().getId())).count();
				assertTrue(summary.contains(rule + " " + n), rule + " " + n + " in " + summary);
			}
			assertTrue(summary.contains(" decisions kept, ") && summary.contains(" carried over"), summary);

			// One key decides the company's hits on every rule, and the status line says so.
			HitsPart hits = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.hits", HitsPart.class);
			Match shared = session.review().getMatches().stream()
					.filter(m -> m.getDecision() == null && Decisions.siblings(session.review(), m).size() > 1)
					.findFirst().orElseThrow(() -> new AssertionError("the sample has a company hit on two rules"));
			int others = Decisions.siblings(session.review(), shared).size() - 1;
			hits.show(HitsPart.SHOW_ALL);
			hits.viewer().setSelection(new StructuredSelection(shared), true);
			Event key = new Event();
			key.character = 'n';
			key.keyCode = 'n';
			hits.viewer().getTable().notifyListeners(SWT.KeyDown, key);
			assertTrue(line.message().startsWith("Not same: "), line.message());
			assertTrue(line.message().contains("also decided for the same company's " + others + " other hit"),
					line.message());
			assertEquals("Not same", cell(hits.viewer().getTable(), shared, 0), "the decision in words");
			for (int column : new int[] { 0, 8, 9 }) { // Decision, Risk, By
				assertFits(hits.viewer().getTable(), column);
			}

			// An import says what it added, and Hits follows it at once.
			int actionsBefore = session.review().getReports().stream().mapToInt(r -> r.getActions().size()).sum();
			Job job = ImportHandler.importInBackground(session, REAL_FILE, null, context.get(UISynchronize.class),
					display.getActiveShell(), text -> StatusLine.say(context, text));
			WorkbenchHarness.await(display, () -> job.getState() == Job.NONE
					&& line.message().startsWith("Imported "), 20000, () -> "after the import: " + line.message());
			assertEquals("Imported " + REAL_FILE.getFileName() + ": 99 actions, ", line.message().substring(0,
					("Imported " + REAL_FILE.getFileName() + ": 99 actions, ").length()));
			assertEquals(actionsBefore + 99,
					session.review().getReports().stream().mapToInt(r -> r.getActions().size()).sum());
			int before = procurement.review.ui.internal.BeforeEffectiveHits.of(session.review()).size();
			assertTrue(hits.countText().startsWith(session.review().getMatches().size() + " hits, "),
					hits.countText());
			assertTrue(hits.countText().contains(", " + before + " before effective"), hits.countText());

			// Readable: labels beside the filter combos, enum values in words, unreadable text marked in place.
			ActionsPart actions = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.actions",
					ActionsPart.class);
			List<String> labels = WorkbenchHarness.find(actions.viewer().getTable().getParent().getParent(),
					Label.class).stream().map(Label::getText).toList();
			assertTrue(labels.containsAll(List.of("Department:", "Rule:", "Risk:", "Decision:")), labels.toString());
			Combo risk = actions.enumCombos().get(0);
			Combo decision = actions.enumCombos().get(1);
			assertTrue(Arrays.asList(risk.getItems()).contains("Needs review"), Arrays.toString(risk.getItems()));
			assertTrue(Arrays.asList(decision.getItems()).containsAll(List.of("Awaiting decision", "Not same")),
					Arrays.toString(decision.getItems()));
			assertTrue(Arrays.stream(risk.getItems()).noneMatch(i -> i.contains("_")), "no raw enum names");
			decision.select(Arrays.asList(decision.getItems()).indexOf("Not same"));
			decision.notifyListeners(SWT.Selection, new Event());
			assertEquals("NOT_SAME", actions.filter().decision(), "the words filter by the state");
			decision.select(0);
			decision.notifyListeners(SWT.Selection, new Event());
			Text from = actions.filterField("from");
			from.setText("2017-13-45");
			assertTrue(from.getToolTipText().startsWith("Not a date: \"2017-13-45\""), from.getToolTipText());
			assertEquals(255, from.getBackground().getRed(), "marked red");
			assertNull(actions.filter().from(), "left out of the filter");
			from.setText("2017-09-13");
			assertFalse(from.getToolTipText() != null && from.getToolTipText().startsWith("Not a date"),
					"the mark goes once the date reads");
			assertEquals(LocalDate.of(2017, 9, 13), actions.filter().from());
			from.setText("");
			Text min = actions.filterField("min");
			min.setText("12abc");
			assertTrue(min.getToolTipText().startsWith("Not an amount"), min.getToolTipText());
			min.setText("1,500");
			assertEquals(0, new java.math.BigDecimal("1500").compareTo(actions.filter().min()));
			min.setText("");

			// One money format in Departments and Vendors.
			DashboardPart departments = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.dashboard",
					DashboardPart.class);
			Table departmentTable = WorkbenchHarness.find(
					(org.eclipse.swt.widgets.Composite) (context
							.get(EModelService.class).find("procurement.review.ui.part.dashboard", application))
							.getWidget(),
					Table.class).get(0);
			assertEquals(departments.barCount(), departmentTable.getItemCount());
			int exposure = Arrays.asList(departmentTable.getColumns()).stream().map(c -> c.getText()).toList()
					.indexOf("Exposure");
			for (TableItem item : departmentTable.getItems()) {
				assertTrue(MONEY.matcher(item.getText(exposure)).matches(), "exposure " + item.getText(exposure));
			}
			assertFits(departmentTable, exposure);
			VendorsPart vendors = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.vendors",
					VendorsPart.class);
			WorkbenchHarness.await(display, () -> !vendors.isComputing()
					&& vendors.viewer().getTable().getItemCount() > 0, 10000, () -> "no vendor rows");
			for (TableItem item : vendors.viewer().getTable().getItems()) {
				assertTrue(MONEY.matcher(item.getText(4)).matches(), "vendor exposure " + item.getText(4));
			}

			// Save As proposes the review's name in the folder the reviewer last used for reviews.
			ReviewSession fresh = ReviewSession.create("Treasury 2016");
			ReviewPreferences.rememberFolder("review", dir);
			assertEquals(dir.toAbsolutePath().resolve("Treasury 2016.review"), SaveAsHandler.proposal(fresh));
			assertEquals(ReviewPreferences.documents(), ReviewPreferences.folder("never-used"),
					"a dialog never used opens in the documents folder");
		});
	}
}
