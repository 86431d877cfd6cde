package procurement.review.core.matching;

/**
 * A vendor name (or identifier) that matches a watched entity.
 *
 * @param entityId    member id of the watched entity
 * @param familyId    corporate family id
 * @param score       similarity in [0, 1]; 1.0 for identifier matches
 * @param explanation human-readable reason, e.g.
 *                    {@code tokens: KASPERSKY=kaspersky (exact), LAB=lab (exact, generic); legal form inc; alias "Kaspersky Lab, Inc."; score 1.000}
 */
public record NameHit(String entityId, String familyId, double score, String explanation) {
}
