package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Help > About. */
public class AboutHandler {

	@Execute
	void execute(Shell shell) {
		MessageDialog.openInformation(shell, "About Procurement Review Workbench",
				"Procurement Review Workbench 1.0\n\n"
						+ "Finds the vendors that security directives cover (DHS BOD 17-01, NDAA section 889, "
						+ "FCC Covered List) in federal contracting reports, and issues removal orders per "
						+ "department.\n\nEclipse RCP (e4), EMF, Apache POI.");
	}
}
