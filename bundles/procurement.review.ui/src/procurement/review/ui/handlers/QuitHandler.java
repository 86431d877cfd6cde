package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;

import procurement.review.core.ReviewSession;

/** File > Quit: Save / Don't Save / Cancel when the review has unsaved changes. */
public class QuitHandler {

	@Execute
	void execute(IWorkbench workbench, Shell shell, MApplication application, @Optional ReviewSession session) {
		if (SaveChanges.settle(shell, application, session, "quitting")) {
			workbench.close();
		}
	}
}
