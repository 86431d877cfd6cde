/**
 * Benchmarks of the reading layer, run by hand (not part of the test run): {@link ReadBenchmark}.
 */
package procurement.review.core.importer.bench;
