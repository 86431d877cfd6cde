package procurement.review.screening;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import procurement.review.screening.HitRow.TableColumns;

/**
 * The screening run on the driver: finds the input files, runs one Spark task per file (read, match, keep the hit
 * rows, on the executors), then writes {@code hits.csv}, {@code hits.parquet} and {@code summary.json}. Progress and
 * the files that cannot be read go to standard error, one line each.
 * <p>
 * Without a master URL it uses the one Spark is configured with (spark-submit's), else an embedded {@code local[*]}.
 * A local or loopback master keeps the driver on 127.0.0.1. Towards a cluster, the application's jars (this module's
 * and its own closure, system property {@value #JARS}, set by the launcher script) are shipped to the executors
 * unless {@code spark.jars} is configured already.
 */
public final class ScreeningJob {

	/** System property: the comma-separated jars executors on a cluster need (this module's and its closure). */
	public static final String JARS = "procurement.review.screening.jars";

	private static final long PROGRESS_SECONDS = 5;
	private static final int FILES_PER_PART = 64;
	private static final long HITS_PER_PART = 50_000;

	private ScreeningJob() {
	}

	/**
	 * Runs a screening.
	 *
	 * @param options what to screen and where to write
	 * @param err     where progress and unreadable files are told
	 * @return the summary, also written to {@code summary.json}
	 * @throws BadInputException when an input is missing, the rules are not a rule set, or the output folder cannot
	 *             be made
	 * @throws IOException when an output cannot be written
	 */
	static Summary run(ScreenOptions options, PrintStream err) throws BadInputException, IOException {
		long start = System.nanoTime();
		List<String> files = InputFiles.expand(options.inputs());
		byte[] rules = options.rules() == null ? null : rules(options.rules());
		Path out = options.out().toAbsolutePath();
		try {
			Files.createDirectories(out);
		} catch (IOException e) {
			throw new BadInputException("--out " + options.out() + ": cannot make the folder (" + e.getMessage() + ")");
		}
		SparkConf conf = conf(options.master());
		String master = conf.get("spark.master");
		err.println("screen: " + files.size() + (files.size() == 1 ? " file" : " files") + " on " + master);
		try (SparkSession spark = SparkSession.builder().config(conf).getOrCreate()) {
			long up = System.nanoTime();
			JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
			Broadcast<byte[]> rulesShared = context.broadcast(rules == null ? new byte[0] : rules);
			LongAccumulator filesDone = context.sc().longAccumulator("files");
			LongAccumulator rowsRead = context.sc().longAccumulator("rows");
			LongAccumulator hitsFound = context.sc().longAccumulator("hits");
			JavaRDD<FileOutcome> outcomes = context.parallelize(files, files.size()).map(file -> {
				byte[] shared = rulesShared.value();
				FileOutcome outcome = FileScreener.screen(file, shared.length == 0 ? null : shared);
				filesDone.add(1);
				rowsRead.add(outcome.rows());
				hitsFound.add(outcome.hitCount());
				return outcome;
			}).persist(StorageLevel.DISK_ONLY());

			// The outcomes (the hits with their rows' cells) are kept on the executors' disks between the count and
			// the two writers: kept in memory they filled Spark's storage share of the heap (about 1 GB of a 2 GB
			// executor on 10M rows in local[2]), and the heap ran full (five full collections; none on disk).
			List<FileOutcome> counts;
			ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread thread = new Thread(r, "screen progress");
				thread.setDaemon(true);
				return thread;
			});
			progress.scheduleAtFixedRate(() -> err.printf("screen: %d of %d files, %,d rows read, %,d hits%n",
					filesDone.value(), files.size(), rowsRead.value(), hitsFound.value()), PROGRESS_SECONDS,
					PROGRESS_SECONDS, TimeUnit.SECONDS);
			try {
				counts = outcomes.map(FileOutcome::counts).collect();
			} finally {
				progress.shutdownNow();
			}

			long screened = System.nanoTime();
			List<Summary.Problem> problems = new ArrayList<>();
			Set<TableColumns> tables = new LinkedHashSet<>();
			Set<String> vendors = new HashSet<>();
			long rows = 0;
			long hitRows = 0;
			long hits = 0;
			for (FileOutcome outcome : counts) {
				if (outcome.problem() != null) {
					err.println("screen: " + outcome.problem());
					problems.add(new Summary.Problem(outcome.file(), outcome.problem()));
				}
				tables.addAll(outcome.tables());
				vendors.addAll(outcome.vendors());
				rows += outcome.rows();
				hitRows += outcome.hitRows();
				hits += outcome.hitCount();
			}

