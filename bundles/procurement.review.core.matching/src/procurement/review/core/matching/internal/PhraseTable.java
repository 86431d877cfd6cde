package procurement.review.core.matching.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-sequence replacement table used for legal forms and synonyms. Lookups are longest-first so that
 * "limited liability company" becomes one "llc" rather than "ltd" + "llc" + "co".
 */
public final class PhraseTable {

	/** Replacement of a phrase. */
	public record Entry(String canonical, boolean legalForm) {
	}

	private final Map<String, Entry> phrases = new HashMap<>();
	private final java.util.Set<String> multiWordStarts = new java.util.HashSet<>();
	private int maxWords = 1;

	/**
	 * Adds a phrase.
	 *
	 * @param phrase    folded words separated by single spaces
	 * @param canonical replacement word
	 * @param legalForm whether the replacement is a legal form
	 */
	public void put(String phrase, String canonical, boolean legalForm) {
		String key = phrase.strip().replaceAll("\\s+", " ");
		if (key.isEmpty()) {
			return;
		}
		phrases.put(key, new Entry(canonical, legalForm));
		String[] words = key.split(" ");
		maxWords = Math.max(maxWords, words.length);
		if (words.length > 1) {
			multiWordStarts.add(words[0]);
		}
	}

	/**
	 * @param word a folded word
	 * @return the replacement of the word on its own, or null
	 */
	public Entry single(String word) {
		return phrases.get(word);
	}

	/**
	 * @param word a folded word
	 * @return whether a phrase of several words starts with it
	 */
	public boolean startsLongerPhrase(String word) {
		return multiWordStarts.contains(word);
	}

	/**
	 * Longest phrase starting at {@code start}.
	 *
	 * @param words folded words
	 * @param start index of the first word
	 * @return number of words matched (0 when none) and the entry, via {@code out[0]}
	 */
	public int longestAt(List<String> words, int start, Entry[] out) {
		// most words start no multi-word phrase; skip building joined keys for them (hot path of tagging)
		int limit = multiWordStarts.contains(words.get(start)) ? Math.min(maxWords, words.size() - start) : 1;
		for (int n = limit; n >= 1; n--) {
			String key = n == 1 ? words.get(start) : String.join(" ", words.subList(start, start + n));
			Entry e = phrases.get(key);
			if (e != null) {
				out[0] = e;
				return n;
			}
		}
		return 0;
	}
}
