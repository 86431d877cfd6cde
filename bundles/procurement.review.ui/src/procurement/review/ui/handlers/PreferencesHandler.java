package procurement.review.ui.handlers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import procurement.review.ui.ReviewPreferences;

/**
 * Edit > Preferences: reviewer name, default rule, name-match threshold, the age of a rule set that warrants a
 * warning, extra closure days, the keystore that signs the audit log.
 */
public class PreferencesHandler {

	@Execute
	void execute(Shell shell) {
		new PreferencesDialog(shell).open();
	}

	/** The preferences dialog; OK validates and stores. */
	public static final class PreferencesDialog extends Dialog {
		private Text reviewer;
		private Text rule;
		private Text threshold;
		private Text ruleSetAge;
		private Text closures;
		private Text keystore;
		private Label error;

		/** @param shell the parent */
		public PreferencesDialog(Shell shell) {
			super(shell);
		}

		@Override
		protected void configureShell(Shell shell) {
			super.configureShell(shell);
			shell.setText("Preferences");
		}

		@Override
		protected Control createDialogArea(Composite parent) {
			Composite area = (Composite) super.createDialogArea(parent);
			GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
			reviewer = field(area, "Reviewer name:", ReviewPreferences.reviewer(), SWT.SINGLE);
			rule = field(area, "Default rule for orders:", ReviewPreferences.defaultRule(), SWT.SINGLE);
			threshold = field(area, "Name match threshold (0-1]:", String.valueOf(ReviewPreferences.threshold()),
					SWT.SINGLE);
			ruleSetAge = field(area, "Warn when the rule set is older than (days):",
					String.valueOf(ReviewPreferences.maxRuleSetAgeDays()), SWT.SINGLE);
			closures = field(area, "Extra closure days\n(yyyy-mm-dd reason, one per line):",
					ReviewPreferences.closuresText(), SWT.MULTI | SWT.V_SCROLL);
			GridDataFactory.fillDefaults().grab(true, true).hint(360, 90).applyTo(closures);
			keystore = field(area, "Signing keystore (PKCS#12, optional):",
					ReviewPreferences.keystore().map(Object::toString).orElse(""), SWT.SINGLE);
			keystore.setToolTipText("With a keystore, every audit entry you write is signed with its key; the"
					+ " workbench asks for its password once");
			error = new Label(area, SWT.WRAP);
			GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(error);
			return area;
		}

		private static Text field(Composite parent, String label, String value, int style) {
			new Label(parent, SWT.NONE).setText(label);
			Text text = new Text(parent, SWT.BORDER | style);
			text.setText(value);
			GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
			return text;
		}

		@Override
		protected void buttonPressed(int buttonId) {
			if (buttonId == IDialogConstants.OK_ID) {
				String problem = validate();
				if (problem != null) {
					error.setText(problem);
					return;
				}
				ReviewPreferences.store(reviewer.getText(), rule.getText(), Double.parseDouble(threshold.getText()),
						closures.getText());
				ReviewPreferences.storeMaxRuleSetAgeDays(Integer.parseInt(ruleSetAge.getText().strip()));
				ReviewPreferences.storeKeystore(keystore.getText());
			}
			super.buttonPressed(buttonId);
		}

		/** @return the age field, for tests */
		public Text ruleSetAgeField() {
			return ruleSetAge;
		}

		private String validate() {
			try {
				double value = Double.parseDouble(threshold.getText().strip());
				if (value <= 0 || value > 1) {
					return "The threshold must be above 0 and at most 1.";
				}
			} catch (NumberFormatException e) {
				return "The threshold must be a number such as 0.7.";
			}
			try {
				if (Integer.parseInt(ruleSetAge.getText().strip()) < 0) {
					return "The rule set's age must be 0 days or more.";
				}
			} catch (NumberFormatException e) {
				return "The rule set's age must be a whole number of days such as 180.";
			}
			if (!keystore.getText().isBlank() && !java.nio.file.Files.isRegularFile(
					java.nio.file.Path.of(keystore.getText().strip()))) {
				return "No keystore at " + keystore.getText().strip() + ".";
			}
			for (String line : closures.getText().split("\\R")) {
				if (!line.isBlank()) {
					try {
						LocalDate.parse(line.strip().split("\\s+")[0]);
					} catch (DateTimeParseException e) {
						return "Not a date: " + line.strip() + " (use yyyy-mm-dd, then the reason).";
					}
				}
			}
			return null;
		}
	}
}