			JavaRDD<HitRow> hitRdd = outcomes.flatMap(outcome -> outcome.hits().iterator()).coalesce(parts(files
					.size(), hits));
			// The Parquet job (Spark SQL's first use in a JVM takes seconds) runs beside the CSV written here.
			CompletableFuture<Void> parquet = CompletableFuture.runAsync(() -> spark
					.createDataFrame(hitRdd.map(HitFrame::row), HitFrame.SCHEMA).write().mode(SaveMode.Overwrite)
					.parquet(out.resolve("hits.parquet").toString()));
			try {
				new HitsCsv(List.copyOf(tables)).write(hitRdd.toLocalIterator(), out.resolve("hits.csv"));
			} finally {
				await(parquet);
			}
			// Blocking: blocks still being removed from disk when the session stops make Spark log a warning each.
			outcomes.unpersist(true);
			long written = System.nanoTime();

			Summary summary = new Summary(files.size(), rows, hitRows, hits, vendors.size(),
					(System.nanoTime() - start) / 1e9, master, List.copyOf(problems));
			Files.writeString(out.resolve("summary.json"), summary.json() + "\n", StandardCharsets.UTF_8);
			err.printf("screen: %d files, %,d rows read, %,d hits in %,d rows, %d vendors, %d unreadable, %.1f s "
					+ "(Spark up %.1f s, files screened %.1f s, hits written %.1f s); written to %s%n", files.size(),
					rows, hits, hitRows, vendors.size(), problems.size(), summary.seconds(), (up - start) / 1e9,
					(screened - up) / 1e9, (written - screened) / 1e9, out);
			return summary;
		}
	}

	/**
	 * How many partitions the hits are written from. The local iterator that feeds hits.csv runs a job per partition
	 * and holds one partition's hits on the driver at a time: few partitions while hits are few (at most
	 * {@value #FILES_PER_PART} files each), and about {@value #HITS_PER_PART} hits each when they are many (on 10M
	 * benchmark rows one partition of 711,440 hits made the driver's heap run full). A partition is one file at least.
	 * Coalescing keeps the files' order.
	 */
	static int parts(int files, long hits) {
		long byFiles = (files + FILES_PER_PART - 1) / FILES_PER_PART;
		long byHits = (hits + HITS_PER_PART - 1) / HITS_PER_PART;
		return (int) Math.max(1, Math.min(files, Math.max(byFiles, byHits)));
	}

	/** Waits for a job run beside the driver's own work; what it threw is thrown here. */
	private static void await(CompletableFuture<Void> job) throws IOException {
		try {
			job.join();
		} catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IOException("hits.parquet: " + e.getCause().getMessage(), e.getCause());
		}
	}

	/**
	 * The Spark configuration of a run: spark.* system properties (spark-submit's), the master given or configured
	 * or {@code local[*]}, the driver on loopback for a local or loopback master, no web UI unless configured.
	 */
	static SparkConf conf(String masterOption) {
		SparkConf conf = new SparkConf(true).setAppName("procurement-review screen");
		String master = masterOption != null ? masterOption : conf.get("spark.master", "local[*]");
		conf.setMaster(master);
		if (master.startsWith("local") || loopback(master)) {
			conf.setIfMissing("spark.driver.host", "127.0.0.1");
			conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
		}
		conf.setIfMissing("spark.ui.enabled", "false");
		String jars = System.getProperty(JARS);
		if (!master.startsWith("local") && !conf.contains("spark.jars") && jars != null && !jars.isBlank()) {
			conf.set("spark.jars", jars);
		}
		return conf;
	}

	/** Whether the master's address is a loopback one, by its digits only (a name is not looked up). */
	private static boolean loopback(String master) {
		try {
			String host = URI.create(master).getHost();
			return host != null && (host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || host.equals("[::1]"));
		} catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** Reads and checks the rule set file on the driver, so a wrong file is one line before anything starts. */
	private static byte[] rules(Path file) throws BadInputException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (IOException e) {
			throw new BadInputException("--rules " + file + ": cannot be read (" + e.getMessage() + ")");
		}
		try {
			ExecutorMatcher.ruleSet(bytes);
		} catch (RuntimeException e) {
			throw new BadInputException("--rules " + file + ": not a rule set file ("
					+ (e.getCause() != null ? e.getCause() : e).getMessage() + ")");
		}
		return bytes;
	}
}
