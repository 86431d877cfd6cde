package procurement.review.ui;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import procurement.review.core.ReviewSession;
import procurement.review.ui.handlers.SaveChanges;

/**
 * Asks Save / Don't Save / Cancel before a window with unsaved review changes closes ({@link SaveChanges}).
 */
public class CloseGuard {

	@jakarta.inject.Inject
	@Optional
	void guardWindows(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application) {
		for (MWindow window : application.getChildren()) {
			IEclipseContext context = window.getContext();
			context.set(IWindowCloseHandler.class, closing -> {
				ReviewSession session = OpenReview.get(application.getContext());
				return SaveChanges.settle((Shell) closing.getWidget(), application, session, "closing the window");
			});
		}
	}
}
