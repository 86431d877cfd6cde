package procurement.review.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import procurement.review.core.ReviewSession;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.SessionRefresher;

/**
 * The attributes of the object selected in any part, from its EMF.Edit property descriptors. Text attributes that
 * the descriptor marks settable are edited in place, through a SetCommand on the review's command stack (undoable).
 */
public class PropertiesPart {

	/** One row: a property of the selected object. */
	public record Row(EObject object, IItemPropertyDescriptor descriptor) {
		String name() {
			return descriptor.getDisplayName(object);
		}

		String value() {
			Object value = descriptor.getPropertyValue(object);
			if (value instanceof org.eclipse.emf.edit.provider.IItemLabelProvider label) {
				value = label.getText(value);
			}
			return value == null ? "" : String.valueOf(value);
		}

		boolean editableText() {
			Object feature = descriptor.getFeature(object);
			return descriptor.canSetProperty(object) && feature instanceof EAttribute attribute
					&& attribute.getEAttributeType() == EcorePackage.Literals.ESTRING && !attribute.isMany();
		}
	}

	private TableViewer viewer;
	private Label title;
	private ReviewSession session;
	private SessionRefresher refresher;
	private EObject selected;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(parent);
		title = new Label(parent, SWT.NONE);
		title.setText("Select an object to see its properties.");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Columns.<Row>add(viewer, "Property", 200, false, Row::name);
		TableViewerColumn value = Columns.<Row>add(viewer, "Value", 420, false, Row::value);
		value.setEditingSupport(new EditingSupport(viewer) {
			@Override
			protected CellEditor getCellEditor(Object element) {
				return new TextCellEditor(viewer.getTable());
			}

			@Override
			protected boolean canEdit(Object element) {
				return session != null && ((Row) element).editableText();
			}

			@Override
			protected Object getValue(Object element) {
				return ((Row) element).value();
			}

			@Override
			protected void setValue(Object element, Object newValue) {
				Row row = (Row) element;
				if (!newValue.equals(row.value())) {
					EStructuralFeature feature = (EStructuralFeature) row.descriptor().getFeature(row.object());
					session.commandStack().execute(
							SetCommand.create(session.editingDomain(), row.object(), feature, newValue));
				}
			}
		});
		refresher = new SessionRefresher(viewer.getControl(), this::show);
		session = initial;
		refresher.setSession(initial);
	}

	@Inject
	void setSession(@Optional ReviewSession newSession) {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		session = newSession;
		refresher.setSession(newSession);
		selected = null;
		show();
	}

	@Inject
	void setSelection(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
		Object first = selection instanceof List<?> list && !list.isEmpty() ? list.get(0) : selection;
		if (first instanceof EObject object && viewer != null && !viewer.getControl().isDisposed()) {
			selected = object;
			show();
		}
	}

	/** @return true when the object belongs to the open review (a selection kept from a closed one does not) */
	private boolean ofOpenReview(EObject object) {
		return session != null && org.eclipse.emf.ecore.util.EcoreUtil.getRootContainer(object) == session.review();
	}

	private void show() {
		List<Row> rows = new ArrayList<>();
		if (selected != null && !ofOpenReview(selected)) {
			selected = null;
		}
		if (selected == null) {
			title.setText(session == null ? "No review is open." : "Select an object to see its properties.");
		}
		if (selected != null && session != null) {
			IItemPropertySource source = (IItemPropertySource) session.adapterFactory().adapt(selected,
					IItemPropertySource.class);
			if (source != null) {
				for (IItemPropertyDescriptor descriptor : source.getPropertyDescriptors(selected)) {
					rows.add(new Row(selected, descriptor));
				}
			}
			title.setText(selected.eClass().getName() + ": " + rows.size() + " properties");
		}
		viewer.setInput(rows);
	}

	/** @return the title line above the table, for tests */
	public String titleText() {
		return title.getText();
	}

	/** @return the object whose properties show, or null, for tests */
	public EObject shownObject() {
		return selected;
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
