package procurement.review.core.matching;

import java.util.Objects;

/**
 * A brand or product phrase searched for in contract descriptions.
 *
 * @param phrase          the phrase in any script, e.g. "Kaspersky Endpoint Security" or "海康威视"
 * @param ambiguousAlone  {@code true} when the phrase is too common to flag on its own (e.g. "Unicom", "Threat
 *                        Intelligence"): it is reported only when an unambiguous term of the same family occurs in
 *                        the same text
 * @param covered         {@code false} for products that the rule explicitly leaves out (BOD 17-01 does not cover
 *                        Kaspersky Threat Intelligence or Security Training); such hits are still reported so a
 *                        reviewer can see why a row was not flagged
 * @param reason          why the term is not covered; {@code null} or empty for covered terms
 */
public record BrandTerm(String phrase, boolean ambiguousAlone, boolean covered, String reason) {

	/** Validates the phrase. */
	public BrandTerm {
		Objects.requireNonNull(phrase, "phrase");
		if (phrase.isBlank()) {
			throw new IllegalArgumentException("blank brand term");
		}
		phrase = phrase.strip();
		reason = reason == null ? "" : reason.strip();
	}

	/**
	 * A covered, unambiguous term.
	 *
	 * @param phrase the phrase
	 * @return the term
	 */
	public static BrandTerm of(String phrase) {
		return new BrandTerm(phrase, false, true, "");
	}
}
