package procurement.review.core.importer.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import procurement.review.core.importer.hostile.FuzzHarness.Target;

/**
 * Writes the seed inputs of the Jazzer fuzz tests where jazzer-junit looks for them: the resource folder
 * {@code ReaderFuzzTestInputs/<method>/} beside {@code ReaderFuzzTest}, i.e.
 * {@code fuzz/procurement/review/core/importer/hostile/ReaderFuzzTestInputs/{csv,xlsx,fpds}/} of this fragment.
 * The seeds are committed; run this (working directory = this fragment) after changing
 * {@link FuzzHarness#seeds(Target)}. Crash inputs Jazzer finds are added to the same folders by hand, so they stay
 * regression inputs; this class only (over)writes its own files.
 */
public final class SeedCorpus {

	/** The seed folder of {@code ReaderFuzzTest}, relative to this fragment. */
	public static final Path INPUTS = Path.of("fuzz", "procurement", "review", "core", "importer", "hostile",
			"ReaderFuzzTestInputs");

	private SeedCorpus() {
	}

	/**
	 * @param args optional: the inputs folder
	 * @throws IOException when writing fails
	 */
	public static void main(String[] args) throws IOException {
		Path root = args.length > 0 ? Path.of(args[0]) : INPUTS;
		for (Target target : Target.values()) {
			Path dir = root.resolve(target.name().toLowerCase(Locale.ROOT));
			Files.createDirectories(dir);
			for (Map.Entry<String, byte[]> seed : FuzzHarness.seeds(target).entrySet()) {
				Files.write(dir.resolve(seed.getKey()), seed.getValue());
				System.out.println(dir.resolve(seed.getKey()));
			}
		}
	}
}
