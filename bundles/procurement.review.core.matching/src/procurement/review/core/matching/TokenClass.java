package procurement.review.core.matching;

/**
 * How much a word says about identity. Drives the token weights of {@link NameMatcher}.
 */
public enum TokenClass {
	/** A word that identifies a company (KASPERSKY, HIKVISION, ZTE); must match for a hit. */
	DISTINCTIVE,
	/** A common business word (technology, communications, group, lab); counts little. */
	GENERIC,
	/** A place word (USA, America, China, Hangzhou); counts little. */
	PLACE,
	/** A standardised legal form (inc, corp, ltd, llc, jsc); counts almost nothing. */
	LEGAL_FORM,
	/** A function word (the, of, and); counts almost nothing. */
	STOPWORD
}
