package procurement.review.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

import procurement.review.core.matching.internal.PhraseTable;
import procurement.review.core.matching.internal.TokenTables;

/**
 * Turns a company name as found in contract data into canonical tokens.
 * <p>
 * Steps: Unicode NFKC with case folding; dotted abbreviations joined ("L.L.C." to "llc", "U.S.A." to "usa");
 * apostrophes inside words dropped; everything that is not a letter or digit becomes a word break (so the double
 * spaces that replace commas in USAspending files vanish); Chinese runs are split off other scripts and their
 * legal-form suffixes (有限公司 ...) cut out; legal forms in any position are standardised to canonical tokens
 * ("Corporation" to "corp", "ООО" to "llc") and flagged rather than dropped, because "ZTE Corporation" and "ZTE
 * Corp" must stay equal while a legal form still slightly informs the score; synonyms are applied; non-Latin
 * words keep their native form and get an ASCII transliteration next to it.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class NameNormalizer {

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
	private static final Pattern DOTTED = Pattern.compile(
			"(?<![\\p{L}\\p{N}])\\p{L}(?:\\.\\p{L})+\\.?(?![\\p{L}\\p{N}])");
	/** Transliterator instances are not documented as thread-safe, hence one per thread. */
	private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal
			.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

	private final PhraseTable phrases;

	/** A normaliser with the built-in legal-form and synonym tables. */
	public NameNormalizer() {
		this(Map.of());
	}

	/**
	 * A normaliser with extra synonyms.
	 *
	 * @param extraSynonyms variant to canonical phrase, in any case; folded here
	 */
	public NameNormalizer(Map<String, String> extraSynonyms) {
		Map<String, String> folded = new java.util.HashMap<>();
		extraSynonyms.forEach((k, v) -> folded.put(foldPhrase(k), foldPhrase(v)));
		this.phrases = TokenTables.phraseTable(folded);
	}

	/**
	 * Unicode NFKC with full case folding; the same folding the description scanner uses.
	 *
	 * @param s input, may be {@code null}
	 * @return folded text, empty for {@code null}
	 */
	public static String fold(String s) {
		if (s == null) {
			return "";
		}
		if (isAsciiLower(s)) {
			return s;
		}
		if (isAscii(s)) {
			// NFKC and case folding of ASCII is plain lower-casing; skipping ICU here halves the cost of a name
			return s.toLowerCase(Locale.ROOT);
		}
		return NFKC_CASEFOLD.normalize(s);
	}

	/**
	 * Normalises a name.
	 *
	 * @param name raw name, may be {@code null}
	 * @return normalised name (no tokens for blank input)
	 */
	public NormalizedName normalize(String name) {
		String original = name == null ? "" : name;
		String s = fold(original);
		s = joinDotted(s);
		List<String[]> raw = split(s); // [word, scriptTag]
		List<NameToken> out = new ArrayList<>();
		// Han runs are already tokens; other words go through the phrase table in maximal non-Han stretches
		List<String> words = new ArrayList<>();
		List<String> scripts = new ArrayList<>();
		for (String[] w : raw) {
			if (w[1].equals("H")) {
				flushWords(words, scripts, out);
				splitHan(w[0], out);
			} else {
				words.add(w[0]);
				scripts.add(w[1]);
			}
		}
		flushWords(words, scripts, out);
		return new NormalizedName(original, out);
	}

	/**
	 * The content words of a plain name exactly as {@link #normalize(String)} would give them (the texts of its
	 * {@link NormalizedName#contentTokens()}), without building tokens: a quick look at the many vendor names that
	 * their words alone rule out. A name is plain when it is ASCII, has no apostrophe, no dotted abbreviation (a dot
	 * between two letters) and no word that may start a phrase of several words, and when its words' replacements
	 * are ASCII; other names give {@code null} and need {@link #normalize(String)}.
	 *
	 * @param name raw name
	 * @return the canonical content words in order, or {@code null} when the name is not plain
	 */
	public List<String> plainContentWords(String name) {
		int n = name.length();
		char[] folded = new char[n]; // lower case, as fold() gives it for ASCII
		List<String> out = new ArrayList<>(6);
		int start = -1;
		for (int i = 0; i <= n; i++) {
			char c = i < n ? name.charAt(i) : ' ';
			if (c >= 0x80 || c == '\'') {
				return null;
			}
			if (isAsciiLetterOrDigit(c)) {
				folded[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
				if (start < 0) {
					start = i;
				}
				continue;
			}
			if (c == '.' && i > 0 && i + 1 < n && isAsciiLetter(name.charAt(i - 1))
					&& isAsciiLetter(name.charAt(i + 1))) {
				return null; // "U.S.A.": joined by normalize
			}
			if (start >= 0) {
				String w = new String(folded, start, i - start);
				start = -1;
				if (phrases.startsLongerPhrase(w)) {
					return null;
				}
				PhraseTable.Entry e = phrases.single(w);
				if (e == null) {
					out.add(w);
				} else if (!e.legalForm()) {
					if (!isAscii(e.canonical())) {
						return null;
					}
					out.add(e.canonical());
				}
			}
		}
		return out;
	}

	private void flushWords(List<String> words, List<String> scripts, List<NameToken> out) {
		PhraseTable.Entry[] hit = new PhraseTable.Entry[1];
		int i = 0;
		while (i < words.size()) {
			int n = phrases.longestAt(words, i, hit);
			if (n > 0) {
				String src = String.join(" ", words.subList(i, i + n));
				String canon = hit[0].canonical();
				out.add(new NameToken(canon, latinOf(canon), scriptOf(canon), hit[0].legalForm(), src));
				i += n;
			} else {
				String w = words.get(i);
				NameToken.Script sc = scriptOf(w);
				String text = w;
				String latin = latinOf(w);
				if (sc == NameToken.Script.LATIN && !latin.equals(w)) {
					// accented Latin: contract data is ASCII, so the ASCII form is the canonical one
					text = latin;
				}
				out.add(new NameToken(text, latin, sc, false, w));
				i++;
			}
		}
		words.clear();
		scripts.clear();
	}

	private static void splitHan(String run, List<NameToken> out) {
		int start = 0;
		int i = 0;
		while (i < run.length()) {
			String[] legal = legalAt(run, i);
			if (legal != null) {
				if (i > start) {
					String part = run.substring(start, i);
					out.add(new NameToken(part, part, NameToken.Script.HAN, false, part));
				}
				out.add(new NameToken(legal[1], legal[1], NameToken.Script.LATIN, true, legal[0]));
				i += legal[0].length();
				start = i;
			} else {
				i++;
			}
		}
		if (start < run.length()) {
			String part = run.substring(start);
			out.add(new NameToken(part, part, NameToken.Script.HAN, false, part));
		}
	}

	private static String[] legalAt(String run, int i) {
		for (String[] lf : TokenTables.HAN_LEGAL_FORMS) {
			if (run.startsWith(lf[0], i)) {
				return lf;
			}
		}
		return null;
	}

	/** Splits into words of letters/digits; Han characters form their own runs. Tag L=other, H=Han. */
	private static List<String[]> split(String s) {
		List<String[]> words = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		boolean curHan = false;
		int i = 0;
		while (i < s.length()) {
			int cp = s.codePointAt(i);
			int len = Character.charCount(cp);
			boolean word = cp < 0x80 ? isAsciiLetterOrDigit(cp)
					: UCharacter.isLetterOrDigit(cp) || UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK;
			boolean apostrophe = (cp == '\'' || cp == '\u2019') && !cur.isEmpty() && i + len < s.length()
					&& UCharacter.isLetter(s.codePointAt(i + len));
			if (apostrophe) {
				// "int'l", "poor's": keep the word whole
				i += len;
				continue;
			}
			if (word) {
				boolean han = isHan(cp);
				if (!cur.isEmpty() && han != curHan) {
					words.add(new String[] {cur.toString(), curHan ? "H" : "L"});
					cur.setLength(0);
				}
				curHan = han;
				cur.appendCodePoint(cp);
			} else if (!cur.isEmpty()) {
				words.add(new String[] {cur.toString(), curHan ? "H" : "L"});
				cur.setLength(0);
			}
			i += len;
		}
		if (!cur.isEmpty()) {
			words.add(new String[] {cur.toString(), curHan ? "H" : "L"});
		}
		return words;
	}

	private static String joinDotted(String s) {
		if (s.indexOf('.') < 0) {
			return s;
		}
		Matcher m = DOTTED.matcher(s);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(m.group().replace(".", "")));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isAsciiLetterOrDigit(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	static boolean isHan(int cp) { // shared with DescriptionScanner so both split Chinese runs alike
		if (cp < 0x1100) {
			return false; // below Hangul Jamo, the first of these scripts: no lookup for Latin and Cyrillic
		}
		int sc = UScript.getScript(cp);
		return sc == UScript.HAN || sc == UScript.HIRAGANA || sc == UScript.KATAKANA || sc == UScript.HANGUL;
	}

	/**
	 * Script of a folded word.
	 *
	 * @param w word
	 * @return its script (the first non-common letter decides)
	 */
	public static NameToken.Script scriptOf(String w) {
		for (int i = 0; i < w.length();) {
			int cp = w.codePointAt(i);
			i += Character.charCount(cp);
			if (cp < 0x80) {
				continue;
			}
			int sc = UScript.getScript(cp);
			if (sc == UScript.CYRILLIC) {
				return NameToken.Script.CYRILLIC;
			}
			if (isHan(cp)) {
				return NameToken.Script.HAN;
			}
			if (sc != UScript.LATIN && sc != UScript.COMMON && sc != UScript.INHERITED) {
				return NameToken.Script.OTHER;
			}
		}
		return NameToken.Script.LATIN;
	}

	/**
	 * ASCII transliteration of a word ("Any-Latin; Latin-ASCII"), the word itself when already ASCII.
	 *
	 * @param w folded word
	 * @return ASCII form, lower case
	 */
	public static String latinOf(String w) {
		if (isAscii(w)) {
			return w;
		}
		return TO_ASCII.get().transliterate(w).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	/**
	 * Folds a phrase and normalises its spacing, for table keys.
	 *
	 * @param phrase any phrase
	 * @return folded words separated by single spaces
	 */
	public static String foldPhrase(String phrase) {
		StringBuilder sb = new StringBuilder();
		for (String[] w : split(joinDotted(fold(phrase)))) {
			if (!sb.isEmpty()) {
				sb.append(' ');
			}
			sb.append(w[0]);
		}
		return sb.toString();
	}

	private static boolean isAscii(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiLower(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
				return false;
			}
		}
		return true;
	}
}
