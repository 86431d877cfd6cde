package procurement.review.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
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
		assertTrue(json.contains("\"goals\":{\"xlsx_ratio_le_1_5\":"), json);
		assertTrue(json.contains("\"machine\":{\"cores\":"), json);
		assertTrue(progress.contains("content digest of the imported rows"), progress);
	}
}
