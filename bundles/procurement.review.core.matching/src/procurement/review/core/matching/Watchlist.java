package procurement.review.core.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input of the engine: watched entities plus the token tables that tune the matching.
 *
 * @param entities    watched entities; ids must be unique
 * @param synonyms    extra word or phrase synonyms, variant to canonical form (e.g. "hik vision" to "hikvision");
 *                    added to the built-in table of {@link NameNormalizer}
 * @param tokenClasses overrides of the built-in word classes (e.g. a reviewer marks "pacific" as
 *                    {@link TokenClass#PLACE}); keys are lower-case words
 * @param falseContexts known false contexts per family id: longer names or words that contain one of the family's
 *                    names or terms but name someone else (上海思科, Cisco Shanghai, contains 海思, HiSilicon; 大华银行,
 *                    United Overseas Bank, contains 大华). A name or term found inside one of them is no hit for that
 *                    family. Han contexts are compared with the Han run of a name after its legal form is cut off,
 *                    so they are written without 有限公司 and the like.
 */
public record Watchlist(List<WatchEntity> entities, Map<String, String> synonyms,
		Map<String, TokenClass> tokenClasses, Map<String, List<String>> falseContexts) {

	/** Copies the collections and rejects duplicate entity ids. */
	public Watchlist {
		entities = List.copyOf(entities);
		synonyms = Map.copyOf(synonyms == null ? Map.of() : synonyms);
		tokenClasses = Map.copyOf(tokenClasses == null ? Map.of() : tokenClasses);
		Map<String, List<String>> contexts = new LinkedHashMap<>();
		if (falseContexts != null) {
			falseContexts.forEach((family, l) -> contexts.put(family, List.copyOf(l)));
		}
		falseContexts = Collections.unmodifiableMap(contexts);
		Set<String> ids = new HashSet<>();
		for (WatchEntity e : entities) {
			if (!ids.add(e.id())) {
				throw new IllegalArgumentException("duplicate watch entity id " + e.id());
			}
		}
	}

	/**
	 * A watch list without false contexts.
	 *
	 * @param entities     the entities
	 * @param synonyms     extra synonyms, variant to canonical
	 * @param tokenClasses word class overrides
	 */
	public Watchlist(List<WatchEntity> entities, Map<String, String> synonyms, Map<String, TokenClass> tokenClasses) {
		this(entities, synonyms, tokenClasses, Map.of());
	}

	/**
	 * A watch list without extra tables.
	 *
	 * @param entities the entities
	 */
	public Watchlist(List<WatchEntity> entities) {
		this(entities, Map.of(), Map.of());
	}

	/**
	 * Combines this list with another, e.g. the built-in rule set with a reviewer's CSV. Entities of
	 * {@code other} whose id already exists here are skipped rather than replacing the built-in ones, because the
	 * built-in data carries sourced aliases a reviewer file should not silently drop.
	 *
	 * @param other the list to add
	 * @return a new watch list
	 */
	public Watchlist merge(Watchlist other) {
		List<WatchEntity> all = new ArrayList<>(entities);
		Set<String> ids = new HashSet<>();
		entities.forEach(e -> ids.add(e.id()));
		for (WatchEntity e : other.entities()) {
			if (ids.add(e.id())) {
				all.add(e);
			}
		}
		Map<String, String> syn = new LinkedHashMap<>(synonyms);
		syn.putAll(other.synonyms());
		Map<String, TokenClass> cls = new LinkedHashMap<>(tokenClasses);
		cls.putAll(other.tokenClasses());
		Map<String, List<String>> contexts = new LinkedHashMap<>();
		falseContexts.forEach((f, l) -> contexts.put(f, new ArrayList<>(l)));
		// a reviewer's false contexts add to the built-in ones: each only ever removes hits of its own family
		other.falseContexts().forEach((f, l) -> {
			List<String> mine = contexts.computeIfAbsent(f, k -> new ArrayList<>());
			l.stream().filter(c -> !mine.contains(c)).forEach(mine::add);
		});
		return new Watchlist(all, syn, cls, contexts);
	}

	/**
	 * Looks up an entity by id.
	 *
	 * @param id member id
	 * @return the entity or {@code null}
	 */
	public WatchEntity entity(String id) {
		for (WatchEntity e : entities) {
			if (e.id().equals(id)) {
				return e;
			}
		}
		return null;
	}
}
