package procurement.review.cli.spi;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import procurement.review.cli.Json;
import procurement.review.core.ReviewSession;
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
 * The orders step of {@code review}, shared by the file form ({@code review FILE... --orders DIR}) and a contributed
 * form ({@code review --db URL --review ID --orders DIR}), so that both generate the same orders and write the same
 * files and JSON summary: {@link #generate} makes the draft orders in a matched review, {@link #write} writes them.
 */
public final class ReviewOrders {

	private ReviewOrders() {
	}

	/**
	 * Generates the draft orders of a rule in a matched review (one command on its stack), after warning on
	 * {@code err} of a stale rule set and, when the rule is not in force on the date, saying why on {@code err}.
	 *
	 * @param session  the matched review
	 * @param ruleId   the rule's id
	 * @param date     the issue date
	 * @param reviewer who signs the orders, or null for a blank signature line
	 * @param err      where warnings go
	 * @return what the generator did
	 * @throws IllegalArgumentException when the review has no such rule (the message says so)
	 */
	public static OrderGenerator.Result generate(ReviewSession session, String ruleId, LocalDate date,
			String reviewer, PrintStream err) {
		for (RuleSet set : session.review().getRuleSets()) {
			String stale = RuleSetDiff.staleness(set, LocalDate.now(), RuleSetDiff.DEFAULT_MAX_AGE_DAYS);
			if (stale != null) {
				err.println("warning: " + stale);
			}
		}
		Rule rule = OrderGenerator.findRule(session.review(), ruleId);
		if (rule == null) {
			throw new IllegalArgumentException("no rule " + ruleId + " in the built-in rule set");
		}
		// The order is signed by the reviewer named on the command line; without one its signature line stays blank
		// (never the operating system's account name, which is nobody's name on a federal order).
		OrderGenerator.Result generated = new OrderGenerator(session).reviewer(reviewer).generate(rule, date);
		if (generated.notInForce() != null) {
			// No order, and one line saying why; the summary still lists the (empty) orders.
			err.println(generated.notInForce());
		}
		return generated;
	}

	/**
	 * Writes the current orders of a rule, one set of files per order, plus the JSON summary if asked.
	 *
	 * @param session   the review
	 * @param ruleId    the rule's id (as given to {@link #generate})
	 * @param ordersDir where the files go (made if absent)
	 * @param formats   the formats
	 * @param jsonFile  where the JSON summary goes, or null
	 * @return the text summary: one line per order and a last line with the count
	 * @throws IOException when a file cannot be written
	 */
	public static String write(ReviewSession session, String ruleId, Path ordersDir, Set<OrderFormat> formats,
			Path jsonFile) throws IOException {
		Rule rule = OrderGenerator.findRule(session.review(), ruleId);
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
		return text.toString();
	}

	/**
	 * @param value {@code YYYY-MM-DD}
	 * @return the date
	 * @throws IllegalArgumentException with a one-line message when it is not one
	 */
	public static LocalDate date(String value) {
		try {
			return LocalDate.parse(value);
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("--date must be YYYY-MM-DD, not " + value, e);
		}
	}

	/**
	 * @param value formats separated by commas: {@code pdf}, {@code docx}, {@code xlsx}
	 * @return the formats
	 * @throws IllegalArgumentException with a one-line message on an unknown one
	 */
	public static Set<OrderFormat> formats(String value) {
		Set<OrderFormat> formats = EnumSet.noneOf(OrderFormat.class);
		for (String part : value.split(",")) {
			try {
				formats.add(OrderFormat.valueOf(part.strip().toUpperCase(Locale.ROOT)));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("unknown format " + part + " (pdf, docx, xlsx)", e);
			}
		}
		return formats;
	}
}
