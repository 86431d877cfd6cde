/**
 * Tests of the matching engine, run with the fragment directory as working directory so that fixtures resolve as
 * {@code data/...}. Also holds the tagging benchmark ({@link procurement.review.core.matching.tests.NameMatcherBenchmark}),
 * which is a main program, not a test, so timing noise never fails a build.
 */
package procurement.review.core.matching.tests;
