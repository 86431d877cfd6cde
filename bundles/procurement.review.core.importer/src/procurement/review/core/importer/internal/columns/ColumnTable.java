package procurement.review.core.importer.internal.columns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import procurement.review.core.importer.ColumnGeneration;
import procurement.review.core.importer.ContractField;

/**
 * The loaded column table. Layout names in the table are generations, plus {@code DOWNLOAD_2019_261} (a
 * 261-column variant of the 2019 download seen without header row) and {@code ALIAS} (extra spellings that belong
 * to no layout).
 */
public final class ColumnTable {

	public static final String RESOURCE = "columns.tsv";
	public static final String ALIAS = "ALIAS";

	/** A known column layout, in column order. */
	public record Layout(String name, ColumnGeneration generation, List<String> normalizedHeaders,
			List<Set<ContractField>> fields) {
	}

	/** Loaded on first use, so {@link #normalize(String)} works without the table (the generator needs that). */
	private static final class Holder {
		static final ColumnTable INSTANCE = load();
	}

	private final Map<String, Layout> layouts;
	private final Map<String, Set<ContractField>> anyLayout;

	private ColumnTable(Map<String, Layout> layouts, Map<String, Set<ContractField>> anyLayout) {
		this.layouts = layouts;
		this.anyLayout = anyLayout;
	}

	public static ColumnTable get() {
		return Holder.INSTANCE;
	}

	public Map<String, Layout> layouts() {
		return layouts;
	}

	/** Fields of a normalised header in whatever layout or alias knows it; empty if unknown. */
	public Set<ContractField> anyFields(String normalized) {
		Set<ContractField> f = anyLayout.get(normalized);
		return f == null ? Set.of() : f;
	}

	public boolean isKnown(String normalized) {
		return anyLayout.containsKey(normalized);
	}

	/** Case, spaces and punctuation do not distinguish headers: "Award ID (PIID)" equals "award_id_piid". */
	public static String normalize(String header) {
		if (header == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(header.length());
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				sb.append(Character.toLowerCase(c));
			}
		}
		return sb.toString().toLowerCase(Locale.ROOT);
	}

	private static ColumnTable load() {
		try (InputStream in = ColumnTable.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the importer bundle");
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ColumnTable parse(BufferedReader reader) throws IOException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		Map<String, List<Set<ContractField>>> fields = new LinkedHashMap<>();
		Map<String, Set<ContractField>> any = new HashMap<>();
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\t", -1);
			if (parts.length < 4) {
				throw new IllegalStateException("Bad line in " + RESOURCE + ": " + line);
			}
			String layout = parts[0];
			String normalized = normalize(parts[2]);
			Set<ContractField> set = EnumSet.noneOf(ContractField.class);
			for (String f : parts[3].split(",")) {
				if (!f.isBlank()) {
					set.add(ContractField.valueOf(f.strip()));
				}
			}
			headers.computeIfAbsent(layout, k -> new ArrayList<>()).add(normalized);
			fields.computeIfAbsent(layout, k -> new ArrayList<>()).add(Collections.unmodifiableSet(set));
			// Outside any layout a header means what the first layout (or alias) in file order that gives it a
			// field says.
			any.merge(normalized, set, (known, later) -> known.isEmpty() ? later : known);
		}
		Map<String, Layout> layouts = new LinkedHashMap<>();
		for (String name : headers.keySet()) {
			if (name.equals(ALIAS)) {
				continue;
			}
			ColumnGeneration generation = name.startsWith("DOWNLOAD_2019") ? ColumnGeneration.DOWNLOAD_2019
					: ColumnGeneration.valueOf(name);
			layouts.put(name, new Layout(name, generation, List.copyOf(headers.get(name)), List.copyOf(fields.get(name))));
		}
		return new ColumnTable(Collections.unmodifiableMap(layouts), any);
	}

	/** Fields per layout, for layout-specific lookups. */
	public static Map<ContractField, Integer> positions(Layout layout) {
		Map<ContractField, Integer> result = new EnumMap<>(ContractField.class);
		for (int i = 0; i < layout.fields().size(); i++) {
			for (ContractField f : layout.fields().get(i)) {
				result.putIfAbsent(f, i);
			}
		}
		return result;
	}
}
