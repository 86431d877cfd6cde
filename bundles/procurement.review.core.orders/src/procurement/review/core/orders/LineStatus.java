package procurement.review.core.orders;

/**
 * Where a hit line stands in the reviewer's decision, which decides the section of the order it goes to.
 */
public enum LineStatus {
	/** The reviewer decided the vendor is the covered entity ("same"). Listed as an affected action. */
	CONFIRMED,
	/** A strong match no reviewer has decided yet. Listed as an affected action, marked as unreviewed. */
	UNREVIEWED,
	/** The reviewer was unsure. Listed in the separate "to be confirmed" section, not in the totals. */
	UNSURE,
	/**
	 * Bought before the rule applied to it (a purchase rule's effective date, or a list entry's date): no breach of
	 * the rule, listed in its own section with its own total, not in the order's actions or totals.
	 */
	BEFORE_EFFECTIVE,
	/** The reviewer recorded an exception of the rule for it. Listed apart, not in the totals. */
	EXCEPTED;

	/**
	 * Tells whether lines of this status are counted as affected actions and in the totals.
	 *
	 * @return true for {@link #CONFIRMED} and {@link #UNREVIEWED}
	 */
	public boolean isAffected() {
		return this == CONFIRMED || this == UNREVIEWED;
	}
}
