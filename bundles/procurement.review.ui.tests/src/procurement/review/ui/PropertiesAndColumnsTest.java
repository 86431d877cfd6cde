package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.ContractAction;
import procurement.review.model.DecisionState;
import procurement.review.model.MatchKind;
import procurement.review.model.Match;
import procurement.review.model.OrderStatus;
import procurement.review.model.RiskLevel;
import procurement.review.model.Vendor;
import procurement.review.ui.internal.ColumnWidths;
import procurement.review.ui.internal.Names;
import procurement.review.ui.parts.ActionsPart;
import procurement.review.ui.parts.DashboardPart;
import procurement.review.ui.parts.HitsPart;
import procurement.review.ui.parts.OrdersPart;
import procurement.review.ui.parts.PropertiesPart;
import procurement.review.ui.parts.VendorsPart;

/**
 * The Properties part and the value columns on the sample review, through the real widgets: attributes named as a
 * reviewer says them and values written as everywhere else; a hit's decision note edited in the Value cell as one
 * undoable command that the Hits part's Note column shows; enum, money and date columns as wide as their widest
 * value after a reload, and a width the reviewer set left alone.
 */
class PropertiesAndColumnsTest {

	private static final String PROPERTIES = "procurement.review.ui.part.properties";
	private static final String HITS = "procurement.review.ui.part.hits";
	private static final Pattern MONEY = Pattern.compile("-?\\$\\d{1,3}(,\\d{3})*\\.\\d\\d");
	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
	private static final Pattern SECONDS = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

