package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.model.ContractAction;
import procurement.review.model.Department;
import procurement.review.ui.parts.ActionsPart;

/**
 * The benchmark of the workbench on a million actions: a watchdog thread pings the UI thread every 10 ms while the
 * test scrolls the actions table from top to bottom, filters it by department and by text, and sorts it; the worst
 * delay of a ping is the longest time the UI thread was blocked. It is reported (standard output and
 * target/ui-responsiveness.txt) with the UI thread's stack whenever a ping was over 100 ms late (the goal), and held
 * to a generous ceiling of 250 ms per interaction; the functional results (rows, filter, sort order) are asserted.
 */
class ResponsivenessTest {

	static final int ROWS = Integer.getInteger("ui.bench.rows", 1_048_576);

	/**
	 * A million actions as a reviewer gets them: a USAspending-style CSV written to disk, read by the importer and
	 * landed as one command, as File > Import does (25 departments, 50,000 vendors, every 1,000th row about
	 * Kaspersky).
	 */
	static ReviewSession millionActions() throws Exception {
		Path csv = Files.createTempFile("responsiveness", ".csv");
		try {
			try (var out = Files.newBufferedWriter(csv)) {
				out.write("contract_transaction_unique_key,award_id_piid,modification_number,action_date,"
						+ "federal_action_obligation,awarding_agency_code,awarding_agency_name,awarding_sub_agency_code,"
						+ "awarding_sub_agency_name,recipient_name,transaction_description\n");
				LocalDate start = LocalDate.of(2017, 1, 1);
				for (int i = 0; i < ROWS; i++) {
					int d = i % 25;
					out.write("T" + i + ",P" + i + ",0," + start.plusDays(i % 365) + ","
							+ BigDecimal.valueOf((i % 9973) * 13L - 5000, 2).toPlainString() + "," + (900 + d)
							+ ",DEPARTMENT " + d + "," + (9000 + d) + ",COMPONENT " + d + ",VENDOR "
							+ (i % 50_000) + " INC,"
							+ (i % 1000 == 0 ? "KASPERSKY ENDPOINT SECURITY RENEWAL " : "OFFICE SUPPLIES ") + i + "\n");
				}
			}
			ReviewSession session = ReviewSession.create("Responsiveness");
			ReviewImporter importer = new ReviewImporter(session.review());
			ImportResult result = importer.read(csv, new NullProgressMonitor());
			session.commandStack().execute(importer.command(session.editingDomain(), result));
			assertEquals(ROWS, result.actionCount(), "every row imported");
			return session;
		} finally {
			Files.deleteIfExists(csv);
		}
	}

	@Test
	void millionRowTableStaysResponsive() throws Throwable {
		ReviewSession big = millionActions();
		BigDecimal smallest = big.review().getReports().get(0).getActions().stream()
				.map(ContractAction::getObligation).min(BigDecimal::compareTo).orElseThrow();
		BigDecimal largest = big.review().getReports().get(0).getActions().stream()
				.map(ContractAction::getObligation).max(BigDecimal::compareTo).orElseThrow();
		StringBuilder report = new StringBuilder();
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			AtomicLong worst = new AtomicLong();
			long started = System.nanoTime();
			AtomicBoolean running = new AtomicBoolean(true);
			List<String> blocked = java.util.Collections.synchronizedList(new ArrayList<>());
			Thread watchdog = new Thread(() -> {
				while (running.get()) {
					long sent = System.nanoTime();
					AtomicBoolean answered = new AtomicBoolean();
					display.asyncExec(() -> {
						worst.accumulateAndGet(System.nanoTime() - sent, Math::max);
						answered.set(true);
					});
					boolean sampled = false;
					while (!answered.get() && running.get()) {
						if (!sampled && System.nanoTime() - sent > 100_000_000L) {
							// late: where is the UI thread? the report names the code that blocked it
							sampled = true;
							StringBuilder where = new StringBuilder(String.format(" (%d ms into the run)",
									(sent - started) / 1_000_000));
							StackTraceElement[] stack = display.getThread().getStackTrace();
							for (int i = 0; i < Math.min(12, stack.length); i++) {
								where.append("\n    at ").append(stack[i]);
							}
							blocked.add(where.toString());
						}
						try {
							Thread.sleep(1);
						} catch (InterruptedException e) {
							return;
						}
					}
					try {
						Thread.sleep(10);
					} catch (InterruptedException e) {
						return;
					}
				}
			}, "UI watchdog");
			watchdog.start();
			context.set(ReviewSession.class, big);
			ActionsPart actions = show(context);
			Table table = actions.viewer().getTable();
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && actions.rows().size() == ROWS, 60_000);
			assertEquals(ROWS, actions.rows().size());
			Slider slider = actions.table().slider();
			// the parts' background work after opening the review (vendor figures, validation) competes with the
			// UI for the two cores: the opening is measured on its own, until that work is done
			long settling = System.nanoTime();
			WorkbenchHarness.waitUntil(display, () -> Job.getJobManager().isIdle(), 120_000);
			long opening = worst.getAndSet(0);
			report.append(String.format("opening the review: worst UI-thread pause %d ms; background work after"
					+ " it %d ms%n", opening / 1_000_000, (System.nanoTime() - settling) / 1_000_000));

