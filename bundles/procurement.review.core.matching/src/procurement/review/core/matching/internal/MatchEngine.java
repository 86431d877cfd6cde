package procurement.review.core.matching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.text.similarity.LevenshteinDistance;

import procurement.review.core.matching.NameNormalizer;
import procurement.review.core.matching.NameToken;
import procurement.review.core.matching.NormalizedName;
import procurement.review.core.matching.TokenClass;
import procurement.review.core.matching.WatchEntity;
import procurement.review.core.matching.Watchlist;

/**
 * Name matching without caching: candidate lookup through inverted indexes of the required words of every alias
 * (exact word, character trigrams for bounded edits, prefixes for truncated words, Chinese bigrams), then a
 * token alignment and score per candidate alias.
 * <p>
 * Only required words are indexed: a hit needs one of them anyway, so vendor names sharing only generic words
 * ("COMMUNICATIONS CORPORATION") never reach the alignment step.
 * <p>
 * Two kinds of alignment find a word but not the company, and score as weak candidates (times
 * {@link #WEAK_FACTOR}, at most {@link #WEAK_CEILING}, below the default threshold) rather than hits: a brand word
 * one or two edits off with nothing else of the alias in common ("DAHUAN TRADING" for Dahua), and a strict alias
 * inside a name with further words of substance ("PACIFIC NETWORK SOLUTIONS" for the strict "Pacific Networks").
 * A Han alias word found in a longer Chinese name counts only as a word of it ({@link HanWords}) and outside the
 * family's false contexts.
 */
public final class MatchEngine {

	/** Minimum length of a truncated last word that may match as a prefix. */
	public static final int MIN_PREFIX = 4;
	private static final LevenshteinDistance[] LEVENSHTEIN = {
		new LevenshteinDistance(0), new LevenshteinDistance(1), new LevenshteinDistance(2)};
	private static final int FUZZY_CACHE_LIMIT = 200_000;
	private static final double SIM_ONE_EDIT = 0.85;
	private static final double SIM_TWO_EDITS = 0.70;
	/**
	 * Factor on the score of a weak candidate: a near miss scores at most 0.85 (one edit, nothing else in the
	 * name), 0.64 after it, so weak candidates keep their order among themselves.
	 */
	public static final double WEAK_FACTOR = 0.75;
	/**
	 * Ceiling of a weak candidate's score, below the default threshold of the name matcher (0.70):
	 * a strict alias found whole among many small words could otherwise keep 0.71 after {@link #WEAK_FACTOR}.
	 */
	public static final double WEAK_CEILING = 0.65;
	/** Similarity of a Han run that is a native alias plus generic or place words only. */
	private static final double HAN_GENERIC_AROUND = 0.98;

	/** Outcome of matching one name against its best alias. */
	public record Result(int entityIndex, String aliasText, double score, String explanation) {
	}

	private record FuzzyHit(String vocab, int distance) {
	}

	private final List<WatchEntity> entities;
	private final NameNormalizer normalizer;
	private final TokenWeighting weighting;
	private final List<CompiledAlias> aliases = new ArrayList<>();
	private final Map<String, List<CompiledAlias>> exact = new HashMap<>();
	private final Map<String, List<String>> trigrams = new HashMap<>();
	private final Map<String, List<String>> prefixes = new HashMap<>();
	private final Map<String, List<CompiledAlias>> hanGrams = new HashMap<>();
	private final Set<String> fuzzyVocab = new HashSet<>();
	private final Map<String, List<FuzzyHit>> fuzzyCache = new ConcurrentHashMap<>();
	private final FalseContexts falseContexts;

