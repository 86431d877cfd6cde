package procurement.review.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.common.command.CompoundCommand;

import procurement.review.core.AuditLog;
import procurement.review.core.ContentTracker;
import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportException;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.TableReaders;
import procurement.review.core.importer.internal.xml.SecureStax;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.orders.OrderBatch;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.review.OrderDocuments;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/**
 * {@code bench [--rows N] [--json]}: generates synthetic contracting reports of N rows (default 1,048,576, the
 * most Excel holds in a sheet) as XLSX and CSV in a temporary folder and measures, in one run and side by side:
 * <ul>
 * <li>the floor of each format: a bare Aalto StAX pass over the sheet XML ({@link StaxFloor}), a plain
 * {@link BufferedReader} line read of the CSV;</li>
 * <li>the table reader alone (cells delivered, nothing built), to tell reading from object building;</li>
 * <li>the import as the product makes it: {@link ReviewImporter#read}, then executing its command and the audit
 * entry that records it ({@link AuditLog#append}) as one compound command on a fresh {@link ReviewSession}, with
 * the peak heap during it and the heap retained after it;</li>
 * <li>the content digest of the imported rows, timed on its own: the audit entry records the digest of the
 * review's content after the import, and its {@link ContentTracker} hashes every new row once, there;</li>
 * <li>tagging with {@link ReviewMatcher} over the imported review, then generating the removal orders of the
 * BOD 17-01 rule (one per department with hits; every rule with {@code --all-rules}) with {@link OrderGenerator}
 * and rendering them as PDF with {@link OrderBatch};</li>
 * <li>saving the tagged review as a binary review file and opening it again ({@link ReviewFileBenchmark});</li>
 * <li>with {@code --peer COMMAND}, a peer loading the same CSV file in its own process ({@link PeerLoad}; DuckDB
 * with {@code releng/scripts/duckdb-peer}), alternating with the product's imports of it;</li>
 * <li>when run as the product's command line, its start-up: {@code --help} from process start to exit
 * ({@link StartupProbe}).</li>
 * </ul>
 * A small run first warms the JIT up (importing each format once, tagging a few times with new matchers), so the
 * ratios compare steady-state code; every measured tagging still starts with a new matcher and empty caches. Floor
 * and import are run
 * alternately several times and the best time counts, since the machine is shared. Progress goes to standard
 * error; the result to standard output as a table, or with {@code --json} as exactly one JSON object whose
 * {@code xlsx} and {@code csv} members carry {@code rows}, {@code seconds}, {@code floor_seconds}, {@code ratio}
 * and {@code peak_heap_mb} (the import's seconds include its audit entry, whose digest pass is also given as
 * {@code digest_seconds}), and whose {@code digest} member carries the digest pass of the import that tagging
 * then runs on.
 */
public final class Bench {

	/** Rows by default: the most an Excel sheet holds (2^20), header row not counted. */
	public static final long DEFAULT_ROWS = 1L << 20;

	private static final int WARMUP_PLANS = 4;
	private static final int OK = 0;
	private static final int INTERNAL_ERROR = 1;
	private static final int BAD_INPUT = 2;

	/** The goals the numbers are reported against. */
	private static final double MAX_IMPORT_RATIO = 1.5;
	private static final double MIN_TAGGING_RATE = 1_000_000;
	private static final double MAX_PDF_SECONDS = 10;
	private static final double HEAP_BUDGET_MB = 2048;
	private static final double MAX_REVIEW_SECONDS = 3;
	private static final double MAX_BYTES_PER_ACTION = 150;

	private static final double MAX_HELP_SECONDS = 1.5;

	private final PrintStream err;
	private final Options options;
	/** The peer's loads of the measured CSV file, alternating with the product's imports of it. */
	private final List<PeerLoad.Run> peerRuns = new ArrayList<>();

	/** Command-line options. */
	private record Options(long rows, boolean json, long warmupRows, int repeat, boolean keep, Path dir,
			int pdfThreads, boolean allRules, Path peer) {
	}

	/** The measurements of one format. */
	private record FormatResult(String format, long rows, long actions, double fileMb, double writeSeconds,
			double floorSeconds, List<Double> floorRuns, double readerSeconds, double readerPeakMb,
			double readerOldGenPeakMb, double seconds, List<Double> importRuns, double readSeconds,
			double commandSeconds, double digestSeconds, double peakHeapMb, double oldGenPeakMb, double retainedMb,
			int vendors, int departments) {

		double ratio() {
			return seconds / floorSeconds;
		}
	}

	/** Tagging and rendering, measured once on the last imported review. */
	private record AfterImport(long actions, double matcherSetupSeconds, double planSeconds, double applySeconds,
			double warmPlanSeconds, int hits, int matchesAdded, int vendors, int namesMatched, long namesRuledOut,
			int orders,
			int departments, long lines,
			double buildSeconds, double pdfSeconds, double pdfMb, int pdfThreads) {

		double taggingSeconds() {
			return planSeconds + applySeconds;
		}
	}

