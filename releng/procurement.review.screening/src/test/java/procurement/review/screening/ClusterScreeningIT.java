package procurement.review.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screening on a standalone master and two workers, started by the same code as {@code cluster start}, with
 * the application's jars shipped to the executors as towards any cluster. Run by failsafe after the jar is packaged.
 */
class ClusterScreeningIT {

	@TempDir
	Path temp;

	@Test
	void aStandaloneClusterFindsWhatTheWorkbenchFinds() throws Exception {
		TestReports.write(temp.resolve("in"));
		// What the launcher script passes: this module's jar and the reactor's bundles, which no SPARK_HOME has.
		String jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.filter(entry -> Path.of(entry).getFileName().toString().startsWith("procurement.review."))
				.filter(entry -> entry.endsWith(".jar")).collect(Collectors.joining(","));
		assertTrue(jars.contains("procurement.review.screening-"), jars);
		System.setProperty(ScreeningJob.JARS, jars);
		LocalCluster cluster = new LocalCluster(temp.resolve("cluster"));
		try {
			String url = cluster.start(System.err);
			assertTrue(url.matches("spark://127\\.0\\.0\\.1:\\d+"), url);
			Path out = temp.resolve("out");
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exit = Screening.run(new String[] { "screen", temp.resolve("in").toString(), "--out",
					out.toString(), "--master", url }, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
			String stderr = err.toString(StandardCharsets.UTF_8);
			assertEquals(Screening.OK, exit, stderr);
			List<Path> readable;
			try (var files = Files.walk(temp.resolve("in"))) {
				readable = files.filter(Files::isRegularFile)
						.filter(f -> !f.getFileName().toString().equals(TestReports.UNREADABLE)).sorted().toList();
			}
			assertEquals(Hits.ofWorkbench(readable), Hits.ofCsv(out.resolve("hits.csv")));
			assertTrue(Files.readString(out.resolve("summary.json")).contains("\"master\":\"" + url + "\""));
		} finally {
			System.clearProperty(ScreeningJob.JARS);
			assertTrue(cluster.stop(), "the cluster was running");
		}
	}

	@Test
	void stoppingAClusterThatIsNotRunningSaysSo() throws IOException {
		assertFalse(new LocalCluster(temp.resolve("none")).stop());
	}
}