	/**
	 * Compiles a watch list.
	 *
	 * @param watchlist  the list
	 * @param normalizer normaliser carrying the list's synonyms
	 */
	public MatchEngine(Watchlist watchlist, NameNormalizer normalizer) {
		this.entities = watchlist.entities();
		this.normalizer = normalizer;
		this.falseContexts = new FalseContexts(watchlist.falseContexts());
		Map<String, TokenClass> overrides = new HashMap<>();
		watchlist.tokenClasses().forEach((k, v) -> overrides.put(NameNormalizer.foldPhrase(k), v));
		this.weighting = new TokenWeighting(overrides);
		// family frequencies first: weights of every alias depend on them
		Map<String, Set<String>> familiesPerWord = new HashMap<>();
		for (WatchEntity e : entities) {
			for (String n : allNames(e)) {
				for (NameToken t : normalizer.normalize(n).contentTokens()) {
					if (weighting.classOf(t.text(), t.script()) == TokenClass.DISTINCTIVE) {
						familiesPerWord.computeIfAbsent(t.text(), k -> new HashSet<>()).add(e.familyId());
					}
				}
			}
		}
		familiesPerWord.forEach((w, fams) -> fams.forEach(f -> weighting.countFamily(w)));
		for (int i = 0; i < entities.size(); i++) {
			WatchEntity e = entities.get(i);
			Set<String> seen = new HashSet<>();
			for (String n : e.names()) {
				compile(i, n, false, seen);
			}
			for (String n : e.strictNames()) {
				compile(i, n, true, seen);
			}
		}
	}

	private static List<String> allNames(WatchEntity e) {
		List<String> all = new ArrayList<>(e.names());
		all.addAll(e.strictNames());
		return all;
	}

	/** @return number of compiled aliases */
	public int aliasCount() {
		return aliases.size();
	}

	/** @return the normaliser */
	public NameNormalizer normalizer() {
		return normalizer;
	}

	private void compile(int entityIndex, String aliasText, boolean strictWanted, Set<String> seen) {
		NormalizedName nn = normalizer.normalize(aliasText);
		List<NameToken> content = nn.contentTokens();
		if (content.isEmpty()) {
			return;
		}
		String key = (strictWanted ? "S:" : "") + nn.key();
		if (!seen.add(key)) {
			return;
		}
		boolean anyDistinctive = content.stream()
				.anyMatch(t -> weighting.classOf(t.text(), t.script()) == TokenClass.DISTINCTIVE);
		boolean strict = strictWanted || !anyDistinctive;
		List<AliasToken> tokens = new ArrayList<>();
		double sum = 0;
		for (NameToken t : content) {
			TokenClass cls = weighting.classOf(t.text(), t.script());
			if (cls == TokenClass.STOPWORD && !strict) {
				continue;
			}
			boolean required = strict ? cls != TokenClass.STOPWORD : cls == TokenClass.DISTINCTIVE;
			// in a strict alias the phrase as a whole is distinctive, so each word carries full weight
			double w = strict && required ? 1.0 : weighting.aliasWeight(t.text(), cls);
			tokens.add(new AliasToken(t.text(), t.latin(), t.script(), cls, w, required));
			sum += w;
		}
		Set<String> legal = new LinkedHashSet<>(nn.legalForms());
		CompiledAlias alias = new CompiledAlias(entityIndex, aliasText, List.copyOf(tokens), Set.copyOf(legal),
				strict, sum);
		aliases.add(alias);
		for (AliasToken t : tokens) {
			if (!t.required()) {
				continue;
			}
			if (t.script() == NameToken.Script.HAN) {
				String gram = t.text().length() >= 2 ? t.text().substring(0, 2) : t.text();
				hanGrams.computeIfAbsent(gram, k -> new ArrayList<>()).add(alias);
				continue;
			}
			addUnique(exact, t.text(), alias);
			if (!t.latin().equals(t.text())) {
				addUnique(exact, t.latin(), alias);
			}
			for (String form : new LinkedHashSet<>(List.of(t.text(), t.latin()))) {
				for (int p = MIN_PREFIX; p < form.length(); p++) {
					addUnique(prefixes, form.substring(0, p), form);
				}
				if (!strict && fuzzyBound(form.length()) > 0 && fuzzyVocab.add(form)) {
					for (String g : grams(form)) {
						trigrams.computeIfAbsent(g, k -> new ArrayList<>()).add(form);
					}
				}
			}
		}
	}

	private static <T> void addUnique(Map<String, List<T>> map, String key, T value) {
		List<T> l = map.computeIfAbsent(key, k -> new ArrayList<>());
		if (!l.contains(value)) {
			l.add(value);
		}
	}

	/**
	 * Allowed edit distance for a word of this length: none for short words (ZTE must not become ZTA), one for
	 * 5-8 letters, two from 9.
	 *
	 * @param length word length
	 * @return maximum Levenshtein distance
	 */
	public static int fuzzyBound(int length) {
		if (length <= 4) {
			return 0;
		}
		return length <= 8 ? 1 : 2;
	}

