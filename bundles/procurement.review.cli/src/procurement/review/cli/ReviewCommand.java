package procurement.review.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import procurement.review.cli.Cli.BadInputException;
import procurement.review.cli.spi.ReviewOrders;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.review.OrderGenerator;

/**
 * {@code review FILE... --orders DIR [--rule ID] [--date YYYY-MM-DD] [--format pdf,docx,xlsx] [--json FILE]
 * [--reviewer NAME]}:
 * imports the files into a fresh review, finds the covered vendors, and writes one removal order per department
 * with hits, plus an index; the JSON summary goes to the given file.
 */
final class ReviewCommand {

	private final Cli cli;

	ReviewCommand(Cli cli) {
		this.cli = cli;
	}

	int run(String[] args) throws BadInputException, IOException {
		List<Path> files = new ArrayList<>();
		Path ordersDir = null;
		Path jsonFile = null;
		String ruleId = OrderGenerator.DEFAULT_RULE_ID;
		LocalDate date = LocalDate.now();
		Set<OrderFormat> formats = EnumSet.of(OrderFormat.PDF);
		String reviewer = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				files.add(Path.of(arg));
				continue;
			}
			if (i + 1 >= args.length) {
				throw new BadInputException(arg + " needs a value");
			}
			String value = args[++i];
			switch (arg) {
			case "--orders" -> ordersDir = Path.of(value);
			case "--json" -> jsonFile = Path.of(value);
			case "--rule" -> ruleId = value;
			case "--date" -> date = parseDate(value);
			case "--format" -> formats = parseFormats(value);
			case "--reviewer" -> reviewer = value.isBlank() ? null : value.strip();
			default -> throw new BadInputException("unknown option " + arg);
			}
		}
		if (files.isEmpty()) {
			throw new BadInputException("no file to review");
		}
		if (ordersDir == null) {
			throw new BadInputException("--orders DIR is required");
		}
		ReviewSession session = ReviewSession.create("Review " + date);
		ImportCommand.importAll(session, files);
		ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, System.getProperty("user.name"));
		try {
			ReviewOrders.generate(session, ruleId, date, reviewer, cli.err());
		} catch (IllegalArgumentException e) {
			throw new BadInputException(e.getMessage());
		}
		cli.out().println(ReviewOrders.write(session, ruleId, ordersDir, formats, jsonFile));
		return Cli.OK;
	}

	private static LocalDate parseDate(String value) throws BadInputException {
		try {
			return ReviewOrders.date(value);
		} catch (IllegalArgumentException e) {
			throw new BadInputException(e.getMessage());
		}
	}

	private static Set<OrderFormat> parseFormats(String value) throws BadInputException {
		try {
			return ReviewOrders.formats(value);
		} catch (IllegalArgumentException e) {
			throw new BadInputException(e.getMessage());
		}
	}
}
