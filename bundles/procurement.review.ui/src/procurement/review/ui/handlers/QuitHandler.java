package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;

/** File > Quit: asks before unsaved changes are lost. */
public class QuitHandler {

	@Execute
	void execute(IWorkbench workbench, Shell shell, @Optional ReviewSession session) {
		if (session == null || !session.isDirty() || MessageDialog.openQuestion(shell, "Quit",
				"The review has unsaved changes. Quit and lose them?")) {
			workbench.close();
		}
	}
}
