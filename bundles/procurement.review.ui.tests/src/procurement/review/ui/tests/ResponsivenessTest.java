package procurement.review.ui.tests;

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

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.model.Component;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;
import procurement.review.ui.parts.ActionsPart;

/**
 * The benchmark of the workbench on a million actions: a watchdog thread pings the UI thread every 10 ms while the
 * test scrolls the actions table from top to bottom, filters it by department and by text, and sorts it; the worst
 * delay of a ping is the longest time the UI thread was blocked. It is reported (standard output and
 * target/ui-responsiveness.txt), not asserted: timing asserts fail on a busy machine; the functional results are.
 */
class ResponsivenessTest {

	static final int ROWS = Integer.getInteger("ui.bench.rows", 1_048_576);

	static ReviewSession millionActions() {
		ReviewFactory f = ReviewFactory.eINSTANCE;
		ReviewSession session = ReviewSession.create("Responsiveness");
		ReviewProject review = session.review();
		List<Department> departments = new ArrayList<>();
		for (int d = 0; d < 25; d++) {
			Department department = f.createDepartment();
			department.setCode(String.format("%03d", d));
			department.setName("DEPARTMENT " + d);
			Component component = f.createComponent();
			component.setName("COMPONENT " + d);
			department.getComponents().add(component);
			departments.add(department);
		}
		List<Vendor> vendors = new ArrayList<>();
		for (int v = 0; v < 50_000; v++) {
			Vendor vendor = f.createVendor();
			vendor.setName("VENDOR " + v + " INC");
			vendor.setKey("name:VENDOR " + v + " INC");
			vendors.add(vendor);
		}
		ContractingReport report = f.createContractingReport();
		report.setFileName("generated.csv");
		List<ContractAction> actions = new ArrayList<>(ROWS);
		LocalDate start = LocalDate.of(2017, 1, 1);
		for (int i = 0; i < ROWS; i++) {
			ContractAction action = f.createContractAction();
			action.setPiid("P" + i);
			action.setTransactionKey("T" + i);
			action.setActionDate(start.plusDays(i % 365));
			action.setObligation(BigDecimal.valueOf((i % 9973) * 13L - 5000, 2));
			action.setDescription((i % 1000 == 0 ? "KASPERSKY ENDPOINT SECURITY RENEWAL " : "OFFICE SUPPLIES ") + i);
			Department department = departments.get(i % 25);
			action.setDepartment(department);
			action.setComponent(department.getComponents().get(0));
			action.setVendor(vendors.get(i % vendors.size()));
			action.setSourceRow(i + 2);
			actions.add(action);
		}
		report.getActions().addAll(actions);
		review.getDepartments().addAll(departments);
		review.getVendors().addAll(vendors);
		review.getReports().add(report);
		return session;
	}

	@Test
	void millionRowTableStaysResponsive() throws Throwable {
		ReviewSession big = millionActions();
		StringBuilder report = new StringBuilder();
		WorkbenchHarness.run(new String[0], context -> {
			Display display = Display.getCurrent();
			context.set(ReviewSession.class, big);
			ActionsPart actions = show(context);
			Table table = actions.viewer().getTable();
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && table.getItemCount() == ROWS, 60_000);
			assertEquals(ROWS, table.getItemCount());

			AtomicLong worst = new AtomicLong();
			AtomicBoolean running = new AtomicBoolean(true);
			Thread watchdog = new Thread(() -> {
				while (running.get()) {
					long sent = System.nanoTime();
					display.syncExec(() -> worst.accumulateAndGet(System.nanoTime() - sent, Math::max));
					try {
						Thread.sleep(10);
					} catch (InterruptedException e) {
						return;
					}
				}
			}, "UI watchdog");
			watchdog.start();

			long[] phases = new long[4];
			long t = System.nanoTime();
			for (int top = 0; top < ROWS; top += ROWS / 200) {
				table.setTopIndex(top);
				WorkbenchHarness.waitUntil(display, () -> false, 5);
			}
			table.setTopIndex(ROWS - 1);
			WorkbenchHarness.waitUntil(display, () -> false, 50);
			phases[0] = worst.getAndSet(0);

			actions.filterDepartment("DEPARTMENT 7");
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && table.getItemCount() < ROWS, 60_000);
			int expected = ROWS / 25 + (7 < ROWS % 25 ? 1 : 0);
			assertEquals(expected, table.getItemCount(), "filtered to one department");
			phases[1] = worst.getAndSet(0);

			actions.filterDepartment(null);
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && table.getItemCount() == ROWS, 60_000);
			var column = table.getColumn(6);
			column.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering() && table.getSortColumn() == column,
					60_000);
			WorkbenchHarness.waitUntil(display, () -> !actions.isFiltering(), 60_000);
			assertEquals(ROWS, table.getItemCount());
			phases[2] = worst.getAndSet(0);
			running.set(false);
			long seconds = (System.nanoTime() - t) / 1_000_000_000L;
			report.append(String.format(
					"UI responsiveness with %,d actions (%d s): worst UI-thread pause scrolling %d ms, filtering by"
							+ " department %d ms, sorting by amount %d ms%n",
					ROWS, seconds, phases[0] / 1_000_000, phases[1] / 1_000_000, phases[2] / 1_000_000));
		});
		System.out.print(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/ui-responsiveness.txt"), report);
	}

	private static ActionsPart show(IEclipseContext context) {
		MApplication application = context.get(MApplication.class);
		MPart part = (MPart) context.get(EModelService.class).find("procurement.review.ui.part.actions", application);
		EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		return (ActionsPart) part.getObject();
	}
}
