package procurement.review.store.commands;

import java.io.PrintStream;
import java.util.Set;

import procurement.review.store.ReviewStore;
import procurement.review.store.SharedSnapshot;
import procurement.review.store.StoreException;
import procurement.review.store.TaggingResult;

/**
 * {@code ./procurement-review tag --db URL --review ID [--reviewer NAME]}: runs the workbench's matcher on a shared
 * review, as {@code tag --review FILE} does on a file, and stores its new hits and its tags with one audit entry. The
 * command line runs it for {@code tag} when {@code --db} is given. A review changed by someone else between reading
 * and writing is not written: exit {@value #CONFLICT} and one line.
 */
public final class TagCommand extends StoreCommand {

	private static final String USAGE = "tag --db URL --review ID [--reviewer NAME]";

	@Override
	public String name() {
		return "tag";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public String summary() {
		return "find the covered vendors of a shared review and store its hits and tags; exit 3 when it changed"
				+ " meanwhile";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		Options options = parse(args, Set.of("db", "review", "reviewer"), Set.of(), USAGE);
		if (!options.words().isEmpty()) {
			throw new StoreException("unexpected '" + options.words().get(0) + "' (usage: " + USAGE + ")");
		}
		long review = options.id("review");
		TaggingResult result;
		try (ReviewStore store = open(options)) {
			SharedSnapshot seen = store.load(review);
			result = store.tag(review, seen, store.actor(options.values().get("reviewer")));
		}
		out.println("review " + review + ": " + result.hits() + " hits (" + result.newHits() + " new), "
				+ result.tags() + " tags (audit entry " + result.auditSeq() + ")");
		return OK;
	}
}
