package procurement.review.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ibm.icu.lang.UCharacter;

import procurement.review.core.matching.internal.FalseContexts;
import procurement.review.core.matching.internal.HanWords;

/**
 * Finds brand and product terms of a {@link Watchlist} in free text such as contract descriptions.
 * <p>
 * The text is split once into words (runs of letters and digits), so terms only match on word boundaries: "ZTE"
 * does not hit "AZTEC", while "HUAWEI-BRAND" yields the word "HUAWEI". Words are case-folded and looked up in a
 * word trie built from all terms, so the cost per description is linear in its length whatever the number of
 * terms. Matches are leftmost-longest and do not overlap, which lets "Kaspersky Threat Intelligence" (not covered
 * by BOD 17-01) win over the covered "Kaspersky" at the same place. Chinese has no word breaks, so Chinese terms
 * are found as substrings of Chinese runs; a short one (海思, 大华) only where ICU's word segmentation puts word
 * boundaries at both its ends ({@link HanWords}), so that 海思 (HiSilicon) is not found across 上海|思科 (Cisco
 * Shanghai).
 * <p>
 * A hit inside one of its family's known false contexts ({@link Watchlist#falseContexts()}, such as 大华银行, United
 * Overseas Bank, for Dahua's 大华) is dropped, in any script.
 * <p>
 * Terms flagged {@link BrandTerm#ambiguousAlone()} are reported only when the same family also has an
 * unambiguous hit in the same text. Immutable and thread-safe.
 */
public final class DescriptionScanner {

	private record TermRef(WatchEntity entity, BrandTerm term) {
	}

	private static final class Node {
		final Map<String, Node> next = new HashMap<>(4);
		final List<TermRef> terms = new ArrayList<>(1);
	}

	private final Node root = new Node();
	/** Lower-case ASCII first letters of first words; a cheap filter before folding and hashing a word. */
	private final boolean[] asciiStarts = new boolean[128];
	private final List<String> hanTerms = new ArrayList<>();
	private final List<List<TermRef>> hanRefs = new ArrayList<>();
	private final FalseContexts falseContexts;

