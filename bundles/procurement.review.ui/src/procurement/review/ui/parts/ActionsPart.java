package procurement.review.ui.parts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.DecisionState;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.ui.internal.ColumnWidths;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.Names;
import procurement.review.ui.internal.ReviewPart;
import procurement.review.ui.internal.WindowedTable;

/**
 * All contract actions of the review in a windowed virtual table ({@link WindowedTable}): SWT holds and fills only
 * the rows on screen, so a million rows scroll, filter and sort without a million items. Filtering and sorting run
 * in a background job; the UI thread only swaps the finished row list in, so typing in the filter bar never
 * freezes the workbench.
 */
public class ActionsPart extends ReviewPart {

	private static final String ALL = "(all)";

	private TableViewer viewer;
	private Label count;
	private Text text;
	private Combo department;
	private Text vendor;
	private Combo rule;
	private Combo risk;
	private Combo decision;
	private Text from;
	private Text to;
	private Text min;
	private Text max;

	@jakarta.inject.Inject
	private ESelectionService selectionService;
	private WindowedTable<ContractAction> table;
	private Comparator<ContractAction> order;
	private Job filtering;
	private int total;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(parent);
		Composite bar = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		GridLayoutFactory.fillDefaults().numColumns(10).applyTo(bar);
		text = field(bar, "Search", 160);
		department = combo(bar, "Department", 180);
		vendor = field(bar, "Vendor", 120);
		rule = combo(bar, "Rule", 110);
		risk = combo(bar, "Risk", 110);
		decision = combo(bar, "Decision", 120);
		from = field(bar, "From yyyy-mm-dd", 110);
		to = field(bar, "To yyyy-mm-dd", 110);
		min = field(bar, "Min $", 90);
		max = field(bar, "Max $", 90);
		checked(from, ActionsPart::dateProblem);
		checked(to, ActionsPart::dateProblem);
		checked(min, ActionsPart::moneyProblem);
		checked(max, ActionsPart::moneyProblem);
		count = new Label(bar, SWT.NONE);
		GridDataFactory.fillDefaults().span(6, 1).grab(true, false).align(SWT.END, SWT.CENTER).applyTo(count);

