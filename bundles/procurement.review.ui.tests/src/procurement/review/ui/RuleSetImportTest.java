package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewPackage;
import procurement.review.model.RuleSet;
import procurement.review.rules.BuiltinRules;
import procurement.review.rules.RuleSetDiff;
import procurement.review.rules.RuleSets;
import procurement.review.ui.handlers.ImportRuleSetHandler;
import procurement.review.ui.parts.NavigatorPart;
import procurement.review.ui.parts.OrdersPart;

/**
 * Rule set freshness and File > Import > Rule Set... in the running workbench: the as-of date in the navigator and
 * the Orders part, the warning in the status line and the navigator when the rule set is older than the preference
 * allows, the differences shown before an import, the import undone through Edit > Undo, and a file that is not a
 * rule set refused in one sentence naming it.
 */
class RuleSetImportTest {

	@TempDir
	Path dir;

	@AfterEach
	void restorePreference() {
		ReviewPreferences.storeMaxRuleSetAgeDays(RuleSetDiff.DEFAULT_MAX_AGE_DAYS);
	}

	@Test
	void ruleSetFreshnessAndImportWithDiffAndUndo() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			ReviewSession session = context.get(ReviewSession.class);
			MApplication application = context.get(MApplication.class);
			EModelService models = context.get(EModelService.class);
			IEclipseContext window = application.getChildren().get(0).getContext();
			EPartService parts = window.get(EPartService.class);
			RuleSet sampleSet = session.review().getRuleSets().get(0);
			// The sample is rebuilt with each rule set version: date its set back a month so that an age limit
			// below its age exists (in memory only, as an edit the parts follow).
			session.commandStack().execute(SetCommand.create(session.editingDomain(), sampleSet,
					ReviewPackage.Literals.RULE_SET__DATE, LocalDate.now().minusDays(30)));
			String sampleLabel = sampleSet.getId() + " " + sampleSet.getVersion() + ", as of " + sampleSet.getDate();
			long age = ChronoUnit.DAYS.between(sampleSet.getDate(), LocalDate.now());

			// The menu: File > Import > Contracting Report... and Rule Set..., the latter enabled on an open review.
			MMenu importMenu = models.findElements(application.getChildren().get(0),
					"procurement.review.ui.menu.import", MMenu.class, null, EModelService.IN_MAIN_MENU).get(0);
			assertEquals("Import", importMenu.getLabel());
			assertEquals(List.of("Contracting Report...", "Rule Set..."), importMenu.getChildren().stream()
					.map(e -> e.getLabel()).toList());
			ParameterizedCommand importRuleSet = window.get(ECommandService.class)
					.createCommand("procurement.review.ui.command.importRuleSet", null);
			EHandlerService handlers = window.get(EHandlerService.class);
			assertTrue(handlers.canExecute(importRuleSet), "Import > Rule Set... is enabled on an open review");

			// Recent enough for the preference: the navigator names the set with its as-of date, no warning.
			ReviewPreferences.storeMaxRuleSetAgeDays((int) age + 1);
			NavigatorPart navigator = (NavigatorPart) ((MPart) models.find("procurement.review.ui.part.navigator",
					application)).getObject();
			StatusLine status = (StatusLine) ((MToolControl) models.find("procurement.review.ui.statusline",
					application)).getObject();
			WorkbenchHarness.waitUntil(display, () -> sampleLabel.equals(ruleSetLabel(navigator)), 5000);
			assertEquals(sampleLabel, ruleSetLabel(navigator));
			WorkbenchHarness.waitUntil(display, () -> status.notice().isEmpty(), 5000);
			assertEquals("", status.notice(), "no warning while the rule set is recent enough");

			// Older than the preference allows: the status line and the navigator warn, the Orders part too.
			ReviewPreferences.storeMaxRuleSetAgeDays((int) age - 1);
			WorkbenchHarness.waitUntil(display, () -> !status.notice().isEmpty()
					&& ruleSetLabel(navigator).contains("older than"), 5000);
			assertEquals(RuleSetDiff.staleness(sampleSet, LocalDate.now(), (int) age - 1) + ".", status.notice());
			assertEquals(sampleLabel + " - older than " + (age - 1) + " days, import a newer one",
					ruleSetLabel(navigator));
			OrdersPart orders = show(context, parts, "procurement.review.ui.part.orders", OrdersPart.class);
			assertTrue(orders.ruleSetText().startsWith("Rule set: " + sampleLabel + ". Rule set "),
					orders.ruleSetText());
			assertTrue(orders.ruleSetText().contains("import a newer rule set"), orders.ruleSetText());

			// A newer rule set: its differences are shown first; Cancel changes nothing.
			RuleSet newer = BuiltinRules.load();
			Path file = dir.resolve("builtin-" + newer.getVersion() + ".ruleset");
			write(newer, file);
			WorkbenchHarness.Answer cancel = WorkbenchHarness.whenShellOpens(display,
					ImportRuleSetHandler.DIFF_TITLE, 10000, shell -> WorkbenchHarness.press(shell, "Cancel"));
			assertFalse(ImportRuleSetHandler.importFile(display.getActiveShell(), session, file));
			cancel.check();
			assertTrue(session.review().getRuleSets().get(0) == sampleSet, "Cancel leaves the rule set in place");

