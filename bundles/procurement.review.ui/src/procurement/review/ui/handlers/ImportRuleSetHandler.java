package procurement.review.ui.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.review.RuleSetUpdate;
import procurement.review.model.RuleSet;
import procurement.review.rules.RuleSets;
import procurement.review.ui.ReviewPreferences;

/**
 * File > Import > Rule Set...: reads a {@code .ruleset} file, shows what it adds, removes and re-dates against the
 * review's rule set of the same id ({@link RuleSetUpdate#diff()}), and on the reviewer's word puts it in place as
 * one undoable command (Edit > Undo takes it back). A file that is not a rule set is refused in one sentence that
 * names it.
 */
public class ImportRuleSetHandler {

	/** The dialog's title, also its shell's text. */
	public static final String DIFF_TITLE = "Import Rule Set";

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null;
	}

	@Execute
	void execute(Shell shell, ReviewSession session) {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText("Import Rule Set");
		dialog.setFilterExtensions(new String[] { "*." + RuleSets.EXTENSION, "*" });
		dialog.setFilterNames(new String[] { "Rule sets (*." + RuleSets.EXTENSION + ")", "All files" });
		dialog.setFilterPath(procurement.review.ui.ReviewPreferences.folder("ruleset").toString());
		String chosen = dialog.open();
		if (chosen != null) {
			procurement.review.ui.ReviewPreferences.rememberFolder("ruleset", Path.of(chosen));
			importFile(shell, session, Path.of(chosen));
		}
	}

	/**
	 * Reads a rule set file, asks the reviewer to accept its differences, and applies it.
	 *
	 * @param shell   the parent of the dialogs
	 * @param session the open review
	 * @param file    the rule set file
	 * @return true when the rule set was put in place; false when it could not be read or the reviewer cancelled
	 */
	public static boolean importFile(Shell shell, ReviewSession session, Path file) {
		RuleSetUpdate update;
		try {
			update = RuleSetUpdate.prepare(session, read(file));
		} catch (IOException | IllegalArgumentException e) {
			MessageDialog.openError(shell, DIFF_TITLE, refusal(file, e));
			return false;
		}
		if (new DiffDialog(shell, update.diff().lines()).open() != Window.OK) {
			return false;
		}
		update.apply(ReviewPreferences.reviewer());
		return true;
	}

	/**
	 * The one sentence that says why a file cannot be imported as a rule set.
	 *
	 * @param file    the file
	 * @param problem what went wrong
	 * @return the sentence, naming the file
	 */
	static String refusal(Path file, Exception problem) {
		String detail;
		if (problem instanceof java.nio.file.NoSuchFileException) {
			detail = "it does not exist";
		} else if (problem instanceof java.nio.file.AccessDeniedException) {
			detail = "it may not be read";
		} else {
			String reason = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
			int line = reason.indexOf('\n');
			reason = (line >= 0 ? reason.substring(0, line) : reason).strip().replaceFirst("\\.$", "");
			// RuleSets names the file itself ("x.ruleset is not a readable rule set: why"): say it once
			String name = file.getFileName().toString();
			if (reason.startsWith(name + " ")) {
				reason = "it " + reason.substring(name.length() + 1);
			} else if (problem instanceof IOException) {
				// the XML parser's own words end its message ("...; lineNumber: 1; columnNumber: 1; Content is not
				// allowed in prolog")
				reason = "it is not a readable rule set: " + reason.substring(reason.lastIndexOf("; ") + 1).strip();
			} else if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
					&& Character.isLowerCase(reason.charAt(1))) {
				reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
			}
			int colon = reason.indexOf(": ");
			detail = colon < 0 ? reason : reason.substring(0, colon) + " (" + reason.substring(colon + 2) + ")";
		}
		return "The file " + file + " cannot be imported as a rule set: " + detail + ".";
	}

	private static RuleSet read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return RuleSets.read(in, file.getFileName().toString());
		}
	}

	/** Shows the differences line by line; Import accepts them, Cancel leaves the review as it is. */
	public static final class DiffDialog extends Dialog {
		private final List<String> lines;
		private org.eclipse.swt.widgets.List list;

		/**
		 * @param shell the parent
		 * @param lines the lines of {@link procurement.review.rules.RuleSetDiff#lines()}
		 */
		public DiffDialog(Shell shell, List<String> lines) {
			super(shell);
			this.lines = List.copyOf(lines);
		}

		@Override
		protected void configureShell(Shell shell) {
			super.configureShell(shell);
			shell.setText(DIFF_TITLE);
		}

		@Override
		protected boolean isResizable() {
			return true;
		}

		@Override
		protected Control createDialogArea(Composite parent) {
			Composite area = (Composite) super.createDialogArea(parent);
			Label intro = new Label(area, SWT.WRAP);
			intro.setText("What the rule set adds (+), removes (-) and changes (~). Importing it replaces the"
					+ " review's rule set of the same id (the old one is kept for the hits and orders made under it);"
					+ " Find Covered Vendors then matches with the new rules. Edit > Undo takes the import back.");
			GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(intro);
			list = new org.eclipse.swt.widgets.List(area, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
			lines.forEach(list::add);
			GridDataFactory.fillDefaults().grab(true, true).hint(640, 260).applyTo(list);
			return area;
		}

		@Override
		protected void createButtonsForButtonBar(Composite parent) {
			createButton(parent, IDialogConstants.OK_ID, "Import", true);
			createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		}

		/** @return the list of differences, for tests */
		public org.eclipse.swt.widgets.List list() {
			return list;
		}
	}
}
