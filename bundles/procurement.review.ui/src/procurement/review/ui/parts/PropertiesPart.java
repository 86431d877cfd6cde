package procurement.review.ui.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.common.command.CompoundCommand;
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
import procurement.review.core.AuditLog;
import procurement.review.core.ContentDigest;
import procurement.review.core.ReviewSession;
import procurement.review.model.AuditEntry;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Decision;
import procurement.review.model.Match;
import procurement.review.model.ReviewPackage;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.ItemLabels;
import procurement.review.ui.internal.Names;
import procurement.review.ui.internal.SessionRefresher;

/**
 * The attributes of the object selected in any part, from its EMF.Edit property descriptors, named and written as
 * the reviewer reads them ({@link Names}: "UEI", "CAGE code", "Action date"; moments to the second in local time,
 * dates as 2017-09-13, money as $1,234.00, enum values in words). Text attributes that the descriptor marks settable
 * are edited in place, through a SetCommand on the review's command stack (undoable). A selected hit also shows its
 * decision: who decided it, when, and its note, which is edited here like any text (and shows in the Hits part's
 * Note column).
 */
public class PropertiesPart {

	/** The row label of a hit's decision note. */
	public static final String DECISION_NOTE = "Decision note";

	/**
	 * One row: a property of the selected object, or of the object the row stands for (a hit's decision).
	 *
	 * @param object     the object whose property the row shows
	 * @param descriptor its EMF.Edit descriptor
	 * @param label      the row's name as shown
	 * @param factory    the session's adapter factory, for the labels of referenced objects
	 */
	public record Row(EObject object, IItemPropertyDescriptor descriptor, String label, AdapterFactory factory) {
		/** @return the property's name as shown */
		public String name() {
			return label;
		}

		/** @return the property's value as shown */
		public String value() {
			Object feature = descriptor.getFeature(object);
			Object value = feature instanceof EStructuralFeature f ? object.eGet(f)
					: descriptor.getPropertyValue(object);
			return text(value, factory);
		}

		boolean editableText() {
			Object feature = descriptor.getFeature(object);
			return descriptor.canSetProperty(object) && feature instanceof EAttribute attribute
					&& attribute.getEAttributeType() == EcorePackage.Literals.ESTRING && !attribute.isMany()
					&& !isRecord(attribute);
		}

		/**
		 * The record a review keeps of itself is not edited by hand: audit entries, the hashes orders were made
		 * from, the digests of imported files, and what the importer read (the file as it came).
		 */
		private boolean isRecord(EAttribute attribute) {
			return object instanceof AuditEntry || object instanceof ContractingReport
					|| object instanceof ContractAction
					|| attribute == ReviewPackage.Literals.REMOVAL_ORDER__REVIEW_STATE_HASH
					|| attribute == ReviewPackage.Literals.REMOVAL_ORDER__CONTENT_DIGEST
					|| attribute == ReviewPackage.Literals.REMOVAL_ORDER__NUMBER
					|| attribute == ReviewPackage.Literals.VENDOR__KEY
					|| attribute == ReviewPackage.Literals.DECISION__MATCH_KEY
					|| attribute == ReviewPackage.Literals.MATCH__KEY;
		}

		String rawText() {
			Object value = object.eGet((EStructuralFeature) descriptor.getFeature(object));
			return value == null ? "" : (String) value;
		}
	}

	/**
	 * @param value   a property value
	 * @param factory the adapter factory for referenced objects
	 * @return the value as the reviewer reads it
	 */
	static String text(Object value, AdapterFactory factory) {
		if (value == null) {
			return "";
		}
		if (value instanceof org.eclipse.emf.edit.provider.IItemLabelProvider wrapper
				&& !(value instanceof EObject)) {
			// a descriptor's value wrapper: what matters is what it wraps
			value = value instanceof org.eclipse.emf.edit.provider.ItemPropertyDescriptor.PropertyValueWrapper w
					? w.getEditableValue(null) : wrapper.getText(value);
		}
		if (value instanceof java.time.Instant instant) {
			return Names.time(instant);
		}
		if (value instanceof java.time.LocalDate date) {
			return Names.date(date);
		}
		if (value instanceof java.math.BigDecimal amount) {
			return Names.money(amount);
		}
		if (value instanceof Enumerator literal) {
			return Names.of(literal);
		}
		if (value instanceof Boolean yes) {
			return yes ? "Yes" : "No";
		}
		if (value instanceof Decision decision) {
			return Names.of(decision.getState());
		}
		if (value instanceof EObject object) {
			return factory == null ? object.eClass().getName() : ItemLabels.text(factory, object);
		}
		if (value instanceof java.util.Collection<?> values) {
			// a long list (a rule's covered entities) is named in part: the cell is one line
			String shown = values.stream().limit(20).map(v -> text(v, factory))
					.collect(java.util.stream.Collectors.joining("; "));
			return values.size() > 20 ? shown + "; ... (" + values.size() + " in all)" : shown;
		}
		return String.valueOf(value);
	}

