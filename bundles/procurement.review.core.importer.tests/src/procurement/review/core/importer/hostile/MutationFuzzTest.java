package procurement.review.core.importer.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import procurement.review.core.importer.hostile.FuzzHarness.Target;

/**
 * A bounded random-mutation fuzz run of the CSV, XLSX and FPDS readers that needs nothing but JUnit, so it runs in
 * the normal suite, inside OSGi too: seeded {@link Random} mutations of small valid and broken files (byte flips,
 * inserted XML and CSV tokens, cut and repeated chunks; for XLSX also mutations of one part's XML, re-zipped so the
 * parser sees them rather than the ZIP checksum). Each reader gets exactly 3,000 inputs, whatever the machine's
 * speed (a run that takes longer than a generous ceiling fails loudly instead of quietly testing fewer); each input
 * must be read or refused with an {@code IOException} within a time limit.
 * <p>
 * The normal build uses one fixed seed, so it feeds the same inputs every time and a red build means a change, not
 * luck; {@code -Dhostile.fuzz.seed=new} (set by {@code -Pfuzz}) draws a new seed, {@code -Dhostile.fuzz.seed=N}
 * replays one; the seed is printed. {@code -Dhostile.fuzz.iterations=N} makes a longer run of N inputs;
 * {@code -Dhostile.fuzz.seconds=N} a run bound by time instead (as many inputs as N seconds allow). A failing
 * input is written to {@code target/fuzz-findings/} and should become a case of {@link HostileCorpus}. Coverage
 * guided fuzzing is {@code ReaderFuzzTest} with Jazzer (see {@code fuzz/README.md}).
 */
class MutationFuzzTest {

	private static final long FIXED_SEED = 20_261_128L;
	private static final long SEED = seed(System.getProperty("hostile.fuzz.seed", ""));
	/** A run bound by time (-Pfuzz), or null for the normal, count-bound run. */
	private static final Long SECONDS = Long.getLong("hostile.fuzz.seconds");
	private static final int ITERATIONS = Integer.getInteger("hostile.fuzz.iterations",
			SECONDS == null ? 3000 : Integer.MAX_VALUE);
	/** The normal run's ceiling per reader: 3,000 inputs take 1-6 s here; far beyond that something hangs. */
	private static final long CEILING_SECONDS = 180;
	/** Per input: the seeds read in milliseconds, so this only trips on a real hang. */
	private static final long INPUT_TIMEOUT_SECONDS = 10;

	private static final String[] TOKENS = { "<", ">", "</", "/>", "\"", "'", "&", "&amp;", "&#0;", "&#x10FFFF;",
			"<!DOCTYPE x>", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<row r=\"", "<row/>", "<c r=\"", "<c>",
			"</c>", " t=\"s\"", " t=\"inlineStr\"", " t=\"str\"", " t=\"b\"", " t=\"e\"", " t=\"d\"", " s=\"1\"",
			" s=\"-1\"", "<v>", "</v>", "<f>", "</f>", "<is><t>", "</t></is>", "<si><t>", "<rPh>", "</sheetData>",
			"XFD1048576", "XFE1", "ZZZZZZZZZZ1", "A0", "2147483648", "-1", "1E308", "NaN", "99999999999999999999",
			"<entry>", "</entry>", "<PIID>", "<agencyID name=\"", "<referencedIDVID>", "xmlns:a=\"x\"", ",", ";",
			"\t", "\r", "\n", "\r\n", "\"\"", "\0", "\uFEFF", "\u00e9", "\ud83d\ude00", "_x0000_", "_xD800_" };

	@TempDir
	static Path dir;
	private static ExecutorService worker;

