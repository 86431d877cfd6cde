package procurement.review.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.equinox.app.IApplicationContext;

import procurement.review.core.ReviewSession;

/**
 * Opens the review before the first window shows: the file named on the command line, else the bundled sample.
 */
public class LifeCycle {

	@PostContextCreate
	void openInitialReview(IEclipseContext context, IApplicationContext application) throws IOException {
		String[] args = (String[]) application.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
				new String[0]);
		ReviewSession session = null;
		for (String arg : args) {
			if (arg.endsWith(".review") || arg.endsWith(".reviewb")) {
				Path file = Path.of(arg);
				if (Files.isRegularFile(file)) {
					session = ReviewSession.open(file);
				}
			}
		}
		context.set(ReviewSession.class, session != null ? session : SampleReview.open());
	}
}
