package procurement.review.core.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import procurement.review.core.matching.internal.MatchEngine;

/**
 * Matches vendor names and identifiers against a {@link Watchlist}.
 * <p>
 * Built once per watch list; immutable apart from its result caches and safe to share between threads. Most
 * vendor names are ruled out by their words alone ({@link MatchEngine#mayMatch(String, boolean)}: no word is an
 * alias word, near one, or the start of one), which costs a few lookups in small tables and no normalisation. The
 * results of the other names are cached per raw string and per normalised name, because a million contract
 * actions carry only tens of thousands of distinct vendor names: after the first sighting a name costs one hash
 * lookup.
 * <p>
 * Identifiers beat names: {@link #match(String, String, String, String)} returns an identifier hit with score 1.0
 * when UEI, DUNS or CAGE matches, whatever the name says.
 */
public final class NameMatcher {

	/** Default minimum score of a name hit. */
	public static final double DEFAULT_THRESHOLD = 0.70;
	/** Default bound of each cache; when exceeded the cache is cleared rather than evicted entry by entry. */
	public static final int DEFAULT_CACHE_LIMIT = 1_000_000;

	private final Watchlist watchlist;
	private final MatchEngine engine;
	private final double threshold;
	private final int cacheLimit;
	// sized for a large review up front: growing a concurrent map while all cores fill it costs more than the match
	private final Map<String, Optional<NameHit>> rawCache = new ConcurrentHashMap<>(1 << 16);
	private final Map<String, Optional<NameHit>> keyCache = new ConcurrentHashMap<>(1 << 16);
	private final Map<String, WatchEntity> byUei = new HashMap<>();
	private final Map<String, WatchEntity> byDuns = new HashMap<>();
	private final Map<String, WatchEntity> byCage = new HashMap<>();
	private final LongAdder hits = new LongAdder();
	private final LongAdder misses = new LongAdder();
	private final LongAdder ruledOut = new LongAdder();

	/**
	 * A matcher with the default threshold.
	 *
	 * @param watchlist the watch list
	 */
	public NameMatcher(Watchlist watchlist) {
		this(watchlist, DEFAULT_THRESHOLD, DEFAULT_CACHE_LIMIT);
	}

	/**
	 * A matcher with a custom threshold and cache bound.
	 *
	 * @param watchlist  the watch list
	 * @param threshold  minimum score of a name hit, in (0, 1]
	 * @param cacheLimit maximum entries per cache
	 */
	public NameMatcher(Watchlist watchlist, double threshold, int cacheLimit) {
		if (threshold <= 0 || threshold > 1) {
			throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
		}
		this.watchlist = watchlist;
		this.threshold = threshold;
		this.cacheLimit = Math.max(16, cacheLimit);
		this.engine = new MatchEngine(watchlist, new NameNormalizer(watchlist.synonyms()));
		for (WatchEntity e : watchlist.entities()) {
			EntityIdentifiers ids = e.identifiers();
			if (ids.uei() != null) {
				byUei.putIfAbsent(ids.uei(), e);
			}
			if (ids.duns() != null) {
				byDuns.putIfAbsent(ids.duns(), e);
			}
			if (ids.cage() != null) {
				byCage.putIfAbsent(ids.cage(), e);
			}
		}
	}

	/** @return the watch list this matcher was built from */
	public Watchlist watchlist() {
		return watchlist;
	}

	/** @return the minimum score of a hit */
	public double threshold() {
		return threshold;
	}

	/** @return the normaliser used for names (carries the watch list's synonyms) */
	public NameNormalizer normalizer() {
		return engine.normalizer();
	}

	/**
	 * Best watched entity for a vendor name.
	 *
	 * @param name vendor name as found in the data, may be {@code null}
	 * @return the best hit at or above the threshold, or empty
	 */
	public Optional<NameHit> match(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		boolean truncated = MatchEngine.looksTruncated(name);
		if (!engine.mayMatch(name, truncated)) {
			// ruled out by its words: cheaper than a cache lookup, and keeps most names out of the caches
			ruledOut.increment();
			return Optional.empty();
		}
		Optional<NameHit> r = rawCache.get(name);
		if (r != null) {
			hits.increment();
			return r;
		}
		NormalizedName nn = engine.normalizer().normalize(name);
		String key = truncated ? nn.key() + "\u0000t" : nn.key();
		r = keyCache.get(key);
		if (r != null) {
			hits.increment();
		} else {
			misses.increment();
			r = compute(nn, truncated);
			bound(keyCache);
			keyCache.put(key, r);
		}
		bound(rawCache);
		rawCache.put(name, r);
		return r;
	}

