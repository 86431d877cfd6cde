/**
 * Model-independent reading layer of the contracting-report importer.
 * <p>
 * {@link procurement.review.core.importer.TableReaders#open(java.nio.file.Path)} recognises a file by its content
 * (CSV, XLSX, XLS, an FPDS ATOM feed or an HTML page of tables) and streams its rows, as strings, to a
 * {@link procurement.review.core.importer.TableHandler}. {@link procurement.review.core.importer.ColumnMapping}
 * recognises which contract field sits in which column across the USAspending and FPDS generations,
 * {@link procurement.review.core.importer.TableStartDetector} finds the row where a sheet's table starts (for the
 * importer and the import wizard's preview alike), and
 * {@link procurement.review.core.importer.Values} turns cell text into dates, amounts, flags and code/name pairs.
 * Nothing here depends on EMF, OSGi or a spreadsheet library, so the same code runs in a plain JVM.
 */
package procurement.review.core.importer;
