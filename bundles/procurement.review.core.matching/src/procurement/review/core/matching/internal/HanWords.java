package procurement.review.core.matching.internal;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Word boundaries in Chinese text, for short Han names and terms. Chinese has no spaces, so a two-character term is
 * a substring of unrelated words: 海思 (HiSilicon) sits across 上海|思科 (Cisco Shanghai), 华为 (Huawei) across
 * 中华|为. ICU's dictionary-based word break instance finds those words; a short term counts only where it starts and
 * ends on a word boundary.
 * <p>
 * Only terms of up to {@link #SHORT_TERM} characters are checked. Longer terms are specific enough on their own,
 * while ICU's dictionary knows few company names and cuts through them (measured with ICU 78: 深圳市道通智能航空 splits
 * as 深圳|市道|通|智能|航空, across 道通智能, Autel Robotics), so checking them would lose real hits.
 * <p>
 * ICU also glues a date or count unit to the following character (2019年华为 splits as 2019|年华|为, 2台大华 as
 * 2|台大|华), so a single Han character right after a digit is taken to end a word. Only Han text ever reaches
 * ICU here: callers check the text first, which keeps segmentation off the path of Latin names.
 */
public final class HanWords {

	/** Longest term, in characters, whose word boundaries are checked. */
	public static final int SHORT_TERM = 2;

	/** Break iterators are stateful and not thread-safe: one per thread, cloned from a prototype. */
	private static final ThreadLocal<BreakIterator> WORDS = ThreadLocal
			.withInitial(() -> BreakIterator.getWordInstance(ULocale.CHINESE));

	private HanWords() {
	}

	/**
	 * Whether a Han term found at {@code [start, end)} of a text is a word there rather than part of longer words.
	 *
	 * @param text  the text the term was found in
	 * @param start first index of the term
	 * @param end   index after the term
	 * @return {@code true} when the term is longer than {@link #SHORT_TERM}, or when its start and end are word
	 *         boundaries of the Han run around it
	 */
	public static boolean isWordAt(String text, int start, int end) {
		if (end - start > SHORT_TERM) {
			return true;
		}
		int runStart = start;
		while (runStart > 0 && isHan(text.charAt(runStart - 1))) {
			runStart--;
		}
		int runEnd = end;
		while (runEnd < text.length() && isHan(text.charAt(runEnd))) {
			runEnd++;
		}
		if (runStart == start && runEnd == end) {
			return true; // the term is the whole run
		}
		BreakIterator words = WORDS.get();
		words.setText(text.substring(runStart, runEnd));
		return boundary(words, text, runStart, start) && boundary(words, text, runStart, end);
	}

	private static boolean boundary(BreakIterator words, String text, int runStart, int at) {
		if (words.isBoundary(at - runStart)) {
			return true;
		}
		// 2019年华为, 10台华为: the unit after a number ends the number's word whatever the dictionary says
		return at - runStart == 1 && runStart > 0 && isDigit(text.charAt(runStart - 1));
	}

	private static boolean isDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19');
	}

	/**
	 * Whether a character is a Han ideograph (surrogate pairs, rare in company names, count as not Han).
	 *
	 * @param c a character
	 * @return {@code true} for Han
	 */
	public static boolean isHan(char c) {
		return c >= 0x2E80 && !Character.isSurrogate(c) && UScript.getScript(c) == UScript.HAN;
	}

	/**
	 * Whether a string holds any Han character; the cheap test that keeps Latin text away from ICU.
	 *
	 * @param s a string
	 * @return {@code true} when some character is Han
	 */
	public static boolean containsHan(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) >= 0x2E80 && isHan(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}
}