	private Bench(Options options, PrintStream err) {
		this.options = options;
		this.err = err;
	}

	/**
	 * Runs the benchmark.
	 *
	 * @param args {@code [--rows N] [--json] [--warmup N] [--repeat K] [--pdf-threads T] [--all-rules]
	 *             [--peer COMMAND] [--dir PATH] [--keep]}
	 * @param out  standard output: the table, or the JSON object
	 * @param err  standard error: progress and messages
	 * @return 0 when done, 2 for bad options, 1 when something failed
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Options options;
		try {
			options = parse(args);
		} catch (IllegalArgumentException e) {
			err.println("procurement-review bench: " + e.getMessage());
			return BAD_INPUT;
		}
		try {
			new Bench(options, err).execute(out);
			return OK;
		} catch (IOException | UncheckedIOException e) {
			err.println("procurement-review bench: " + e.getMessage());
			return INTERNAL_ERROR;
		}
	}

	/**
	 * Runs the benchmark from a plain class path, for measuring outside the product.
	 *
	 * @param args as for {@link #run}
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	private static Options parse(String[] args) {
		long rows = DEFAULT_ROWS;
		boolean json = false;
		long warmup = -1;
		int repeat = 2;
		boolean keep = false;
		boolean allRules = false;
		Path dir = null;
		Path peer = null;
		int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			switch (a) {
				case "--json" -> json = true;
				case "--keep" -> keep = true;
				case "--all-rules" -> allRules = true;
				case "--rows" -> rows = number(args, ++i, a, 1, 1L << 24);
				case "--warmup" -> warmup = number(args, ++i, a, 0, 1L << 22);
				case "--repeat" -> repeat = (int) number(args, ++i, a, 1, 10);
				case "--pdf-threads" -> threads = (int) number(args, ++i, a, 1, 64);
				case "--dir" -> {
					if (++i >= args.length) {
						throw new IllegalArgumentException("--dir needs a folder");
					}
					dir = Path.of(args[i]);
				}
				case "--peer" -> {
					if (++i >= args.length) {
						throw new IllegalArgumentException("--peer needs a command");
					}
					peer = Path.of(args[i]).toAbsolutePath();
					if (!Files.isExecutable(peer)) {
						throw new IllegalArgumentException("--peer: not an executable file: " + args[i]);
					}
				}
				default -> throw new IllegalArgumentException("unknown option " + a
						+ " (usage: bench [--rows N] [--json] [--warmup N] [--repeat K] [--pdf-threads T]"
						+ " [--all-rules] [--peer COMMAND] [--dir PATH] [--keep])");
			}
		}
		// The warm-up must run every code path the measurement does, but not cost as much as it.
		if (warmup < 0) {
			warmup = Math.min(200_000, Math.max(1_000, rows / 5));
		}
		return new Options(rows, json, warmup, repeat, keep, dir, threads, allRules, peer);
	}

	private static long number(String[] args, int i, String option, long min, long max) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a number");
		}
		long v;
		try {
			v = Long.parseLong(args[i].replace("_", "").replace(",", ""));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(option + ": not a number: " + args[i]);
		}
		if (v < min || v > max) {
			throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
		}
		return v;
	}

	private void execute(PrintStream out) throws IOException, ImportException {
		String loadAtStart = loadAverage();
		progress("machine: %d cores, load average %s, heap limit %.0f MB, %s %s", Runtime.getRuntime()
				.availableProcessors(), loadAtStart, HeapProbe.maxMb(), System.getProperty("java.vm.name"),
				Runtime.version());
		Path dir = options.dir() != null ? Files.createDirectories(options.dir())
				: Files.createTempDirectory("review-bench");
		try {
			if (options.warmupRows() > 0) {
				progress("warm-up with %,d rows (not measured)", options.warmupRows());
				Path warm = Files.createDirectories(dir.resolve("warmup"));
				Generated files = generate(warm, options.warmupRows());
				measure("xlsx", files.xlsx, 1, files.xlsxWriteSeconds, true);
				measure("csv", files.csv, 1, files.csvWriteSeconds, true);
				ReviewSession session = importOnce(files.xlsx).session;
				// tagging runs once in the measurement: plan and apply it a few times here (undoing each), each
				// with a new matcher (cold caches, as measured), so the JIT has compiled the name matching, the pass
				// over the actions and the building of matches and tags
				for (int i = 0; i < WARMUP_PLANS; i++) {
					ReviewMatcher matcher = ReviewMatcher.forReview(session.review());
					matcher.apply(session, matcher.plan(session.review()), "bench");
					session.commandStack().undo();
				}
				afterImport(session, warm.resolve("orders"));
				session = null;
				deleteTree(warm);
			}
			progress("generating %,d rows", options.rows());
			Generated files = generate(dir, options.rows());
			FormatResult xlsx = measure("xlsx", files.xlsx, options.repeat(), files.xlsxWriteSeconds, false);
			FormatResult csv = measure("csv", files.csv, options.repeat(), files.csvWriteSeconds, false);
			progress("importing the CSV once more for tagging and orders");
			Imported imported = importOnce(files.csv);
			progress("  content digest of the imported rows (the import's audit entry): %,d rows in %.2f s = %,.0f"
					+ " rows/s", imported.actions, imported.digestSeconds, imported.actions / imported.digestSeconds);
			AfterImport after = afterImport(imported.session, dir.resolve("orders"));
			progress("saving the tagged review and opening it again");
			ReviewFileBenchmark saved = ReviewFileBenchmark.save(imported.session, dir);
			Imported digest = imported.withoutSession();
			imported = null; // the reopened review is measured alone
			ReviewFileBenchmark.Result reviewFile = saved.reopen();
			progress("  review file: %,d actions saved in %.2f s, opened in %.2f s (read %.2f, check %.2f), %.1f MB"
					+ " = %.0f bytes per action; heap %.0f MB after import, %.0f MB after opening",
					reviewFile.actions(), reviewFile.saveSeconds(), reviewFile.openSeconds(), reviewFile.readSeconds(),
					reviewFile.checkSeconds(), reviewFile.fileMb(), reviewFile.bytesPerAction(),
					reviewFile.heapAfterImportMb(), reviewFile.heapAfterOpenMb());
			Startup startup = startup();
			String loadAtEnd = loadAverage();
			Map<String, Object> machine = new LinkedHashMap<>();
			machine.put("cores", Runtime.getRuntime().availableProcessors());
			machine.put("load_average_start", loadAtStart);
			machine.put("load_average_end", loadAtEnd);
			machine.put("heap_limit_mb", HeapProbe.maxMb());
			machine.put("java", Runtime.version().toString());
			machine.put("stax", SecureStax.factory().getClass().getName());
			machine.put("vendors_generated", files.vendors);
			machine.put("covered_vendors_generated", files.coveredVendors);
			out.println(options.json() ? json(xlsx, csv, digest, after, reviewFile, startup, machine)
					: table(xlsx, csv, digest, after, reviewFile, startup, machine));
		} finally {
			if (!options.keep() && options.dir() == null) {
				deleteTree(dir);
			} else {
				progress("files kept in %s", dir);
			}
		}
	}

	// ---------------------------------------------------------------------------------------------- generation

	/** The generated files of one size. */
	private static final class Generated {
		Path xlsx;
		Path csv;
		double xlsxWriteSeconds;
		double csvWriteSeconds;
		int vendors;
		int coveredVendors;
	}