			// Import: the lines of the diff in the dialog, then one undoable command.
			AtomicReference<List<String>> shown = new AtomicReference<>();
			WorkbenchHarness.Answer accept = WorkbenchHarness.whenShellOpens(display,
					ImportRuleSetHandler.DIFF_TITLE, 10000, shell -> {
						ImportRuleSetHandler.DiffDialog dialog = (ImportRuleSetHandler.DiffDialog) shell.getData();
						shown.set(Arrays.asList(dialog.list().getItems()));
						WorkbenchHarness.press(shell, "Import");
					});
			assertTrue(ImportRuleSetHandler.importFile(display.getActiveShell(), session, file));
			accept.check();
			RuleSetDiff diff = RuleSetDiff.of(sampleSet, BuiltinRules.load());
			assertEquals(diff.lines(), shown.get(), "the dialog lists the differences");
			assertTrue(shown.get().get(0).startsWith("Rule set builtin: " + sampleSet.getVersion() + " (as of "
					+ sampleSet.getDate() + ") -> " + newer.getVersion()), shown.get().get(0));
			assertTrue(shown.get().size() > 1, "the newer set differs: " + shown.get());
			RuleSet imported = session.review().getRuleSets().get(0);
			assertEquals(newer.getVersion(), imported.getVersion());
			assertTrue(session.review().getFormerRuleSets().contains(sampleSet), "the old set is kept");
			String newLabel = "builtin " + newer.getVersion() + ", as of " + newer.getDate();
			WorkbenchHarness.waitUntil(display, () -> orders.ruleSetText().startsWith("Rule set: " + newLabel),
					5000);
			assertTrue(orders.ruleSetText().startsWith("Rule set: " + newLabel), orders.ruleSetText());
			WorkbenchHarness.waitUntil(display, () -> ruleSetLabel(navigator).startsWith(newLabel), 5000);
			assertTrue(ruleSetLabel(navigator).startsWith(newLabel), ruleSetLabel(navigator));

			// Edit > Undo, through its command and handler, takes the import back in one step.
			ParameterizedCommand undo = window.get(ECommandService.class)
					.createCommand("procurement.review.ui.command.undo", null);
			assertTrue(handlers.canExecute(undo));
			handlers.executeHandler(undo);
			assertTrue(session.review().getRuleSets().get(0) == sampleSet, "undo puts the old rule set back");
			assertFalse(session.review().getFormerRuleSets().contains(sampleSet));
			WorkbenchHarness.waitUntil(display, () -> orders.ruleSetText().startsWith("Rule set: " + sampleLabel),
					5000);
			assertTrue(orders.ruleSetText().startsWith("Rule set: " + sampleLabel), orders.ruleSetText());
			// The navigator follows the undo at once (its refresh runs on the command, not after the display is idle).
			assertTrue(ruleSetLabel(navigator).startsWith(sampleLabel), ruleSetLabel(navigator));

			// A file that is not a rule set: one sentence that names it, and the review unchanged.
			Path notRules = dir.resolve("notes.ruleset");
			try {
				Files.writeString(notRules, "Vendor,Amount\nACME,10\n");
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			AtomicReference<String> error = new AtomicReference<>();
			WorkbenchHarness.Answer refused = WorkbenchHarness.whenShellOpens(display,
					ImportRuleSetHandler.DIFF_TITLE, 10000, shell -> {
						error.set(WorkbenchHarness.find(shell, Label.class).stream().map(Label::getText)
								.filter(t -> !t.isEmpty()).collect(Collectors.joining("|")));
						WorkbenchHarness.press(shell, "OK");
					});
			assertFalse(ImportRuleSetHandler.importFile(display.getActiveShell(), session, notRules));
			refused.check();
			assertTrue(error.get().startsWith("The file " + notRules + " cannot be imported as a rule set: "),
					error.get());
			assertTrue(error.get().contains(": it is not a readable rule set"), error.get());
			assertTrue(error.get().endsWith(".") && !error.get().contains("\n") && !error.get().contains("|"),
					"one sentence: " + error.get());
			assertTrue(session.review().getRuleSets().get(0) == sampleSet);
		});
	}

	private static String ruleSetLabel(NavigatorPart navigator) {
		for (TreeItem group : navigator.viewer().getTree().getItems()) {
			if (group.getText().startsWith("Rule sets")) {
				navigator.viewer().expandToLevel(group.getData(), 1);
				return group.getItemCount() == 0 ? "" : group.getItem(0).getText();
			}
		}
		return "";
	}

	private static void write(RuleSet ruleSet, Path file) {
		try (OutputStream out = Files.newOutputStream(file)) {
			RuleSets.write(ruleSet, out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static <T> T show(IEclipseContext context, EPartService parts, String id, Class<T> type) {
		MPart part = (MPart) context.get(EModelService.class).find(id, context.get(MApplication.class));
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		return type.cast(part.getObject());
	}
}
