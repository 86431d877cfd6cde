package procurement.review.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import procurement.review.core.AuditLog;
import procurement.review.core.ChainSigner;
import procurement.review.core.ContentCheck;
import procurement.review.cli.spi.CliCommand;
import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewProject;

/**
 * The commands of {@code ./procurement-review}: its own, then those other bundles contribute ({@link CliCommand}).
 * Exit codes: 0 done, 2 bad input (one clear line on standard error), 1 internal error.
 */
public final class Cli {

	/** Exit code of a successful command. */
	public static final int OK = CliCommand.OK;
	/** Exit code of an internal error. */
	public static final int INTERNAL_ERROR = CliCommand.INTERNAL_ERROR;
	/** Exit code of bad input: a file that cannot be read, an unknown option. */
	public static final int BAD_INPUT = CliCommand.BAD_INPUT;

	/** Input a command rejects: its message is the one line the user sees. */
	static final class BadInputException extends Exception {
		private static final long serialVersionUID = 1L;

		BadInputException(String message) {
			super(message);
		}
	}

	@FunctionalInterface
	interface Command {
		int run(String[] args) throws BadInputException, IOException;
	}

	private record Entry(String usage, String summary, Command command) {
	}

	private final InputStream in;
	private final PrintStream out;
	private final PrintStream err;
	private final Map<String, Entry> commands = new LinkedHashMap<>();
	/** Contributions named like an own command: each runs that command when {@value #DB} is given (a shared review). */
	private final Map<String, CliCommand> databaseForms = new LinkedHashMap<>();

	/** The option that names a shared review's database. */
	static final String DB = "--db";

	/**
	 * The command line with its own commands only.
	 *
	 * @param in standard input
	 * @param out standard output (results, JSON)
	 * @param err standard error (messages)
	 */
	public Cli(InputStream in, PrintStream out, PrintStream err) {
		this(in, out, err, List.of());
	}

	/**
	 * The command line with the commands other bundles contribute.
	 *
	 * @param in standard input
	 * @param out standard output (results, JSON)
	 * @param err standard error (messages)
	 * @param contributed commands of other bundles, listed after the command line's own in the order of their
	 *            names; one named like a command already there runs that command's {@code --db URL} form only
	 */
	public Cli(InputStream in, PrintStream out, PrintStream err, Collection<? extends CliCommand> contributed) {
		this.in = in;
		this.out = out;
		this.err = err;
		commands.put("import", new Entry("import FILE... [--review FILE] [--json]",
				"import contracting reports (CSV, XLSX, XLS, FPDS XML, HTML tables, Excel 2003 XML, ZIP"
						+ " downloads); save into the review if given",
				args -> new ImportCommand(this).run(args)));
		commands.put("match", new Entry("match < NAMES",
				"match vendor names (one per line) against the built-in rule set: input, entity, score, explanation",
				args -> new MatchCommand(this).match(args)));
		commands.put("tag", new Entry("tag --review FILE", "find the covered vendors of a saved review and save it",
				args -> new MatchCommand(this).tag(args)));
		commands.put("review",
				new Entry("review FILE... --orders DIR [--rule ID] [--date YYYY-MM-DD] [--format pdf,docx,xlsx] [--json FILE]"
						+ " [--reviewer NAME]",
						"import, match and write one removal order per department",
						args -> new ReviewCommand(this).run(args)));
		commands.put("info", new Entry("info [--verify-signatures] REVIEW",
				"summarise a review file and verify its audit log, its content and its signatures", this::info));
		contributed.stream().sorted(Comparator.comparing(CliCommand::name)).forEach(c -> {
			if (commands.containsKey(c.name())) {
				databaseForms.putIfAbsent(c.name(), c);
			} else {
				commands.put(c.name(), new Entry(c.usage(), c.summary(), args -> c.run(args, in, out, err)));
			}
		});
	}

