package procurement.review.ui.parts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.review.Decisions;
import procurement.review.model.ContractAction;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.ui.internal.BeforeEffectiveHits;
import procurement.review.ui.SharedReview;
import procurement.review.ui.StatusLine;
import procurement.review.ui.internal.ColumnWidths;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.Names;
import procurement.review.ui.internal.ReviewPart;

/**
 * The hits of the review, undecided first, with their explanation and the source row. Keys decide the selected hit:
 * S same, N not same, U unsure (with the note typed above); the selection then moves to the next undecided hit.
 * Each decision is one undoable command with an audit entry, and its note shows in the hit's row.
 * <p>
 * Hits whose actions were all bought before their rule applied ({@link BeforeEffectiveHits}) are marked "Before
 * effective" and listed after the others; the Show filter lists them alone or leaves them out. When the selected
 * hit's rule lists exceptions (section 889(a)(2)), the reviewer can record one on it ({@link Decisions#except}).
 * <p>
 * In a shared review ({@link SharedReview}) a decision goes to the database instead, refused when a hit changed since
 * it was shown; other reviewers' decisions and notes appear as they commit them, the selection kept, and the
 * "Decided by" column says who made each.
 */
public class HitsPart extends ReviewPart {

	/** The Show filter's choice that lists every hit. */
	public static final String SHOW_ALL = "All hits";
	/** The Show filter's choice that leaves out hits bought before their rule applied. */
	public static final String SHOW_IN_FORCE = "In force";
	/** The Show filter's choice that lists only hits bought before their rule applied. */
	public static final String SHOW_BEFORE_EFFECTIVE = "Before effective";
	/** The mark of a hit bought before its rule applied, in the Applies column. */
	public static final String BEFORE_EFFECTIVE = "Before effective";
	/** The column that shows who made a hit's decision (in a shared review, which reviewer). */
	public static final String DECIDED_BY = "Decided by";
	/** The exception combo's first item: no exception recorded. */
	public static final String NO_EXCEPTION = "none";

	private TableViewer viewer;
	private Label count;
	private Text note;
	private StyledText detail;
	private Combo show;
	private Combo exception;
	private Set<Match> beforeEffective = Set.of();
	/** The hits the table shows, in its order. */
	private List<Match> shown = List.of();

	@jakarta.inject.Inject
	private ESelectionService selectionService;

	@jakarta.inject.Inject
	private org.eclipse.e4.core.contexts.IEclipseContext context;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().numColumns(8).margins(2, 2).applyTo(parent);
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
		new Label(parent, SWT.NONE).setText("Show:");
		show = new Combo(parent, SWT.DROP_DOWN | SWT.READ_ONLY);
		show.setItems(SHOW_ALL, SHOW_IN_FORCE, SHOW_BEFORE_EFFECTIVE);
		show.select(0);
		show.addListener(SWT.Selection, e -> showHits());
		new Label(parent, SWT.NONE).setText("Note:");
		note = new Text(parent, SWT.BORDER);
		note.setMessage("why (kept with the next decision)");
		GridDataFactory.fillDefaults().hint(260, SWT.DEFAULT).applyTo(note);
		button(parent, "Same (S)", DecisionState.SAME);
		button(parent, "Not same (N)", DecisionState.NOT_SAME);
		button(parent, "Unsure (U)", DecisionState.UNSURE);
		Label exceptionLabel = new Label(parent, SWT.NONE);
		exceptionLabel.setText("Exception of the rule:");
		GridDataFactory.fillDefaults().span(2, 1).align(SWT.END, SWT.CENTER).applyTo(exceptionLabel);
		exception = new Combo(parent, SWT.DROP_DOWN | SWT.READ_ONLY);
		exception.setToolTipText("Record an exception the hit's rule lists (recorded by you, never applied"
				+ " automatically): the hit's actions go to the order's excepted section, outside its totals");
		GridDataFactory.fillDefaults().span(6, 1).grab(true, false).hint(300, SWT.DEFAULT).applyTo(exception);
		exception.addListener(SWT.Selection, e -> recordException());

		viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().span(8, 1).grab(true, true).applyTo(viewer.getTable());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Columns.add(viewer, Match.class, "Decision", 100, false, HitsPart::state);
		Columns.add(viewer, Match.class, "Applies", 110, false, m -> beforeEffective.contains(m) ? BEFORE_EFFECTIVE : "");
		Columns.add(viewer, Match.class, "Exception", 130, false, HitsPart::exception);
		Columns.add(viewer, Match.class, "Note", 160, false, m -> m.getDecision() == null ? null : m.getDecision().getNote());
		Columns.add(viewer, Match.class, DECIDED_BY, 110, false,
				m -> m.getDecision() == null ? null : m.getDecision().getReviewer());
		Columns.add(viewer, Match.class, "Score", 55, true, m -> String.format(Locale.ROOT, "%.2f", m.getScore()));
		Columns.add(viewer, Match.class, "Entity", 100, false,
				m -> m.getCoveredEntity() == null ? null : m.getCoveredEntity().getId());
		Columns.add(viewer, Match.class, "Rule", 150, false, m -> m.getRule() == null ? null : m.getRule().getId());
		Columns.add(viewer, Match.class, "Risk", 110, false, m -> Names.of(m.getRiskLevel()));
		Columns.add(viewer, Match.class, "By", 110, false, m -> Names.of(m.getKind()));
		Columns.add(viewer, Match.class, "Vendor", 220, false, m -> m.getVendor() == null ? null : m.getVendor().getName());
		Columns.add(viewer, Match.class, "Explanation", 420, false, Match::getExplanation);

		detail = new StyledText(parent, SWT.BORDER | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
		GridDataFactory.fillDefaults().span(8, 1).grab(true, false).hint(SWT.DEFAULT, 90).applyTo(detail);
		viewer.addSelectionChangedListener(e -> {
			showDetail(selected());
			showExceptions(selected());
		});
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
		return match.getDecision() == null ? "" : Names.of(match.getDecision().getState());
	}

	/** The exception recorded on a hit, by its citation ("Sec. 889(a)(2)(A)") when it starts with one. */
	private static String exception(Match match) {
		String text = match.getDecision() == null ? null : match.getDecision().getException();
		if (text == null || text.isBlank()) {
			return null;
		}
		int colon = text.indexOf(": ");
		return colon > 0 ? text.substring(0, colon) : text;
	}

	/** Offers the exceptions of the selected hit's rule, the recorded one chosen; none when the rule lists none. */
	private void showExceptions(Match match) {
		List<String> offered = match == null || match.getRule() == null ? List.of() : match.getRule().getExceptions();
		List<String> items = new ArrayList<>();
		items.add(NO_EXCEPTION);
		items.addAll(offered);
		exception.setItems(items.toArray(String[]::new));
		String recorded = match == null || match.getDecision() == null ? null : match.getDecision().getException();
		int at = recorded == null ? 0 : items.indexOf(recorded);
		exception.select(Math.max(at, 0));
		exception.setEnabled(!offered.isEmpty());
	}

	/** Records the exception chosen in the combo on the selected hit, or takes a recorded one back. */
	private void recordException() {
		Match match = selected();
		if (match == null || session == null || match.getRule() == null) {
			return;
		}
		SharedReview shared = context.get(SharedReview.class);
		if (shared != null && shared.session() == session) {
			StatusLine.say(context, "Not recorded: exceptions are recorded in a review file, not yet in a shared"
					+ " review");
			showExceptions(match);
			return;
		}
		int index = exception.getSelectionIndex();
		String chosen = index <= 0 ? null : exception.getItem(index);
		String recorded = match.getDecision() == null ? null : match.getDecision().getException();
		if (java.util.Objects.equals(chosen, recorded)) {
			// "none" on a hit without an exception must not decide it
			return;
		}
		String typed = note.getText().isBlank() ? null : note.getText().trim();
		String keep = typed != null ? typed : match.getDecision() == null ? null : match.getDecision().getNote();
		Decisions.except(session, match, chosen, procurement.review.ui.ReviewPreferences.reviewer(), keep);
		note.setText("");
		showHits();
	}

