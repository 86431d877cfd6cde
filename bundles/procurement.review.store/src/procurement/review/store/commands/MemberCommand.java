package procurement.review.store.commands;

import java.io.PrintStream;
import java.util.Set;

import procurement.review.store.ReviewStore;
import procurement.review.store.StoreException;

/**
 * {@code ./procurement-review member --db URL --review ID --name NAME --role reviewer|lead [--by LEAD]}: a lead of a
 * shared review names a member (or changes a member's role), with one audit entry.
 */
public final class MemberCommand extends StoreCommand {

	private static final String USAGE = "member --db URL --review ID --name NAME --role reviewer|lead [--by LEAD]";

	@Override
	public String name() {
		return "member";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public String summary() {
		return "name a reviewer or lead of a shared review (a lead's right)";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		Options options = parse(args, Set.of("db", "review", "name", "role", "by"), Set.of(), USAGE);
		if (!options.words().isEmpty()) {
			throw new StoreException("unexpected '" + options.words().get(0) + "' (usage: " + USAGE + ")");
		}
		long review = options.id("review");
		String name = options.require("name");
		String role = options.require("role");
		try (ReviewStore store = open(options)) {
			int entry = store.nameMember(review, name, role, store.actor(options.values().get("by")));
			out.println(name + " is a " + role + " of review " + review + " (audit entry " + entry + ")");
		}
		return OK;
	}
}
