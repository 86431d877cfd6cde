package procurement.review.core.matching.internal;

import java.util.HashMap;
import java.util.Map;

import procurement.review.core.matching.NameToken;
import procurement.review.core.matching.TokenClass;

/**
 * Word classes and weights: the built-in tables, watch-list overrides, and an IDF-like discount for
 * distinctive words shared by several covered families (a word in three families tells less which one is meant).
 */
public final class TokenWeighting {

	private final Map<String, TokenClass> overrides;
	private final Map<String, Integer> familyFrequency = new HashMap<>();

	/**
	 * @param overrides class overrides from the watch list, keys folded
	 */
	public TokenWeighting(Map<String, TokenClass> overrides) {
		this.overrides = Map.copyOf(overrides);
	}

	/**
	 * Records that a family uses a distinctive word; call once per (family, word).
	 *
	 * @param word canonical word
	 */
	public void countFamily(String word) {
		familyFrequency.merge(word, 1, Integer::sum);
	}

	/**
	 * Class of a word.
	 *
	 * @param text   canonical word
	 * @param script its script
	 * @return class, Han words are distinctive unless they are a known generic or place word
	 */
	public TokenClass classOf(String text, NameToken.Script script) {
		TokenClass o = overrides.get(text);
		if (o != null) {
			return o;
		}
		if (script == NameToken.Script.HAN) {
			return isHanGeneric(text) ? TokenClass.GENERIC : TokenClass.DISTINCTIVE;
		}
		if (text.length() == 1 && script == NameToken.Script.LATIN) {
			// lone letters are initials or cut-off words; they identify nothing
			return TokenClass.STOPWORD;
		}
		return TokenTables.classOf(text);
	}

	/**
	 * Weight of a word on the watch-list side.
	 *
	 * @param text canonical word
	 * @param cls  its class
	 * @return weight
	 */
	public double aliasWeight(String text, TokenClass cls) {
		double w = TokenTables.weight(cls);
		if (cls == TokenClass.DISTINCTIVE) {
			int df = familyFrequency.getOrDefault(text, 1);
			w *= Math.max(0.5, 1.0 - 0.2 * (df - 1));
		}
		return w;
	}

	/**
	 * Weight of a word on the vendor side. Words the watch list has never seen count fully: an extra distinctive
	 * word in a vendor name is evidence that it is a different company.
	 *
	 * @param cls class
	 * @return weight
	 */
	public double nameWeight(TokenClass cls) {
		return TokenTables.weight(cls);
	}

	/**
	 * @param text a Han run
	 * @return whether it consists only of generic/place Han words
	 */
	public static boolean isHanGeneric(String text) {
		return stripHanGeneric(text).isEmpty();
	}

	/**
	 * Removes known generic and place Han words.
	 *
	 * @param text Han run
	 * @return what is left
	 */
	public static String stripHanGeneric(String text) {
		String s = text;
		for (String g : TokenTables.HAN_GENERIC) {
			s = s.replace(g, "");
		}
		return s;
	}
}
