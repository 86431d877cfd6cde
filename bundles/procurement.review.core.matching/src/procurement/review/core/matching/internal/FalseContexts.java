package procurement.review.core.matching.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The known false contexts of a watch list, per family: longer names or words that contain one of the family's
 * names or terms but name someone else (大华银行, United Overseas Bank, contains 大华, Dahua). Shared by the name
 * matcher and the description scanner so that both drop the same hits. Immutable and thread-safe.
 */
public final class FalseContexts {

	/** No false contexts at all. */
	public static final FalseContexts NONE = new FalseContexts(Map.of());

	private final Map<String, List<String>> byFamily = new HashMap<>();

	/**
	 * @param byFamily contexts per family id, in any case
	 */
	public FalseContexts(Map<String, List<String>> byFamily) {
		byFamily.forEach((family, contexts) -> {
			List<String> folded = new ArrayList<>();
			for (String c : contexts) {
				if (c != null && !c.isBlank()) {
					folded.add(c.strip().toLowerCase(Locale.ROOT));
				}
			}
			if (!folded.isEmpty()) {
				this.byFamily.put(family, List.copyOf(folded));
			}
		});
	}

	/**
	 * Whether a family has any false context; lets callers skip the check for the others.
	 *
	 * @param familyId family id
	 * @return {@code true} when at least one context is known
	 */
	public boolean has(String familyId) {
		return byFamily.containsKey(familyId);
	}

	/**
	 * Whether the match at {@code [start, end)} of a text lies inside one of the family's false contexts as it
	 * occurs in the text (case-insensitive): 海思 at 2-4 of "上海思科" lies inside the context 上海思科 at 1-5.
	 *
	 * @param familyId family id of the name or term found
	 * @param text     the text it was found in
	 * @param start    first index of the match
	 * @param end      index after the match
	 * @return {@code true} when the match is a false hit for the family
	 */
	public boolean covers(String familyId, String text, int start, int end) {
		List<String> contexts = byFamily.get(familyId);
		if (contexts == null) {
			return false;
		}
		String found = text.substring(start, end).toLowerCase(Locale.ROOT);
		for (String c : contexts) {
			// every place where the found text sits in the context is a way the context may surround it
			for (int k = c.indexOf(found); k >= 0; k = c.indexOf(found, k + 1)) {
				int from = start - k;
				if (from >= 0 && text.regionMatches(true, from, c, 0, c.length())) {
					return true;
				}
			}
		}
		return false;
	}
}