	private Generated generate(Path dir, long rows) throws IOException {
		SyntheticReports reports = new SyntheticReports(rows);
		Generated files = new Generated();
		files.vendors = reports.vendorCount();
		files.coveredVendors = reports.coveredVendorCount();
		files.xlsx = dir.resolve("contracts-" + rows + ".xlsx");
		files.csv = dir.resolve("contracts-" + rows + ".csv");
		long t0 = System.nanoTime();
		ReportFiles.write(reports, files.xlsx, files.csv, "Contracts");
		files.xlsxWriteSeconds = seconds(t0);
		files.csvWriteSeconds = files.xlsxWriteSeconds;
		progress("  %s (%.1f MB) and %s (%.1f MB) written in %.1f s", files.xlsx.getFileName(), mb(files.xlsx),
				files.csv.getFileName(), mb(files.csv), files.xlsxWriteSeconds);
		return files;
	}

	// -------------------------------------------------------------------------------------------- measurement

	private FormatResult measure(String format, Path file, int repeat, double writeSeconds, boolean quiet)
			throws IOException, ImportException {
		List<Double> floors = new ArrayList<>();
		List<Double> imports = new ArrayList<>();
		double bestReader = Double.MAX_VALUE;
		double readerPeak = 0;
		double readerOld = 0;
		Imported best = null;
		for (int r = 0; r < repeat; r++) {
			settle();
			long t0 = System.nanoTime();
			long floorUnits = format.equals("xlsx") ? StaxFloor.countElements(file, SecureStax.factory())
					: lineFloor(file);
			floors.add(seconds(t0));

			settle();
			double reader;
			try (HeapProbe probe = HeapProbe.start()) {
				t0 = System.nanoTime();
				readerOnly(file);
				reader = seconds(t0);
				readerPeak = Math.max(readerPeak, probe.peakMb());
				readerOld = Math.max(readerOld, probe.oldGenPeakMb());
			}
			bestReader = Math.min(bestReader, reader);

			settle();
			Imported imported = importOnce(file).withoutSession();
			imports.add(imported.seconds);
			if (!quiet) {
				progress("  %s run %d: floor %.2f s (%,d units), reader %.2f s, import %.2f s (read %.2f + command"
						+ " %.2f, of which the digest %.2f), peak heap %.0f MB, old-gen peak %.0f MB", format, r + 1,
						floors.get(r), floorUnits, reader, imported.seconds, imported.readSeconds,
						imported.commandSeconds, imported.digestSeconds, imported.peakMb, imported.oldGenPeakMb);
			}
			if (!quiet && format.equals("csv") && options.peer() != null) {
				settle();
				PeerLoad.Run peer = new PeerLoad(options.peer()).load(file, imported.rows);
				peerRuns.add(peer);
				progress("  csv run %d: the peer (%s, %d threads) loaded it in %.2f s", r + 1, peer.name(),
						PeerLoad.THREADS, peer.seconds());
			}
			// Heap figures stay those of the first run: later runs see a heap the first one has already grown.
			if (best == null) {
				best = imported;
			} else if (imported.seconds < best.seconds) {
				best = new Imported(null, imported.rows, imported.actions, imported.seconds, imported.readSeconds,
						imported.commandSeconds, imported.digestSeconds, best.peakMb, best.oldGenPeakMb,
						best.retainedMb, imported.vendors, imported.departments);
			}
		}
		double floor = floors.stream().min(Comparator.naturalOrder()).orElseThrow();
		return new FormatResult(format, best.rows, best.actions, mb(file), writeSeconds, floor,
				floors, bestReader, readerPeak, readerOld, best.seconds, imports, best.readSeconds,
				best.commandSeconds, best.digestSeconds, best.peakMb, best.oldGenPeakMb, best.retainedMb, best.vendors, best.departments);
	}