	/**
	 * Runs one command.
	 *
	 * @param args the command and its arguments
	 * @return the exit code
	 */
	public int run(String[] args) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
			usage(out);
			return OK;
		}
		CliCommand databaseForm = databaseForms.get(args[0]);
		Entry entry = databaseForm != null && Arrays.asList(args).contains(DB)
				? new Entry(databaseForm.usage(), databaseForm.summary(), a -> databaseForm.run(a, in, out, err))
				: commands.get(args[0]);
		if (entry == null) {
			err.println("procurement-review: unknown command '" + args[0] + "' (try --help)");
			return BAD_INPUT;
		}
		try {
			return entry.command().run(Arrays.copyOfRange(args, 1, args.length));
		} catch (BadInputException e) {
			err.println("procurement-review " + args[0] + ": " + e.getMessage());
			return BAD_INPUT;
		} catch (IOException e) {
			err.println("procurement-review " + args[0] + ": " + e.getMessage());
			return BAD_INPUT;
		} catch (RuntimeException | Error e) {
			err.println("procurement-review " + args[0] + ": internal error: " + e);
			if (System.getenv("PROCUREMENT_REVIEW_DEBUG") != null) {
				e.printStackTrace(err);
			}
			return INTERNAL_ERROR;
		}
	}

	InputStream in() {
		return in;
	}

	PrintStream out() {
		return out;
	}

	PrintStream err() {
		return err;
	}

	/**
	 * Opens the review file if it exists, else starts a new review that will be saved there.
	 */
	static ReviewSession openOrCreate(Path file) throws IOException, BadInputException {
		ReviewSession session = file != null && Files.exists(file) ? ReviewSession.open(file)
				: ReviewSession.create(
						file == null ? "Review" : file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
		sign(session);
		return session;
	}

	/** The environment variable naming a PKCS#12 keystore whose key signs the audit entries a command writes. */
	static final String KEYSTORE = "PROCUREMENT_REVIEW_KEYSTORE";

	/** The environment variable holding the keystore's password. */
	static final String KEYSTORE_PASSWORD = "PROCUREMENT_REVIEW_KEYSTORE_PASSWORD";

	/**
	 * Attaches the reviewer's signer when {@value #KEYSTORE} names a keystore (a system property of the same name
	 * in lower case with dots, {@code procurement.review.keystore}, wins, for tests): every audit entry the command
	 * appends is then signed.
	 */
	static void sign(ReviewSession session) throws BadInputException {
		String keystore = setting(KEYSTORE);
		if (keystore == null) {
			return;
		}
		String password = setting(KEYSTORE_PASSWORD);
		try {
			ChainSigner.load(Path.of(keystore), password == null ? new char[0] : password.toCharArray(), null)
					.attachTo(session.review());
		} catch (IOException e) {
			throw new BadInputException(KEYSTORE + ": " + e.getMessage());
		}
	}

	private static String setting(String variable) {
		String value = System.getProperty(variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
		value = value != null ? value : System.getenv(variable);
		return value == null || value.isBlank() ? null : value;
	}

	private void usage(PrintStream stream) {
		stream.println("Usage: procurement-review [COMMAND [ARGS...]]");
		stream.println("Without a command, starts the workbench on the bundled sample review.");
		stream.println();
		stream.println("Commands:");
		for (Entry entry : commands.values()) {
			stream.printf("  %-70s %s%n", entry.usage(), entry.summary());
		}
		databaseForms.values().forEach(c -> stream.printf("With %s: %s%n", DB, c.usage()));
		stream.println();
		// Spark cannot run inside Equinox: the launcher script runs these as a plain Java program.
		stream.println("On Apache Spark, through ./procurement-review only: screen INPUT... --out DIR [--master URL]"
				+ " [--rules FILE] (government-wide screening) and cluster start|stop (a local standalone cluster).");
		stream.println();
		stream.println("Exit codes: 0 done, 2 bad input (one line on standard error), 1 internal error.");
	}

	private int info(String[] args) throws BadInputException, IOException {
		boolean signatures = args.length == 2 && args[0].equals("--verify-signatures");
		if (args.length != 1 && !signatures) {
			throw new BadInputException("usage: info [--verify-signatures] REVIEW");
		}
		Path file = Path.of(args[args.length - 1]);
		if (!Files.isRegularFile(file)) {
			throw new BadInputException(file + ": no such file");
		}
		ReviewProject review;
		try {
			review = ReviewSession.open(file).review();
		} catch (IOException | RuntimeException e) {
			// One line: a parser's message ("Content is not allowed in prolog.") does not tell a reviewer much.
			throw new BadInputException(file.getFileName() + " is not a review file"
					+ (file.getFileName().toString().endsWith(".review") || file.getFileName().toString()
							.endsWith(".reviewb") ? " (it cannot be read: " + firstLine(e.getMessage()) + ")" : ""));
		}
		out.println("File:        " + file.getFileName());
		out.println("Review:      " + review.getName());
		out.println("Reports:     " + review.getReports().size());
		out.println("Actions:     " + review.getReports().stream().mapToInt(r -> r.getActions().size()).sum());
		out.println("Vendors:     " + review.getVendors().size());
		out.println("Departments: " + review.getDepartments().size());
		out.println("Matches:     " + review.getMatches().size());
		out.println("Orders:      " + review.getOrders().size());
		Optional<String> problem = AuditLog.problem(review);
		int baseline = AuditLog.baseline(review);
		String since = baseline < 0 ? "" : ", since the baseline accepted at entry " + (baseline + 1);
		if (problem.isPresent()) {
			OptionalInt broken = AuditLog.verify(review);
			out.println("Audit log:   " + (broken.isPresent() ? "BROKEN at entry " + (broken.getAsInt() + 1) + " of "
					+ review.getAuditLog().size() : "CUT OFF after entry " + review.getAuditLog().size())
					+ " (the file was edited outside the workbench)");
		} else {
			out.println("Audit log:   " + review.getAuditLog().size() + " entries, chain intact" + since);
		}
		List<String> changes = ContentCheck.problems(review);
		if (!ContentCheck.recorded(review)) {
			out.println("Content:     not recorded (the newest entry was written before content digests)");
		} else if (changes.isEmpty()) {
			out.println("Content:     as recorded by entry " + review.getAuditLog().size() + " (digest "
					+ ContentCheck.recordedDigest(review).substring(0, 16) + ")");
		} else {
			out.println("Content:     CHANGED outside the workbench:");
			changes.forEach(c -> out.println("  " + c));
		}
		List<String> all = new ArrayList<>();
		problem.ifPresent(all::add);
		all.addAll(changes);
		ChainSigner.Verification verified = ChainSigner.verify(review);
		if (verified.signed() == 0) {
			out.println("Signatures:  none");
			if (signatures) {
				all.add("no audit entry is signed");
			}
		} else {
			out.println("Signatures:  " + verified.signed() + " of " + verified.entries() + " entries signed, by "
					+ String.join("; ", verified.signers())
					+ (verified.problems().isEmpty() ? ", all valid" : "")
					+ (verified.lastSigned() < verified.entries()
							? "; entries after " + verified.lastSigned() + " are not signed" : ""));
			verified.problems().forEach(p -> out.println("  " + p));
			if (signatures) {
				all.addAll(verified.problems());
				if (verified.lastSigned() < verified.entries()) {
					all.add("entries after " + verified.lastSigned() + " are not signed");
				}
			}
		}
		if (!all.isEmpty()) {
			err.println("procurement-review info: " + file.getFileName() + ": " + all.get(0)
					+ (all.size() > 1 ? " (and " + (all.size() - 1) + " more, listed above)" : ""));
			return BAD_INPUT;
		}
		return OK;
	}

	private static String firstLine(String message) {
		if (message == null || message.isBlank()) {
			return "unknown reason";
		}
		String line = message.strip().lines().findFirst().orElse("");
		return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
	}
}
