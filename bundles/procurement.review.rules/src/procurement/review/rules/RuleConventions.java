package procurement.review.rules;

import java.lang.Character.UnicodeScript;
import java.util.Locale;
import java.util.Optional;

import procurement.review.model.Alias;

/**
 * Conventions by which a rule set stores matching hints the review model has no attribute for. They are kept in
 * ordinary string attributes so that a rule set stays a plain XMI file a reviewer can read and edit:
 * <ul>
 * <li><b>Alias script flags.</b> {@link Alias#getScript()} holds the ISO 15924 script code, optionally followed by
 * flags separated by ';': {@code "Latn"}, {@code "Latn;strict"}, {@code "Latn;synonym=zhongxing"}.
 * <ul>
 * <li>{@value #STRICT}: the name is made of common words ("China Mobile") and matches only when every word is
 * present exactly, so that "UNICOM GOVERNMENT INC" does not hit China Unicom.</li>
 * <li>{@value #SYNONYM}{@code =canonical}: the alias is not a name but a spelling variant that the name normaliser
 * rewrites to {@code canonical} before matching ("zhong xing" to "zhongxing").</li>
 * </ul>
 * </li>
 * <li><b>Strict affiliate names.</b> Affiliation aliases are plain strings; a leading {@value #STRICT_PREFIX} marks a
 * strict name ({@code "=China Mobile Communications Group Co., Ltd."}).</li>
 * <li><b>Ambiguous terms.</b> A brand term or excluded term with a leading {@value #AMBIGUOUS_PREFIX} is too common
 * to flag on its own ("~Unicom", "~Threat Intelligence"): it counts only next to an unambiguous term of the same
 * family, as in the engine's seed format.</li>
 * </ul>
 */
public final class RuleConventions {

	/** Flag of a strict alias. */
	public static final String STRICT = "strict";
	/** Flag of a synonym alias, followed by '=' and the canonical spelling. */
	public static final String SYNONYM = "synonym";
	/** Prefix of a strict name among an affiliation's aliases. */
	public static final String STRICT_PREFIX = "=";
	/** Prefix of a term that is ambiguous on its own. */
	public static final String AMBIGUOUS_PREFIX = "~";

	private RuleConventions() {
	}

	/**
	 * @param alias an alias
	 * @return its ISO 15924 script code without flags, or "" when none is recorded
	 */
	public static String script(Alias alias) {
		String s = alias.getScript();
		if (s == null) {
			return "";
		}
		int semi = s.indexOf(';');
		return (semi < 0 ? s : s.substring(0, semi)).strip();
	}

	/**
	 * @param alias an alias
	 * @return true when the alias carries the {@value #STRICT} flag
	 */
	public static boolean isStrict(Alias alias) {
		return flag(alias, STRICT).isPresent();
	}

	/**
	 * @param alias an alias
	 * @return the canonical spelling when the alias is a {@value #SYNONYM} entry, else empty
	 */
	public static Optional<String> synonymOf(Alias alias) {
		return flag(alias, SYNONYM).filter(v -> !v.isEmpty());
	}

	/**
	 * Builds a script value with flags.
	 *
	 * @param script ISO 15924 code such as "Latn"
	 * @param flags  flags such as {@value #STRICT} or "synonym=zhongxing"
	 * @return the value to store in {@link Alias#setScript(String)}
	 */
	public static String scriptValue(String script, String... flags) {
		StringBuilder sb = new StringBuilder(script == null ? "" : script);
		for (String f : flags) {
			sb.append(';').append(f);
		}
		return sb.toString();
	}

	/**
	 * Reads a flag of an alias' script value.
	 *
	 * @param alias the alias
	 * @param name  flag name
	 * @return the flag's value ("" for a flag without '='), or empty when the flag is absent
	 */
	public static Optional<String> flag(Alias alias, String name) {
		String s = alias.getScript();
		if (s == null) {
			return Optional.empty();
		}
		String[] parts = s.split(";");
		for (int i = 1; i < parts.length; i++) {
			String p = parts[i].strip();
			int eq = p.indexOf('=');
			String key = eq < 0 ? p : p.substring(0, eq).strip();
			if (key.equalsIgnoreCase(name)) {
				return Optional.of(eq < 0 ? "" : p.substring(eq + 1).strip());
			}
		}
		return Optional.empty();
	}

	/**
	 * @param term a brand or excluded term as stored
	 * @return true when it carries the {@value #AMBIGUOUS_PREFIX} prefix
	 */
	public static boolean isAmbiguous(String term) {
		return term != null && term.startsWith(AMBIGUOUS_PREFIX);
	}

	/**
	 * @param term a brand or excluded term as stored
	 * @return the term without its {@value #AMBIGUOUS_PREFIX} prefix, stripped
	 */
	public static String termText(String term) {
		if (term == null) {
			return "";
		}
		return (isAmbiguous(term) ? term.substring(AMBIGUOUS_PREFIX.length()) : term).strip();
	}

	/**
	 * @param alias an affiliation alias as stored
	 * @return true when it carries the {@value #STRICT_PREFIX} prefix
	 */
	public static boolean isStrictAffiliateAlias(String alias) {
		return alias != null && alias.startsWith(STRICT_PREFIX);
	}

	/**
	 * @param alias an affiliation alias as stored
	 * @return the name without its {@value #STRICT_PREFIX} prefix, stripped
	 */
	public static String affiliateAliasText(String alias) {
		if (alias == null) {
			return "";
		}
		return (isStrictAffiliateAlias(alias) ? alias.substring(STRICT_PREFIX.length()) : alias).strip();
	}

	/**
	 * Guesses the ISO 15924 script of a name from its letters: the first letter outside Latin decides, because
	 * native-script names often carry Latin legal forms or digits.
	 *
	 * @param name a name
	 * @return "Latn", "Cyrl", "Hans" (Chinese names in this domain are simplified), "Arab", ... or "Zyyy" when the
	 *         name has no letters
	 */
	public static String detectScript(String name) {
		boolean latin = false;
		for (int i = 0; i < name.length();) {
			int cp = name.codePointAt(i);
			i += Character.charCount(cp);
			if (!Character.isLetter(cp)) {
				continue;
			}
			UnicodeScript s = UnicodeScript.of(cp);
			switch (s) {
				case LATIN -> latin = true;
				case CYRILLIC -> {
					return "Cyrl";
				}
				case HAN -> {
					return "Hans";
				}
				case GREEK -> {
					return "Grek";
				}
				case ARABIC -> {
					return "Arab";
				}
				case HANGUL -> {
					return "Hang";
				}
				case HIRAGANA, KATAKANA -> {
					return "Jpan";
				}
				default -> {
					String n = s.name();
					return n.substring(0, 1) + n.substring(1, Math.min(4, n.length())).toLowerCase(Locale.ROOT);
				}
			}
		}
		return latin ? "Latn" : "Zyyy";
	}
}