	/** The CSV floor: every line read as text, nothing split. */
	private static long lineFloor(Path file) throws IOException {
		long chars = 0;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String line; (line = in.readLine()) != null;) {
				chars += line.length();
			}
		}
		return chars;
	}

	/** The table reader with a handler that only looks at the cells: reading without building. */
	private static long readerOnly(Path file) throws IOException {
		long[] count = new long[2];
		try (TableReader reader = TableReaders.open(file)) {
			reader.read(new TableHandler() {
				@Override
				public boolean row(long rowNumber, String[] cells) {
					count[0]++;
					count[1] += cells.length;
					return true;
				}
			}, bytes -> {
			});
		}
		return count[0] + count[1];
	}

	/**
	 * One import into a fresh session, as the product does it; {@code digestSeconds} is the part of
	 * {@code commandSeconds} its audit entry took.
	 */
	private record Imported(ReviewSession session, long rows, long actions, double seconds, double readSeconds,
			double commandSeconds, double digestSeconds, double peakMb, double oldGenPeakMb, double retainedMb,
			int vendors, int departments) {

		Imported withoutSession() {
			return new Imported(null, rows, actions, seconds, readSeconds, commandSeconds, digestSeconds, peakMb,
					oldGenPeakMb, retainedMb, vendors, departments);
		}
	}

	private Imported importOnce(Path file) throws ImportException {
		ReviewSession session = ReviewSession.create("bench");
		double before = HeapProbe.retainedMb();
		double read;
		double command;
		long[] digestNanos = new long[1];
		double peak;
		double oldPeak;
		ImportResult result;
		try (HeapProbe probe = HeapProbe.start()) {
			long t0 = System.nanoTime();
			ReviewImporter importer = new ReviewImporter(session.review());
			result = importer.read(file, new NullProgressMonitor());
			read = seconds(t0);
			long t1 = System.nanoTime();
			// As the command line's import (ImportCommand.importAll) and the workbench's make it: the report and
			// the audit entry that records it, in one command. The entry runs last and records the digest of the
			// content after the import, the one pass over the new rows; it is timed on its own.
			CompoundCommand imported = new CompoundCommand("Import " + file.getFileName());
			imported.append(importer.command(session.editingDomain(), result));
			imported.append(new CommandWrapper(AuditLog.append(session.editingDomain(), session.review(), "bench",
					"import", result.report().getFileName() + " (sha-256 " + result.report().getSha256() + "): "
							+ result.actionCount() + " actions added, " + result.duplicates() + " duplicates")) {
				@Override
				public void execute() {
					long start = System.nanoTime();
					super.execute();
					digestNanos[0] = System.nanoTime() - start;
				}
			});
			session.commandStack().execute(imported);
			command = seconds(t1);
			peak = probe.peakMb();
			oldPeak = probe.oldGenPeakMb();
		}
		double retained = HeapProbe.retainedMb() - before;
		// Only numbers leave this method besides the session: a kept report would keep its whole review alive.
		return new Imported(session, result.rows(), result.actionCount(), read + command, read, command,
				digestNanos[0] / 1e9, peak, oldPeak, retained,
				session.review().getVendors().size(), session.review().getDepartments().size());
	}

	private AfterImport afterImport(ReviewSession session, Path ordersDir) throws IOException {
		settle();
		long t0 = System.nanoTime();
		ReviewMatcher matcher = ReviewMatcher.forReview(session.review());
		double setup = seconds(t0);
		t0 = System.nanoTime();
		ReviewMatcher.Plan plan = matcher.plan(session.review());
		double planSeconds = seconds(t0);
		t0 = System.nanoTime();
		ReviewMatcher.Outcome outcome = matcher.apply(session, plan, "bench");
		double apply = seconds(t0);
		// A second pass with the matcher's caches warm: what re-tagging after decisions costs, and how much of
		// the first pass went to matching cold names rather than to the pass over the actions.
		t0 = System.nanoTime();
		matcher.plan(session.review());
		double replan = seconds(t0);
		progress("  tagging: %,d actions, %,d vendors, %,d hits in %.2f s (plan %.2f, apply %.2f); warm re-plan"
				+ " %.2f s", plan.actions(), plan.vendors(), plan.hits().size(), planSeconds + apply, planSeconds,
				apply, replan);

		// The colleague's generator: one removal order per department with hits, for the default rule (BOD 17-01)
		// or, with --all-rules, for every rule of the review's rule sets.
		t0 = System.nanoTime();
		List<Rule> rules = new ArrayList<>();
		if (options.allRules()) {
			session.review().getRuleSets().forEach(rs -> rules.addAll(rs.getRules()));
		} else {
			rules.add(OrderGenerator.findRule(session.review(), OrderGenerator.DEFAULT_RULE_ID));
		}
		OrderGenerator generator = new OrderGenerator(session).reviewer("Benchmark Reviewer");
		List<OrderDocument> orders = new ArrayList<>();
		for (Rule rule : rules) {
			generator.generate(rule, LocalDate.now());
			RuleSet ruleSet = rule.eContainer() instanceof RuleSet rs ? rs : null;
			for (RemovalOrder order : OrderGenerator.currentOrders(session.review(), rule)) {
				orders.add(OrderDocuments.of(order, ruleSet));
			}
		}
		double build = seconds(t0);
		long lines = orders.stream().mapToLong(o -> o.lines().size()).sum();
		Set<String> departments = new HashSet<>();
		orders.forEach(o -> departments.add(o.departmentName()));
		t0 = System.nanoTime();
		OrderBatch.render(orders, ordersDir, EnumSet.of(OrderFormat.PDF), options.pdfThreads());
		double pdf = seconds(t0);
		double pdfMb;
		try (Stream<Path> s = Files.list(ordersDir)) {
			pdfMb = s.filter(p -> p.toString().endsWith(".pdf")).mapToDouble(Bench::mb).sum();
		}
		progress("  orders: %d PDFs (%s) for %d departments, %,d lines, generated in %.2f s, rendered in %.2f s"
				+ " (%d threads)", orders.size(), options.allRules() ? "all rules" : OrderGenerator.DEFAULT_RULE_ID,
				departments.size(), lines, build, pdf, options.pdfThreads());
		return new AfterImport(plan.actions(), setup, planSeconds, apply, replan, plan.hits().size(),
				outcome.matchesAdded(), plan.vendors(), plan.names(), plan.ruledOut(), orders.size(),
				departments.size(), lines,
				build, pdf, pdfMb, options.pdfThreads());
	}

	/** The command line's start-up: {@code helpRuns} empty when this process is not the product's command line. */
	private record Startup(List<Double> helpRuns) {

		double helpSeconds() {
			return helpRuns.stream().min(Comparator.naturalOrder()).orElse(Double.NaN);
		}
	}

	private Startup startup() throws IOException {
		Optional<List<String>> command = StartupProbe.helpCommand();
		if (command.isEmpty()) {
			progress("start-up not measured: this is not the product's command line");
			return new Startup(List.of());
		}
		settle();
		List<Double> runs = StartupProbe.measure(command.get());
		progress("start-up: %s in %s s", String.join(" ", command.get().size() > 2 ? List.of("java ...", "--help")
				: command.get()), runs.stream().map(Bench::num).toList());
		return new Startup(runs);
	}

	/** The peer's best load, or null without a peer. */
	private PeerLoad.Run bestPeer() {
		return peerRuns.stream().min(Comparator.comparingDouble(PeerLoad.Run::seconds)).orElse(null);
	}

	/** Starts a phase on a collected heap, so one phase's garbage is not charged to the next. */
	private static void settle() {
		HeapProbe.retainedMb();
	}

	// ------------------------------------------------------------------------------------------------- output

	private String json(FormatResult xlsx, FormatResult csv, Imported digest, AfterImport after,
			ReviewFileBenchmark.Result reviewFile, Startup startup, Map<String, Object> machine) {
		StringBuilder sb = new StringBuilder("{");
		sb.append("\"xlsx\":").append(json(xlsx)).append(",\"csv\":").append(json(csv));
		sb.append(",\"digest\":{\"rows\":").append(digest.actions()).append(",\"seconds\":")
				.append(num(digest.digestSeconds())).append(",\"rows_per_second\":")
				.append(num(digest.actions() / digest.digestSeconds())).append('}');
		sb.append(",\"tagging\":{\"actions\":").append(after.actions()).append(",\"seconds\":")
				.append(num(after.taggingSeconds())).append(",\"actions_per_second\":")
				.append(num(after.actions() / after.taggingSeconds())).append(",\"plan_seconds\":")
				.append(num(after.planSeconds())).append(",\"apply_seconds\":").append(num(after.applySeconds()))
				.append(",\"warm_plan_seconds\":").append(num(after.warmPlanSeconds()))
				.append(",\"matcher_setup_seconds\":").append(num(after.matcherSetupSeconds()))
				.append(",\"vendors\":").append(after.vendors()).append(",\"names_matched\":")
				.append(after.namesMatched()).append(",\"names_ruled_out\":").append(after.namesRuledOut())
				.append(",\"hits\":").append(after.hits())
				.append(",\"matches_added\":").append(after.matchesAdded()).append('}');
		sb.append(",\"pdf\":{\"orders\":").append(after.orders()).append(",\"seconds\":")
				.append(num(after.pdfSeconds())).append(",\"departments\":").append(after.departments())
				.append(",\"lines\":").append(after.lines()).append(",\"generate_seconds\":")
				.append(num(after.buildSeconds())).append(",\"megabytes\":").append(num(after.pdfMb()))
				.append(",\"threads\":").append(after.pdfThreads()).append('}');
		sb.append(",\"review\":{\"actions\":").append(reviewFile.actions()).append(",\"save_seconds\":")
				.append(num(reviewFile.saveSeconds())).append(",\"open_seconds\":").append(num(reviewFile.openSeconds()))
				.append(",\"read_seconds\":").append(num(reviewFile.readSeconds())).append(",\"check_seconds\":")
				.append(num(reviewFile.checkSeconds())).append(",\"file_mb\":").append(num(reviewFile.fileMb()))
				.append(",\"bytes_per_action\":").append(num(reviewFile.bytesPerAction()))
				.append(",\"heap_after_import_mb\":").append(num(reviewFile.heapAfterImportMb()))
				.append(",\"heap_after_open_mb\":").append(num(reviewFile.heapAfterOpenMb())).append('}');
		PeerLoad.Run peer = bestPeer();
		sb.append(",\"peer\":");
		if (peer == null) {
			sb.append("null");
		} else {
			sb.append("{\"name\":\"").append(jsonText(peer.name())).append("\",\"threads\":").append(PeerLoad.THREADS)
					.append(",\"rows\":").append(peer.rows()).append(",\"seconds\":").append(num(peer.seconds()))
					.append(",\"runs\":").append(peerRuns.stream().map(p -> num(p.seconds())).toList().toString()
							.replace(" ", ""))
					.append(",\"csv_import_ratio\":").append(num(csv.seconds() / peer.seconds())).append('}');
		}
		sb.append(",\"startup\":{\"help_seconds\":").append(num(startup.helpSeconds())).append(",\"help_runs\":")
				.append(startup.helpRuns().stream().map(Bench::num).toList().toString().replace(" ", "")).append('}');
		sb.append(",\"goals\":{");
		Map<String, Boolean> goals = goals(xlsx, csv, after, reviewFile, startup);
		int i = 0;
		for (Map.Entry<String, Boolean> g : goals.entrySet()) {
			sb.append(i++ == 0 ? "" : ",").append('"').append(g.getKey()).append("\":").append(g.getValue());
		}
		sb.append("},\"machine\":{");
		i = 0;
		for (Map.Entry<String, Object> m : machine.entrySet()) {
			sb.append(i++ == 0 ? "" : ",").append('"').append(m.getKey()).append("\":");
			Object v = m.getValue();
			sb.append(v instanceof Number n ? num(n.doubleValue()) : '"' + jsonText(String.valueOf(v)) + '"');
		}
		return sb.append("}}").toString();
	}

	private static String json(FormatResult r) {
		return "{\"rows\":" + r.rows() + ",\"seconds\":" + num(r.seconds()) + ",\"floor_seconds\":"
				+ num(r.floorSeconds()) + ",\"ratio\":" + num(r.ratio()) + ",\"peak_heap_mb\":" + num(r.peakHeapMb())
				+ ",\"actions\":" + r.actions() + ",\"rows_per_second\":" + num(r.rows() / r.seconds())
				+ ",\"read_seconds\":" + num(r.readSeconds()) + ",\"command_seconds\":" + num(r.commandSeconds())
				+ ",\"digest_seconds\":" + num(r.digestSeconds()) + ",\"digest_rows_per_second\":"
				+ num(r.actions() / r.digestSeconds())
				+ ",\"reader_only_seconds\":" + num(r.readerSeconds()) + ",\"reader_only_ratio\":"
				+ num(r.readerSeconds() / r.floorSeconds()) + ",\"reader_peak_heap_mb\":" + num(r.readerPeakMb())
				+ ",\"reader_old_gen_peak_mb\":" + num(r.readerOldGenPeakMb()) + ",\"old_gen_peak_mb\":"
				+ num(r.oldGenPeakMb()) + ",\"retained_heap_mb\":" + num(r.retainedMb()) + ",\"floor_runs\":"
				+ r.floorRuns().stream().map(Bench::num).toList().toString().replace(" ", "")
				+ ",\"import_runs\":" + r.importRuns().stream().map(Bench::num).toList().toString().replace(" ", "")
				+ ",\"file_mb\":" + num(r.fileMb()) + ",\"write_seconds\":" + num(r.writeSeconds())
				+ ",\"vendors\":" + r.vendors() + ",\"departments\":" + r.departments() + "}";
	}

	private Map<String, Boolean> goals(FormatResult xlsx, FormatResult csv, AfterImport after,
			ReviewFileBenchmark.Result reviewFile, Startup startup) {
		Map<String, Boolean> goals = new LinkedHashMap<>();
		goals.put("xlsx_ratio_le_1_5", xlsx.ratio() <= MAX_IMPORT_RATIO);
		goals.put("csv_ratio_le_1_5", csv.ratio() <= MAX_IMPORT_RATIO);
		goals.put("heap_within_2gb", Math.max(xlsx.peakHeapMb(), csv.peakHeapMb()) <= HEAP_BUDGET_MB
				&& HeapProbe.maxMb() <= HEAP_BUDGET_MB + 1);
		goals.put("tagging_ge_1m_actions_per_second", after.actions() / after.taggingSeconds() >= MIN_TAGGING_RATE);
		goals.put("pdf_lt_10_seconds", after.pdfSeconds() < MAX_PDF_SECONDS);
		goals.put("review_save_le_3_seconds", reviewFile.saveSeconds() <= MAX_REVIEW_SECONDS);
		goals.put("review_open_le_3_seconds", reviewFile.openSeconds() <= MAX_REVIEW_SECONDS);
		goals.put("review_file_le_150_bytes_per_action", reviewFile.bytesPerAction() <= MAX_BYTES_PER_ACTION);
		goals.put("review_heap_after_open_le_after_import",
				reviewFile.heapAfterOpenMb() <= reviewFile.heapAfterImportMb());
		PeerLoad.Run peer = bestPeer();
		if (peer != null) {
			goals.put("csv_import_le_peer", csv.seconds() <= peer.seconds());
		}
		if (!startup.helpRuns().isEmpty()) {
			goals.put("help_le_1_5_seconds", startup.helpSeconds() <= MAX_HELP_SECONDS);
		}
		return goals;
	}

	private String table(FormatResult xlsx, FormatResult csv, Imported digest, AfterImport after,
			ReviewFileBenchmark.Result reviewFile, Startup startup, Map<String, Object> machine) {
		StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, "Import of %,d rows (best of %d), %s cores, load %s -> %s, heap limit %.0f MB%n",
				xlsx.rows(), xlsx.importRuns().size(), machine.get("cores"), machine.get("load_average_start"),
				machine.get("load_average_end"), HeapProbe.maxMb()));
		sb.append(String.format(Locale.ROOT, "%-28s %12s %12s%n", "", "XLSX", "CSV"));
		row(sb, "file (MB)", "%12.1f", xlsx.fileMb(), csv.fileMb());
		row(sb, "both files written in (s)", "%12.2f", xlsx.writeSeconds(), csv.writeSeconds());
		row(sb, "floor (s)", "%12.2f", xlsx.floorSeconds(), csv.floorSeconds());
		row(sb, "reader only (s)", "%12.2f", xlsx.readerSeconds(), csv.readerSeconds());
		row(sb, "import (s)", "%12.2f", xlsx.seconds(), csv.seconds());
		row(sb, "  read + build (s)", "%12.2f", xlsx.readSeconds(), csv.readSeconds());
		row(sb, "  command (s)", "%12.2f", xlsx.commandSeconds(), csv.commandSeconds());
		row(sb, "    of it the digest (s)", "%12.2f", xlsx.digestSeconds(), csv.digestSeconds());
		row(sb, "rows/s", "%,12.0f", xlsx.rows() / xlsx.seconds(), csv.rows() / csv.seconds());
		row(sb, "reader only / floor", "%12.2f", xlsx.readerSeconds() / xlsx.floorSeconds(),
				csv.readerSeconds() / csv.floorSeconds());
		row(sb, "import / floor", "%12.2f", xlsx.ratio(), csv.ratio());
		row(sb, "reader peak heap (MB)", "%12.0f", xlsx.readerPeakMb(), csv.readerPeakMb());
		row(sb, "reader old-gen peak (MB)", "%12.0f", xlsx.readerOldGenPeakMb(), csv.readerOldGenPeakMb());
		row(sb, "import peak heap (MB)", "%12.0f", xlsx.peakHeapMb(), csv.peakHeapMb());
		row(sb, "import old-gen peak (MB)", "%12.0f", xlsx.oldGenPeakMb(), csv.oldGenPeakMb());
		row(sb, "retained after import (MB)", "%12.0f", xlsx.retainedMb(), csv.retainedMb());
		sb.append(String.format(Locale.ROOT, "%-28s %12d %12d%n", "vendors / departments", xlsx.vendors(),
				xlsx.departments()));
		sb.append(String.format(Locale.ROOT, "%nContent digest of the imported rows (the import's audit entry):"
				+ " %,d rows in %.2f s = %,.0f rows/s%n", digest.actions(), digest.digestSeconds(),
				digest.actions() / digest.digestSeconds()));
		sb.append(String.format(Locale.ROOT, "Tagging: %,d actions in %.2f s (plan %.2f + apply %.2f) = %,.0f"
				+ " actions/s; %,d vendors (%,d names ruled out by their words, %,d matched in full), %,d hits;"
				+ " warm re-plan %.2f s = %,.0f actions/s%n",
				after.actions(), after.taggingSeconds(), after.planSeconds(), after.applySeconds(),
				after.actions() / after.taggingSeconds(), after.vendors(), after.namesRuledOut(),
				after.namesMatched(), after.hits(),
				after.warmPlanSeconds(), after.actions() / after.warmPlanSeconds()));
		sb.append(String.format(Locale.ROOT, "PDF: %d orders for %d departments, %,d lines, %.2f s (%d threads;"
				+ " orders generated in %.2f s), %.1f MB%n", after.orders(), after.departments(), after.lines(),
				after.pdfSeconds(), after.pdfThreads(), after.buildSeconds(), after.pdfMb()));
		sb.append(String.format(Locale.ROOT, "Review file: %,d actions saved in %.2f s, opened in %.2f s (read %.2f +"
				+ " check %.2f), %.1f MB = %.0f bytes per action; heap %.0f MB after import, %.0f MB after opening%n",
				reviewFile.actions(), reviewFile.saveSeconds(), reviewFile.openSeconds(), reviewFile.readSeconds(),
				reviewFile.checkSeconds(), reviewFile.fileMb(), reviewFile.bytesPerAction(),
				reviewFile.heapAfterImportMb(), reviewFile.heapAfterOpenMb()));
		PeerLoad.Run peer = bestPeer();
		if (peer != null) {
			sb.append(String.format(Locale.ROOT, "Peer: %s loaded the CSV with %d threads in %.2f s (best of %d); the"
					+ " import took %.2fx that%n", peer.name(), PeerLoad.THREADS, peer.seconds(), peerRuns.size(),
					csv.seconds() / peer.seconds()));
		}
		if (!startup.helpRuns().isEmpty()) {
			sb.append(String.format(Locale.ROOT, "Start-up: --help in %.2f s (best of %d)%n", startup.helpSeconds(),
					startup.helpRuns().size()));
		}
		sb.append("\nGoals:\n");
		goals(xlsx, csv, after, reviewFile, startup).forEach((k, v) -> sb.append(String.format("  %-34s %s%n", k, v ? "met" : "MISSED")));
		return sb.toString().stripTrailing();
	}

	private static void row(StringBuilder sb, String label, String format, double xlsx, double csv) {
		sb.append(String.format(Locale.ROOT, "%-28s " + format + " " + format + "%n", label, xlsx, csv));
	}

	private static String num(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) {
			return "null";
		}
		return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
	}

	private static String jsonText(String s) {
		StringBuilder sb = new StringBuilder();
		for (char c : s.toCharArray()) {
			if (c == '"' || c == '\\') {
				sb.append('\\').append(c);
			} else if (c < 0x20) {
				sb.append(String.format("\\u%04x", (int) c));
			} else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private void progress(String format, Object... args) {
		err.println("bench: " + String.format(Locale.ROOT, format, args));
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static double mb(Path file) {
		try {
			return Files.size(file) / (double) (1 << 20);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String loadAverage() {
		try {
			String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return p[0] + " " + p[1] + " " + p[2];
		} catch (IOException | RuntimeException e) {
			double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
