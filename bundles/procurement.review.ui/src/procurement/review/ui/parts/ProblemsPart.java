package procurement.review.ui.parts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
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
import procurement.review.model.ImportProblem;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.ReviewPart;

/**
 * Import problems of every report and the review's validation diagnostics, each with its location. A double
 * click on an import problem shows its row in the actions table.
 */
public class ProblemsPart extends ReviewPart {

	/** One line of the table. */
	public record Problem(String severity, String message, String file, String sheet, long row, String column,
			Object target) {
	}

	private TableViewer viewer;
	private Label count;
	private Job checking;

	@Inject
	private EPartService parts;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(parent);
		count = new Label(parent, SWT.NONE);
		count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Columns.add(viewer, Problem.class, "Severity", 80, false, Problem::severity);
		Columns.add(viewer, Problem.class, "Message", 420, false, Problem::message);
		Columns.add(viewer, Problem.class, "File", 220, false, Problem::file);
		Columns.add(viewer, Problem.class, "Sheet", 90, false, Problem::sheet);
		Columns.add(viewer, Problem.class, "Row", 60, true, p -> p.row() > 0 ? String.valueOf(p.row()) : "");
		Columns.add(viewer, Problem.class, "Column", 60, false, Problem::column);
		viewer.addDoubleClickListener(event -> {
			Problem problem = (Problem) ((IStructuredSelection) event.getSelection()).getFirstElement();
			if (problem != null && problem.target() instanceof ContractAction action) {
				ActionsPart actions = (ActionsPart) parts.showPart("procurement.review.ui.part.actions",
						EPartService.PartState.ACTIVATE).getObject();
				actions.reveal(action);
			}
		});
		follow(viewer.getControl(), initial);
	}


	@Override
	protected void reload() {
		if (checking != null) {
			checking.cancel();
		}
		ReviewSession current = session;
		var display = viewer.getControl().getDisplay();
		count.setText("checking...");
		// Validating a review of a million actions takes seconds: never on the UI thread.
		checking = Job.create("Checking the review", monitor -> {
			List<Problem> problems = current == null ? List.of() : problems(current);
			if (!monitor.isCanceled()) {
				display.asyncExec(() -> {
					if (!viewer.getControl().isDisposed()) {
						viewer.setInput(problems);
						count.setText(problems.size() + " problems");
					}
				});
			}
			return Status.OK_STATUS;
		});
		checking.setSystem(true);
		checking.schedule();
	}

	private static List<Problem> problems(ReviewSession session) {
		List<Problem> problems = new ArrayList<>();
		for (ContractingReport report : session.review().getReports()) {
			Map<String, ContractAction> rows = report.getProblems().isEmpty() ? Map.of() : rowIndex(report);
			for (ImportProblem problem : report.getProblems()) {
				problems.add(new Problem(problem.getSeverity().getName(), problem.getMessage(), problem.getFile(),
						problem.getSheet(), problem.getRow(), problem.getColumn(), actionAt(rows, problem)));
			}
		}
		Diagnostic diagnostic = Diagnostician.INSTANCE.validate(session.review());
		for (Diagnostic child : diagnostic.getChildren()) {
			Object target = child.getData().isEmpty() ? null : child.getData().get(0);
			problems.add(new Problem(child.getSeverity() == Diagnostic.ERROR ? "ERROR" : "WARNING",
					child.getMessage(), "(review)", null, 0, null, target instanceof EObject ? target : null));
		}
		return problems;
	}

	private static ContractAction actionAt(Map<String, ContractAction> rows, ImportProblem problem) {
		return rows.get(problem.getSheet() + "!" + problem.getRow());
	}

	/** The actions of a report by sheet and row, built only for reports that have problems. */
	private static Map<String, ContractAction> rowIndex(ContractingReport report) {
		Map<String, ContractAction> rows = new HashMap<>();
		for (ContractAction action : report.getActions()) {
			rows.put(action.getSourceSheet() + "!" + action.getSourceRow(), action);
		}
		return rows;
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
