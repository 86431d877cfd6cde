package procurement.review.cli.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A command that another bundle adds to {@code ./procurement-review}, registered as an OSGi service (a declarative
 * service component is the simplest way). The command line lists it in {@code --help} after its own commands and
 * runs it when its name is the first argument; a name the command line already has is ignored.
 * <p>
 * This keeps optional tools out of the command line's bundle: the command line knows only this interface, and a
 * product without the contributing bundle simply has no such command.
 */
public interface CliCommand {

	/** Exit code of a successful command. */
	int OK = 0;
	/** Exit code of an internal error. */
	int INTERNAL_ERROR = 1;
	/** Exit code of bad input (after one clear line on standard error). */
	int BAD_INPUT = 2;

	/** @return the word that selects the command, e.g. {@code bench} */
	String name();

	/** @return the synopsis shown by {@code --help}, starting with the name, e.g. {@code bench [--rows N]} */
	String usage();

	/** @return what the command does, in one line */
	String summary();

	/**
	 * Runs the command.
	 *
	 * @param args the arguments after the command's name
	 * @param in   standard input
	 * @param out  standard output (results)
	 * @param err  standard error (progress and messages)
	 * @return the exit code: {@link #OK}, {@link #BAD_INPUT} or {@link #INTERNAL_ERROR}
	 * @throws IOException when a file cannot be read or written: the command line prints its message on one line
	 *                     and exits with {@link #BAD_INPUT}
	 */
	int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException;
}
