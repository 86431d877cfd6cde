package procurement.review.bench;

import java.io.InputStream;
import java.io.PrintStream;

import procurement.review.cli.spi.CliCommand;

/**
 * {@code ./procurement-review bench}: the benchmark as a command of the command line, registered as a declarative
 * service ({@code OSGI-INF/bench-command.xml}) so that the command line's bundle carries no benchmark code.
 */
public final class BenchCommand implements CliCommand {

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String usage() {
		return "bench [--rows N] [--json] [--peer COMMAND]";
	}

	@Override
	public String summary() {
		return "measure import, tagging and order rendering on generated reports";
	}

	@Override
	public int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		return Bench.run(args, out, err);
	}
}
