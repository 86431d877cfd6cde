package procurement.review.ui.handlers;

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

import procurement.review.store.DatabaseAddress;
import procurement.review.store.LocalServer;
import procurement.review.ui.ReviewPreferences;

/**
 * Asks for the database of a shared review (a JDBC URL) and, to open one, the review's id. The URL offered is the
 * one used last, else that of the local server {@code ./procurement-review db start} runs. The credentials are not
 * asked: they come from the environment, or from the local server's password file.
 */
final class SharedReviewDialog extends Dialog {

	private final String title;
	private final boolean askReview;
	private Text urlText;
	private Text reviewText;
	private String url = "";
	private long review;

	SharedReviewDialog(Shell parent, String title, boolean askReview) {
		super(parent);
		this.title = title;
		this.askReview = askReview;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		new Label(area, SWT.NONE).setText("Database URL");
		urlText = new Text(area, SWT.BORDER);
		urlText.setMessage("jdbc:postgresql://HOST:PORT/DATABASE (?sslmode=verify-full for TLS)");
		urlText.setText(offeredUrl());
		GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(urlText);
		urlText.addListener(SWT.Modify, e -> validate());
		if (askReview) {
			new Label(area, SWT.NONE).setText("Review");
			reviewText = new Text(area, SWT.BORDER);
			reviewText.setMessage("the id 'share' printed");
			GridDataFactory.fillDefaults().grab(true, false).applyTo(reviewText);
			reviewText.addListener(SWT.Modify, e -> validate());
		}
		Label credentials = new Label(area, SWT.WRAP);
		credentials.setText("The database user and password come from " + DatabaseAddress.USER + " and "
				+ DatabaseAddress.PASSWORD + " in the environment, or, for the local server of"
				+ " './procurement-review db start', from its password file.");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(credentials);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private static String offeredUrl() {
		String last = ReviewPreferences.sharedDatabase();
		if (last != null) {
			return last;
		}
		DatabaseAddress local = new LocalServer(DatabaseAddress.stateFolder()).address();
		return local == null ? "" : local.url();
	}

	private void validate() {
		if (getButton(IDialogConstants.OK_ID) == null) {
			return;
		}
		boolean ok = urlText.getText().strip().startsWith("jdbc:postgresql:")
				&& (!askReview || reviewText.getText().strip().matches("[1-9][0-9]{0,17}"));
		getButton(IDialogConstants.OK_ID).setEnabled(ok);
	}

	@Override
	protected void okPressed() {
		url = urlText.getText().strip();
		review = askReview ? Long.parseLong(reviewText.getText().strip()) : 0;
		super.okPressed();
	}

	String url() {
		return url;
	}

	long review() {
		return review;
	}
}
