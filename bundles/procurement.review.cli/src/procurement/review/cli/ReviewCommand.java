package procurement.review.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import procurement.review.cli.Cli.BadInputException;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.review.DeadlineSchedule;
import procurement.review.core.orders.review.OrderExport;
import procurement.review.core.orders.review.OrderFigures;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.rules.RuleSetDiff;

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
		for (RuleSet set : session.review().getRuleSets()) {
			String stale = RuleSetDiff.staleness(set, LocalDate.now(), RuleSetDiff.DEFAULT_MAX_AGE_DAYS);
			if (stale != null) {
				cli.err().println("warning: " + stale);
			}
		}
		Rule rule = OrderGenerator.findRule(session.review(), ruleId);
		if (rule == null) {
			throw new BadInputException("no rule " + ruleId + " in the built-in rule set");
		}
		// The order is signed by the reviewer named on the command line; without one its signature line stays blank
		// (never the operating system's account name, which is nobody's name on a federal order).
		OrderGenerator.Result generated = new OrderGenerator(session).reviewer(reviewer).generate(rule, date);
		if (generated.notInForce() != null) {
			// No order, and one line saying why; the summary still lists the (empty) orders.
			cli.err().println(generated.notInForce());
		}
		Files.createDirectories(ordersDir);
		OrderExport.Result exported = OrderExport.renderAll(session.review(), rule, ordersDir, formats);

		Json json = new Json().begin('{').key("orders").begin('[');
		StringBuilder text = new StringBuilder();
		for (OrderExport.Exported order : exported.orders()) {
			RemovalOrder o = order.order();
			OrderFigures figures = OrderFigures.of(o);
			BigDecimal total = figures.total();
			json.begin('{').field("number", o.getNumber()).field("department", o.getDepartment().getName())
					.field("rule", o.getRule().getId()).key("deadlines").begin('{');
			DeadlineSchedule.singleSteps(o.getDeadlines(), o.getRule())
					.forEach((name, due) -> json.field(name, due.toString()));
			json.end('}').field("actions", figures.actions()).field("total", total.toPlainString())
					.field("before_effective", figures.beforeEffective())
					.field("to_be_confirmed", figures.toBeConfirmed()).field("excepted", figures.excepted())
					.key("files").begin('[');
			for (Path file : order.files().values()) {
				json.value(file.toString());
			}
			json.end(']').end('}');
			text.append(o.getNumber()).append("  ").append(o.getDepartment().getName()).append(": ")
					.append(figures.actions()).append(" actions, $").append(total.toPlainString()).append(" -> ")
					.append(order.files().values()).append('\n');
		}
		json.end(']').end('}');
		if (jsonFile != null) {
			Files.writeString(jsonFile, json + "\n", StandardCharsets.UTF_8);
		}
		text.append(exported.orders().size()).append(" orders for ").append(rule.getId()).append(" written to ")
				.append(ordersDir);
		cli.out().println(text);
		return Cli.OK;
	}

	private static LocalDate parseDate(String value) throws BadInputException {
		try {
			return LocalDate.parse(value);
		} catch (DateTimeParseException e) {
			throw new BadInputException("--date must be YYYY-MM-DD, not " + value);
		}
	}

	private static Set<OrderFormat> parseFormats(String value) throws BadInputException {
		Set<OrderFormat> formats = EnumSet.noneOf(OrderFormat.class);
		for (String part : value.split(",")) {
			try {
				formats.add(OrderFormat.valueOf(part.strip().toUpperCase(Locale.ROOT)));
			} catch (IllegalArgumentException e) {
				throw new BadInputException("unknown format " + part + " (pdf, docx, xlsx)");
			}
		}
		return formats;
	}
}
