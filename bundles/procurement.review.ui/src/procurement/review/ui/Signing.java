package procurement.review.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ChainSigner;
import procurement.review.core.ReviewSession;

/**
 * Signs what the reviewer writes into a review's audit log with the key of the keystore named in the preferences:
 * the workbench asks for its password once per run, keeps the key in memory only, and attaches it to every review
 * opened afterwards. A cancelled or wrong password leaves the review unsigned and says so in the status line.
 */
public final class Signing {

	/** The title of the password dialog. */
	public static final String TITLE = "Sign the audit log";

	private static ChainSigner signer;
	private static Path loadedFrom;

	private Signing() {
	}

	/**
	 * Attaches the reviewer's signer to a review, asking for the keystore's password the first time.
	 *
	 * @param session the review just opened or created
	 * @return what went wrong, or null when the review is signed or no keystore is set
	 */
	public static String attach(ReviewSession session) {
		Path keystore = ReviewPreferences.keystore().orElse(null);
		if (keystore == null || session == null) {
			return null;
		}
		if (signer == null || !keystore.equals(loadedFrom)) {
			Display display = Display.getCurrent();
			Shell shell = display == null ? null : display.getActiveShell();
			InputDialog ask = new InputDialog(shell, TITLE, "Password of " + keystore.getFileName()
					+ " (the key signs every audit entry you write):", "", null) {
				@Override
				protected int getInputTextStyle() {
					return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
				}
			};
			if (ask.open() != Window.OK) {
				return "The audit log is not signed: no password was given for " + keystore.getFileName();
			}
			try {
				signer = ChainSigner.load(keystore, ask.getValue().toCharArray(), null);
				loadedFrom = keystore;
			} catch (IOException e) {
				return "The audit log is not signed: " + e.getMessage();
			}
		}
		signer.attachTo(session.review());
		return null;
	}
}