	private static List<String> grams(String w) {
		String p = "$" + w + "$";
		List<String> g = new ArrayList<>();
		for (int i = 0; i + 3 <= p.length(); i++) {
			g.add(p.substring(i, i + 3));
		}
		return g;
	}

	/**
	 * Whether a raw name was probably cut at 30 characters, the USAspending limit; then its last word may be a
	 * prefix.
	 *
	 * @param raw name as given
	 * @return {@code true} for lengths 28-30 after trimming
	 */
	public static boolean looksTruncated(String raw) {
		if (raw == null) {
			return false;
		}
		int len = raw.strip().length();
		return len >= 28 && len <= 30;
	}

	/**
	 * Whether {@link #best(NormalizedName, boolean)} could find a result for a raw name, decided from its plain
	 * words where it has them, and most of the tens of thousands of names in a review have them. Exact where it
	 * answers {@code false}: then {@code best} returns {@code null}, because no alias is a candidate (no word of
	 * the name is an alias word, one or two edits from one, or, truncated, the start of one) or every candidate is
	 * a strict alias (common words only, all required, no edits) with a required word the name lacks: "PACIFIC
	 * GROUP" is no candidate of "Pacific Networks".
	 *
	 * @param raw       name as given
	 * @param truncated whether the last word may be cut off
	 * @return {@code false} when {@code best} finds nothing; {@code true} when it may find something, or the name
	 *         is not plain (see {@link NameNormalizer#plainContentWords(String)})
	 */
	public boolean mayMatch(String raw, boolean truncated) {
		List<String> words = normalizer.plainContentWords(raw);
		if (words == null) {
			return true;
		}
		// the lookups of best() for each word: the exact index, the alias words within the edit bound, prefixes
		for (int i = 0, n = words.size(); i < n; i++) {
			String w = words.get(i);
			if (anyMayAlign(exact.get(w), words, truncated)) {
				return true;
			}
			for (FuzzyHit h : fuzzy(w)) {
				if (anyMayAlign(exact.get(h.vocab()), words, truncated)) {
					return true;
				}
			}
			if (truncated && i == n - 1 && w.length() >= MIN_PREFIX) {
				for (String form : prefixes.getOrDefault(w, List.of())) {
					if (anyMayAlign(exact.get(form), words, truncated)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean anyMayAlign(List<CompiledAlias> candidates, List<String> words, boolean truncated) {
		if (candidates != null) {
			for (CompiledAlias a : candidates) {
				if (!a.strict() || hasRequiredWords(a, words, truncated)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The alignment of a strict alias over plain (ASCII, one form per word) words: equal words, a truncated prefix. */
	private static boolean hasRequiredWords(CompiledAlias a, List<String> words, boolean truncated) {
		String last = words.get(words.size() - 1);
		for (AliasToken t : a.tokens()) {
			if (!t.required() || words.contains(t.text()) || words.contains(t.latin())) {
				continue;
			}
			if (!(truncated && last.length() >= MIN_PREFIX && t.latin().length() > last.length()
					&& t.latin().startsWith(last))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Best alias for a normalised name.
	 *
	 * @param name      normalised name
	 * @param truncated whether the last word may be cut off
	 * @return the best result with score, or {@code null} when no alias has its required words aligned
	 */
	public Result best(NormalizedName name, boolean truncated) {
		List<NameToken> content = name.contentTokens();
		if (content.isEmpty()) {
			return null;
		}
		Set<CompiledAlias> candidates = new LinkedHashSet<>();
		for (int i = 0; i < content.size(); i++) {
			NameToken t = content.get(i);
			if (t.script() == NameToken.Script.HAN) {
				for (int j = 0; j < t.text().length(); j++) {
					String g2 = j + 2 <= t.text().length() ? t.text().substring(j, j + 2) : null;
					if (g2 != null) {
						candidates.addAll(hanGrams.getOrDefault(g2, List.of()));
					}
					candidates.addAll(hanGrams.getOrDefault(t.text().substring(j, j + 1), List.of()));
				}
				continue;
			}
			addCandidates(t.text(), candidates);
			if (!t.latin().equals(t.text())) {
				addCandidates(t.latin(), candidates);
			}
			if (truncated && i == content.size() - 1 && t.text().length() >= MIN_PREFIX) {
				for (String v : prefixes.getOrDefault(t.text(), List.of())) {
					candidates.addAll(exact.getOrDefault(v, List.of()));
				}
			}
		}
		Result best = null;
		for (CompiledAlias a : candidates) {
			Result r = align(name, content, truncated, a);
			if (r != null && (best == null || r.score() > best.score() + 1e-9)) {
				best = r;
			}
		}
		return best;
	}

	private void addCandidates(String word, Set<CompiledAlias> out) {
		out.addAll(exact.getOrDefault(word, List.of()));
		for (FuzzyHit h : fuzzy(word)) {
			out.addAll(exact.getOrDefault(h.vocab(), List.of()));
		}
	}

	private List<FuzzyHit> fuzzy(String word) {
		if (word.length() < 4) {
			return List.of();
		}
		List<FuzzyHit> cached = fuzzyCache.get(word);
		if (cached != null) {
			return cached;
		}
		Set<String> cands = new HashSet<>();
		for (String g : grams(word)) {
			List<String> l = trigrams.get(g);
			if (l != null) {
				cands.addAll(l);
			}
		}
		List<FuzzyHit> hits = new ArrayList<>(1);
		for (String v : cands) {
			int bound = fuzzyBound(v.length());
			if (bound == 0 || Math.abs(v.length() - word.length()) > bound || v.equals(word)) {
				continue;
			}
			int d = LEVENSHTEIN[bound].apply(v, word);
			if (d > 0) {
				hits.add(new FuzzyHit(v, d));
			}
		}
		List<FuzzyHit> result = hits.isEmpty() ? List.of() : List.copyOf(hits);
		if (fuzzyCache.size() > FUZZY_CACHE_LIMIT) {
			fuzzyCache.clear();
		}
		fuzzyCache.put(word, result);
		return result;
	}

	private static boolean inOrder(Pair[] pairs) {
		int last = -1;
		for (Pair p : pairs) {
			if (p != null) {
				if (p.nameIndex() < last) {
					return false;
				}
				last = p.nameIndex();
			}
		}
		return true;
	}

	private static boolean isTransposition(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int first = -1;
		for (int k = 0; k < a.length(); k++) {
			if (a.charAt(k) != b.charAt(k)) {
				first = k;
				break;
			}
		}
		return first >= 0 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
	}

	private static int distance(String a, String b) {
		int bound = fuzzyBound(a.length());
		if (bound == 0 || Math.abs(a.length() - b.length()) > bound) {
			return -1;
		}
		return LEVENSHTEIN[bound].apply(a, b);
	}

	/** Alignment of one alias word. */
	private record Pair(int nameIndex, double sim, String kind) {
	}

	private Result align(NormalizedName name, List<NameToken> content, boolean truncated, CompiledAlias alias) {
		int n = content.size();
		List<AliasToken> at = alias.tokens();
		Pair[] pairs = new Pair[at.size()];
		boolean[] used = new boolean[n];
		double[] nameSim = new double[n];
		// pass 1: equal words (after legal-form/synonym standardisation and transliteration)
		for (int i = 0; i < at.size(); i++) {
			AliasToken a = at.get(i);
			if (a.script() == NameToken.Script.HAN) {
				String family = entities.get(alias.entityIndex()).familyId();
				for (int j = 0; j < n; j++) {
					NameToken t = content.get(j);
					if (!used[j] && t.script() == NameToken.Script.HAN && hanWordIn(t.text(), a.text(), family)) {
						String rest = TokenWeighting.stripHanGeneric(t.text().replace(a.text(), ""));
						// generic words around the alias (集团, group) still make a slightly different name, so an
						// exact run wins: 中国电信集团 is the group's alias, not the listed company's 中国电信
						double s = t.text().equals(a.text()) ? 1.0
								: rest.isEmpty() ? HAN_GENERIC_AROUND
								: (double) a.text().length() / (a.text().length() + rest.length());
						pairs[i] = new Pair(j, 1.0, t.text().equals(a.text()) ? "native alias"
								: "native alias in " + t.text());
						used[j] = true;
						nameSim[j] = s;
						break;
					}
				}
				continue;
			}
			for (int j = 0; j < n; j++) {
				NameToken t = content.get(j);
				if (used[j]) {
					continue;
				}
				String kind = null;
				if (t.text().equals(a.text())) {
					kind = t.source().equals(t.text()) ? "exact" : "synonym";
				} else if (t.latin().equals(a.latin()) || t.latin().equals(a.text())) {
					kind = "transliteration";
				}
				if (kind != null) {
					pairs[i] = new Pair(j, 1.0, kind);
					used[j] = true;
					nameSim[j] = 1.0;
					break;
				}
			}
		}
		// pass 2: bounded edit distance for what is left (never for strict aliases of common words)
		if (!alias.strict()) {
			for (int i = 0; i < at.size(); i++) {
				AliasToken a = at.get(i);
				if (pairs[i] != null || a.script() == NameToken.Script.HAN) {
					continue;
				}
				int bestJ = -1;
				int bestD = Integer.MAX_VALUE;
				for (int j = 0; j < n; j++) {
					if (used[j] || content.get(j).script() == NameToken.Script.HAN) {
						continue;
					}
					int d = distance(a.latin(), content.get(j).latin());
					if (d > 0 && d < bestD) {
						bestD = d;
						bestJ = j;
					}
				}
				if (bestJ >= 0) {
					String nl = content.get(bestJ).latin();
					boolean swap = bestD == 2 && isTransposition(a.latin(), nl);
					// one typo (or a swapped pair) is common in keyed data; two unrelated edits on one word alone
					// are as likely a different name (FUTURENET vs FUTUREWEI), so they must be backed by other words
					double sim = bestD == 1 || swap ? SIM_ONE_EDIT : SIM_TWO_EDITS;
					String kind = swap ? "fuzzy, transposition" : "fuzzy, " + bestD + (bestD == 1 ? " edit" : " edits");
					pairs[i] = new Pair(bestJ, sim, kind);
					used[bestJ] = true;
					nameSim[bestJ] = sim;
				}
			}
		}
		// pass 3: a word cut off by the 30-character limit may be a prefix of an alias word
		boolean ignoreLast = false;
		if (truncated && !used[n - 1] && content.get(n - 1).script() != NameToken.Script.HAN) {
			NameToken last = content.get(n - 1);
			if (last.latin().length() >= MIN_PREFIX) {
				for (int i = 0; i < at.size(); i++) {
					AliasToken a = at.get(i);
					if (pairs[i] == null && a.latin().length() > last.latin().length()
							&& a.latin().startsWith(last.latin())) {
						pairs[i] = new Pair(n - 1, 0.9, "prefix, truncated");
						used[n - 1] = true;
						nameSim[n - 1] = 0.9;
						break;
					}
				}
			}
			if (!used[n - 1] && (last.latin().length() < MIN_PREFIX || TokenTables.isPrefixOfCommonWord(last.latin()))) {
				// a stub like "TEC", "S" or "CORPORAT" says nothing either way
				ignoreLast = true;
			}
		}
		double aliasMatched = 0;
		for (int i = 0; i < at.size(); i++) {
			AliasToken a = at.get(i);
			if (pairs[i] == null) {
				if (a.required()) {
					return null;
				}
			} else {
				aliasMatched += a.weight() * pairs[i].sim();
			}
		}
		if (alias.strict() && !inOrder(pairs)) {
			// common words only identify in their phrase order: "Networks of the Pacific" is not "Pacific Networks"
			return null;
		}
		double aliasTotal = alias.weightSum();
		double nameTotal = 0;
		double nameMatched = 0;
		List<String> unmatched = new ArrayList<>();
		for (int j = 0; j < n; j++) {
			NameToken t = content.get(j);
			if (ignoreLast && j == n - 1 && !used[j]) {
				continue;
			}
			TokenClass cls = weighting.classOf(t.text(), t.script());
			double w = weighting.nameWeight(cls);
			nameTotal += w;
			if (used[j]) {
				nameMatched += w * nameSim[j];
			} else {
				unmatched.add(display(t) + (cls == TokenClass.DISTINCTIVE ? "" : " (" + low(cls) + ")"));
			}
		}
		// legal forms: tiny weight both ways, so "ZTE Corp" vs "ZTE Inc" costs almost nothing
		Set<String> nameLegal = new LinkedHashSet<>(name.legalForms());
		double lw = TokenTables.weight(TokenClass.LEGAL_FORM);
		for (String l : alias.legalForms()) {
			aliasTotal += lw;
			if (nameLegal.contains(l)) {
				aliasMatched += lw;
			}
		}
		for (String l : nameLegal) {
			nameTotal += lw;
			if (alias.legalForms().contains(l)) {
				nameMatched += lw;
			}
		}
		double aliasCoverage = aliasTotal == 0 ? 0 : aliasMatched / aliasTotal;
		double nameCoverage = nameTotal == 0 ? 1 : nameMatched / nameTotal;
		// the alias must be found; extra vendor words lower the score but a covered brand inside a longer
		// vendor name is still worth a reviewer's look
		double score = aliasCoverage * (0.75 + 0.25 * nameCoverage);
		String weak = weakReason(pairs, alias, content, used, ignoreLast);
		if (weak != null) {
			score = Math.min(score * WEAK_FACTOR, WEAK_CEILING);
		}
		score = Math.round(score * 1000) / 1000.0;
		StringBuilder ex = new StringBuilder("tokens: ");
		boolean first = true;
		for (int i = 0; i < at.size(); i++) {
			AliasToken a = at.get(i);
			if (pairs[i] == null) {
				continue;
			}
			if (!first) {
				ex.append(", ");
			}
			first = false;
			ex.append(display(content.get(pairs[i].nameIndex()))).append('=').append(a.text()).append(" (")
					.append(pairs[i].kind());
			if (a.cls() != TokenClass.DISTINCTIVE) {
				ex.append(", ").append(low(a.cls()));
			}
			ex.append(')');
		}
		if (!unmatched.isEmpty()) {
			ex.append("; unmatched: ").append(String.join(", ", unmatched));
		}
		if (!nameLegal.isEmpty()) {
			ex.append("; legal form ").append(String.join(" ", nameLegal));
		}
		if (alias.strict()) {
			ex.append("; strict alias");
		}
		if (weak != null) {
			ex.append("; weak candidate: ").append(weak);
		}
		ex.append("; alias \"").append(alias.aliasText()).append('"');
		ex.append("; score ").append(String.format(Locale.ROOT, "%.3f", score));
		return new Result(alias.entityIndex(), alias.aliasText(), score, ex.toString());
	}

	/**
	 * Why an alignment that found the alias' required words is still no evidence of the company, or {@code null}.
	 * A near miss: every aligned word is one or two edits off, so the name has nothing else of the alias in common
	 * (one typo plus a matching second word, "HUAWEl TECHNOLOGIES", stays a hit). A strict alias, whose common words
	 * identify only as a whole phrase, with further generic or distinctive words in the name: "PACIFIC NETWORK
	 * SOLUTIONS" is a different company from Pacific Networks; places and legal forms may follow ("CHINA MOBILE
	 * USA INC").
	 */
	private String weakReason(Pair[] pairs, CompiledAlias alias, List<NameToken> content, boolean[] used,
			boolean ignoreLast) {
		boolean anyPair = false;
		boolean allFuzzy = true;
		for (Pair p : pairs) {
			if (p != null) {
				anyPair = true;
				allFuzzy &= p.kind().startsWith("fuzzy");
			}
		}
		if (anyPair && allFuzzy) {
			return "only a near miss of the alias, nothing else in common";
		}
		if (alias.strict()) {
			List<String> extra = new ArrayList<>();
			for (int j = 0; j < content.size(); j++) {
				if (used[j] || (ignoreLast && j == content.size() - 1)) {
					continue;
				}
				NameToken t = content.get(j);
				TokenClass cls = weighting.classOf(t.text(), t.script());
				if (cls == TokenClass.GENERIC || cls == TokenClass.DISTINCTIVE) {
					extra.add(display(t));
				}
			}
			if (!extra.isEmpty()) {
				return "strict alias among further words " + String.join(" ", extra);
			}
		}
		return null;
	}

	/**
	 * Whether a Han alias word occurs in a Han run of a name as a word of it (not across two words) and outside
	 * the family's false contexts: 海思 is not found in 上海思科, 大华 not in 大华银行.
	 */
	private boolean hanWordIn(String run, String word, String family) {
		for (int at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + 1)) {
			int end = at + word.length();
			if (HanWords.isWordAt(run, at, end) && !falseContexts.covers(family, run, at, end)) {
				return true;
			}
		}
		return false;
	}

	private static String low(TokenClass c) {
		return c == TokenClass.LEGAL_FORM ? "legal form" : c.name().toLowerCase(Locale.ROOT);
	}

	private static String display(NameToken t) {
		return t.script() == NameToken.Script.LATIN ? t.source().toUpperCase(Locale.ROOT) : t.source();
	}
}
