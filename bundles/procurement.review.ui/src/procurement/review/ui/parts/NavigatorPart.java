package procurement.review.ui.parts;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.model.Component;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.ReviewProject;
import procurement.review.model.RuleSet;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.internal.ItemLabels;
import procurement.review.ui.internal.RuleSetFreshness;
import procurement.review.ui.internal.SessionRefresher;

/**
 * The review navigator: reports (with their import problems), departments with their components and offices, rule
 * sets (id, version, as-of date, and a warning when older than the preference allows) and orders. Contract actions are not tree children on purpose: a report can hold a million of them, and the
 * actions table shows them lazily.
 */
public class NavigatorPart {

	/** A labelled group of the review's top level. */
	record Group(String label, ReviewProject review) {
		List<?> children() {
			return switch (label) {
			case "Reports" -> review.getReports();
			case "Departments" -> review.getDepartments();
			case "Rule sets" -> review.getRuleSets();
			case "Orders" -> review.getOrders();
			default -> List.of();
			};
		}

		@Override
		public String toString() {
			return label + " (" + children().size() + ")";
		}
	}

	private TreeViewer viewer;
	private SessionRefresher refresher;

	@Inject
	private ESelectionService selection;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession session) {
		viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				ReviewProject review = (ReviewProject) input;
				return new Object[] { new Group("Reports", review), new Group("Departments", review),
						new Group("Rule sets", review), new Group("Orders", review) };
			}

			@Override
			public Object[] getChildren(Object element) {
				if (element instanceof Group group) {
					return group.children().toArray();
				}
				if (element instanceof ContractingReport report) {
					return report.getProblems().toArray();
				}
				if (element instanceof Department department) {
					return department.getComponents().toArray();
				}
				if (element instanceof Component component) {
					return component.getOffices().toArray();
				}
				if (element instanceof RuleSet ruleSet) {
					return ruleSet.getRules().toArray();
				}
				return new Object[0];
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return getChildren(element).length > 0;
			}
		});
		refresher = new SessionRefresher(viewer.getControl(), () -> viewer.refresh());
		viewer.addSelectionChangedListener(
				event -> selection.setSelection(((IStructuredSelection) event.getSelection()).getFirstElement()));
		Runnable stopListening = ReviewPreferences.listen(this::refreshLater);
		viewer.getControl().addDisposeListener(e -> stopListening.run());
		setSession(session);
	}

	/** Relabels the tree after a preference change (the rule set's age warning depends on one). */
	private void refreshLater() {
		Control control = viewer.getControl();
		if (!control.isDisposed()) {
			control.getDisplay().asyncExec(() -> {
				if (!control.isDisposed()) {
					viewer.refresh(true);
				}
			});
		}
	}

	@Inject
	void setSession(@Optional ReviewSession session) {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		refresher.setSession(session);
		if (session != null) {
			if (viewer.getLabelProvider() instanceof ItemLabels old) {
				old.dispose();
			}
			viewer.setLabelProvider(new ItemLabels(session.adapterFactory()) {
				@Override
				public String getText(Object element) {
					if (element instanceof RuleSet ruleSet) {
						// the as-of date says how far the reviewer can rely on the rules; an old set says so too
						String label = RuleSetFreshness.label(ruleSet);
						return RuleSetFreshness.warning(ruleSet, LocalDate.now()) == null ? label
								: label + " - older than " + ReviewPreferences.maxRuleSetAgeDays()
										+ " days, import a newer one";
					}
					return element instanceof Group ? element.toString() : super.getText(element);
				}

				@Override
				public org.eclipse.swt.graphics.Image getImage(Object element) {
					return element instanceof Group ? null : super.getImage(element);
				}
			});
			viewer.setInput(session.review());
			viewer.expandToLevel(2);
		} else {
			viewer.setInput(null);
		}
	}

	/** @return the tree viewer, for tests */
	public TreeViewer viewer() {
		return viewer;
	}

	@Focus
	void focus() {
		viewer.getControl().setFocus();
	}
}
