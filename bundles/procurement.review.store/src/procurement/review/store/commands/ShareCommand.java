package procurement.review.store.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewProject;
import procurement.review.store.ReviewStore;
import procurement.review.store.StoreException;

/**
 * {@code ./procurement-review share REVIEW_FILE --db URL [--reviewer NAME]}: copies a review file into a shared
 * review database and prints the new review's id on the last line.
 */
public final class ShareCommand extends StoreCommand {

	private static final String USAGE = "share REVIEW_FILE --db URL [--reviewer NAME]";

	@Override
	public String name() {
		return "share";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public String summary() {
		return "copy a review file into a shared review database (PostgreSQL); prints the review's id";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		Options options = parse(args, Set.of("db", "reviewer"), Set.of(), USAGE);
		if (options.words().size() != 1) {
			throw new StoreException("usage: " + USAGE);
		}
		Path file = Path.of(options.words().get(0));
		if (!Files.isRegularFile(file)) {
			throw new StoreException(file + ": no such file");
		}
		ReviewProject review;
		try {
			review = ReviewSession.open(file).review();
		} catch (IOException | RuntimeException e) {
			throw new StoreException(file.getFileName() + " is not a review file", e);
		}
		long started = System.nanoTime();
		long id;
		try (ReviewStore store = open(options)) {
			String reviewer = store.actor(options.values().get("reviewer"));
			id = store.share(review, file.getFileName().toString(), reviewer);
		}
		out.printf("shared %s (%d actions, %d matches, %d audit entries) in %.1f s%n", file.getFileName(),
				review.getReports().stream().mapToInt(r -> r.getActions().size()).sum(), review.getMatches().size(),
				review.getAuditLog().size() + 1, (System.nanoTime() - started) / 1e9);
		out.println(id);
		return OK;
	}
}
