package procurement.review.ui.parts;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.review.Decisions;
import procurement.review.model.ContractAction;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.ReviewPart;

/**
 * The hits of the review, undecided first, with their explanation and the source row. Keys decide the selected hit:
 * S same, N not same, U unsure (with the note typed above); the selection then moves to the next undecided hit.
 * Each decision is one undoable command with an audit entry.
 */
public class HitsPart extends ReviewPart {

	private static final NumberFormat MONEY = NumberFormat.getCurrencyInstance(Locale.US);

	private TableViewer viewer;
	private Label count;
	private Text note;
	private StyledText detail;

	@jakarta.inject.Inject
	private ESelectionService selectionService;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().numColumns(5).margins(2, 2).applyTo(parent);
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
		new Label(parent, SWT.NONE).setText("Note:");
		note = new Text(parent, SWT.BORDER);
		note.setMessage("why (kept with the next decision)");
		GridDataFactory.fillDefaults().hint(260, SWT.DEFAULT).applyTo(note);
		button(parent, "Same (S)", DecisionState.SAME);
		button(parent, "Not same (N)", DecisionState.NOT_SAME);

		viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().span(5, 1).grab(true, true).applyTo(viewer.getTable());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Columns.<Match>add(viewer, "Decision", 90, false, HitsPart::state);
		Columns.<Match>add(viewer, "Score", 55, true, m -> String.format(Locale.ROOT, "%.2f", m.getScore()));
		Columns.<Match>add(viewer, "Entity", 100, false,
				m -> m.getCoveredEntity() == null ? null : m.getCoveredEntity().getId());
		Columns.<Match>add(viewer, "Rule", 150, false, m -> m.getRule() == null ? null : m.getRule().getId());
		Columns.<Match>add(viewer, "Risk", 100, false, m -> m.getRiskLevel().getName());
		Columns.<Match>add(viewer, "By", 90, false, m -> m.getKind().getName());
		Columns.<Match>add(viewer, "Vendor", 220, false, m -> m.getVendor() == null ? null : m.getVendor().getName());
		Columns.<Match>add(viewer, "Explanation", 420, false, Match::getExplanation);

		detail = new StyledText(parent, SWT.BORDER | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
		GridDataFactory.fillDefaults().span(5, 1).grab(true, false).hint(SWT.DEFAULT, 90).applyTo(detail);
		viewer.addSelectionChangedListener(e -> showDetail(selected()));
		viewer.getTable().addListener(SWT.KeyDown, event -> {
			DecisionState state = switch (Character.toLowerCase(event.character)) {
			case 's' -> DecisionState.SAME;
			case 'n' -> DecisionState.NOT_SAME;
			case 'u' -> DecisionState.UNSURE;
			default -> null;
			};
			if (state != null) {
				decide(state);
				event.doit = false;
			}
		});
		viewer.addSelectionChangedListener(event -> selectionService.setSelection(
				((org.eclipse.jface.viewers.IStructuredSelection) event.getSelection()).getFirstElement()));
		follow(viewer.getControl(), initial);
	}

	private Button button(Composite parent, String label, DecisionState state) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(label);
		button.addListener(SWT.Selection, e -> decide(state));
		return button;
	}

	private static String state(Match match) {
		return match.getDecision() == null ? "" : match.getDecision().getState().getName();
	}


	@Override
	protected void reload() {
		Match keep = selected();
		List<Match> matches = session == null ? List.of() : new ArrayList<>(session.review().getMatches());
		// Undecided first, then the strongest.
		matches.sort(Comparator.comparing((Match m) -> m.getDecision() != null)
				.thenComparing(Comparator.comparingDouble(Match::getScore).reversed()));
		viewer.setInput(matches);
		long open = matches.stream().filter(m -> m.getDecision() == null).count();
		count.setText(matches.size() + " hits, " + open + " awaiting a decision");
		count.getParent().layout(true);
		if (keep != null && matches.contains(keep)) {
			viewer.setSelection(new StructuredSelection(keep), true);
		}
	}

	/**
	 * Decides the selected hit and moves to the next undecided one.
	 *
	 * @param state the decision
	 */
	public void decide(DecisionState state) {
		Match match = selected();
		if (match == null || session == null) {
			return;
		}
		String reviewer = procurement.review.ui.ReviewPreferences.reviewer();
		String text = note.getText().isBlank() ? null : note.getText().trim();
		session.commandStack().execute(Decisions.createCommand(session, match, state, reviewer, text));
		note.setText("");
		reload();
		selectNextUndecided();
	}

	/** Selects the first hit without a decision. */
	public void selectNextUndecided() {
		@SuppressWarnings("unchecked")
		List<Match> matches = (List<Match>) viewer.getInput();
		for (Match match : matches) {
			if (match.getDecision() == null) {
				viewer.setSelection(new StructuredSelection(match), true);
				return;
			}
		}
	}

	private Match selected() {
		if (viewer == null) {
			return null;
		}
		return (Match) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
	}

	private void showDetail(Match match) {
		if (match == null) {
			detail.setText("");
			return;
		}
		ContractAction action = match.getAction();
		StringBuilder text = new StringBuilder();
		text.append(match.getExplanation() == null ? "" : match.getExplanation());
		int descriptionStart = -1;
		if (action != null) {
			text.append("\n").append(ActionsPart.source(action)).append(": ").append(nz(action.getPiid()))
					.append(' ').append(action.getObligation() == null ? "" : MONEY.format(action.getObligation()))
					.append("\n");
			descriptionStart = text.length();
			text.append(nz(action.getDescription()));
		}
		detail.setText(text.toString());
		String phrase = match.getMatchedText();
		if (descriptionStart >= 0 && phrase != null && !phrase.isEmpty()) {
			int at = text.toString().toUpperCase(Locale.ROOT).indexOf(phrase.toUpperCase(Locale.ROOT),
					descriptionStart);
			if (at >= 0) {
				StyleRange range = new StyleRange(at, phrase.length(), null,
						detail.getDisplay().getSystemColor(SWT.COLOR_YELLOW), SWT.BOLD);
				detail.setStyleRange(range);
			}
		}
	}

	private static String nz(String value) {
		return value == null ? "" : value;
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
