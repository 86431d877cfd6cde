/**
 * Lean streaming reader of the OOXML spreadsheet parts (workbook, relationships, shared strings, styles, sheets)
 * on {@code java.util.zip} and StAX, without POI: it is several times faster than POI's event API and its memory
 * does not grow with the number of rows.
 */
package procurement.review.core.importer.internal.xlsx;
