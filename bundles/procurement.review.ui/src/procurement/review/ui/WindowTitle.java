package procurement.review.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.swt.widgets.Display;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;

/**
 * An add-on that keeps the window title on the open review: its file name (or its name while it has no file), a
 * leading "*" while it has unsaved changes, then the product's name. It follows the session in the application
 * context and its command stack; a save, which changes no command, calls {@link #update}.
 */
public class WindowTitle {

	/** The product's name, the title's end. */
	public static final String PRODUCT = "Procurement Review Workbench";

	private final CommandStackListener listener = event -> changed();
	private MApplication application;
	private ReviewSession session;

	@Inject
	void setSession(@Optional ReviewSession newSession, MApplication app) {
		if (session != null) {
			session.commandStack().removeCommandStackListener(listener);
		}
		application = app;
		session = newSession;
		if (session != null) {
			session.commandStack().addCommandStackListener(listener);
		}
		update(app);
	}

	private void changed() {
		if (Display.getCurrent() != null) {
			update(application);
		} else {
			Display.getDefault().asyncExec(() -> update(application));
		}
	}

	@PreDestroy
	void dispose() {
		if (session != null) {
			session.commandStack().removeCommandStackListener(listener);
		}
	}

	/**
	 * @param session a review
	 * @return how the title names it: its file's name, or its own name while it has no file
	 */
	public static String name(ReviewSession session) {
		if (session.file() != null) {
			return session.file().getFileName().toString();
		}
		String name = session.review().getName();
		return name == null || name.isBlank() ? "Untitled review" : name;
	}

	/**
	 * @param session the open review, or null
	 * @return the window title for it
	 */
	public static String of(ReviewSession session) {
		if (session == null) {
			return PRODUCT;
		}
		return (session.isDirty() ? "*" : "") + name(session) + (session.file() == null ? " (not saved)" : "")
				+ " - " + PRODUCT;
	}

	/**
	 * Sets the title of every window from the open review.
	 *
	 * @param application the application
	 */
	public static void update(MApplication application) {
		if (application == null || application.getContext() == null) {
			return;
		}
		String title = of(application.getContext().get(ReviewSession.class));
		for (MWindow window : application.getChildren()) {
			if (!title.equals(window.getLabel())) {
				window.setLabel(title);
			}
		}
	}
}
