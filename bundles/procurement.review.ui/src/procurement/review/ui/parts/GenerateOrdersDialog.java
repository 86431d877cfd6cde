package procurement.review.ui.parts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.orders.review.RuleHits;
import procurement.review.core.orders.review.RuleObligations;
import procurement.review.model.Match;
import procurement.review.model.ReviewProject;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.ui.internal.Columns;

/**
 * Asks which rule to generate removal orders for and with which issue date: the rules of the review's rule sets,
 * each with its number of hits and how many of them await a decision; the issue date (today unless changed). A line
 * warns when the chosen rule has undecided hits, another when the rule is not in force on the chosen date.
 */
public final class GenerateOrdersDialog extends Dialog {

	/** The dialog's title, also its shell's text. */
	public static final String TITLE = "Generate Orders";

	/**
	 * One rule offered, with its counts.
	 *
	 * @param rule      the rule
	 * @param hits      the review's hits (matches) of the rule
	 * @param undecided how many of them have no decision yet
	 */
	public record Choice(Rule rule, int hits, int undecided) {
	}

	private final List<Choice> choices;
	private final String preselect;
	private TableViewer viewer;
	private DateTime date;
	private Label warning;
	private Label inForce;
	private Rule rule;
	private LocalDate issueDate;

	/**
	 * @param shell     the parent
	 * @param review    the review whose rules are offered
	 * @param preselect the id of the rule chosen at first (the reviewer's default rule), may be null
	 */
	public GenerateOrdersDialog(Shell shell, ReviewProject review, String preselect) {
		super(shell);
		this.choices = choices(review);
		this.preselect = preselect;
	}

	/**
	 * The rules of a review's rule sets with their hit counts.
	 *
	 * @param review the review
	 * @return one choice per rule, in rule set order
	 */
	public static List<Choice> choices(ReviewProject review) {
		List<Choice> out = new ArrayList<>();
		for (RuleSet ruleSet : review.getRuleSets()) {
			for (Rule r : ruleSet.getRules()) {
				int hits = 0;
				int undecided = 0;
				for (Match m : review.getMatches()) {
					// a match made under a former version of the rule set names the rule by the same id
					if (RuleHits.sameRule(m.getRule(), r)) {
						hits++;
						if (m.getDecision() == null) {
							undecided++;
						}
					}
				}
				out.add(new Choice(r, hits, undecided));
			}
		}
		return out;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(TITLE);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		Label intro = new Label(area, SWT.WRAP);
		intro.setText("One order per department with hits of the rule. Hits decided Not same make no line; Unsure"
				+ " ones are listed as to be confirmed, outside the totals.");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(intro);
		Label ruleLabel = new Label(area, SWT.NONE);
		ruleLabel.setText("Rule:");
		GridDataFactory.fillDefaults().span(2, 1).applyTo(ruleLabel);
		viewer = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		Columns.add(viewer, Choice.class, "Rule", 190, false, c -> c.rule().getId());
		Columns.add(viewer, Choice.class, "Hits", 50, true, c -> String.valueOf(c.hits()));
		Columns.add(viewer, Choice.class, "Undecided", 80, true, c -> String.valueOf(c.undecided()));
		Columns.add(viewer, Choice.class, "Title", 320, false, c -> c.rule().getTitle());
		viewer.setInput(choices);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(660, 200).applyTo(viewer.getTable());
		new Label(area, SWT.NONE).setText("Issue date:");
		date = new DateTime(area, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
		warning = new Label(area, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(warning);
		inForce = new Label(area, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(inForce);
		viewer.addSelectionChangedListener(e -> update());
		date.addListener(SWT.Selection, e -> update());
		choices.stream().filter(c -> preselect != null && preselect.equalsIgnoreCase(c.rule().getId())).findFirst()
				.ifPresent(c -> viewer.setSelection(new StructuredSelection(c), true));
		return area;
	}

	@Override
	protected Control createContents(Composite parent) {
		Control contents = super.createContents(parent);
		update();
		return contents;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Generate", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	private Choice selected() {
		return (Choice) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
	}

	private LocalDate dateShown() {
		return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
	}

	/** Shows what the chosen rule and date lead to; Generate needs a rule. */
	private void update() {
		Choice choice = selected();
		if (choice != null && choice.undecided() > 0) {
			warning.setText(choice.undecided() + " of the " + choice.hits() + " hits of " + choice.rule().getId()
					+ " await a decision: they go on the orders as unreviewed lines (or to be confirmed)."
					+ " Decide them in the Hits part first to send only what you confirmed.");
		} else {
			warning.setText("");
		}
		String notInForce = choice == null ? null : RuleObligations.notInForce(choice.rule(), dateShown());
		inForce.setText(notInForce == null ? "" : notInForce + ".");
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(choice != null);
		}
		warning.getParent().layout(true);
	}

	@Override
	protected void okPressed() {
		Choice choice = selected();
		if (choice == null) {
			return;
		}
		rule = choice.rule();
		issueDate = dateShown();
		super.okPressed();
	}

	/**
	 * Chooses a rule, as a click on its row does.
	 *
	 * @param ruleId the rule's id
	 */
	public void select(String ruleId) {
		choices.stream().filter(c -> c.rule().getId().equals(ruleId)).findFirst()
				.ifPresent(c -> viewer.setSelection(new StructuredSelection(c), true));
	}

	/**
	 * Sets the issue date, as the reviewer does in the date field.
	 *
	 * @param value the date
	 */
	public void setIssueDate(LocalDate value) {
		date.setDate(value.getYear(), value.getMonthValue() - 1, value.getDayOfMonth());
		date.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	/** @return the rule chosen with Generate, or null */
	public Rule rule() {
		return rule;
	}

	/** @return the issue date chosen with Generate, or null */
	public LocalDate issueDate() {
		return issueDate;
	}

	/** @return the table of rules, for tests */
	public TableViewer viewer() {
		return viewer;
	}

	/** @return the issue date field, for tests */
	public DateTime dateField() {
		return date;
	}

	/** @return the undecided-hits warning, empty when there is none; for tests */
	public String warningText() {
		return warning.getText();
	}

	/** @return the not-in-force line, empty when the rule is in force on the date; for tests */
	public String inForceText() {
		return inForce.getText();
	}
}
