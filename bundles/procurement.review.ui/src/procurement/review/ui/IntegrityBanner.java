package procurement.review.ui;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.ui.internal.ReviewPart;

/**
 * The banner over the window while the open review failed its check against its audit log (changed outside the
 * workbench): what was found, and that the review is read-only until the reviewer accepts it as a new baseline,
 * which is itself an audit entry. Hidden otherwise.
 */
public class IntegrityBanner extends ReviewPart {

	private Composite banner;
	private Label text;

	@Inject
	@Optional
	private MToolControl element;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		banner = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(6, 3).applyTo(banner);
		banner.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
		text = new Label(banner, SWT.WRAP);
		text.setBackground(banner.getBackground());
		text.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridDataFactory.fillDefaults().grab(true, false).hint(900, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER)
				.applyTo(text);
		Button details = new Button(banner, SWT.PUSH);
		details.setText("Details...");
		details.addListener(SWT.Selection, e -> MessageDialog.openInformation(banner.getShell(),
				"Changed outside the workbench", String.join("\n\n", problems())));
		Button accept = new Button(banner, SWT.PUSH);
		accept.setText("Accept as New Baseline...");
		accept.setToolTipText("Accept the review as it is now; the acceptance is recorded in the audit log");
		accept.addListener(SWT.Selection, e -> {
			if (session != null && MessageDialog.openQuestion(banner.getShell(), "Accept as new baseline",
					"Accept this review as it is now? The audit log records that " + ReviewPreferences.reviewer()
							+ " accepted it, with what was found:\n\n" + String.join("\n", problems()))) {
				accept();
			}
		});
		follow(banner, initial);
	}

	private List<String> problems() {
		return session == null ? List.of() : session.problems();
	}

	/** Accepts the review as a new baseline (what the button does after the reviewer confirms). */
	public void accept() {
		if (session != null && session.isReadOnly()) {
			session.acceptAsBaseline(ReviewPreferences.reviewer());
			reload();
		}
	}

	/** @return the banner's text, empty while it is hidden */
	public String text() {
		return banner.getVisible() ? text.getText() : "";
	}

	@Override
	protected void reload() {
		if (banner.isDisposed()) {
			return;
		}
		boolean show = session != null && session.isReadOnly();
		List<String> found = problems();
		text.setText(!show ? "" : "Read-only: this review was changed outside the workbench. "
				+ (found.isEmpty() ? "" : found.get(0) + (found.size() > 1 ? " (and " + (found.size() - 1)
						+ " more)" : "") + ". ")
				+ "Check it, then accept it as a new baseline to go on working in it.");
		banner.setVisible(show);
		// The whole top trim bar comes and goes with the banner, so that no empty strip stays when it is hidden.
		if (element != null && element.getParent() != null) {
			element.getParent().setVisible(show);
		}
		banner.getParent().layout(true, true);
		banner.getShell().layout(true, true);
	}
}
