/**
 * The only package that uses Apache POI: streaming reading of old binary (BIFF8) workbooks with the HSSF event
 * API, and recognition of other OLE2 files (password-protected XLSX, Word documents).
 */
package procurement.review.core.importer.internal.poi;
