/**
 * The {@code bench} command: generates realistic synthetic contracting reports (XLSX and CSV) and measures, in
 * one run and side by side, the importer against the bare cost of reading the same bytes, then tagging and
 * order rendering on the imported review.
 * <p>
 * The generator and the measurements live apart from the importer on purpose: the numbers must describe the
 * shipped code path, not a copy tuned for the benchmark.
 */
package procurement.review.cli.bench;
