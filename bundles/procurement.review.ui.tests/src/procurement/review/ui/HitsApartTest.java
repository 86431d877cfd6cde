package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.Vendor;
import procurement.review.ui.parts.HitsPart;

/**
 * The Hits part on the sample review: hits bought before their rule applied (the made-up Huawei purchases of 2017,
 * before section 889(a)(1)(A) took effect on 2019-08-13) are marked and listed apart, the Show filter separates
 * them; an exception of the hit's rule is recorded through the combo and shows in the row with the note.
 */
class HitsApartTest {

	@Test
	void beforeEffectiveHitsApartAndExceptionsRecorded() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			ReviewSession session = context.get(ReviewSession.class);
			MApplication application = context.get(MApplication.class);
			IEclipseContext window = application.getChildren().get(0).getContext();
			EPartService parts = window.get(EPartService.class);
			HitsPart hits = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.hits", HitsPart.class);
			Table table = hits.viewer().getTable();
			int total = session.review().getMatches().size();
			WorkbenchHarness.waitUntil(display, () -> table.getItemCount() == total, 5000);
			assertEquals(total, table.getItemCount(), "every hit is listed");
			int applies = column(table, "Applies");

			// The 889 hits on Huawei's 2017 purchases are before effective; BOD 17-01 concerns presence, never.
			// (a vendor-level hit on a Huawei vendor that bought nothing in the review, such as a parent, affects no
			// action and is not before effective)
			Set<Vendor> buying = session.review().getReports().stream().flatMap(r -> r.getActions().stream())
					.map(ContractAction::getVendor).filter(v -> v != null).collect(Collectors.toSet());
			List<Match> huawei889 = rows(table).stream().filter(m -> "NDAA19-889A".equals(m.getRule().getId())
					&& m.getKind() != MatchKind.DESCRIPTION && buying.contains(m.getVendor())
					&& m.getVendor().getName().contains("HUAWEI")).toList();
			assertFalse(huawei889.isEmpty(), "the sample has 889 hits on Huawei's purchases of 2017");
			for (Match m : huawei889) {
				assertEquals(HitsPart.BEFORE_EFFECTIVE, item(table, m).getText(applies), m.getKey());
			}
			for (Match m : rows(table)) {
				if ("BOD-17-01".equals(m.getRule().getId())) {
					assertEquals("", item(table, m).getText(applies), "presence rule: " + m.getKey());
				}
			}
			// Listed apart: after every hit in force.
			List<String> marks = new ArrayList<>();
			for (TableItem item : table.getItems()) {
				marks.add(item.getText(applies));
			}
			int firstApart = marks.indexOf(HitsPart.BEFORE_EFFECTIVE);
			assertTrue(marks.subList(firstApart, marks.size()).stream().allMatch(HitsPart.BEFORE_EFFECTIVE::equals),
					"before-effective hits come last: " + marks);
			long apart = marks.size() - firstApart;
			assertTrue(hits.countText().contains(", " + apart + " before effective"), hits.countText());

			// The Show filter: only them, or only the others.
			hits.show(HitsPart.SHOW_BEFORE_EFFECTIVE);
			assertEquals(apart, table.getItemCount());
			assertTrue(rows(table).containsAll(huawei889));
			for (TableItem item : table.getItems()) {
				assertEquals(HitsPart.BEFORE_EFFECTIVE, item.getText(applies));
			}
			hits.show(HitsPart.SHOW_IN_FORCE);
			assertEquals(total - apart, table.getItemCount());
			for (TableItem item : table.getItems()) {
				assertEquals("", item.getText(applies));
			}
			hits.show(HitsPart.SHOW_ALL);
			assertEquals(total, table.getItemCount());

			// The sample's rule set lists the section 889(a)(2) exceptions on the 889 rules, and none on BOD 17-01.
			Match bod = rows(table).stream().filter(m -> "BOD-17-01".equals(m.getRule().getId())).findFirst()
					.orElseThrow(() -> new AssertionError("the sample has BOD 17-01 hits"));
			hits.viewer().setSelection(new StructuredSelection(bod), true);
			assertFalse(hits.exceptionCombo().isEnabled(), "BOD 17-01 lists no exception to record");
			Match excepted = rows(table).stream().filter(m -> m.getRule().getId().startsWith("NDAA19-889")
					&& !m.getRule().getExceptions().isEmpty()).findFirst()
					.orElseThrow(() -> new AssertionError("no 889 hit after matching with the current rules"));
			hits.viewer().setSelection(new StructuredSelection(excepted), true);
			assertTrue(hits.exceptionCombo().isEnabled());
			List<String> offered = new ArrayList<>(List.of(HitsPart.NO_EXCEPTION));
			offered.addAll(excepted.getRule().getExceptions());
			assertEquals(offered, List.of(hits.exceptionCombo().getItems()));
			assertEquals(HitsPart.NO_EXCEPTION, hits.exceptionCombo().getText());

			String backhaul = excepted.getRule().getExceptions().get(0);
			org.eclipse.swt.widgets.Text note = WorkbenchHarness.find(table.getParent(),
					org.eclipse.swt.widgets.Text.class).get(0);
			note.setText("backhaul link only, per the CIO");
			hits.chooseException(backhaul);
			assertEquals(backhaul, excepted.getDecision().getException());
			assertEquals(DecisionState.SAME, excepted.getDecision().getState());
			assertEquals("Record exception", session.commandStack().getUndoCommand().getLabel());
			TableItem row = item(table, excepted);
			assertEquals(backhaul.substring(0, backhaul.indexOf(": ")), row.getText(column(table, "Exception")));
			assertEquals("backhaul link only, per the CIO", row.getText(column(table, "Note")));
			assertEquals(backhaul, hits.exceptionCombo().getText(), "the combo shows the recorded exception");

			// "none" takes it back, keeping the note; Edit > Undo restores it.
			hits.viewer().setSelection(new StructuredSelection(excepted), true);
			hits.chooseException(null);
			assertNull(excepted.getDecision().getException());
			assertEquals("", item(table, excepted).getText(column(table, "Exception")));
			assertEquals("backhaul link only, per the CIO", item(table, excepted).getText(column(table, "Note")));
			session.commandStack().undo();
			assertEquals(backhaul, excepted.getDecision().getException());

			// "none" on an undecided hit decides nothing.
			Match undecided = rows(table).stream().filter(m -> m.getDecision() == null
					&& !m.getRule().getExceptions().isEmpty()).findFirst()
					.orElseThrow(() -> new AssertionError("the sample has an undecided hit on a rule with exceptions"));
			hits.viewer().setSelection(new StructuredSelection(undecided), true);
			hits.chooseException(null);
			assertNull(undecided.getDecision());
		});
	}

	private static List<Match> rows(Table table) {
		List<Match> out = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			out.add((Match) item.getData());
		}
		return out;
	}

	private static TableItem item(Table table, Match match) {
		for (TableItem item : table.getItems()) {
			if (item.getData() == match) {
				return item;
			}
		}
		throw new AssertionError("no row for " + match.getKey());
	}

	private static int column(Table table, String title) {
		for (int i = 0; i < table.getColumnCount(); i++) {
			if (title.equals(table.getColumn(i).getText())) {
				return i;
			}
		}
		throw new AssertionError("no column " + title);
	}
}
