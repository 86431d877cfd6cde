/**
 * The benchmarks, in a bundle of their own so that no shipped bundle carries them. {@link BenchCommand} adds
 * {@code bench} to the command line ({@code ./procurement-review bench}): it generates realistic synthetic
 * contracting reports (XLSX and CSV) and measures, in one run and side by side, the importer against the bare cost
 * of reading the same bytes ({@link StaxFloor}, a plain line read), the content digest the import's audit entry
 * records, then tagging and order rendering on the imported review. {@link ReadBenchmark}, run by hand, compares
 * the reading layer alone against its floors with either StAX parser.
 * <p>
 * The generator and the measurements live apart from the importer on purpose: the numbers must describe the
 * shipped code path, not a copy tuned for the benchmark.
 */
package procurement.review.bench;
