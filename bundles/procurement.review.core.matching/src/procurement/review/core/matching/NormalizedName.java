package procurement.review.core.matching;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Result of {@link NameNormalizer#normalize(String)}.
 *
 * @param original the input as given
 * @param tokens   the words, in input order, legal forms included (marked)
 */
public record NormalizedName(String original, List<NameToken> tokens) {

	/** Copies the token list. */
	public NormalizedName {
		tokens = List.copyOf(tokens);
	}

	/**
	 * The cache key: canonical words joined by one space. Two names with the same key are matched identically,
	 * e.g. "KASPERSKY LAB  INC" and "Kaspersky Lab, Inc.".
	 *
	 * @return the key
	 */
	public String key() {
		return tokens.stream().map(NameToken::text).collect(Collectors.joining(" "));
	}

	/** @return the words that are not legal forms */
	public List<NameToken> contentTokens() {
		return tokens.stream().filter(t -> !t.legalForm()).toList();
	}

	/** @return the standardised legal forms, e.g. ["inc"] */
	public List<String> legalForms() {
		return tokens.stream().filter(NameToken::legalForm).map(NameToken::text).toList();
	}
}
