package procurement.review.store;

/**
 * What a tagging run stored in a shared review ({@link ReviewStore#tag}).
 *
 * @param hits     the hits the matcher found
 * @param newHits  of which the store did not hold yet, now stored
 * @param tags     the tags it put on vendors
 * @param auditSeq the audit entry written
 */
public record TaggingResult(int hits, int newHits, int tags, int auditSeq) {
}