	/**
	 * Compiles the brand terms of a watch list.
	 *
	 * @param watchlist the watch list
	 */
	public DescriptionScanner(Watchlist watchlist) {
		this.falseContexts = new FalseContexts(watchlist.falseContexts());
		Map<String, List<TermRef>> han = new HashMap<>();
		for (WatchEntity e : watchlist.entities()) {
			for (BrandTerm t : e.brandTerms()) {
				String folded = NameNormalizer.fold(t.phrase());
				if (folded.codePoints().anyMatch(DescriptionScanner::isHan)) {
					String key = folded.replaceAll("\\s+", "");
					List<TermRef> refs = han.computeIfAbsent(key, k -> new ArrayList<>());
					addRef(refs, new TermRef(e, t));
					continue;
				}
				List<String> words = new ArrayList<>();
				for (int[] w : words(folded)) {
					words.add(folded.substring(w[0], w[1]));
				}
				if (words.isEmpty()) {
					continue;
				}
				Node n = root;
				for (String w : words) {
					n = n.next.computeIfAbsent(w, k -> new Node());
				}
				addRef(n.terms, new TermRef(e, t));
			}
		}
		for (String first : root.next.keySet()) {
			char c = first.charAt(0);
			if (c < 128) {
				asciiStarts[c] = true;
				asciiStarts[Character.toUpperCase(c)] = true;
			}
		}
		// longest Chinese terms first so that the longest term wins at an offset
		han.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length()).forEach(en -> {
			hanTerms.add(en.getKey());
			hanRefs.add(List.copyOf(en.getValue()));
		});
	}

	/** One hit per family and term: the first entity listing it (the family root, by convention) owns it. */
	private static void addRef(List<TermRef> refs, TermRef ref) {
		for (TermRef r : refs) {
			if (r.entity().familyId().equals(ref.entity().familyId())) {
				return;
			}
		}
		refs.add(ref);
	}

	/**
	 * Scans a text.
	 *
	 * @param text description, may be {@code null}
	 * @return hits ordered by offset; empty when nothing matched
	 */
	public List<DescriptionHit> scan(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<int[]> spans = words(text);
		List<DescriptionHit> hits = new ArrayList<>();
		String[] folded = new String[spans.size()];
		int i = 0;
		while (i < spans.size()) {
			char c0 = text.charAt(spans.get(i)[0]);
			// non-ASCII first letters are not filtered: fullwidth or accented forms may fold onto a term
			if (c0 < 128 && !asciiStarts[c0]) {
				i++;
				continue;
			}
			Node n = root;
			int bestEnd = -1;
			Node bestNode = null;
			for (int j = i; j < spans.size(); j++) {
				String w = folded[j];
				if (w == null) {
					int[] s = spans.get(j);
					w = foldWord(text, s[0], s[1]);
					folded[j] = w;
				}
				n = n.next.get(w);
				if (n == null) {
					break;
				}
				if (!n.terms.isEmpty()) {
					bestEnd = j;
					bestNode = n;
				}
			}
			if (bestNode != null) {
				int start = spans.get(i)[0];
				int end = spans.get(bestEnd)[1];
				for (TermRef r : bestNode.terms) {
					if (!falseContexts.covers(r.entity().familyId(), text, start, end)) {
						hits.add(hit(r, text, start, end));
					}
				}
				i = bestEnd + 1;
			} else {
				i++;
			}
		}
		if (!hanTerms.isEmpty()) {
			scanHan(text, hits);
		}
		if (hits.isEmpty()) {
			return List.of();
		}
		return filterAmbiguous(hits);
	}

	/**
	 * Whether a text contains any covered term; cheaper to call than inspecting {@link #scan(String)} when only a
	 * yes/no is needed for tagging.
	 *
	 * @param text description
	 * @return {@code true} if at least one covered hit
	 */
	public boolean hasCoveredHit(String text) {
		for (DescriptionHit h : scan(text)) {
			if (h.covered()) {
				return true;
			}
		}
		return false;
	}

	private List<DescriptionHit> filterAmbiguous(List<DescriptionHit> hits) {
		Set<String> anchored = new HashSet<>();
		boolean anyAmbiguous = false;
		for (DescriptionHit h : hits) {
			if (h.explanation().contains("ambiguous alone")) {
				anyAmbiguous = true;
			} else {
				anchored.add(h.familyId());
			}
		}
		List<DescriptionHit> out = new ArrayList<>(hits.size());
		for (DescriptionHit h : hits) {
			if (!anyAmbiguous || !h.explanation().contains("ambiguous alone") || anchored.contains(h.familyId())) {
				out.add(h);
			}
		}
		out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
				: a.familyId().compareTo(b.familyId()));
		return List.copyOf(out);
	}

	private void scanHan(String text, List<DescriptionHit> hits) {
		boolean hasHan = false;
		for (int k = 0; k < text.length() && !hasHan; k++) {
			hasHan = isHan(text.charAt(k));
		}
		if (!hasHan) {
			return;
		}
		String folded = text; // Han has no case; NFKC would shift offsets, so the raw text is searched
		boolean[] taken = new boolean[text.length()];
		for (int t = 0; t < hanTerms.size(); t++) {
			String term = hanTerms.get(t);
			int from = 0;
			int at;
			while ((at = folded.indexOf(term, from)) >= 0) {
				int end = at + term.length();
				boolean free = true;
				for (int k = at; k < end; k++) {
					free &= !taken[k];
				}
				// a short term across two words (上海|思科 holds 海思) is no hit there; look again one further on
				if (!free || !HanWords.isWordAt(text, at, end)) {
					from = at + 1;
					continue;
				}
				boolean any = false;
				for (TermRef r : hanRefs.get(t)) {
					if (!falseContexts.covers(r.entity().familyId(), text, at, end)) {
						hits.add(hit(r, text, at, end));
						any = true;
					}
				}
				if (any) {
					for (int k = at; k < end; k++) {
						taken[k] = true;
					}
					from = end;
				} else {
					from = at + 1;
				}
			}
		}
	}

	private static DescriptionHit hit(TermRef r, String text, int start, int end) {
		BrandTerm t = r.term();
		WatchEntity e = r.entity();
		StringBuilder ex = new StringBuilder();
		ex.append("term \"").append(t.phrase()).append("\" of ").append(e.familyId()).append(" (")
				.append(e.displayName()).append(") at ").append(start).append('-').append(end);
		if (t.ambiguousAlone()) {
			ex.append("; ambiguous alone");
		}
		if (!t.covered()) {
			ex.append("; not covered: ").append(t.reason());
		}
		return new DescriptionHit(e.id(), e.familyId(), t.phrase(), text.substring(start, end), start, end,
				t.covered(), t.covered() ? "" : t.reason(), ex.toString());
	}

	/** Word spans [start, end) of letters/digits, Han characters excluded (they are searched separately). */
	private static List<int[]> words(String s) {
		List<int[]> out = new ArrayList<>();
		int start = -1;
		int i = 0;
		while (i < s.length()) {
			int cp = s.codePointAt(i);
			int len = Character.charCount(cp);
			boolean word = cp < 0x80 ? (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
					: (UCharacter.isLetterOrDigit(cp) || UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK)
							&& !isHan(cp);
			if (word) {
				if (start < 0) {
					start = i;
				}
			} else if (start >= 0) {
				out.add(new int[] {start, i});
				start = -1;
			}
			i += len;
		}
		if (start >= 0) {
			out.add(new int[] {start, s.length()});
		}
		return out;
	}

	private static String foldWord(String text, int start, int end) {
		boolean ascii = true;
		for (int k = start; k < end && ascii; k++) {
			ascii = text.charAt(k) < 0x80;
		}
		if (ascii) {
			return text.substring(start, end).toLowerCase(Locale.ROOT);
		}
		return NameNormalizer.fold(text.substring(start, end));
	}

	private static boolean isHan(int cp) {
		return cp >= 0x2E80 && NameNormalizer.isHan(cp);
	}
}
