package procurement.review.core.matching;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Loaders for engine watch lists in plain-text formats, for the tests: the product builds its watch list from rule
 * sets ({@code RuleSetWatchlist}), and a reviewer's CSV list reaches it as a rule set ({@code RuleSets}).
 * <p>
 * <b>TSV seed format</b> ({@link #fromTsv(Reader)}) of {@code data/families.tsv}, the test fixture and the source of
 * the built-in rule set ({@code BuiltinRuleSetGenerator} in the rules tests): UTF-8, tab-separated, no quoting, one
 * member per line; lines starting with '#' are comments, a line starting with "familyId" is the header. Columns:
 * <ol>
 * <li>familyId</li>
 * <li>memberId</li>
 * <li>country (ISO alpha-3)</li>
 * <li>displayName</li>
 * <li>names: aliases separated by '|'</li>
 * <li>strictNames: '|'-separated names made of common words only (all words must match)</li>
 * <li>brandTerms: '|'-separated covered terms; a leading '~' marks a term that is ambiguous alone</li>
 * <li>excludedTerms: '|'-separated terms that are explicitly not covered ('~' as above)</li>
 * <li>exclusionReason: why the excluded terms are not covered</li>
 * <li>identifiers: {@code uei=...;duns=...;cage=...}, any subset</li>
 * <li>relation: root, subsidiary, affiliate, brand ...</li>
 * <li>source: one-line source note</li>
 * </ol>
 * Directive lines tune the tables: {@code @synonym<TAB>variant<TAB>canonical}, and {@code @generic},
 * {@code @place}, {@code @distinctive} followed by a tab and a word. {@code @falseContext<TAB>familyId<TAB>context}
 * (a fourth column may say what the context names and where that is from) records a longer name or word that
 * contains one of the family's names or terms but names someone else (see {@link Watchlist#falseContexts()}).
 * <p>
 * <b>Reviewer CSV format</b> ({@link #fromCsv(Reader)}): header row with the columns name, aliases, country,
 * rule, risk (any order, case-insensitive); optional columns id, family, terms, uei, duns, cage. Aliases and terms
 * are separated by '|' or ';'.
 */
public final class Watchlists {

	private Watchlists() {
	}

	/**
	 * Reads the TSV seed format described in the class comment.
	 *
	 * @param in source, not closed
	 * @return the watch list
	 * @throws IOException on read failure
	 * @throws IllegalArgumentException on a malformed line (message names the line)
	 */
	public static Watchlist fromTsv(Reader in) throws IOException {
		List<WatchEntity> entities = new ArrayList<>();
		Map<String, String> synonyms = new LinkedHashMap<>();
		Map<String, TokenClass> classes = new LinkedHashMap<>();
		Map<String, List<String>> falseContexts = new LinkedHashMap<>();
		String text = readAll(in);
		String[] lines = text.split("\r?\n|\r");
		for (int ln = 0; ln < lines.length; ln++) {
			String line = lines[ln];
			if (line.isBlank() || line.startsWith("#") || line.startsWith("familyId\t")) {
				continue;
			}
			String[] f = line.split("\t", -1);
			String lead = f[0].strip();
			try {
				if (lead.startsWith("@")) {
					directive(lead, f, synonyms, classes, falseContexts);
					continue;
				}
				if (f.length < 5) {
					throw new IllegalArgumentException("expected at least 5 columns");
				}
				Map<String, String> attrs = new LinkedHashMap<>();
				putIfPresent(attrs, "relation", col(f, 10));
				putIfPresent(attrs, "source", col(f, 11));
				List<BrandTerm> terms = new ArrayList<>(terms(col(f, 6), true, ""));
				terms.addAll(terms(col(f, 7), false, col(f, 8)));
				entities.add(new WatchEntity(col(f, 1), lead, col(f, 3), list(col(f, 4)), list(col(f, 5)),
						col(f, 2), identifiers(col(f, 9)), terms, attrs));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("watch list line " + (ln + 1) + ": " + e.getMessage(), e);
			}
		}
		Set<String> families = new HashSet<>();
		entities.forEach(e -> families.add(e.familyId()));
		for (String family : falseContexts.keySet()) {
			if (!families.contains(family)) {
				// a typo in the family id would silently keep every false hit
				throw new IllegalArgumentException("@falseContext names unknown family " + family);
			}
		}
		return new Watchlist(entities, synonyms, classes, falseContexts);
	}

	/**
	 * Reads a reviewer's CSV watch list (columns name, aliases, country, rule, risk; see the class comment).
	 * Each row becomes its own family, with id and family derived from the name unless given.
	 *
	 * @param in source, not closed
	 * @return the watch list
	 * @throws IOException on read failure
	 * @throws IllegalArgumentException when the header lacks a name column
	 */
	public static Watchlist fromCsv(Reader in) throws IOException {
		List<List<String>> rows = csv(in);
		if (rows.isEmpty()) {
			return new Watchlist(List.of());
		}
		Map<String, Integer> header = new HashMap<>();
		List<String> h = rows.get(0);
		for (int i = 0; i < h.size(); i++) {
			header.put(h.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		if (!header.containsKey("name")) {
			throw new IllegalArgumentException("reviewer watch list needs a 'name' column, header was " + h);
		}
		List<WatchEntity> entities = new ArrayList<>();
		Map<String, Integer> usedIds = new HashMap<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			String name = cell(row, header, "name");
			if (name.isEmpty()) {
				continue;
			}
			String family = cell(row, header, "family");
			if (family.isEmpty()) {
				family = slug(name);
			}
			String id = cell(row, header, "id");
			if (id.isEmpty()) {
				id = "CSV-" + slug(name);
			}
			int n = usedIds.merge(id, 1, Integer::sum);
			if (n > 1) {
				// the same company listed twice by a reviewer is kept, not rejected
				id = id + "-" + n;
			}
			List<String> names = new ArrayList<>();
			names.add(name);
			names.addAll(split(cell(row, header, "aliases"), "[|;]"));
			Map<String, String> attrs = new LinkedHashMap<>();
			putIfPresent(attrs, "rule", cell(row, header, "rule"));
			putIfPresent(attrs, "risk", cell(row, header, "risk"));
			attrs.put("source", "reviewer watch list");
			List<BrandTerm> terms = split(cell(row, header, "terms"), "[|;]").stream().map(BrandTerm::of).toList();
			EntityIdentifiers ids = new EntityIdentifiers(cell(row, header, "uei"), cell(row, header, "duns"),
					cell(row, header, "cage"));
			entities.add(new WatchEntity(id, family, name, names, List.of(), cell(row, header, "country")
					.toUpperCase(Locale.ROOT), ids, terms, attrs));
		}
		return new Watchlist(entities);
	}

	private static void directive(String lead, String[] f, Map<String, String> synonyms,
			Map<String, TokenClass> classes, Map<String, List<String>> falseContexts) {
		switch (lead) {
			case "@synonym" -> {
				if (f.length < 3) {
					throw new IllegalArgumentException("@synonym needs variant and canonical");
				}
				synonyms.put(f[1].strip(), f[2].strip());
			}
			case "@generic" -> classes.put(f[1].strip().toLowerCase(Locale.ROOT), TokenClass.GENERIC);
			case "@place" -> classes.put(f[1].strip().toLowerCase(Locale.ROOT), TokenClass.PLACE);
			case "@distinctive" -> classes.put(f[1].strip().toLowerCase(Locale.ROOT), TokenClass.DISTINCTIVE);
			case "@falseContext" -> {
				if (f.length < 3 || f[1].isBlank() || f[2].isBlank()) {
					throw new IllegalArgumentException("@falseContext needs a family id and a context");
				}
				List<String> l = falseContexts.computeIfAbsent(f[1].strip(), k -> new ArrayList<>());
				if (!l.contains(f[2].strip())) {
					l.add(f[2].strip());
				}
			}
			default -> throw new IllegalArgumentException("unknown directive " + lead);
		}
	}

	private static List<BrandTerm> terms(String cell, boolean covered, String reason) {
		List<BrandTerm> out = new ArrayList<>();
		for (String t : split(cell, "\\|")) {
			boolean ambiguous = t.startsWith("~");
			String phrase = ambiguous ? t.substring(1) : t;
			out.add(new BrandTerm(phrase, ambiguous, covered, covered ? "" : reason));
		}
		return out;
	}

	private static EntityIdentifiers identifiers(String cell) {
		String uei = null;
		String duns = null;
		String cage = null;
		for (String part : split(cell, ";")) {
			int eq = part.indexOf('=');
			if (eq < 0) {
				throw new IllegalArgumentException("identifier without '=': " + part);
			}
			String k = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
			String v = part.substring(eq + 1).strip();
			switch (k) {
				case "uei" -> uei = v;
				case "duns" -> duns = v;
				case "cage" -> cage = v;
				default -> throw new IllegalArgumentException("unknown identifier kind " + k);
			}
		}
		return new EntityIdentifiers(uei, duns, cage);
	}

	private static String col(String[] f, int i) {
		return i < f.length ? f[i].strip() : "";
	}

	private static String cell(List<String> row, Map<String, Integer> header, String name) {
		Integer i = header.get(name);
		return i == null || i >= row.size() ? "" : row.get(i).strip();
	}

	private static List<String> list(String cell) {
		return split(cell, "\\|");
	}

	private static List<String> split(String cell, String regex) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return Arrays.stream(cell.split(regex)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static void putIfPresent(Map<String, String> m, String k, String v) {
		if (v != null && !v.isBlank()) {
			m.put(k, v.strip());
		}
	}

	private static String slug(String name) {
		StringBuilder sb = new StringBuilder();
		for (String w : NameNormalizer.foldPhrase(name).split(" ")) {
			// ids should stay ASCII for file names and logs, so other scripts are transliterated
			String a = NameNormalizer.latinOf(w);
			if (!a.isEmpty()) {
				if (!sb.isEmpty()) {
					sb.append('-');
				}
				sb.append(a);
			}
		}
		return sb.toString().toUpperCase(Locale.ROOT);
	}

	/** @return the records of a CSV text (RFC 4180, any field count, a leading byte-order mark skipped) */
	@SuppressWarnings("removal") // allowExtraCharsAfterClosingQuote: hand-typed watchlists have text after quotes
	private static List<List<String>> csv(Reader in) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder().extraFieldStrategy(FieldMismatchStrategy.IGNORE)
				.missingFieldStrategy(FieldMismatchStrategy.IGNORE)
				.allowExtraCharsAfterClosingQuote(true).ofCsvRecord(readAll(in))) {
			for (CsvRecord r : reader) {
				if (!r.getFields().stream().allMatch(String::isBlank)) {
					rows.add(r.getFields());
				}
			}
		}
		return rows;
	}

	private static String readAll(Reader in) throws IOException {
		StringBuilder sb = new StringBuilder();
		char[] buf = new char[8192];
		int n;
		while ((n = in.read(buf)) >= 0) {
			sb.append(buf, 0, n);
		}
		String s = sb.toString();
		return s.startsWith("\uFEFF") ? s.substring(1) : s;
	}
}
