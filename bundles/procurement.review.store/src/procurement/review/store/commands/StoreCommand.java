package procurement.review.store.commands;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procurement.review.cli.spi.CliCommand;
import procurement.review.store.ConflictException;
import procurement.review.store.DatabaseAddress;
import procurement.review.store.ReviewStore;
import procurement.review.store.StoreException;

/**
 * What the shared-review commands have in common: options of the form {@code --name value}, the database named by
 * {@code --db URL}, and their exit codes, one more than the command line's: {@value #CONFLICT} when a decision was
 * refused because a hit changed since it was read.
 */
abstract class StoreCommand implements CliCommand {

	/** Exit code of a decision refused because a hit changed since it was read (after one line). */
	static final int CONFLICT = 3;

	@Override
	public final int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		try {
			return run(args, out, err);
		} catch (ConflictException e) {
			err.println("procurement-review " + name() + ": " + e.getMessage());
			return CONFLICT;
		} catch (StoreException e) {
			err.println("procurement-review " + name() + ": " + e.getMessage());
			return BAD_INPUT;
		}
	}

	/**
	 * Runs the command; a {@link StoreException} becomes one line on standard error and exit {@link #BAD_INPUT},
	 * a {@link ConflictException} exit {@link #CONFLICT}. Warnings go to {@code err}.
	 */
	abstract int run(String[] args, PrintStream out, PrintStream err) throws StoreException;

	/** The options of a command line: {@code --name value} pairs, {@code --flag}s, and the other words in order. */
	record Options(Map<String, String> values, Set<String> flags, List<String> words) {

		String require(String name) throws StoreException {
			String value = values.get(name);
			if (value == null || value.isBlank()) {
				throw new StoreException("--" + name + " is missing");
			}
			return value;
		}

		long id(String name) throws StoreException {
			String value = require(name);
			try {
				return Long.parseLong(value);
			} catch (NumberFormatException e) {
				throw new StoreException("--" + name + " '" + value + "' is not a review id (a number)");
			}
		}
	}

	/**
	 * @param args    the arguments
	 * @param valued  the options that take a value
	 * @param flags   the options that do not
	 * @param usage   the command's usage, for the message on an unknown option
	 * @return the options
	 * @throws StoreException on an unknown option or one without its value
	 */
	static Options parse(String[] args, Set<String> valued, Set<String> flags, String usage) throws StoreException {
		Map<String, String> values = new HashMap<>();
		Set<String> seen = new HashSet<>();
		List<String> words = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--")) {
				words.add(a);
				continue;
			}
			String name = a.substring(2);
			if (flags.contains(name)) {
				seen.add(name);
			} else if (valued.contains(name)) {
				if (i + 1 >= args.length) {
					throw new StoreException(a + " needs a value (usage: " + usage + ")");
				}
				values.put(name, args[++i]);
			} else {
				throw new StoreException("unknown option " + a + " (usage: " + usage + ")");
			}
		}
		return new Options(values, seen, words);
	}

	/** Opens the database named by {@code --db}, with the credentials {@link DatabaseAddress#resolve} finds. */
	static ReviewStore open(Options options) throws StoreException {
		return ReviewStore.open(DatabaseAddress.resolve(options.require("db"), DatabaseAddress.stateFolder()));
	}
}
