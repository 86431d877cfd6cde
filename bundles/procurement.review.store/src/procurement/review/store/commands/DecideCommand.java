package procurement.review.store.commands;

import java.io.PrintStream;
import java.util.Set;

import procurement.review.model.DecisionState;
import procurement.review.store.ReviewStore;
import procurement.review.store.StoreException;
import procurement.review.store.VendorHits;

/**
 * {@code ./procurement-review decide --db URL --review ID --vendor NAME --state same|not-same|unsure [--reviewer NAME]
 * [--note TEXT]}: decides every hit of the vendor's identities in a shared review, as the workbench's Same / Not
 * Same / Unsure do, with one audit entry. A hit decided by someone else between reading and writing refuses the
 * whole decision: exit {@value #CONFLICT} and one line.
 */
public final class DecideCommand extends StoreCommand {

	private static final String USAGE = "decide --db URL --review ID --vendor NAME --state same|not-same|unsure"
			+ " [--reviewer NAME] [--note TEXT]";

	@Override
	public String name() {
		return "decide";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public String summary() {
		return "decide every hit of a vendor in a shared review; exit 3 when someone decided it meanwhile";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		Options options = parse(args, Set.of("db", "review", "vendor", "state", "reviewer", "note"), Set.of(), USAGE);
		if (!options.words().isEmpty()) {
			throw new StoreException("unexpected '" + options.words().get(0) + "' (usage: " + USAGE + ")");
		}
		long review = options.id("review");
		String vendor = options.require("vendor");
		DecisionState state = state(options.require("state"));
		VendorHits hits;
		int entry;
		try (ReviewStore store = open(options)) {
			String reviewer = store.actor(options.values().get("reviewer"));
			hits = store.read(review, vendor);
			entry = store.decide(hits, state, reviewer, options.values().get("note"));
		}
		out.println("decided " + hits.hits().size() + (hits.hits().size() == 1 ? " hit" : " hits") + " of " + vendor
				+ ": " + options.require("state") + " (audit entry " + entry + ")");
		return OK;
	}

	static DecisionState state(String text) throws StoreException {
		return switch (text) {
			case "same" -> DecisionState.SAME;
			case "not-same" -> DecisionState.NOT_SAME;
			case "unsure" -> DecisionState.UNSURE;
			default -> throw new StoreException("--state '" + text + "' is not same, not-same or unsure");
		};
	}
}
