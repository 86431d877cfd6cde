package procurement.review.ui.parts;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.model.Vendor;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.ReviewPart;

/**
 * The vendors of the review, with identifiers, country and parent; a filter field narrows them by any text.
 */
public class VendorsPart extends ReviewPart {

	private TableViewer viewer;
	private Label count;

	@Inject
	private ESelectionService selection;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 2).applyTo(parent);
		Text filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filter.setMessage("Filter vendors");
		filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		count = new Label(parent, SWT.NONE);
		count.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

		viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Columns.<Vendor>add(viewer, "Vendor", 260, false, Vendor::getName);
		Columns.<Vendor>add(viewer, "UEI", 110, false, Vendor::getUei);
		Columns.<Vendor>add(viewer, "DUNS", 90, false, Vendor::getDuns);
		Columns.<Vendor>add(viewer, "CAGE", 60, false, Vendor::getCage);
		Columns.<Vendor>add(viewer, "Country", 70, false, Vendor::getCountryCode);
		Columns.<Vendor>add(viewer, "Parent", 220, false, v -> v.getParent() == null ? null : v.getParent().getName());
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer v, Object parentElement, Object element) {
				String text = filter.getText().trim().toUpperCase();
				Vendor vendor = (Vendor) element;
				return text.isEmpty() || contains(vendor.getName(), text) || contains(vendor.getUei(), text)
						|| contains(vendor.getDuns(), text)
						|| (vendor.getParent() != null && contains(vendor.getParent().getName(), text));
			}
		});
		filter.addModifyListener(e -> refresh());
		viewer.addSelectionChangedListener(
				event -> selection.setSelection(((IStructuredSelection) event.getSelection()).toList()));
		follow(viewer.getControl(), initial);
	}

	private static boolean contains(String value, String upperText) {
		return value != null && value.toUpperCase().contains(upperText);
	}


	@Override
	protected void reload() {
		viewer.setInput(session == null ? null : session.review().getVendors().toArray());
		refresh();
	}

	private void refresh() {
		viewer.refresh();
		count.setText(viewer.getTable().getItemCount() + " vendors");
		count.getParent().layout(true);
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
