package procurement.review.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code screen INPUT... --out DIR [--master URL] [--rules FILE]}.
 *
 * @param inputs files and folders to screen
 * @param out    the output folder
 * @param master the Spark master URL, or null for the one configured (spark-submit's), else {@code local[*]}
 * @param rules  a rule set file, or null for the built-in rule set
 */
public record ScreenOptions(List<String> inputs, Path out, String master, Path rules) {

	/** The usage line. */
	public static final String USAGE = "screen INPUT... --out DIR [--master URL] [--rules FILE]";

	/**
	 * @param args the arguments after {@code screen}
	 * @return the options
	 * @throws BadInputException when an option lacks its value, is unknown, or no input or output is given
	 */
	static ScreenOptions parse(List<String> args) throws BadInputException {
		List<String> inputs = new ArrayList<>();
		Path out = null;
		String master = null;
		Path rules = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
			case "--out" -> out = Path.of(value(args, ++i, arg));
			case "--master" -> master = value(args, ++i, arg);
			case "--rules" -> rules = Path.of(value(args, ++i, arg));
			default -> {
				if (arg.startsWith("--")) {
					throw new BadInputException("unknown option " + arg + " (usage: " + USAGE + ")");
				}
				inputs.add(arg);
			}
			}
		}
		if (inputs.isEmpty()) {
			throw new BadInputException("no input file or folder (usage: " + USAGE + ")");
		}
		if (out == null) {
			throw new BadInputException("--out DIR is required (usage: " + USAGE + ")");
		}
		return new ScreenOptions(List.copyOf(inputs), out, master, rules);
	}

	private static String value(List<String> args, int at, String option) throws BadInputException {
		if (at >= args.size() || args.get(at).startsWith("--")) {
			throw new BadInputException(option + " needs a value");
		}
		return args.get(at);
	}
}
