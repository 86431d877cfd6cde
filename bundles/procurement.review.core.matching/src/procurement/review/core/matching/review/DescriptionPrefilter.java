package procurement.review.core.matching.review;

import procurement.review.core.matching.BrandTerm;
import procurement.review.core.matching.NameNormalizer;
import procurement.review.core.matching.WatchEntity;
import procurement.review.core.matching.Watchlist;

/**
 * A conservative, allocation-free test run before the description scanner: it answers "no" only for a text the
 * scanner cannot hit, so that the million ordinary descriptions ("LAPTOPS", "JANITORIAL SERVICES") cost one pass over
 * their characters instead of a cache lookup or a scan.
 * <p>
 * The scanner matches terms word by word from their first word, with words being runs of ASCII letters and digits
 * in ASCII text and matching case-insensitively. So a pure-ASCII text can only hit if one of its words equals the
 * first word of some term; the filter keeps 64-bit hashes of those first words in a small open-addressing table,
 * and in front of it a bit per pair of leading characters, so that most words are skipped after two table reads
 * instead of being hashed. Any non-ASCII character (Cyrillic, Chinese, fullwidth forms) sends the text to the
 * scanner, as does a hash collision: both only cost time, never a missed hit. Characters are classified by one
 * table read (no chains of range tests): at a million descriptions the branches were most of the cost.
 */
final class DescriptionPrefilter {

	/** The folded form of an ASCII word character, 0 for a separator. */
	private static final byte[] FOLD = new byte[128];

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			FOLD[c] = (byte) c;
			FOLD[c - 32] = (byte) c;
		}
		for (char c = '0'; c <= '9'; c++) {
			FOLD[c] = (byte) c;
		}
	}

	private final long[] table;
	private final int mask;
	/** One bit per (first, second) folded character of a first word; second is 0 for a one-letter word. */
	private final long[] pairs = new long[128 * 128 / 64];

	DescriptionPrefilter(Watchlist watchlist) {
		java.util.Set<Long> hashes = new java.util.HashSet<>();
		for (WatchEntity e : watchlist.entities()) {
			for (BrandTerm t : e.brandTerms()) {
				String folded = NameNormalizer.fold(t.phrase());
				int start = 0;
				while (start < folded.length() && !isWordChar(folded.charAt(start))) {
					if (folded.charAt(start) >= 0x80) {
						break;
					}
					start++;
				}
				int end = start;
				while (end < folded.length() && isAsciiWordChar(folded.charAt(end))) {
					end++;
				}
				boolean asciiWord = end > start && (end == folded.length() || folded.charAt(end) < 0x80);
				if (asciiWord) {
					hashes.add(hash(folded, start, end));
					int pair = folded.charAt(start) << 7 | (end - start > 1 ? folded.charAt(start + 1) : 0);
					pairs[pair >>> 6] |= 1L << pair;
				}
				// a first word with other characters can only occur in a non-ASCII text, which is always scanned
			}
		}
		int size = Integer.highestOneBit(Math.max(16, hashes.size() * 4) - 1) << 1;
		table = new long[size];
		mask = size - 1;
		for (long h : hashes) {
			int i = (int) (h ^ (h >>> 32)) & mask;
			while (table[i] != 0) {
				i = (i + 1) & mask;
			}
			table[i] = h;
		}
	}

	/**
	 * @param text a description
	 * @return false only when the scanner cannot find a term in it
	 */
	boolean mayMatch(String text) {
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				return true;
			}
			int first = FOLD[c];
			if (first == 0) {
				i++;
				continue;
			}
			// a word starts here: hash it only when its first two characters start some term's first word
			int second = 0;
			if (i + 1 < n) {
				char c2 = text.charAt(i + 1);
				if (c2 >= 0x80) {
					return true;
				}
				second = FOLD[c2];
			}
			int pair = first << 7 | second;
			if ((pairs[pair >>> 6] & 1L << pair) != 0) {
				long h = SEED;
				for (; i < n; i++) {
					c = text.charAt(i);
					if (c >= 0x80) {
						return true;
					}
					int f = FOLD[c];
					if (f == 0) {
						break;
					}
					h = step(h, (char) f);
				}
				if (contains(finish(h))) {
					return true;
				}
			} else {
				for (i++; i < n; i++) {
					c = text.charAt(i);
					if (c >= 0x80) {
						return true;
					}
					if (FOLD[c] == 0) {
						break;
					}
				}
			}
		}
		return false;
	}

	private boolean contains(long h) {
		int i = (int) (h ^ (h >>> 32)) & mask;
		long v;
		while ((v = table[i]) != 0) {
			if (v == h) {
				return true;
			}
			i = (i + 1) & mask;
		}
		return false;
	}

	private static final long SEED = 0xcbf29ce484222325L;

	private static long step(long h, char c) {
		return (h ^ c) * 0x100000001b3L;
	}

	private static long finish(long h) {
		// never 0, the empty slot marker
		return h == 0 ? 1 : h;
	}

	private static long hash(String s, int start, int end) {
		long h = SEED;
		for (int i = start; i < end; i++) {
			h = step(h, s.charAt(i));
		}
		return finish(h);
	}

	private static boolean isAsciiWordChar(char c) {
		return c < 0x80 && FOLD[c] != 0;
	}

	private static boolean isWordChar(char c) {
		return c >= 0x80 || FOLD[c] != 0;
	}
}