	private TableViewer viewer;
	private TextCellEditor editor;
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
		Columns.add(viewer, Row.class, "Property", 200, false, Row::name);
		TableViewerColumn value = Columns.add(viewer, Row.class, "Value", 420, false, Row::value);
		value.setEditingSupport(new EditingSupport(viewer) {
			@Override
			protected CellEditor getCellEditor(Object element) {
				if (editor == null) {
					// one editor for every row: a new one per edit left a hidden Text behind each time
					editor = new TextCellEditor(viewer.getTable());
				}
				return editor;
			}

			@Override
			protected boolean canEdit(Object element) {
				return session != null && ((Row) element).editableText();
			}

			@Override
			protected Object getValue(Object element) {
				return ((Row) element).rawText();
			}

			@Override
			protected void setValue(Object element, Object newValue) {
				edit((Row) element, (String) newValue);
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
			AdapterFactory factory = session.adapterFactory();
			if (source != null) {
				for (IItemPropertyDescriptor descriptor : source.getPropertyDescriptors(selected)) {
					if (descriptor.getFeature(selected) == ReviewPackage.Literals.REVIEW_PROJECT__CONTENT_INDEX) {
						continue; // fingerprints for the integrity check, bytes no reader wants to see
					}
					rows.add(new Row(selected, descriptor, label(selected, descriptor), factory));
				}
			}
			if (selected instanceof Match match && match.getDecision() != null) {
				// the hit's decision, its note editable: what the reviewer wrote down while deciding
				Decision decision = match.getDecision();
				addDecisionRow(rows, decision, ReviewPackage.Literals.DECISION__REVIEWER, "Decided by", factory);
				addDecisionRow(rows, decision, ReviewPackage.Literals.DECISION__TIME, "Decided at", factory);
				addDecisionRow(rows, decision, ReviewPackage.Literals.DECISION__NOTE, DECISION_NOTE, factory);
			}
			title.setText(Names.label(selected.eClass().getName()) + ": " + rows.size() + " properties");
		}
		viewer.setInput(rows);
	}

	private void addDecisionRow(List<Row> rows, Decision decision, EStructuralFeature feature, String label,
			AdapterFactory factory) {
		IItemPropertySource source = (IItemPropertySource) factory.adapt(decision, IItemPropertySource.class);
		if (source == null) {
			return;
		}
		for (IItemPropertyDescriptor descriptor : source.getPropertyDescriptors(decision)) {
			if (descriptor.getFeature(decision) == feature) {
				rows.add(new Row(decision, descriptor, label, factory));
			}
		}
	}

	/** The row name of a property: from the attribute's name ({@link Names#label}), else the descriptor's. */
	private static String label(EObject object, IItemPropertyDescriptor descriptor) {
		Object feature = descriptor.getFeature(object);
		return feature instanceof EStructuralFeature f ? Names.label(f.getName()) : descriptor.getDisplayName(object);
	}

	/**
	 * Sets a text property as the reviewer does in the Value cell: one SetCommand through the session's editing
	 * domain, undoable; blank text clears the value, the same text changes nothing.
	 *
	 * @param row   the row
	 * @param value the text typed
	 * @return true when a command ran
	 */
	public boolean edit(Row row, String value) {
		if (session == null || !row.editableText()) {
			return false;
		}
		String text = value == null || value.isBlank() ? null : value;
		Object old = row.object().eGet((EStructuralFeature) row.descriptor().getFeature(row.object()));
		if (java.util.Objects.equals(old, text)) {
			return false;
		}
		EStructuralFeature feature = (EStructuralFeature) row.descriptor().getFeature(row.object());
		org.eclipse.emf.common.command.Command set = SetCommand.create(session.editingDomain(), row.object(),
				feature, text == null ? SetCommand.UNSET_VALUE : text);
		if (!set.canExecute()) {
			return false;
		}
		// Every change the review's content goes through is in its audit log, with what it was and what it became.
		CompoundCommand command = new CompoundCommand(set.getLabel());
		command.append(set);
		command.append(AuditLog.append(session.editingDomain(), session.review(), ReviewPreferences.reviewer(),
				"edit", row.name() + " of " + ContentDigest.identity(row.object()) + ": " + quoted(old) + " -> "
						+ quoted(text)));
		session.commandStack().execute(command);
		return true;
	}

	private static String quoted(Object value) {
		return value == null ? "(none)" : "\"" + value + "\"";
	}

	/**
	 * @param name a row name as shown
	 * @return the row of that name, or null
	 */
	public Row row(String name) {
		for (TableItemRow item : items()) {
			if (item.row().name().equals(name)) {
				return item.row();
			}
		}
		return null;
	}

	/**
	 * @param name a row name as shown
	 * @return the Value cell's text of that row as the table shows it, or null when no row has that name
	 */
	public String cell(String name) {
		for (TableItemRow item : items()) {
			if (item.row().name().equals(name)) {
				return item.item().getText(1);
			}
		}
		return null;
	}

	private record TableItemRow(org.eclipse.swt.widgets.TableItem item, Row row) {
	}

	private List<TableItemRow> items() {
		List<TableItemRow> out = new ArrayList<>();
		for (org.eclipse.swt.widgets.TableItem item : viewer.getTable().getItems()) {
			if (item.getData() instanceof Row row) {
				out.add(new TableItemRow(item, row));
			}
		}
		return out;
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
