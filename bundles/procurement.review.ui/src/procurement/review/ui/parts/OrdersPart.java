package procurement.review.ui.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.IDialogConstants;
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
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.review.OrderFigures;
import procurement.review.core.orders.review.OrderExport;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.core.orders.review.OrderLifecycle;
import procurement.review.model.OrderStatus;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Rule;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.internal.ColumnWidths;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.Names;
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

	private TableViewer viewer;
	private Label count;
	private Label ruleSets;
	private Label summary;
	private Rule lastRule;
	private ReviewSession shown;
	private Button statusButton;
	private Menu statusMenu;
	/** The figures of the orders shown, each computed once per reload for the three columns that show them. */
	private final Map<RemovalOrder, OrderFigures> figures = new IdentityHashMap<>();

	@Inject
	private EPartService parts;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().numColumns(5).margins(2, 2).applyTo(parent);
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
		button(parent, "Generate orders", this::generate);
		statusButton = button(parent, "Change status \u25BE", this::showStatusMenu);
		statusButton.setToolTipText("Move the selected order to one of the statuses it may take next");
		statusMenu = new Menu(statusButton);
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
		Columns.add(viewer, RemovalOrder.class, "Order", 170, false, RemovalOrder::getNumber);
		Columns.add(viewer, RemovalOrder.class, "Department", 240, false,
				o -> o.getDepartment() == null ? null : o.getDepartment().getName());
		Columns.add(viewer, RemovalOrder.class, "Rule", 90, false, o -> o.getRule() == null ? null : o.getRule().getId());
		Columns.add(viewer, RemovalOrder.class, "Status", 110, false, o -> Names.of(o.getStatus()));
		Columns.add(viewer, RemovalOrder.class, "Issued", 90, false, o -> Names.date(o.getIssueDate()));
		// The same figures as the order's documents and the index (OrderFigures): affected actions and their total;
		// actions to be confirmed, bought before the rule applied or excepted are counted apart.
		Columns.add(viewer, RemovalOrder.class, "Actions", 60, true, o -> String.valueOf(figures(o).actions()));
		Columns.add(viewer, RemovalOrder.class, "Apart", 60, true, o -> {
			OrderFigures f = figures(o);
			return String.valueOf(f.toBeConfirmed() + f.beforeEffective() + f.excepted());
		});
		Columns.add(viewer, RemovalOrder.class, "Total", 130, true, o -> Names.money(figures(o).total()));
		viewer.addDoubleClickListener(e -> preview());
		follow(viewer.getControl(), initial);
	}

	private static Button button(Composite parent, String label, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(label);
		button.addListener(SWT.Selection, e -> action.run());
		return button;
	}

	private OrderFigures figures(RemovalOrder order) {
		return figures.computeIfAbsent(order, OrderFigures::of);
	}

	@Override
	protected void reload() {
		figures.clear(); // the orders may have changed: computed again as their rows are labelled
		if (shown != session) {
			// another review: the last generation was of the one before
			shown = session;
			lastRule = null;
			summary.setText("");
		}
		List<RemovalOrder> orders = session == null ? List.of() : session.review().getOrders();
		viewer.setInput(orders.toArray());
		// statuses from their known words; issue dates and totals from the orders (one per department and rule)
		List<RemovalOrder> measured = orders.size() > 500 ? orders.subList(0, 500) : orders;
		ColumnWidths.fit(viewer, 3, List.of(), Names.all(OrderStatus.VALUES));
		ColumnWidths.fit(viewer, 4, measured, List.of());
		ColumnWidths.fit(viewer, 7, measured, List.of());
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

	/** Shows the menu of the statuses the selected order may take next, under the button. */
	private void showStatusMenu() {
		fillStatusMenu();
		org.eclipse.swt.graphics.Rectangle bounds = statusButton.getBounds();
		statusMenu.setLocation(statusButton.getParent().toDisplay(bounds.x, bounds.y + bounds.height));
		statusMenu.setVisible(true);
	}

	/**
	 * Fills the status menu for the selected order: one item per status it may take next ({@link
	 * OrderLifecycle#allowedNext}), none past Completed; an item that issues the order asks first.
	 *
	 * @return the menu, for tests (the button shows it)
	 */
	public Menu fillStatusMenu() {
		for (MenuItem item : statusMenu.getItems()) {
			item.dispose();
		}
		RemovalOrder order = selected();
		if (order == null) {
			disabled("Select an order first");
			return statusMenu;
		}
		List<OrderStatus> next = OrderLifecycle.allowedNext(order.getStatus());
		if (next.isEmpty()) {
			disabled(Names.of(order.getStatus()) + ": no further status");
		}
		for (OrderStatus target : next) {
			MenuItem item = new MenuItem(statusMenu, SWT.PUSH);
			item.setText("Mark " + Names.of(target) + (OrderLifecycle.needsConfirmation(target) ? "..." : ""));
			item.addListener(SWT.Selection, e -> changeStatus(order, target));
		}
		return statusMenu;
	}

	private void disabled(String text) {
		MenuItem item = new MenuItem(statusMenu, SWT.PUSH);
		item.setText(text);
		item.setEnabled(false);
	}

	/** The title of the question before an order is issued. */
	public static final String ISSUE_TITLE = "Issue order";

	/**
	 * Moves an order to a status it may take next as one undoable step with its audit entry; issuing asks first.
	 *
	 * @param order the order
	 * @param target one of {@link OrderLifecycle#allowedNext} of its status
	 * @return true when the status changed
	 */
	public boolean changeStatus(RemovalOrder order, OrderStatus target) {
		if (session == null) {
			return false;
		}
		if (OrderLifecycle.needsConfirmation(target)) {
			MessageDialog question = new MessageDialog(viewer.getControl().getShell(), ISSUE_TITLE, null,
					"Issue order " + order.getNumber() + (order.getDepartment() == null ? ""
							: " to " + order.getDepartment().getName())
							+ "?\n\nAn issued order goes to the department and is not changed afterwards: a"
							+ " correction becomes a new revision.",
					MessageDialog.QUESTION, 1, "Issue", IDialogConstants.CANCEL_LABEL);
			if (question.open() != 0) {
				return false;
			}
		}
		try {
			OrderLifecycle.advance(session, order, target, ReviewPreferences.reviewer());
			return true;
		} catch (IllegalStateException e) {
			MessageDialog.openInformation(viewer.getControl().getShell(), "Orders", e.getMessage());
			return false;
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

	/** The title of the export's messages and of its question before a folder is created. */
	public static final String EXPORT_TITLE = "Export orders";
	/** The button that creates a typed folder that does not exist. */
	public static final String CREATE_FOLDER = "Create Folder";
	/** The title of the message that says where the orders went. */
	public static final String EXPORTED_TITLE = "Orders exported";

	private void export() {
		if (session == null || session.review().getOrders().isEmpty()) {
			return;
		}
		DirectoryDialog dialog = new DirectoryDialog(viewer.getControl().getShell());
		dialog.setText(EXPORT_TITLE);
		dialog.setMessage("The folder the orders and their index go to");
		dialog.setFilterPath(ReviewPreferences.folder(EXPORT_FOLDER).toString());
		String dir = dialog.open();
		if (dir != null) {
			exportTo(Path.of(dir));
		}
	}

	private static final String EXPORT_FOLDER = "export";

	/**
	 * Writes the orders of the selected order's rule (else of the last generation, else of the default rule) and
	 * their index into a folder; a folder that does not exist is created only when the reviewer agrees.
	 *
	 * @param dir the folder the reviewer chose or typed
	 * @return what was written, or null when nothing was (declined, or an error shown)
	 */
	public OrderExport.Result exportTo(Path dir) {
		org.eclipse.swt.widgets.Shell shell = viewer.getControl().getShell();
		Path target = dir.toAbsolutePath();
		try {
			if (!java.nio.file.Files.isDirectory(target)) {
				if (java.nio.file.Files.exists(target)) {
					MessageDialog.openError(shell, EXPORT_TITLE, target + " is a file, not a folder.");
					return null;
				}
				MessageDialog create = new MessageDialog(shell, EXPORT_TITLE, null,
						"The folder " + target + " does not exist.\n\nCreate it and write the orders there?",
						MessageDialog.QUESTION, 1, CREATE_FOLDER, IDialogConstants.CANCEL_LABEL);
				if (create.open() != 0) {
					return null;
				}
				java.nio.file.Files.createDirectories(target);
			}
			ReviewPreferences.rememberFolder(EXPORT_FOLDER, target);
			Rule rule = selected() != null && selected().getRule() != null ? selected().getRule() : lastRule;
			if (rule == null) {
				rule = OrderGenerator.findRule(session.review(), ReviewPreferences.defaultRule());
			}
			OrderExport.Result result = OrderExport.renderAll(session.review(), rule, target,
					EnumSet.allOf(OrderFormat.class));
			MessageDialog.openInformation(shell, EXPORTED_TITLE,
					result.orders().size() + " orders written to " + target + " with the index " + result.index());
			return result;
		} catch (IOException | IllegalArgumentException e) {
			MessageDialog.openError(shell, EXPORT_TITLE, e.getMessage());
			return null;
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
