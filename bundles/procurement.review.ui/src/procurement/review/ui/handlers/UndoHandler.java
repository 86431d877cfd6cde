package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

import procurement.review.core.ReviewSession;

/** Edit > Undo: undoes the last command of the review's command stack. */
public class UndoHandler {

	@CanExecute
	boolean canExecute(@Optional ReviewSession session) {
		return session != null && session.commandStack().canUndo();
	}

	@Execute
	void execute(ReviewSession session) {
		session.commandStack().undo();
	}
}
