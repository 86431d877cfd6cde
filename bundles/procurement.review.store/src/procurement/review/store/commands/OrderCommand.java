package procurement.review.store.commands;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

import procurement.review.model.OrderStatus;
import procurement.review.store.ReviewStore;
import procurement.review.store.SharedOrder;
import procurement.review.store.StoreException;

/**
 * {@code ./procurement-review order --db URL --review ID [--number N --status STATUS --reviewer NAME]}: lists the
 * orders of a shared review (number, revision, department, rule, status; one a line), or moves one to its next
 * status. Only a lead of the review issues an order; an order someone else moved meanwhile is refused with exit
 * {@value #CONFLICT} and one line.
 */
public final class OrderCommand extends StoreCommand {

	private static final String USAGE = "order --db URL --review ID [--number N"
			+ " --status issued|acknowledged|in-progress|completed [--reviewer NAME]]";

	@Override
	public String name() {
		return "order";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public String summary() {
		return "list a shared review's orders, or move one to its next status (only a lead issues one)";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		Options options = parse(args, Set.of("db", "review", "number", "status", "reviewer"), Set.of(), USAGE);
		if (!options.words().isEmpty()) {
			throw new StoreException("unexpected '" + options.words().get(0) + "' (usage: " + USAGE + ")");
		}
		long review = options.id("review");
		String number = options.values().get("number");
		try (ReviewStore store = open(options)) {
			if (number == null) {
				for (SharedOrder o : store.orders(review)) {
					out.println(o.number() + "\t" + o.revision() + "\t" + o.department() + "\t" + o.rule() + "\t"
							+ o.status());
				}
				return OK;
			}
			OrderStatus target = status(options.require("status"));
			int entry = store.advanceOrder(review, number, target, store.actor(options.values().get("reviewer")));
			out.println("order " + number + ": " + options.require("status") + " (audit entry " + entry + ")");
		}
		return OK;
	}

	private static OrderStatus status(String text) throws StoreException {
		OrderStatus status = OrderStatus.getByName(text.toUpperCase(Locale.ROOT).replace('-', '_'));
		if (status == null || status == OrderStatus.DRAFT) {
			throw new StoreException("--status '" + text + "' is not issued, acknowledged, in-progress or completed");
		}
		return status;
	}
}
