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
 * first word of some term; the filter keeps 64-bit hashes of those first words in a small open-addressing table.
 * Any non-ASCII character (Cyrillic, Chinese, fullwidth forms) sends the text to the scanner, as does a hash
 * collision: both only cost time, never a missed hit.
 */
final class DescriptionPrefilter {

    private final long[] table;
    private final int mask;

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
        long h = 0;
        boolean inWord = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            if (isAsciiWordChar(c)) {
                if (!inWord) {
                    h = SEED;
                    inWord = true;
                }
                h = step(h, c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else if (inWord) {
                inWord = false;
                if (contains(finish(h))) {
                    return true;
                }
            }
        }
        return inWord && contains(finish(h));
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
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isWordChar(char c) {
        return c >= 0x80 || isAsciiWordChar(c);
    }
}