	@BeforeAll
	static void start() {
		System.out.println("MutationFuzzTest seed " + SEED + " (replay with -Dhostile.fuzz.seed=" + SEED + ")");
		worker = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "mutation-fuzz");
			thread.setDaemon(true); // a hung reader must not keep the test JVM alive
			return thread;
		});
	}

	@AfterAll
	static void stop() {
		worker.shutdownNow();
	}

	@ParameterizedTest
	@EnumSource(Target.class)
	void readersOnlyReadOrRefuse(Target target) throws Exception {
		Random random = new Random(SEED ^ target.ordinal());
		List<byte[]> pool = new ArrayList<>(FuzzHarness.seeds(target).values());
		Path scratch = dir.resolve("input" + target.extension());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS != null ? SECONDS : CEILING_SECONDS);
		int runs = 0;
		int refused = 0;
		Set<String> unclear = new TreeSet<>();
		while (runs < ITERATIONS && System.nanoTime() < deadline) {
			byte[] input = mutate(target, pool.get(random.nextInt(pool.size())), random);
			runs++;
			Future<String> run = worker.submit(() -> FuzzHarness.read(target, input, scratch));
			try {
				String message = run.get(INPUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
				if (message != null) {
					refused++;
					if (!isPlain(message) && unclear.size() < 20) {
						unclear.add(message);
					}
				} else if (pool.size() < 64 && random.nextInt(8) == 0) {
					pool.add(input); // readable mutants make good parents: they reach deeper code
				}
			} catch (TimeoutException e) {
				run.cancel(true);
				fail("input " + save(target, input, runs) + " did not finish within " + INPUT_TIMEOUT_SECONDS
						+ " s (seed " + SEED + ")");
			} catch (ExecutionException e) {
				throw new AssertionError("input " + save(target, input, runs) + " made the " + target
						+ " reader throw " + e.getCause() + " (seed " + SEED + ")", e.getCause());
			}
		}
		System.out.println("MutationFuzzTest " + target + ": " + runs + " inputs, " + refused + " refused");
		if (SECONDS == null) {
			// The same inputs on every machine: a run cut short by the clock would test fewer, and say nothing.
			assertEquals(ITERATIONS, runs, "the " + target + " run hit its ceiling of " + CEILING_SECONDS
					+ " s after " + runs + " of " + ITERATIONS + " inputs (seed " + SEED + ")");
		}
		// Reported, not asserted: the contract fuzzing checks is the exception type; wording is HostileInputTest's.
		unclear.forEach(m -> System.out.println("  unclear refusal message: " + m));
		assertTrue(runs >= 100, "too few inputs ran: " + runs);
	}

	private static boolean isPlain(String message) {
		return !message.contains("Exception") && !message.contains("java.") && message.indexOf('\n') < 0
				&& !message.endsWith(": null");
	}

	private static Path save(Target target, byte[] input, int run) throws IOException {
		Path findings = Path.of("target", "fuzz-findings");
		Files.createDirectories(findings);
		Path file = findings.resolve(target.name().toLowerCase() + "-" + SEED + "-" + run + target.extension());
		Files.write(file, input);
		return file.toAbsolutePath();
	}

	private static long seed(String property) {
		if (property.equals("new")) {
			return System.nanoTime();
		}
		try {
			return property.isEmpty() ? FIXED_SEED : Long.parseLong(property.trim());
		} catch (NumberFormatException e) {
			return FIXED_SEED;
		}
	}

	static byte[] mutate(Target target, byte[] seed, Random random) throws IOException {
		if ((target == Target.XLSX || target == Target.ZIP) && random.nextInt(4) != 0) {
			return mutateZipPart(seed, random);
		}
		byte[] data = seed;
		for (int i = 1 + random.nextInt(4); i > 0; i--) {
			data = mutateBytes(data, random);
		}
		return data;
	}

	/**
	 * Mutates the text of one entry and zips again, so the entry's reader (of the sheet XML, of a report in a
	 * download), not the ZIP checksum, meets the damage.
	 */
	private static byte[] mutateZipPart(byte[] xlsx, Random random) throws IOException {
		List<String> names = new ArrayList<>();
		List<byte[]> contents = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				names.add(e.getName());
				contents.add(in.readAllBytes());
			}
		} catch (IOException e) {
			return mutateBytes(xlsx, random); // a seed that is no zip (the truncated one)
		}
		if (names.isEmpty()) {
			return mutateBytes(xlsx, random);
		}
		int victim = random.nextInt(names.size());
		// Sheets and shared strings most of the time: that is where the cell logic is.
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).contains("sheet") || names.get(i).contains("sharedStrings")) {
				if (random.nextBoolean()) {
					victim = i;
				}
			}
		}
		byte[] part = contents.get(victim);
		for (int i = 1 + random.nextInt(3); i > 0; i--) {
			part = mutateBytes(part, random);
		}
		contents.set(victim, part);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < names.size(); i++) {
				if (random.nextInt(50) == 0) {
					continue; // now and then a part goes missing
				}
				zip.putNextEntry(new ZipEntry(names.get(i)));
				zip.write(contents.get(i));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static byte[] mutateBytes(byte[] data, Random random) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
		int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
		switch (random.nextInt(7)) {
			case 0 -> { // flip bits of one byte
				byte[] copy = data.clone();
				if (copy.length > 0) {
					copy[Math.min(at, copy.length - 1)] ^= (byte) (1 << random.nextInt(8));
				}
				return copy;
			}
			case 1 -> { // set a byte to an interesting value
				byte[] copy = data.clone();
				byte[] interesting = { 0, -1, '<', '>', '"', ',', '\n', '\r', '9', '-', '&', (byte) 0xC3, 0x7F };
				if (copy.length > 0) {
					copy[Math.min(at, copy.length - 1)] = interesting[random.nextInt(interesting.length)];
				}
				return copy;
			}
			case 2 -> { // insert a token
				out.write(data, 0, at);
				out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
				out.write(data, at, data.length - at);
			}
			case 3 -> { // delete a chunk
				int length = Math.min(data.length - at, 1 + random.nextInt(32));
				out.write(data, 0, at);
				out.write(data, at + length, data.length - at - length);
			}
			case 4 -> { // repeat a chunk, sometimes many times
				int length = Math.min(data.length - at, 1 + random.nextInt(64));
				int times = random.nextInt(10) == 0 ? 1000 : 1 + random.nextInt(4);
				out.write(data, 0, at + length);
				for (int i = 0; i < times; i++) {
					out.write(data, at, length);
				}
				out.write(data, at + length, data.length - at - length);
			}
			case 5 -> { // cut the end
				out.write(data, 0, at);
			}
			default -> { // copy a chunk to another place (moves tags across each other)
				int length = Math.min(data.length - at, 1 + random.nextInt(64));
				int to = data.length == 0 ? 0 : random.nextInt(data.length + 1);
				out.write(data, 0, to);
				out.write(data, at, length);
				out.write(data, to, data.length - to);
			}
		}
		return out.toByteArray();
	}
}
