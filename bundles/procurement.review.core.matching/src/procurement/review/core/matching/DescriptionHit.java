package procurement.review.core.matching;

/**
 * A brand or product term found in a contract description.
 *
 * @param entityId    member id of the entity whose term matched
 * @param familyId    corporate family id
 * @param term        the term as configured, e.g. "Kaspersky Endpoint Security"
 * @param phrase      the matched text exactly as it appears in the description
 * @param start       start offset in the description (UTF-16 index, inclusive), for highlighting
 * @param end         end offset (exclusive)
 * @param covered     {@code false} when the product is explicitly not covered (an exclusion)
 * @param reason      why it is not covered; empty for covered terms
 * @param explanation human-readable summary
 */
public record DescriptionHit(String entityId, String familyId, String term, String phrase, int start, int end,
		boolean covered, String reason, String explanation) {
}
