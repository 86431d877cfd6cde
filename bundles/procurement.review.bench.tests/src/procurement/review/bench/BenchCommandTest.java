package procurement.review.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import procurement.review.cli.spi.CliCommand;

/**
 * {@code ./procurement-review bench} reaches the command line as a service, and its JSON keeps the keys that
 * automated checks and the README's Performance section read.
 */
class BenchCommandTest {

	@Test
	void theCommandLineFindsBenchAmongItsCommandServices() throws InvalidSyntaxException {
		Bundle bundle = FrameworkUtil.getBundle(BenchCommand.class);
		assertNotNull(bundle, "runs inside OSGi");
		BundleContext context = bundle.getBundleContext();
		List<ServiceReference<CliCommand>> references = List
				.copyOf(context.getServiceReferences(CliCommand.class, null));
		assertEquals(1, references.size(), "the component of OSGI-INF/bench-command.xml is registered");
		CliCommand command = context.getService(references.get(0));
		try {
			assertEquals("bench", command.name());
			assertTrue(command.usage().startsWith("bench [--rows N] [--json]"), command.usage());
		} finally {
			context.ungetService(references.get(0));
		}
	}

	@Test
	void aSmallRunPrintsOneJsonObjectWithTheDocumentedKeys() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new BenchCommand().run(
				new String[] { "--rows", "1000", "--warmup", "0", "--repeat", "1", "--pdf-threads", "1", "--json" },
				new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		String progress = err.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, progress);
		String json = out.toString(StandardCharsets.UTF_8).strip();
		assertEquals(1, json.lines().count(), json);
		String number = "-?[0-9.]+";
		for (String format : List.of("xlsx", "csv")) {
			assertTrue(Pattern.compile("\"" + format + "\":\\{\"rows\":1000,\"seconds\":" + number + ",\"floor_seconds\":"
					+ number + ",\"ratio\":" + number + ",\"peak_heap_mb\":" + number + ",\"actions\":1000,").matcher(json)
					.find(), json);
		}
		for (String key : List.of("read_seconds", "command_seconds", "digest_seconds", "digest_rows_per_second",
				"reader_only_seconds", "retained_heap_mb", "floor_runs", "import_runs")) {
			assertTrue(json.contains("\"" + key + "\":"), key + " in " + json);
		}
		assertTrue(Pattern.compile("\"digest\":\\{\"rows\":1000,\"seconds\":" + number + ",\"rows_per_second\":"
				+ number + "}").matcher(json).find(), json);
		assertTrue(Pattern.compile("\"tagging\":\\{\"actions\":1000,\"seconds\":" + number
				+ ",\"actions_per_second\":" + number + ",").matcher(json).find(), json);
		assertTrue(json.contains("\"pdf\":{\"orders\":"), json);
		assertTrue(Pattern.compile("\"review\":\\{\"actions\":1000,\"save_seconds\":" + number + ",\"open_seconds\":"
				+ number + ",\"read_seconds\":" + number + ",\"check_seconds\":" + number + ",\"file_mb\":" + number
				+ ",\"bytes_per_action\":" + number + ",\"heap_after_import_mb\":" + number
				+ ",\"heap_after_open_mb\":" + number + "}").matcher(json).find(), json);
		assertTrue(json.contains("\"peer\":null"), json);
		assertTrue(json.contains("\"startup\":{\"help_seconds\":null,\"help_runs\":[]}"), json);
		assertTrue(progress.contains("start-up not measured: this is not the product's command line"), progress);
		assertTrue(json.contains("\"goals\":{\"xlsx_ratio_le_1_5\":"), json);
		assertTrue(json.contains("\"machine\":{\"cores\":"), json);
		assertTrue(progress.contains("content digest of the imported rows"), progress);
	}

	/**
	 * A peer is a program of its own that loads the same CSV file: here awk, reading every line of it and counting
	 * the data rows (DuckDB, the README's peer, is fetched on first use and not run by the tests).
	 */
	@Test
	void aPeerLoadsTheSameCsvBetweenTheImportsAndTheImportIsComparedWithIt(@TempDir Path dir) throws IOException {
		Path peer = peer(dir, "NR - 1");
		Run run = bench("--rows", "1000", "--warmup", "0", "--repeat", "2", "--pdf-threads", "1", "--json", "--peer",
				peer.toString());
		assertEquals(0, run.code, run.err);
		String number = "[0-9.]+";
		assertTrue(Pattern.compile("\"peer\":\\{\"name\":\"awk\",\"threads\":2,\"rows\":1000,\"seconds\":" + number
				+ ",\"runs\":\\[" + number + "," + number + "],\"csv_import_ratio\":" + number + "}").matcher(run.out)
				.find(), run.out);
		assertTrue(Pattern.compile("\"csv_import_le_peer\":(true|false)").matcher(run.out).find(), run.out);
		assertTrue(run.err.contains("csv run 2: the peer (awk, 2 threads) loaded it in"), run.err);
	}

	@Test
	void aPeerThatLoadsOtherRowsOrIsNoProgramIsNamed(@TempDir Path dir) throws IOException {
		Run wrong = bench("--rows", "500", "--warmup", "0", "--repeat", "1", "--pdf-threads", "1", "--peer",
				peer(dir, "NR").toString());
		assertEquals(1, wrong.code, wrong.err);
		assertTrue(wrong.err.contains("loaded 501 rows of ") && wrong.err.contains("the benchmark 500"), wrong.err);

		Run missing = bench("--peer", dir.resolve("no-such-peer").toString());
		assertEquals(2, missing.code, missing.err);
		assertTrue(missing.err.contains("--peer: not an executable file: "), missing.err);
	}

	/** A peer script: awk reads the file, the rows are the value of {@code rows} over its line count NR. */
	private static Path peer(Path dir, String rows) throws IOException {
		Path script = dir.resolve("awk-peer");
		Files.writeString(script, """
				#!/bin/sh
				t0=$(date +%s%N)
				rows=$(awk 'END { print ROWS }' "$1")
				t1=$(date +%s%N)
				printf '{"name":"awk","rows":%d,"seconds":%s}\\n' "$rows" \
				  "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
				""".replace("ROWS", rows));
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		return script;
	}

	private record Run(int code, String out, String err) {
	}

	private static Run bench(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new BenchCommand().run(args, new ByteArrayInputStream(new byte[0]),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8));
	}
}