	@Test
	void labelsInWords() {
		assertEquals("UEI", Names.label("uei"));
		assertEquals("DUNS", Names.label("duns"));
		assertEquals("CAGE code", Names.label("cage"));
		assertEquals("PIID", Names.label("piid"));
		assertEquals("NAICS code", Names.label("naicsCode"));
		assertEquals("Action date", Names.label("actionDate"));
		assertEquals("Origin country code", Names.label("originCountryCode"));
		assertEquals("Place of manufacture name", Names.label("placeOfManufactureName"));
		assertEquals("Contract action", Names.label("ContractAction"));
		assertEquals("URL path 2", Names.label("URLPath2"));
		Instant instant = Instant.parse("2026-12-07T03:41:55.123456789Z");
		assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(instant.atZone(ZoneId.systemDefault())),
				Names.time(instant));
		assertEquals("2017-09-13", Names.date(LocalDate.of(2017, 9, 13)));
	}

	private static MPart part(IEclipseContext context, String id) {
		return (MPart) context.get(EModelService.class).find(id, context.get(MApplication.class));
	}

	private static List<String> names(PropertiesPart properties) {
		return Arrays.stream(properties.viewer().getTable().getItems()).map(i -> i.getText(0)).toList();
	}

	private static String cell(Table table, Object element, int column) {
		for (TableItem item : table.getItems()) {
			if (item.getData() == element) {
				return item.getText(column);
			}
		}
		throw new AssertionError("no row for " + element);
	}

	private static int textWidth(Table table, String text) {
		GC gc = new GC(table);
		try {
			gc.setFont(table.getFont());
			return gc.textExtent(text).x;
		} finally {
			gc.dispose();
		}
	}

	/** Asserts that each text fits the column, with room to spare for the cell's padding. */
	private static void assertFits(Table table, int column, Collection<String> texts) {
		TableColumn c = table.getColumn(column);
		for (String text : texts) {
			int needed = textWidth(table, text);
			assertTrue(needed + 12 <= c.getWidth(),
					"'" + text + "' needs " + needed + " px in the column " + c.getText() + " of " + c.getWidth());
		}
	}

	private static List<String> column(Table table, int column) {
		return Arrays.stream(table.getItems()).map(i -> i.getText(column)).toList();
	}

	@Test
	void propertiesReadableNotesEditableColumnsWide() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			ReviewSession session = context.get(ReviewSession.class);
			assertNotNull(session, "the sample is open");
			EPartService parts = context.get(MApplication.class).getChildren().get(0).getContext()
					.get(EPartService.class);
			PropertiesPart properties = RuleSetImportTest.show(context, parts, PROPERTIES, PropertiesPart.class);

			// A contract action: PIID, NAICS code, the action date as a date, the obligation in the money format.
			ActionsPart actions = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.actions",
					ActionsPart.class);
			WorkbenchHarness.await(display, () -> !actions.isFiltering() && !actions.rows().isEmpty(), 20000,
					() -> "no contract action rows");
			int at = 0;
			while (actions.rows().get(at).getActionDate() == null || actions.rows().get(at).getObligation() == null) {
				at++;
			}
			ContractAction action = actions.rows().get(at);
			actions.reveal(action);
			WorkbenchHarness.await(display, () -> properties.shownObject() == action, 5000,
					() -> "Properties shows " + properties.shownObject());
			List<String> actionRows = names(properties);
			assertTrue(actionRows.containsAll(List.of("PIID", "NAICS code", "NAICS description", "PSC code",
					"Action date", "Obligation", "Origin country code")), actionRows.toString());
			assertTrue(actionRows.stream().noneMatch(n -> n.equals("Piid") || n.equals("Naics Code")),
					actionRows.toString());
			assertEquals(action.getActionDate().toString(), properties.cell("Action date"));
			assertTrue(DATE.matcher(properties.cell("Action date")).matches(), properties.cell("Action date"));
			assertEquals(Names.money(action.getObligation()), properties.cell("Obligation"));
			assertTrue(MONEY.matcher(properties.cell("Obligation")).matches(), properties.cell("Obligation"));
			assertEquals(Objects.toString(action.getPiid(), ""), properties.cell("PIID"));
			assertTrue(properties.titleText().startsWith("Contract action: "), properties.titleText());

			// A vendor: UEI, DUNS, CAGE code.
			VendorsPart vendors = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.vendors",
					VendorsPart.class);
			WorkbenchHarness.await(display, () -> !vendors.isComputing() && !vendors.table().rows().isEmpty(), 20000,
					() -> "no vendor rows");
			vendors.table().select(0);
			Vendor vendor = vendors.table().rows().get(0).vendor();
			WorkbenchHarness.await(display, () -> properties.shownObject() == vendor, 5000,
					() -> "Properties shows " + properties.shownObject());
			List<String> vendorRows = names(properties);
			assertTrue(vendorRows.containsAll(List.of("UEI", "DUNS", "CAGE code", "Name", "Country code")),
					vendorRows.toString());
			assertTrue(vendorRows.stream().noneMatch(n -> n.equals("Uei") || n.equals("Duns") || n.equals("Cage")),
					vendorRows.toString());

			// A hit, decided without a note: its decision shows, the time to the second in local time.
			HitsPart hits = RuleSetImportTest.show(context, parts, HITS, HitsPart.class);
			hits.show(HitsPart.SHOW_ALL);
			Table hitTable = hits.viewer().getTable();
			Match hit = session.review().getMatches().stream().filter(m -> m.getDecision() == null).findFirst()
					.orElseThrow(() -> new AssertionError("the sample has an undecided hit"));
			hits.viewer().setSelection(new StructuredSelection(hit), true);
			WorkbenchHarness.await(display, () -> properties.shownObject() == hit, 5000,
					() -> "Properties shows " + properties.shownObject());
			assertNull(properties.row(PropertiesPart.DECISION_NOTE), "an undecided hit has no decision note yet");
			hits.decide(DecisionState.UNSURE);
			assertNotNull(hit.getDecision());
			assertNull(hit.getDecision().getNote());
			hits.viewer().setSelection(new StructuredSelection(hit), true);
			WorkbenchHarness.await(display, () -> properties.shownObject() == hit
					&& properties.row(PropertiesPart.DECISION_NOTE) != null, 5000,
					() -> "Properties shows " + properties.shownObject() + " with " + names(properties));
			assertEquals("Unsure", properties.cell("Decision"));
			String decidedAt = properties.cell("Decided at");
			assertTrue(SECONDS.matcher(decidedAt).matches(), decidedAt);
			assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
					.format(hit.getDecision().getTime().atZone(ZoneId.systemDefault())), decidedAt);
			assertTrue(names(properties).containsAll(List.of("Risk level", "Matched text", "Covered entity")),
					names(properties).toString());
			assertEquals(Names.of(hit.getRiskLevel()), properties.cell("Risk level"), "enum values in words");

			// The reviewer types the note into the Value cell and presses Enter: one undoable step, shown in Hits.
			String note = "Same Moscow address as the 2017 BOD list; asked the CO";
			PropertiesPart.Row noteRow = properties.row(PropertiesPart.DECISION_NOTE);
			properties.viewer().editElement(noteRow, 1);
			assertTrue(properties.viewer().isCellEditorActive(), "the note's Value cell is editable");
			Text editor = WorkbenchHarness.find(properties.viewer().getTable(), Text.class).stream()
					.filter(t -> !t.isDisposed() && t.getVisible()).findFirst()
					.orElseThrow(() -> new AssertionError("no cell editor"));
			editor.setText(note);
			editor.notifyListeners(SWT.DefaultSelection, new Event());
			assertFalse(properties.viewer().isCellEditorActive(), "Enter applied the note");
			assertEquals(note, hit.getDecision().getNote());
			// One undoable step: the SetCommand and the audit entry that records it, with the old and new text.
			var step = (org.eclipse.emf.common.command.CompoundCommand) session.commandStack().getUndoCommand();
			assertTrue(step.getCommandList().get(0) instanceof org.eclipse.emf.edit.command.SetCommand,
					"the note set: " + step);
			var entry = session.review().getAuditLog().get(session.review().getAuditLog().size() - 1);
			assertEquals("edit", entry.getAction());
			assertTrue(entry.getDetail().endsWith(": (none) -> \"" + note + "\""), entry.getDetail());
			assertTrue(procurement.review.core.AuditLog.problems(session.review()).isEmpty(),
					"the content is what the newest entry recorded");
			assertTrue(session.isDirty(), "the note makes the review dirty");
			assertEquals(note, cell(hitTable, hit, 3), "the Hits part's Note column shows it");
			assertEquals(note, properties.cell(PropertiesPart.DECISION_NOTE));
			session.commandStack().undo();
			assertNull(hit.getDecision().getNote(), "undone");
			assertEquals("", cell(hitTable, hit, 3));
			session.commandStack().redo();
			assertEquals(note, cell(hitTable, hit, 3), "redone");
			// the Decision's note row edits nothing that is not text, and the same text runs no command
			org.eclipse.emf.common.command.Command undoable = session.commandStack().getUndoCommand();
			assertFalse(properties.edit(properties.row(PropertiesPart.DECISION_NOTE), note));
			org.junit.jupiter.api.Assertions.assertSame(undoable, session.commandStack().getUndoCommand());
			assertFalse(properties.edit(properties.row("Decided at"), "2020-01-01"), "a time is not edited as text");

			// Hits: the enum columns as wide as their widest word; a width the reviewer set is kept.
			assertFits(hitTable, 0, Names.all(DecisionState.VALUES));
			assertFits(hitTable, 1, List.of(HitsPart.BEFORE_EFFECTIVE));
			assertFits(hitTable, 8, Names.all(RiskLevel.VALUES));
			assertFits(hitTable, 9, Names.all(MatchKind.VALUES));
			hitTable.getColumn(8).setWidth(45); // the reviewer narrows Risk
			assertTrue(ColumnWidths.setByReviewer(hitTable.getColumn(8)));
			assertFalse(ColumnWidths.setByReviewer(hitTable.getColumn(0)), "Decision was sized by the workbench");
			session.commandStack().undo();
			session.commandStack().redo(); // two reloads
			assertEquals(45, hitTable.getColumn(8).getWidth(), "the reviewer's width survives a reload");
			assertEquals("8", part(context, HITS).getPersistedState().get(ColumnWidths.BY_REVIEWER),
					"kept with the part as the reviewer's");

			// Orders: status words, issue dates and totals fit.
			OrdersPart orders = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.orders",
					OrdersPart.class);
			orders.generate(OrderGenerator.findRule(session.review(), "BOD-17-01"), LocalDate.now());
			Table orderTable = orders.viewer().getTable();
			WorkbenchHarness.await(display, () -> orderTable.getItemCount() > 0, 5000, () -> "no order generated");
			assertFits(orderTable, 3, Names.all(OrderStatus.VALUES));
			assertTrue(column(orderTable, 4).stream().allMatch(d -> DATE.matcher(d).matches()),
					column(orderTable, 4).toString());
			assertFits(orderTable, 4, column(orderTable, 4));
			assertFits(orderTable, 7, column(orderTable, 7));

			// Contract actions: dates and amounts on screen fit, and so do the largest and most negative amount of
			// all rows (found by the filter job), even off screen.
			actions.filterDepartment(null);
			RuleSetImportTest.show(context, parts, "procurement.review.ui.part.actions", ActionsPart.class);
			WorkbenchHarness.await(display, () -> !actions.isFiltering(), 20000, () -> "filtering");
			WorkbenchHarness.pump(display, 300);
			Table actionTable = actions.viewer().getTable();
			assertFits(actionTable, 2, column(actionTable, 2));
			assertFits(actionTable, 6, column(actionTable, 6));
			BigDecimal max = actions.rows().stream().map(ContractAction::getObligation).filter(Objects::nonNull)
					.max(BigDecimal::compareTo).orElseThrow();
			BigDecimal min = actions.rows().stream().map(ContractAction::getObligation).filter(Objects::nonNull)
					.min(BigDecimal::compareTo).orElseThrow();
			assertFits(actionTable, 6, List.of(Names.money(max), Names.money(min)));
			// an amount wider than the column's initial width, on a row off screen: the column grows to it
			ContractAction far = actions.rows().get(actions.rows().size() - 1);
			assertFalse(actions.table().onScreen().contains(far), "the last row is off screen");
			BigDecimal huge = new BigDecimal("-987654321098.76");
			session.commandStack().execute(org.eclipse.emf.edit.command.SetCommand.create(session.editingDomain(),
					far, procurement.review.model.ReviewPackage.Literals.CONTRACT_ACTION__OBLIGATION, huge));
			WorkbenchHarness.await(display, () -> !actions.isFiltering(), 20000, () -> "filtering");
			// The refilter that widens the column is a Job: on a loaded machine it may not have begun at the check
			// above, so wait for its outcome rather than a fixed time.
			WorkbenchHarness.await(display,
					() -> textWidth(actionTable, Names.money(huge)) + 12 <= actionTable.getColumn(6).getWidth(), 5000,
					() -> "the Amount column stayed " + actionTable.getColumn(6).getWidth() + " px");
			assertTrue(textWidth(actionTable, Names.money(huge)) + 12 > 110, "wider than the initial 110 px");
			assertFits(actionTable, 6, List.of(Names.money(huge)));
			assertFalse(actions.table().onScreen().contains(far), "measured without being on screen");
			session.commandStack().undo();
			WorkbenchHarness.await(display, () -> !actions.isFiltering(), 20000, () -> "filtering");
			WorkbenchHarness.pump(display, 300);
			assertTrue(actionTable.getColumn(6).getWidth() < textWidth(actionTable, Names.money(huge)),
					"back to the widest amount the review holds: " + actionTable.getColumn(6).getWidth());
			// the reviewer's width on Amount holds through a new filter
			actionTable.getColumn(6).setWidth(70);
			actions.filterDepartment(action.getDepartment() == null ? null : action.getDepartment().getName());
			WorkbenchHarness.await(display, () -> !actions.isFiltering(), 20000, () -> "filtering");
			WorkbenchHarness.pump(display, 300);
			assertEquals(70, actionTable.getColumn(6).getWidth(), "the reviewer's width on Amount");
			actions.filterDepartment(null);

			// Vendors: risk words and exposures fit.
			RuleSetImportTest.show(context, parts, "procurement.review.ui.part.vendors", VendorsPart.class);
			WorkbenchHarness.await(display, () -> !vendors.isComputing(), 20000, () -> "vendor figures");
			WorkbenchHarness.pump(display, 300);
			Table vendorTable = vendors.viewer().getTable();
			assertFits(vendorTable, 2, Names.all(RiskLevel.VALUES));
			assertFits(vendorTable, 4, column(vendorTable, 4));
			BigDecimal largest = vendors.table().rows().stream().map(VendorsPart.VendorRow::exposure)
					.max(BigDecimal::compareTo).orElseThrow();
			assertFits(vendorTable, 4, List.of(Names.money(largest)));

			// Departments: exposures fit.
			DashboardPart departments = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.dashboard",
					DashboardPart.class);
			Table departmentTable = WorkbenchHarness.find(
					(org.eclipse.swt.widgets.Composite) part(context, "procurement.review.ui.part.dashboard").getWidget(),
					Table.class).get(0);
			assertEquals(departments.rows().size(), departmentTable.getItemCount());
			assertFits(departmentTable, 2, column(departmentTable, 2));
		});
	}
}
