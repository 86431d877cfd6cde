/**
 * Tests of the engine-to-review bridge. Tagging speed is measured by {@code ./procurement-review bench}, not here.
 */
package procurement.review.core.matching.review;
