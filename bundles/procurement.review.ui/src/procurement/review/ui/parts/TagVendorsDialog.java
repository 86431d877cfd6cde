package procurement.review.ui.parts;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import procurement.review.model.RiskLevel;
import procurement.review.model.TagKind;

/** Asks how to tag the selected vendors: origin or risk, a value, a risk level and the evidence. */
final class TagVendorsDialog extends Dialog {

	private final int vendors;
	private Combo kindCombo;
	private Text valueText;
	private Combo riskCombo;
	private Text evidenceText;
	private TagKind kind = TagKind.ORIGIN;
	private String value = "";
	private RiskLevel risk = RiskLevel.NONE;
	private String evidence = "";

	TagVendorsDialog(Shell parent, int vendors) {
		super(parent);
		this.vendors = vendors;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(vendors == 1 ? "Tag vendor" : "Tag " + vendors + " vendors");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		kindCombo = combo(area, "Tag", TagKind.VALUES.stream().map(TagKind::getName).toArray(String[]::new));
		valueText = text(area, "Value", "Country code (CHN, RUS, FOREIGN) or subject", SWT.BORDER);
		riskCombo = combo(area, "Risk level", RiskLevel.VALUES.stream().map(RiskLevel::getName).toArray(String[]::new));
		evidenceText = text(area, "Evidence", "Why: a registry entry, a parent company, a document",
				SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).hint(360, 80).applyTo(evidenceText);
		return area;
	}

	private static Combo combo(Composite area, String label, String[] items) {
		new Label(area, SWT.NONE).setText(label);
		Combo combo = new Combo(area, SWT.READ_ONLY);
		combo.setItems(items);
		combo.select(0);
		return combo;
	}

	private static Text text(Composite area, String label, String hint, int style) {
		new Label(area, SWT.NONE).setText(label);
		Text text = new Text(area, style);
		text.setMessage(hint);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
		return text;
	}

	@Override
	protected void okPressed() {
		kind = TagKind.get(kindCombo.getText());
		value = valueText.getText().strip().toUpperCase(java.util.Locale.ROOT);
		risk = RiskLevel.get(riskCombo.getText());
		evidence = evidenceText.getText().strip();
		super.okPressed();
	}

	TagKind kind() {
		return kind;
	}

	String value() {
		return value;
	}

	RiskLevel risk() {
		return risk;
	}

	String evidence() {
		return evidence;
	}
}
