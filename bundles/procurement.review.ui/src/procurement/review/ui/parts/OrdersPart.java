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
import procurement.review.core.orders.review.OrderFigures;
import procurement.review.core.orders.review.OrderExport;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.core.orders.review.OrderLifecycle;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Rule;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.ReviewPart;

/**
 * The removal orders of the review with their status: generate them for BOD 17-01 (one per department with
 * hits), move an order one status forward, export all, and open one in the preview to read and print it.
 */
public class OrdersPart extends ReviewPart {

	private static final NumberFormat MONEY = NumberFormat.getCurrencyInstance(Locale.US);

	private TableViewer viewer;
	private Label count;

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
		List<RemovalOrder> orders = session == null ? List.of() : session.review().getOrders();
		viewer.setInput(orders.toArray());
		count.setText(orders.size() + " orders");
		count.getParent().layout(true);
	}

	/** Generates (or updates) the BOD 17-01 orders dated today, as one undoable command. */
	public void generate() {
		if (session == null) {
			return;
		}
		String ruleId = procurement.review.ui.ReviewPreferences.defaultRule();
		Rule rule = OrderGenerator.findRule(session.review(), ruleId);
		if (rule == null) {
			MessageDialog.openInformation(viewer.getControl().getShell(), "Orders",
					"The review has no rule set with " + ruleId + " yet: find the covered vendors first.");
			return;
		}
		new OrderGenerator(session).reviewer(procurement.review.ui.ReviewPreferences.reviewer())
				.calendar(procurement.review.ui.ReviewPreferences.calendar()).generate(rule, LocalDate.now());
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
		Rule rule = OrderGenerator.findRule(session.review(), procurement.review.ui.ReviewPreferences.defaultRule());
		try {
			OrderExport.Result result = OrderExport.renderAll(session.review(), rule, Path.of(dir),
					EnumSet.allOf(OrderFormat.class));
			MessageDialog.openInformation(viewer.getControl().getShell(), "Orders",
					result.orders().size() + " orders written to " + dir + " with the index " + result.index());
		} catch (IOException e) {
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