			long[] phases = new long[4];
			long t = System.nanoTime();
			// scrolling: the slider dragged through the whole list, then wheel and keys at both ends
			long slowestStep = 0;
			int slowestAt = -1;
			for (int top = 0; top < ROWS; top += ROWS / 200) {
				long s0 = System.nanoTime();
				slider.setSelection(top);
				slider.notifyListeners(SWT.Selection, new Event());
				// as a hand on the slider: the next position comes after the table has drawn this one
				while (display.readAndDispatch()) {
					// draw
				}
				long s1 = System.nanoTime() - s0;
				if (s1 > slowestStep) {
					slowestStep = s1;
					slowestAt = top;
				}
				WorkbenchHarness.pump(display, 5);
			}
			report.append(String.format("slowest scroll step (move and draw) %d ms at row %d, %d items in the"
					+ " table, scrolling ended %d ms into the run%n", slowestStep / 1_000_000, slowestAt, table.getItemCount(),
					(System.nanoTime() - started) / 1_000_000));
			assertEquals(actions.rows().get(actions.table().top()).getPiid(), table.getItem(0).getText(0));
			for (int key : new int[] {SWT.END, SWT.PAGE_UP, SWT.ARROW_UP, SWT.HOME, SWT.PAGE_DOWN, SWT.ARROW_DOWN}) {
				Event event = new Event();
				event.keyCode = key;
				table.notifyListeners(SWT.KeyDown, event);
				while (display.readAndDispatch()) {
					// draw
				}
				WorkbenchHarness.pump(display, 5);
			}
			Event wheel = new Event();
			wheel.count = -3;
			table.notifyListeners(SWT.MouseVerticalWheel, wheel);
			WorkbenchHarness.pump(display, 50);
			phases[0] = worst.getAndSet(0);

			Department seventh = big.review().getReports().get(0).getActions().get(7).getDepartment();
			actions.filterDepartment(seventh.getName());
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && actions.rows().size() < ROWS, 60_000);
			int expected = ROWS / 25 + (7 < ROWS % 25 ? 1 : 0);
			assertEquals(expected, big.review().getReports().get(0).getActions().stream()
					.filter(a -> a.getDepartment() == seventh).count(), "the importer kept the 25 departments apart");
			assertEquals(expected, actions.rows().size(), "filtered to one department");
			phases[1] = worst.getAndSet(0);

			actions.filterDepartment(null);
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && actions.rows().size() == ROWS, 60_000);
			WorkbenchHarness.pump(display, 50);
			phases[2] = worst.getAndSet(0);
			var column = table.getColumn(6);
			// The sort runs off the UI thread: done when the first and the last rows hold the smallest and the largest
			// amounts (in the file's order the first row already holds the smallest, the last one does not).
			column.notifyListeners(SWT.Selection, new Event());
			WorkbenchHarness.waitUntil(display, () -> {
				if (actions.isFiltering() || table.getSortColumn() != column) {
					return false;
				}
				List<ContractAction> rows = actions.rows();
				boolean up = table.getSortDirection() == SWT.UP;
				return rows.get(0).getObligation().compareTo(up ? smallest : largest) == 0
						&& rows.get(rows.size() - 1).getObligation().compareTo(up ? largest : smallest) == 0;
			}, 60_000);
			assertEquals(ROWS, actions.rows().size());
			phases[3] = worst.getAndSet(0);
			running.set(false);
			// Checked after the measurement: a million comparisons on the UI thread are the test's, not the part's.
			assertSortedByAmount(actions.rows(), table.getSortDirection() == SWT.UP);
			for (int i = 0; i < phases.length; i++) {
				pauses[i] = phases[i] / 1_000_000;
			}
			long seconds = (System.nanoTime() - t) / 1_000_000_000L;
			report.append(String.format(
					"UI responsiveness with %,d actions (%d s): worst UI-thread pause scrolling %d ms, filtering by"
							+ " department %d ms, clearing the filter %d ms, sorting by amount %d ms%n",
					ROWS, seconds, phases[0] / 1_000_000, phases[1] / 1_000_000, phases[2] / 1_000_000,
					phases[3] / 1_000_000));
			synchronized (blocked) {
				for (String where : blocked.subList(0, Math.min(5, blocked.size()))) {
					report.append("  UI thread blocked over 100 ms in:").append(where).append('\n');
				}
			}
		});
		System.out.print(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/ui-responsiveness.txt"), report);
		// The goal is 100 ms (reported above); the ceiling is generous, for a shared two-core machine, and still
		// catches a table that draws or filters on the UI thread (seconds on a million rows).
		String[] names = { "scrolling", "filtering by department", "clearing the filter", "sorting by amount" };
		for (int i = 0; i < names.length; i++) {
			assertTrue(pauses[i] <= CEILING_MS, "the UI thread paused " + pauses[i] + " ms while " + names[i]
					+ " (ceiling " + CEILING_MS + " ms, goal " + GOAL_MS + " ms)");
		}
	}

	/** The longest pause of the UI thread a reviewer's action may cause in the test, and what we aim at. */
	static final long CEILING_MS = 250;
	static final long GOAL_MS = 100;

	private final long[] pauses = new long[4];

	private static void assertSortedByAmount(List<ContractAction> rows, boolean ascending) {
		for (int i = 1; i < rows.size(); i++) {
			int order = rows.get(i - 1).getObligation().compareTo(rows.get(i).getObligation());
			if (ascending ? order > 0 : order < 0) {
				throw new AssertionError("not sorted by amount at row " + i + ": " + rows.get(i - 1).getObligation()
						+ " then " + rows.get(i).getObligation());
			}
		}
	}

	private static ActionsPart show(IEclipseContext context) {
		MApplication application = context.get(MApplication.class);
		MPart part = (MPart) context.get(EModelService.class).find("procurement.review.ui.part.actions", application);
		EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		return (ActionsPart) part.getObject();
	}
}