	/**
	 * Records an exception of the selected hit's rule through the combo, as the reviewer does.
	 *
	 * @param text one of the rule's exceptions, or null for none
	 */
	public void chooseException(String text) {
		int index = text == null ? 0 : java.util.Arrays.asList(exception.getItems()).indexOf(text);
		if (index < 0) {
			throw new IllegalArgumentException("the combo does not offer " + text);
		}
		exception.select(index);
		exception.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	/**
	 * Shows all hits, only those in force, or only those bought before their rule applied.
	 *
	 * @param choice {@link #SHOW_ALL}, {@link #SHOW_IN_FORCE} or {@link #SHOW_BEFORE_EFFECTIVE}
	 */
	public void show(String choice) {
		show.select(java.util.Arrays.asList(show.getItems()).indexOf(choice));
		show.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	/** @return the exception combo, for tests */
	public Combo exceptionCombo() {
		return exception;
	}

	/** @return the count line, for tests */
	public String countText() {
		return count.getText();
	}


	@Override
	protected void reload() {
		// once per change of the review: it goes over the actions of the hits' vendors
		beforeEffective = session == null ? Set.of() : BeforeEffectiveHits.of(session.review());
		showHits();
	}

	/**
	 * Lists the hits the Show filter asks for, from the before-effective hits of the last {@link #reload}: a new
	 * filter or a decision (which leaves the hit's actions and rule as they were) need not find them again.
	 */
	private void showHits() {
		Match keep = selected();
		List<Match> all = session == null ? List.of() : session.review().getMatches();
		String choice = show.getText();
		List<Match> matches = new ArrayList<>(all.stream().filter(m -> switch (choice) {
		case SHOW_IN_FORCE -> !beforeEffective.contains(m);
		case SHOW_BEFORE_EFFECTIVE -> beforeEffective.contains(m);
		default -> true;
		}).toList());
		// Hits bought before their rule applied after the others; then undecided first, then the strongest.
		matches.sort(Comparator.comparing((Match m) -> beforeEffective.contains(m))
				.thenComparing((Match m) -> m.getDecision() != null)
				.thenComparing(Comparator.comparingDouble(Match::getScore).reversed()));
		shown = matches;
		viewer.setInput(matches);
		fitColumns();
		long open = all.stream().filter(m -> m.getDecision() == null).count();
		count.setText(all.size() + " hits, " + open + " awaiting a decision, " + beforeEffective.size()
				+ " before effective"
				+ (matches.size() == all.size() ? "" : "; " + matches.size() + " shown"));
		count.getParent().layout(true);
		if (keep != null && matches.contains(keep)) {
			viewer.setSelection(new StructuredSelection(keep), true);
		}
		showExceptions(selected());
	}

	/**
	 * Sizes the columns of enum words to the widest word (the words are known: no row is measured), unless the
	 * reviewer resized them.
	 */
	private void fitColumns() {
		ColumnWidths.fit(viewer, 0, List.of(), Names.all(DecisionState.VALUES));
		ColumnWidths.fit(viewer, 1, List.of(), List.of(BEFORE_EFFECTIVE));
		ColumnWidths.fit(viewer, 8, List.of(), Names.all(procurement.review.model.RiskLevel.VALUES));
		ColumnWidths.fit(viewer, 9, List.of(), Names.all(procurement.review.model.MatchKind.VALUES));
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
		if (session.isReadOnly()) {
			StatusLine.say(context, "Not decided: the review is read-only until it is accepted as a new baseline"
					+ " (see the banner above)");
			return;
		}
		String reviewer = procurement.review.ui.ReviewPreferences.reviewer();
		String text = note.getText().isBlank() ? null : note.getText().trim();
		SharedReview shared = context.get(SharedReview.class);
		if (shared != null && shared.session() == session) {
			// Decided in the database; the decision comes back like any other reviewer's and the part reloads.
			if (shared.decide(match, state, reviewer, text, said -> StatusLine.say(context, said)) != null) {
				note.setText("");
			}
			return;
		}
		List<Match> identity = Decisions.siblings(session.review(), match);
		session.commandStack().execute(Decisions.createCommand(session, match, state, reviewer, text));
		note.setText("");
		StatusLine.say(context, decidedText(match, state, identity));
		showHits();
		selectNextUndecided();
	}

	/**
	 * What a decision decided, for the status line: one key decides the hits of the same company (identity) on
	 * every rule ({@link Decisions#siblings}), which the reviewer is told.
	 */
	static String decidedText(Match match, DecisionState state, List<Match> identity) {
		String who = match.getVendor() != null ? match.getVendor().getName()
				: match.getCoveredEntity() != null ? match.getCoveredEntity().getId() : match.getKey();
		StringBuilder text = new StringBuilder(Names.of(state)).append(": ").append(who);
		if (match.getRule() != null) {
			text.append(" on ").append(match.getRule().getId());
		}
		if (identity.size() > 1) {
			java.util.Set<String> rules = new java.util.TreeSet<>();
			for (Match other : identity.subList(1, identity.size())) {
				rules.add(other.getRule() == null ? "no rule" : other.getRule().getId());
			}
			int others = identity.size() - 1;
			text.append("; also decided for the same company's ").append(others)
					.append(others == 1 ? " other hit" : " other hits").append(" on ").append(String.join(", ", rules));
		}
		return text.toString();
	}

	/** Selects the first hit without a decision. */
	public void selectNextUndecided() {
		for (Match match : shown) {
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
					.append(' ').append(Names.money(action.getObligation()))
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
