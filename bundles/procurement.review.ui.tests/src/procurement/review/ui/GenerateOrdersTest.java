package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.core.orders.review.RuleObligations;
import procurement.review.model.Match;
import procurement.review.model.Rule;
import procurement.review.ui.parts.GenerateOrdersDialog;
import procurement.review.ui.parts.OrdersPart;

/**
 * Generate orders asks which rule and which issue date: the dialog lists the rules with their hits and undecided
 * hits, warns about undecided hits and about a rule not in force on the date; the Orders part shows what the run
 * did, which for a rule not yet in force is the one reason it made no order.
 */
class GenerateOrdersTest {

	@Test
	void generateAsksForRuleAndDateAndShowsTheSummary() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			ReviewSession session = context.get(ReviewSession.class);
			IEclipseContext window = context.get(MApplication.class).getChildren().get(0).getContext();
			OrdersPart orders = RuleSetImportTest.show(context, window.get(EPartService.class),
					"procurement.review.ui.part.orders", OrdersPart.class);
			List<Rule> rules = session.review().getRuleSets().get(0).getRules();
			Rule bod = OrderGenerator.findRule(session.review(), "BOD-17-01");
			Rule far889 = OrderGenerator.findRule(session.review(), "NDAA19-889A");
			int ordersBefore = session.review().getOrders().size();

			// NDAA19-889A on 2019-01-01, before it took effect: the dialog says so, the run makes no order.
			LocalDate early = LocalDate.of(2019, 1, 1);
			String notInForce = RuleObligations.notInForce(far889, early);
			AtomicReference<String> warning = new AtomicReference<>();
			WorkbenchHarness.Answer first = WorkbenchHarness.whenShellOpens(display, GenerateOrdersDialog.TITLE,
					10000, shell -> {
						GenerateOrdersDialog dialog = (GenerateOrdersDialog) shell.getData();
						Table table = dialog.viewer().getTable();
						assertEquals(rules.size(), table.getItemCount(), "one row per rule of the rule set");
						for (int i = 0; i < rules.size(); i++) {
							Rule rule = rules.get(i);
							List<Match> of = session.review().getMatches().stream()
									.filter(m -> m.getRule() != null && rule.getId().equals(m.getRule().getId()))
									.toList();
							assertEquals(rule.getId(), table.getItem(i).getText(0));
							assertEquals(String.valueOf(of.size()), table.getItem(i).getText(1), rule.getId());
							assertEquals(String.valueOf(of.stream().filter(m -> m.getDecision() == null).count()),
									table.getItem(i).getText(2), rule.getId());
						}
						LocalDate shown = LocalDate.of(dialog.dateField().getYear(),
								dialog.dateField().getMonth() + 1, dialog.dateField().getDay());
						assertEquals(LocalDate.now(), shown, "the issue date is today unless changed");
						assertEquals(ReviewPreferences.defaultRule(),
								table.getItem(table.getSelectionIndex()).getText(0), "the default rule is chosen");
						assertEquals("", dialog.inForceText(), "the default rule is in force today");
						dialog.select("NDAA19-889A");
						dialog.setIssueDate(early);
						warning.set(dialog.warningText());
						assertEquals(notInForce + ".", dialog.inForceText());
						WorkbenchHarness.press(shell, "Generate");
					});
			orders.generate();
			first.check();
			long undecided = session.review().getMatches().stream()
					.filter(m -> m.getRule() != null && "NDAA19-889A".equals(m.getRule().getId())
							&& m.getDecision() == null)
					.count();
			if (undecided > 0) {
				assertTrue(warning.get().startsWith(undecided + " of the "), warning.get());
				assertTrue(warning.get().contains("await a decision"), warning.get());
			} else {
				assertEquals("", warning.get());
			}
			assertEquals("NDAA19-889A orders issued 2019-01-01: " + notInForce + ".", orders.summaryText());
			assertEquals(ordersBefore, session.review().getOrders().size(), "no order from a rule not in force");

			// BOD-17-01 today: the orders are made and the part says which.
			String expected = new OrderGenerator(session).prepare(bod, LocalDate.now()).summary();
			WorkbenchHarness.Answer second = WorkbenchHarness.whenShellOpens(display, GenerateOrdersDialog.TITLE,
					10000, shell -> {
						GenerateOrdersDialog dialog = (GenerateOrdersDialog) shell.getData();
						Table table = dialog.viewer().getTable();
						assertEquals("NDAA19-889A", table.getItem(table.getSelectionIndex()).getText(0),
								"the last rule is chosen again");
						dialog.select("BOD-17-01");
						dialog.setIssueDate(LocalDate.now());
						assertEquals("", dialog.inForceText());
						WorkbenchHarness.press(shell, "Generate");
					});
			orders.generate();
			second.check();
			assertEquals("BOD-17-01 orders issued " + LocalDate.now() + ": " + expected + ".",
					orders.summaryText());
			assertTrue(expected.contains("created") || expected.contains("updated") || expected.contains("revised"),
					expected);
			assertEquals("Generate BOD-17-01 removal orders", session.commandStack().getUndoCommand().getLabel());
			WorkbenchHarness.waitUntil(display,
					() -> orders.viewer().getTable().getItemCount() == session.review().getOrders().size(), 5000);
			assertEquals(session.review().getOrders().size(), orders.viewer().getTable().getItemCount());

			// Cancel generates nothing.
			Object undo = session.commandStack().getUndoCommand();
			WorkbenchHarness.Answer cancel = WorkbenchHarness.whenShellOpens(display, GenerateOrdersDialog.TITLE,
					10000, shell -> WorkbenchHarness.press(shell, "Cancel"));
			orders.generate();
			cancel.check();
			assertTrue(session.commandStack().getUndoCommand() == undo, "Cancel changes nothing");
		});
	}
}
