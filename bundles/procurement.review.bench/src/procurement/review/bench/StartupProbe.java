package procurement.review.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start-up time of the command line: {@code ./procurement-review --help} from process start to exit, a few runs.
 * The script names itself in {@code PROCUREMENT_REVIEW_SCRIPT}; without it, the command that started this benchmark
 * (the JVM with the launcher's options and configuration area) is run again with {@code --help}. Only measured when
 * the benchmark itself was started through the product's command-line application, not inside a test runtime
 * (whose command would start the tests again).
 */
final class StartupProbe {

	private static final String APPLICATION = "procurement.review.cli.app";
	private static final int RUNS = 3;

	private StartupProbe() {
	}

	/**
	 * The command that prints the command line's help the way this process was started, if it was started so.
	 *
	 * @return the command, or empty when this process is not the product's command line
	 */
	static Optional<List<String>> helpCommand() {
		ProcessHandle.Info info = ProcessHandle.current().info();
		Optional<String> java = info.command();
		List<String> args = info.arguments().map(List::of).orElse(List.of());
		int application = args.indexOf(APPLICATION);
		if (java.isEmpty() || application < 0) {
			return Optional.empty();
		}
		String script = System.getenv("PROCUREMENT_REVIEW_SCRIPT");
		if (script != null && Files.isExecutable(Path.of(script))) {
			return Optional.of(List.of(script, "--help"));
		}
		List<String> command = new ArrayList<>();
		command.add(java.get());
		command.addAll(args.subList(0, application + 1));
		command.add("--help");
		return Optional.of(command);
	}

	/**
	 * Runs the command a few times.
	 *
	 * @param command from {@link #helpCommand()}
	 * @return the seconds of each run
	 * @throws IOException when a run fails
	 */
	static List<Double> measure(List<String> command) throws IOException {
		List<Double> runs = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long t0 = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.redirectError(ProcessBuilder.Redirect.DISCARD)
					.start();
			process.getOutputStream().close();
			int exit;
			try {
				exit = process.waitFor();
			} catch (InterruptedException e) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while measuring the start-up", e);
			}
			runs.add((System.nanoTime() - t0) / 1e9);
			if (exit != 0) {
				throw new IOException("--help exited with " + exit + ": " + String.join(" ", command));
			}
		}
		return runs;
	}
}
