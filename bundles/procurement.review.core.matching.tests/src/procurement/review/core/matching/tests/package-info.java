/**
 * Tests of the matching engine, run with the fragment directory as working directory so that fixtures resolve as
 * {@code data/...}.
 */
package procurement.review.core.matching.tests;
