package procurement.review.store.commands;

import java.io.PrintStream;
import java.util.Set;

import procurement.review.store.ReviewStore;
import procurement.review.store.StoreException;
import procurement.review.store.StoreSummary;

/**
 * {@code ./procurement-review info --db URL --review ID --json}: the counts of a shared review and the state of its
 * audit chain, as one JSON object. The command line runs it for {@code info} when {@code --db} is given; without
 * it, {@code info} reads a review file as before.
 */
public final class SharedInfoCommand extends StoreCommand {

	private static final String USAGE = "info --db URL --review ID --json";

	@Override
	public String name() {
		return "info";
	}

	@Override
	public String usage() {
		return USAGE;
	}

	@Override
	public String summary() {
		return "summarise a shared review and verify its audit chain";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		Options options = parse(args, Set.of("db", "review"), Set.of("json"), USAGE);
		if (!options.words().isEmpty() || !options.flags().contains("json")) {
			throw new StoreException("usage: " + USAGE);
		}
		StoreSummary s;
		try (ReviewStore store = open(options)) {
			s = store.summary(options.id("review"));
		}
		out.println("{\"actions\":" + s.actions() + ",\"matches\":" + s.matches() + ",\"decisions\":" + s.decisions()
				+ ",\"decided_vendors\":" + s.decidedVendors() + ",\"audit_entries\":" + s.auditEntries()
				+ ",\"audit_chain\":" + quote(s.auditChain()) + "}");
		return OK;
	}

	static String quote(String text) {
		StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
		for (char ch : text.toCharArray()) {
			switch (ch) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (ch < 0x20) {
						sb.append(String.format("\\u%04x", (int) ch));
					} else {
						sb.append(ch);
					}
				}
			}
		}
		return sb.append('"').toString();
	}
}
