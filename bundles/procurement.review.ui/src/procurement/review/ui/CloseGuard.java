package procurement.review.ui;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import procurement.review.core.ReviewSession;

/**
 * Asks before a window with unsaved review changes closes, and removes the autosave copy when the reviewer chose to
 * discard them.
 */
public class CloseGuard {

	@jakarta.inject.Inject
	@Optional
	void guardWindows(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application) {
		for (MWindow window : application.getChildren()) {
			IEclipseContext context = window.getContext();
			context.set(IWindowCloseHandler.class, closing -> {
				ReviewSession session = application.getContext().get(ReviewSession.class);
				if (session == null || !session.isDirty()) {
					return true;
				}
				boolean discard = MessageDialog.openQuestion((Shell) closing.getWidget(), "Unsaved changes",
						"The review has changes that are not saved. Close and discard them?\n\n"
								+ "(Choose No, then File > Save.)");
				if (discard) {
					Autosave.clear();
				}
				return discard;
			});
		}
	}
}
