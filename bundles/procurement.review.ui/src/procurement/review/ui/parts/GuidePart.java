package procurement.review.ui.parts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;

/** Help > User Guide: the short guide bundled with the product, as plain text. */
public class GuidePart {

	/** The guide's resource path in this bundle. */
	static final String GUIDE = "/help/user-guide.txt";

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new FillLayout());
		StyledText text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
		text.setMargins(12, 12, 12, 12);
		try (InputStream in = GuidePart.class.getResourceAsStream(GUIDE)) {
			text.setText(in == null ? "The user guide is missing from this installation."
					: new String(in.readAllBytes(), StandardCharsets.UTF_8));
		} catch (IOException e) {
			text.setText("The user guide cannot be read: " + e.getMessage());
		}
	}
}
