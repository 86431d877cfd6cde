package procurement.review.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import procurement.review.cli.Cli.BadInputException;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.MatchLines;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.rules.BuiltinRules;

/**
 * {@code match}: one vendor name per line on standard input, one line per name on standard output:
 * {@code input<TAB>ENTITY_ID or NONE<TAB>score<TAB>explanation}. {@code tag --review FILE}: matches a saved review
 * against its rule sets (the built-in one when it has none) and saves it.
 */
final class MatchCommand {

	private final Cli cli;

	MatchCommand(Cli cli) {
		this.cli = cli;
	}

	int match(String[] args) throws BadInputException, IOException {
		if (args.length > 0) {
			throw new BadInputException("match reads vendor names from standard input and takes no arguments");
		}
		ReviewMatcher matcher = ReviewMatcher.of(BuiltinRules.load());
		BufferedReader in = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
		PrintWriter out = new PrintWriter(new OutputStreamWriter(cli.out(), StandardCharsets.UTF_8), false);
		MatchLines.run(in, out, matcher.nameMatcher());
		out.flush();
		return Cli.OK;
	}

	int tag(String[] args) throws BadInputException, IOException {
		if (args.length != 2 || !args[0].equals("--review")) {
			throw new BadInputException("usage: tag --review FILE");
		}
		Path file = Path.of(args[1]);
		ReviewSession session = ReviewSession.open(file);
		Cli.sign(session);
		ReviewMatcher.Outcome outcome = ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session,
				System.getProperty("user.name"));
		session.save();
		cli.out().println(file.getFileName() + ": " + outcome.plan().hits().size() + " hits (" + outcome.matchesAdded()
				+ " new), " + outcome.plan().tags().size() + " tags");
		return Cli.OK;
	}
}
