package procurement.review.core.matching;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the test fixtures relative to the working directory (the fragment directory).
 */
public final class TestData {

	/**
	 * The watch-list fixture, in the seed format of {@link Watchlists}; also the source of the built-in rule set
	 * ({@code BuiltinRuleSetGenerator} of the rules tests reads it).
	 */
	public static final Path FAMILIES = Path.of("data/families.tsv");
	/** The labelled names. */
	public static final Path LABELLED = Path.of("data/labelled-names.tsv");

	/** One labelled name. */
	public record Labelled(String name, String expected, String note) {
	}

	private static Watchlist families;

	private TestData() {
	}

	/** @return the fixture watch list, loaded once */
	public static synchronized Watchlist families() {
		if (families == null) {
			try (Reader r = Files.newBufferedReader(FAMILIES, StandardCharsets.UTF_8)) {
				families = Watchlists.fromTsv(r);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return families;
	}

	/** @return the labelled names */
	public static List<Labelled> labelled() {
		try {
			List<Labelled> out = new ArrayList<>();
			for (String line : Files.readAllLines(LABELLED, StandardCharsets.UTF_8)) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
					continue;
				}
				String[] f = line.split("\t", -1);
				out.add(new Labelled(f[0], f[1], f.length > 2 ? f[2] : ""));
			}
			return out;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
