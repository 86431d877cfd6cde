package procurement.review.core.matching;

/**
 * One word of a normalised name.
 *
 * @param text      canonical form: case-folded, NFKC, legal forms and synonyms standardised ("corp", "technology");
 *                  native script is kept for Cyrillic and Chinese
 * @param latin     ASCII transliteration for non-Latin scripts (Касперского to "kasperskogo"), else equal to
 *                  {@code text}
 * @param script    the script of the word
 * @param legalForm {@code true} when the word is a standardised legal form
 * @param source    the folded word(s) of the input it came from, for explanations
 */
public record NameToken(String text, String latin, Script script, boolean legalForm, String source) {

	/** Writing system of a token; Chinese runs have no spaces, so they are matched as substrings. */
	public enum Script {
		/** Latin letters and digits. */
		LATIN,
		/** Cyrillic letters. */
		CYRILLIC,
		/** Han (and other CJK) characters. */
		HAN,
		/** Any other script. */
		OTHER
	}
}
