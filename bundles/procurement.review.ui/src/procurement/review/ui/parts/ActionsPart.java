package procurement.review.ui.parts;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.SessionRefresher;

/**
 * All contract actions of the review in a virtual table: SWT asks only for the rows it shows, so a million rows
 * scroll without building a million items.
 */
public class ActionsPart {

	private static final NumberFormat MONEY = NumberFormat.getCurrencyInstance(Locale.US);

	private TableViewer viewer;
	private Label count;
	private SessionRefresher refresher;
	private ReviewSession session;
	private List<ContractAction> rows = List.of();

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(parent);
		count = new Label(parent, SWT.NONE);
		count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		viewer = new TableViewer(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer.setUseHashlookup(true);
		viewer.setContentProvider(new ILazyContentProvider() {
			@Override
			public void updateElement(int index) {
				viewer.replace(rows.get(index), index);
			}
		});
		Columns.<ContractAction>add(viewer, "PIID", 130, false, ContractAction::getPiid);
		Columns.<ContractAction>add(viewer, "Mod", 50, false, ContractAction::getModification);
		Columns.<ContractAction>add(viewer, "Date", 90, false,
				a -> a.getActionDate() == null ? null : a.getActionDate().toString());
		Columns.<ContractAction>add(viewer, "Vendor", 220, false,
				a -> a.getVendor() == null ? null : a.getVendor().getName());
		Columns.<ContractAction>add(viewer, "Department", 180, false,
				a -> a.getDepartment() == null ? null : a.getDepartment().getName());
		Columns.<ContractAction>add(viewer, "Component", 180, false,
				a -> a.getComponent() == null ? null : a.getComponent().getName());
		Columns.<ContractAction>add(viewer, "Amount", 110, true,
				a -> a.getObligation() == null ? null : MONEY.format(a.getObligation()));
		Columns.<ContractAction>add(viewer, "Description", 320, false, ContractAction::getDescription);
		Columns.<ContractAction>add(viewer, "Source", 200, false, ActionsPart::source);
		refresher = new SessionRefresher(viewer.getControl(), this::reload);
		setSession(initial);
	}

	static String source(ContractAction action) {
		ContractingReport report = action.getReport();
		String file = report == null ? "" : report.getFileName();
		String sheet = action.getSourceSheet() == null ? "" : " [" + action.getSourceSheet() + "]";
		return file + sheet + " row " + action.getSourceRow();
	}

	@Inject
	void setSession(@Optional ReviewSession newSession) {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		session = newSession;
		refresher.setSession(newSession);
		reload();
	}

	private void reload() {
		List<ContractAction> all = new ArrayList<>();
		if (session != null) {
			for (ContractingReport report : session.review().getReports()) {
				all.addAll(report.getActions());
			}
		}
		rows = all;
		viewer.setInput(rows);
		viewer.setItemCount(rows.size());
		count.setText(rows.size() + " contract actions");
	}

	/**
	 * Selects and shows an action's row.
	 *
	 * @param action the action
	 */
	public void reveal(ContractAction action) {
		int index = rows.indexOf(action);
		if (index >= 0) {
			viewer.getTable().setSelection(index);
			viewer.getTable().showSelection();
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
