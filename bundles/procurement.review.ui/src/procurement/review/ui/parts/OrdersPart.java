package procurement.review.ui.parts;

import java.io.IOException;
import java.text.NumberFormat;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.review.OrderFigures;
import procurement.review.core.orders.review.OrderExport;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.core.orders.review.OrderLifecycle;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Rule;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.ReviewPart;
import procurement.review.ui.internal.RuleSetFreshness;

/**
 * The removal orders of the review with their status: generate them for a rule and an issue date the reviewer
 * chooses ({@link GenerateOrdersDialog}; one order per department with hits), move an order one status forward,
 * export all, and open one in the preview to read and print it. The header names the review's rule sets with their
 * as-of dates, and warns when one is older than the reviewer's preference allows; below it, what the last
 * generation did.
 */
public class OrdersPart extends ReviewPart {

	private static final NumberFormat MONEY = NumberFormat.getCurrencyInstance(Locale.US);

	private TableViewer viewer;
	private Label count;
	private Label ruleSets;
	private Label summary;
	private Rule lastRule;
	private ReviewSession shown;

	@Inject
	private EPartService parts;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().numColumns(5).margins(2, 2).applyTo(parent);
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
		button(parent, "Generate orders", this::generate);
		button(parent, "Advance status", this::advance);
		button(parent, "Preview / Print", this::preview);
		button(parent, "Export all...", this::export);
		ruleSets = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().span(5, 1).grab(true, false).applyTo(ruleSets);
		summary = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().span(5, 1).grab(true, false).applyTo(summary);
		viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().span(5, 1).grab(true, true).applyTo(viewer.getTable());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Columns.<RemovalOrder>add(viewer, "Order", 170, false, RemovalOrder::getNumber);
		Columns.<RemovalOrder>add(viewer, "Department", 240, false,
				o -> o.getDepartment() == null ? null : o.getDepartment().getName());
		Columns.<RemovalOrder>add(viewer, "Rule", 90, false, o -> o.getRule() == null ? null : o.getRule().getId());
		Columns.<RemovalOrder>add(viewer, "Status", 100, false, o -> o.getStatus().getName());
		Columns.<RemovalOrder>add(viewer, "Issued", 90, false, o -> String.valueOf(o.getIssueDate()));
		// The same figures as the order's documents and the index (OrderFigures): affected actions and their total;
		// actions to be confirmed, bought before the rule applied or excepted are counted apart.
		Columns.<RemovalOrder>add(viewer, "Actions", 60, true, o -> String.valueOf(OrderFigures.of(o).actions()));
		Columns.<RemovalOrder>add(viewer, "Apart", 60, true, o -> {
			OrderFigures f = OrderFigures.of(o);
			return String.valueOf(f.toBeConfirmed() + f.beforeEffective() + f.excepted());
		});
		Columns.<RemovalOrder>add(viewer, "Total", 120, true,
				o -> MONEY.format(OrderFigures.of(o).total()));
		viewer.addDoubleClickListener(e -> preview());
		follow(viewer.getControl(), initial);
	}

	private static Button button(Composite parent, String label, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(label);
		button.addListener(SWT.Selection, e -> action.run());
		return button;
	}

	@Override
	protected void reload() {
		if (shown != session) {
			// another review: the last generation was of the one before
			shown = session;
			lastRule = null;
			summary.setText("");
		}
		List<RemovalOrder> orders = session == null ? List.of() : session.review().getOrders();
		viewer.setInput(orders.toArray());
		count.setText(orders.size() + " orders");
		String warning = RuleSetFreshness.warning(session == null ? null : session.review(), LocalDate.now());
		ruleSets.setText("Rule set: " + RuleSetFreshness.labels(session == null ? null : session.review())
				+ (warning == null ? "" : ". " + warning + "."));
		ruleSets.setForeground(warning == null ? null : ruleSets.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		count.getParent().layout(true);
	}

	/**
	 * Asks for the rule and the issue date, then generates (or updates) that rule's orders as one undoable command
	 * and shows what it did.
	 */
	public void generate() {
		if (session == null) {
			return;
		}
		if (session.review().getRuleSets().isEmpty()) {
			MessageDialog.openInformation(viewer.getControl().getShell(), "Orders",
					"The review has no rule set yet: find the covered vendors first.");
			return;
		}
		GenerateOrdersDialog dialog = new GenerateOrdersDialog(viewer.getControl().getShell(), session.review(),
				lastRule != null ? lastRule.getId() : ReviewPreferences.defaultRule());
		if (dialog.open() == Window.OK) {
			generate(dialog.rule(), dialog.issueDate());
		}
	}

	/**
	 * Generates (or updates) the orders of a rule as one undoable command and shows the run's summary (which is
	 * the one reason when the rule is not in force on that date).
	 *
	 * @param rule      the rule
	 * @param issueDate the issue date of new and draft orders
	 * @return what the run did
	 */
	public OrderGenerator.Result generate(Rule rule, LocalDate issueDate) {
		OrderGenerator.Result result = new OrderGenerator(session).reviewer(ReviewPreferences.reviewer())
				.calendar(ReviewPreferences.calendar()).generate(rule, issueDate);
		lastRule = rule;
		summary.setText(rule.getId() + " orders issued " + issueDate + ": " + result.summary() + ".");
		summary.getParent().layout(true);
		return result;
	}

	/** @return what the last generation did, for tests; empty before the first */
	public String summaryText() {
		return summary.getText();
	}

	/** @return the rule set line of the header, for tests */
	public String ruleSetText() {
		return ruleSets.getText();
	}

	private RemovalOrder selected() {
		return (RemovalOrder) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
	}

	private void advance() {
		RemovalOrder order = selected();
		if (order == null) {
			return;
		}
		try {
			OrderLifecycle.advance(session, order, OrderLifecycle.next(order.getStatus()),
					System.getProperty("user.name"));
		} catch (IllegalStateException e) {
			MessageDialog.openInformation(viewer.getControl().getShell(), "Orders", e.getMessage());
		}
	}

	/** Opens the selected order in the preview part; rendering runs in the background. */
	public void preview() {
		RemovalOrder order = selected();
		if (order == null) {
			return;
		}
		OrderPreviewPart preview = (OrderPreviewPart) parts
				.showPart("procurement.review.ui.part.orderPreview", EPartService.PartState.ACTIVATE).getObject();
		preview.show(order);
	}

	private void export() {
		if (session == null || session.review().getOrders().isEmpty()) {
			return;
		}
		String dir = new DirectoryDialog(viewer.getControl().getShell()).open();
		if (dir == null) {
			return;
		}
		// the rule of the selected order, else of the last generation, else the reviewer's default rule
		Rule rule = selected() != null && selected().getRule() != null ? selected().getRule() : lastRule;
		try {
			if (rule == null) {
				rule = OrderGenerator.findRule(session.review(), ReviewPreferences.defaultRule());
			}
			OrderExport.Result result = OrderExport.renderAll(session.review(), rule, Path.of(dir),
					EnumSet.allOf(OrderFormat.class));
			MessageDialog.openInformation(viewer.getControl().getShell(), "Orders",
					result.orders().size() + " orders written to " + dir + " with the index " + result.index());
		} catch (IOException | IllegalArgumentException e) {
			MessageDialog.openError(viewer.getControl().getShell(), "Orders", e.getMessage());
		}
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