	/**
	 * Uncached scoring, also below the threshold; for tuning and for showing reviewers near misses.
	 *
	 * @param name vendor name
	 * @return the best-scoring alias, if any alias has its distinctive words aligned
	 */
	public Optional<NameHit> score(String name) {
		NormalizedName nn = engine.normalizer().normalize(name);
		MatchEngine.Result r = engine.best(nn, MatchEngine.looksTruncated(name));
		return Optional.ofNullable(r).map(this::toHit);
	}

	private Optional<NameHit> compute(NormalizedName nn, boolean truncated) {
		MatchEngine.Result r = engine.best(nn, truncated);
		if (r == null || r.score() < threshold) {
			return Optional.empty();
		}
		return Optional.of(toHit(r));
	}

	private NameHit toHit(MatchEngine.Result r) {
		WatchEntity e = watchlist.entities().get(r.entityIndex());
		return new NameHit(e.id(), e.familyId(), r.score(), r.explanation());
	}

	private void bound(Map<String, ?> cache) {
		if (cache.size() >= cacheLimit) {
			cache.clear();
		}
	}

	/**
	 * Matches registry identifiers. UEI is checked first, then DUNS, then CAGE.
	 *
	 * @param uei  Unique Entity ID, may be {@code null}
	 * @param duns DUNS number, may be {@code null}
	 * @param cage CAGE code, may be {@code null}
	 * @return a hit with score 1.0, or empty
	 */
	public Optional<NameHit> matchIdentifiers(String uei, String duns, String cage) {
		String u = EntityIdentifiers.canonicalUei(uei);
		if (u != null && byUei.containsKey(u)) {
			return Optional.of(idHit("UEI", u, byUei.get(u)));
		}
		String d = EntityIdentifiers.canonicalDuns(duns);
		if (d != null && byDuns.containsKey(d)) {
			return Optional.of(idHit("DUNS", d, byDuns.get(d)));
		}
		String c = EntityIdentifiers.canonicalCage(cage);
		if (c != null && byCage.containsKey(c)) {
			return Optional.of(idHit("CAGE", c, byCage.get(c)));
		}
		return Optional.empty();
	}

	/**
	 * Identifiers first, name second.
	 *
	 * @param name vendor name
	 * @param uei  UEI or {@code null}
	 * @param duns DUNS or {@code null}
	 * @param cage CAGE or {@code null}
	 * @return identifier hit if any, else the name hit, else empty
	 */
	public Optional<NameHit> match(String name, String uei, String duns, String cage) {
		Optional<NameHit> id = matchIdentifiers(uei, duns, cage);
		return id.isPresent() ? id : match(name);
	}

	private static NameHit idHit(String kind, String value, WatchEntity e) {
		return new NameHit(e.id(), e.familyId(), 1.0,
				kind + " " + value + " matches " + e.id() + " (" + e.displayName() + ")");
	}

	/** @return number of name lookups answered from a cache */
	public long cacheHits() {
		return hits.sum();
	}

	/** @return number of name lookups that had to be computed */
	public long cacheMisses() {
		return misses.sum();
	}

	/** @return number of name lookups answered by the words of the name alone, without normalising or caching it */
	public long ruledOut() {
		return ruledOut.sum();
	}

	/** @return number of distinct normalised names cached (names ruled out by their words are not cached) */
	public int cachedNames() {
		return keyCache.size();
	}

	/** Empties the caches, e.g. after a threshold change in a derived matcher or to free memory. */
	public void clearCache() {
		rawCache.clear();
		keyCache.clear();
	}

	/**
	 * Matches many names; a convenience for batch tagging.
	 *
	 * @param names vendor names
	 * @return one result per name, in order
	 */
	public List<Optional<NameHit>> matchAll(List<String> names) {
		return names.stream().map(this::match).toList();
	}
}
