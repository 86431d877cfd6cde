/**
 * Tests of the engine-to-review bridge, and the tagging benchmark ({@code ReviewMatcherBenchmark}, run by hand).
 */
package procurement.review.core.matching.review;
