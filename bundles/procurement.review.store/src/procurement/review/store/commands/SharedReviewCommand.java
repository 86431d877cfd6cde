package procurement.review.store.commands;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import procurement.review.cli.spi.ReviewOrders;
import procurement.review.core.ReviewSession;
import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.RemovalOrder;
import procurement.review.store.ReviewStore;
import procurement.review.store.SharedSnapshot;
import procurement.review.store.StoreException;

/**
 * {@code ./procurement-review review --db URL --review ID --orders DIR [--rule ID] [--date YYYY-MM-DD]
 * [--format pdf,docx,xlsx] [--json FILE] [--reviewer NAME]}: generates the removal orders of a shared review as
 * {@code review FILE...} does for files (the same matcher, generator, files and JSON summary, {@link ReviewOrders}),
 * and records them in the database as drafts with one audit entry; only a lead issues them later ({@code order}).
 * The command line runs it for {@code review} when {@code --db} is given. A review changed by someone else between
 * reading and recording is not written: exit {@value #CONFLICT} and one line, and no file is written.
 */
public final class SharedReviewCommand extends StoreCommand {

	private static final String USAGE = "review --db URL --review ID --orders DIR [--rule ID] [--date YYYY-MM-DD]"
			+ " [--format pdf,docx,xlsx] [--json FILE] [--reviewer NAME]";

	@Override
	public String name() {
		return "review";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public String summary() {
		return "write a shared review's removal orders and record them as drafts; exit 3 when it changed meanwhile";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		Options options = parse(args, Set.of("db", "review", "orders", "rule", "date", "format", "json", "reviewer"),
				Set.of(), USAGE);
		if (!options.words().isEmpty()) {
			throw new StoreException("unexpected '" + options.words().get(0) + "' (usage: " + USAGE + ")");
		}
		long review = options.id("review");
		Path ordersDir = Path.of(options.require("orders"));
		String ruleId = options.values().getOrDefault("rule", OrderGenerator.DEFAULT_RULE_ID);
		String reviewer = options.values().get("reviewer");
		reviewer = reviewer == null || reviewer.isBlank() ? null : reviewer.strip();
		LocalDate date;
		Set<OrderFormat> formats;
		try {
			date = options.values().containsKey("date") ? ReviewOrders.date(options.values().get("date"))
					: LocalDate.now();
			formats = options.values().containsKey("format") ? ReviewOrders.formats(options.values().get("format"))
					: EnumSet.of(OrderFormat.PDF);
		} catch (IllegalArgumentException e) {
			throw new StoreException(e.getMessage());
		}
		String json = options.values().get("json");
		ReviewSession session;
		try (ReviewStore store = open(options)) {
			String author = store.actor(reviewer);
			SharedSnapshot seen = store.load(review);
			session = store.match(review, seen, author);
			try {
				ReviewOrders.generate(session, ruleId, date, reviewer, err);
			} catch (IllegalArgumentException e) {
				throw new StoreException(e.getMessage());
			}
			List<RemovalOrder> orders = OrderGenerator.currentOrders(session.review(),
					OrderGenerator.findRule(session.review(), ruleId));
			int entry = store.recordDrafts(review, seen.auditSeq(), orders, author);
			err.println(orders.size() + (orders.size() == 1 ? " order" : " orders") + " recorded as drafts in review "
					+ review + " (audit entry " + entry + ")");
		}
		try {
			out.println(ReviewOrders.write(session, ruleId, ordersDir, formats, json == null ? null : Path.of(json)));
		} catch (IOException e) {
			throw new StoreException("the orders are recorded, but their files could not be written: "
					+ e.getMessage(), e);
		}
		return OK;
	}
}
