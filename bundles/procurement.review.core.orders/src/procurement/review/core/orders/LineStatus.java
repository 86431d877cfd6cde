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
    UNSURE;

    /**
     * Tells whether lines of this status are counted as affected actions and in the totals.
     *
     * @return true for {@link #CONFIRMED} and {@link #UNREVIEWED}
     */
    public boolean isAffected() {
        return this != UNSURE;
    }
}
