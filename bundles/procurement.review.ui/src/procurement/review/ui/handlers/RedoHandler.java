package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

import procurement.review.core.ReviewSession;

/** Edit > Redo: redoes the last undone command. */
public class RedoHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null && session.commandStack().canRedo();
	}

	@Execute
	void execute(ReviewSession session) {
		session.commandStack().redo();
	}
}