		table = new WindowedTable<>(parent, SWT.MULTI);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table.control());
		viewer = table.viewer();
		column("PIID", 130, false, ContractAction::getPiid, ContractAction::getPiid);
		column("Mod", 50, false, ContractAction::getModification, ContractAction::getModification);
		column("Date", 90, false, a -> Names.date(a.getActionDate()),
				ContractAction::getActionDate);
		column("Vendor", 220, false, a -> a.getVendor() == null ? null : a.getVendor().getName(),
				a -> a.getVendor() == null ? null : a.getVendor().getName());
		column("Department", 180, false, a -> a.getDepartment() == null ? null : a.getDepartment().getName(),
				a -> a.getDepartment() == null ? null : a.getDepartment().getName());
		column("Component", 180, false, a -> a.getComponent() == null ? null : a.getComponent().getName(),
				a -> a.getComponent() == null ? null : a.getComponent().getName());
		column("Amount", 110, true, a -> Names.money(a.getObligation()),
				ContractAction::getObligation);
		column("Description", 320, false, ContractAction::getDescription, ContractAction::getDescription);
		column("Source", 200, false, ActionsPart::source, ActionsPart::source);
		viewer.addSelectionChangedListener(event -> selectionService.setSelection(
				((org.eclipse.jface.viewers.IStructuredSelection) event.getSelection()).getFirstElement()));
		follow(viewer.getControl(), initial);
	}

	private <C extends Comparable<C>> void column(String title, int width, boolean right,
			Function<ContractAction, String> label, Function<ContractAction, C> key) {
		Columns.<ContractAction, C>sortable(viewer, ContractAction.class, title, width, right, label, key, sort -> {
			order = sort;
			refilter();
		});
	}

	private Text field(Composite bar, String hint, int width) {
		Text field = new Text(bar, SWT.BORDER | SWT.SEARCH);
		field.setMessage(hint);
		GridDataFactory.fillDefaults().hint(width, SWT.DEFAULT).applyTo(field);
		field.addModifyListener(e -> refilter());
		return field;
	}

	/** The background of a filter field whose text cannot be read: the field is left out of the filter. */
	private static final org.eclipse.swt.graphics.Color INVALID = new org.eclipse.swt.graphics.Color(255, 214, 214);

	/**
	 * Marks a field in place while its text cannot be read (a red background and a tooltip saying what is
	 * expected), instead of silently ignoring it.
	 */
	private static void checked(Text field, Function<String, String> problem) {
		String hint = field.getToolTipText();
		field.addModifyListener(e -> {
			String why = problem.apply(field.getText());
			field.setBackground(why == null ? null : INVALID);
			field.setToolTipText(why == null ? hint : why);
		});
	}

	/** @return why the text is not a date, or null when it is one or empty */
	static String dateProblem(String value) {
		return blank(value) != null && date(value) == null
				? "Not a date: \"" + value.trim() + "\". Type yyyy-mm-dd, such as 2017-09-13; until then this field"
						+ " is left out of the filter."
				: null;
	}

	/** @return why the text is not an amount, or null when it is one or empty */
	static String moneyProblem(String value) {
		return blank(value) != null && money(value) == null
				? "Not an amount: \"" + value.trim() + "\". Type dollars such as 1,500 or 1500.00; until then this"
						+ " field is left out of the filter."
				: null;
	}

	private Combo combo(Composite bar, String hint, int width) {
		// a label beside the combo: a tooltip alone is hidden while the list is open
		Label label = new Label(bar, SWT.NONE);
		label.setText(hint + ":");
		GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(label);
		Combo combo = new Combo(bar, SWT.READ_ONLY);
		combo.setToolTipText(hint);
		combo.setItems(ALL);
		combo.select(0);
		GridDataFactory.fillDefaults().hint(width, SWT.DEFAULT).applyTo(combo);
		combo.addListener(SWT.Selection, e -> refilter());
		return combo;
	}

	static String source(ContractAction action) {
		ContractingReport report = action.getReport();
		String file = report == null ? "" : report.getFileName();
		String sheet = action.getSourceSheet() == null ? "" : " [" + action.getSourceSheet() + "]";
		return file + sheet + " row " + action.getSourceRow();
	}


	@Override
	protected void reload() {
		TreeSet<String> departments = new TreeSet<>();
		TreeSet<String> rules = new TreeSet<>();
		total = 0;
		if (session != null) {
			for (Department d : session.review().getDepartments()) {
				departments.add(d.getName());
			}
			for (RuleSet set : session.review().getRuleSets()) {
				for (Rule r : set.getRules()) {
					rules.add(r.getId());
				}
			}
			for (ContractingReport report : session.review().getReports()) {
				total += report.getActions().size();
			}
		}
		fill(department, departments);
		fill(rule, rules);
		List<String> risks = new ArrayList<>();
		RiskLevel.VALUES.forEach(r -> risks.add(Names.of(r)));
		fill(risk, risks);
		List<String> decisions = new ArrayList<>(List.of(AWAITING));
		DecisionState.VALUES.forEach(d -> decisions.add(Names.of(d)));
		fill(decision, decisions);
		refilter();
	}

	/** The decision filter's choice for hits without a decision. */
	static final String AWAITING = "Awaiting decision";

	private static void fill(Combo combo, java.util.Collection<String> values) {
		String selected = combo.getText();
		List<String> items = new ArrayList<>();
		items.add(ALL);
		items.addAll(values);
		combo.setItems(items.toArray(String[]::new));
		int index = items.indexOf(selected);
		combo.select(Math.max(0, index));
	}

	/** @return the filter the bar currently describes; unparsable fields are left out */
	public ActionFilter filter() {
		String riskName = RiskLevel.VALUES.stream().filter(r -> Names.of(r).equals(choice(risk))).findFirst()
				.map(RiskLevel::getName).orElse(null);
		String decided = choice(decision);
		String decisionName = AWAITING.equals(decided) ? "OPEN"
				: DecisionState.VALUES.stream().filter(d -> Names.of(d).equals(decided)).findFirst()
						.map(DecisionState::getName).orElse(null);
		return new ActionFilter(blank(text.getText()), choice(department), blank(vendor.getText()), choice(rule),
				riskName, decisionName, date(from.getText()), date(to.getText()), money(min.getText()),
				money(max.getText()));
	}

	/**
	 * Sets the department filter, as a reviewer picks it in the bar.
	 *
	 * @param name the department name, or null for all
	 */
	public void filterDepartment(String name) {
		int index = name == null ? 0 : java.util.Arrays.asList(department.getItems()).indexOf(name);
		department.select(Math.max(0, index));
		refilter();
	}

	private void refilter() {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		if (filtering != null) {
			filtering.cancel();
		}
		ReviewSession current = session;
		ActionFilter filter = filter();
		Comparator<ContractAction> sort = order;
		var display = viewer.getControl().getDisplay();
		filtering = Job.create("Filtering contract actions", monitor -> {
			if (current == null) {
				display.asyncExec(() -> show(List.of(), List.of()));
				return Status.OK_STATUS;
			}
			List<ContractAction> result = filter.apply(current.review(), monitor::isCanceled);
			if (sort != null && !monitor.isCanceled()) {
				result.sort(sort);
			}
			if (monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			List<String> widest = extremes(result, ContractAction::getObligation, monitor::isCanceled);
			display.asyncExec(() -> show(result, widest));
			return Status.OK_STATUS;
		});
		filtering.setSystem(true);
		filtering.schedule(filter.isEmpty() && sort == null ? 0 : 150);
	}

	private void show(List<ContractAction> result, List<String> widestAmounts) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		table.setRows(result);
		// dates and amounts as wide as their widest: the rows on screen, and the largest and the most negative
		// amount of all rows (found by the filter job, so no million rows are measured here)
		ColumnWidths.fit(viewer, 2, table.onScreen(), List.of());
		ColumnWidths.fit(viewer, 6, table.onScreen(), widestAmounts);
		count.setText(result.size() == total ? total + " contract actions"
				: result.size() + " of " + total + " contract actions");
		count.getParent().layout(true);
	}

	/**
	 * The amounts that need the most room among rows: the largest and the most negative, in the money format.
	 *
	 * @param <T>      the row type
	 * @param rows     the rows
	 * @param amount   a row's amount, or null
	 * @param canceled asked now and then
	 * @return the two amounts as shown (fewer when rows have none)
	 */
	static <T> List<String> extremes(List<T> rows, Function<T, BigDecimal> amount,
			java.util.function.BooleanSupplier canceled) {
		BigDecimal max = null;
		BigDecimal min = null;
		for (int i = 0, n = rows.size(); i < n; i++) {
			BigDecimal value = amount.apply(rows.get(i));
			if (value != null) {
				if (max == null || value.compareTo(max) > 0) {
					max = value;
				}
				if (min == null || value.compareTo(min) < 0) {
					min = value;
				}
			}
			if ((i & 0xffff) == 0 && canceled.getAsBoolean()) {
				return List.of();
			}
		}
		List<String> out = new ArrayList<>();
		if (max != null) {
			out.add(Names.money(max));
			out.add(Names.money(min));
		}
		return out;
	}

	/** @return true while a filter or sort is still computing, for tests */
	public boolean isFiltering() {
		return filtering != null && filtering.getState() != Job.NONE;
	}

	/** @return the rows the table shows, in display order */
	public List<ContractAction> rows() {
		return table.rows();
	}

	/** @return the windowed table: the rows on screen and the slider that scrolls them, for tests */
	public WindowedTable<ContractAction> table() {
		return table;
	}

	/** @return the text of the row count label, as the reviewer reads it */
	public String countText() {
		return count.getText();
	}

	/**
	 * Selects and shows an action's row.
	 *
	 * @param action the action
	 */
	public void reveal(ContractAction action) {
		table.select(table.rows().indexOf(action));
	}

	private static String choice(Combo combo) {
		String value = combo.getText();
		return value.isEmpty() || ALL.equals(value) ? null : value;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static LocalDate date(String value) {
		try {
			return blank(value) == null ? null : LocalDate.parse(value.trim());
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	private static BigDecimal money(String value) {
		try {
			return blank(value) == null ? null : new BigDecimal(value.trim().replace("$", "").replace(",", ""));
		} catch (NumberFormatException e) {
			return null;
		}
	}

	/**
	 * @param name "from", "to", "min" or "max"
	 * @return that field of the filter bar, for tests
	 */
	public Text filterField(String name) {
		return switch (name) {
		case "from" -> from;
		case "to" -> to;
		case "min" -> min;
		case "max" -> max;
		default -> throw new IllegalArgumentException(name);
		};
	}

	/** @return the risk and decision combos of the filter bar, for tests */
	public List<Combo> enumCombos() {
		return List.of(risk, decision);
	}

	/** @return the table viewer, for tests */
	public TableViewer viewer() {
		return viewer;
	}

	@Focus
	void focus() {
		viewer.getControl().setFocus();
	}
}
