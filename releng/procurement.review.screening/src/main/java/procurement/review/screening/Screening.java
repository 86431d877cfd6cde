package procurement.review.screening;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point behind {@code ./procurement-review screen} and {@code ./procurement-review cluster}, run as a plain
 * Java program (the Equinox-based command line cannot host Spark). Exit codes as the command line's: 0 done, 2 bad
 * input (one line on standard error), 1 internal error.
 */
public final class Screening {

	/** Exit code of a successful command. */
	public static final int OK = 0;
	/** Exit code of an internal error. */
	public static final int INTERNAL_ERROR = 1;
	/** Exit code of bad input. */
	public static final int BAD_INPUT = 2;

	private Screening() {
	}

	/**
	 * @param args {@code screen ...} or {@code cluster start|stop}
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs one command.
	 *
	 * @param args the command and its arguments
	 * @param out  standard output (the cluster's URL)
	 * @param err  standard error (progress, messages)
	 * @return the exit code
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		String command = args.length == 0 ? "--help" : args[0];
		List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
		try {
			switch (command) {
			case "screen" -> ScreeningJob.run(ScreenOptions.parse(rest), err);
			case "cluster" -> LocalCluster.command(rest, out, err);
			case "--help", "-h", "help" -> {
				out.println("Usage: procurement-review " + ScreenOptions.USAGE);
				out.println("       procurement-review " + LocalCluster.USAGE);
				out.println("screen: find the rows of contracting reports (files, folders, ZIP downloads) that hit a"
						+ " rule, on Apache Spark; writes hits.csv, hits.parquet and summary.json to DIR.");
				out.println("cluster: start or stop a Spark standalone master and two workers on this machine"
						+ " (127.0.0.1); start prints the spark:// URL for --master.");
			}
			default -> throw new BadInputException("unknown command '" + command + "' (screen or cluster)");
			}
			return OK;
		} catch (BadInputException | IOException e) {
			err.println("procurement-review " + command + ": " + e.getMessage());
			return BAD_INPUT;
		} catch (RuntimeException | Error e) {
			err.println("procurement-review " + command + ": internal error: " + e);
			if (System.getenv("PROCUREMENT_REVIEW_DEBUG") != null) {
				e.printStackTrace(err);
			}
			return INTERNAL_ERROR;
		}
	}
}
