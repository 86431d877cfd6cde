package procurement.review.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer that loads the same CSV file as the benchmark, run as its own process beside it (the peer never becomes
 * part of the product): {@code COMMAND FILE.csv THREADS} prints one JSON line {@code {"name","rows","seconds"}},
 * {@code seconds} being the load alone. {@code releng/scripts/duckdb-peer} is such a command for DuckDB.
 */
final class PeerLoad {

	/** Threads the peer is given: the cores of the machine the goal is stated for. */
	static final int THREADS = 2;

	private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");
	private static final Pattern ROWS = Pattern.compile("\"rows\"\\s*:\\s*(\\d+)");
	private static final Pattern SECONDS = Pattern.compile("\"seconds\"\\s*:\\s*([0-9.]+)");

	/**
	 * One load by the peer.
	 *
	 * @param name    what the peer calls itself
	 * @param rows    the rows it loaded
	 * @param seconds the load alone
	 */
	record Run(String name, long rows, double seconds) {
	}

	private final Path command;

	PeerLoad(Path command) {
		this.command = command;
	}

	/**
	 * Runs the peer once on a file and checks it loaded the rows the benchmark imported.
	 *
	 * @param csv          the file
	 * @param expectedRows the data rows of the file
	 * @return what the peer measured
	 * @throws IOException when the peer fails, prints no result or loads another number of rows
	 */
	Run load(Path csv, long expectedRows) throws IOException {
		Path errors = Files.createTempFile("bench-peer", ".err");
		try {
			Process process = new ProcessBuilder(List.of(command.toString(), csv.toString(), String.valueOf(THREADS)))
					.redirectError(errors.toFile()).start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit;
			try {
				exit = process.waitFor();
			} catch (InterruptedException e) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while the peer " + command + " ran", e);
			}
			String err = Files.readString(errors, StandardCharsets.UTF_8).strip();
			if (exit != 0) {
				throw new IOException("the peer " + command + " failed (exit " + exit + ")"
						+ (err.isEmpty() ? "" : ": " + err.lines().reduce((a, b) -> b).orElse("")));
			}
			Matcher name = NAME.matcher(out);
			Matcher rows = ROWS.matcher(out);
			Matcher seconds = SECONDS.matcher(out);
			if (!name.find() || !rows.find() || !seconds.find()) {
				throw new IOException("the peer " + command + " printed no {\"name\",\"rows\",\"seconds\"}: "
						+ out.strip());
			}
			Run run = new Run(name.group(1), Long.parseLong(rows.group(1)), Double.parseDouble(seconds.group(1)));
			if (run.rows() != expectedRows) {
				throw new IOException("the peer " + command + " loaded " + run.rows() + " rows of " + csv
						+ ", the benchmark " + expectedRows);
			}
			return run;
		} finally {
			Files.deleteIfExists(errors);
		}
	}
}
