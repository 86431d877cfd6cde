/**
 * HTML tables saved as workbooks (".xls" pages exported by agency web applications, which Excel opens): each table
 * one sheet, parsed with the JDK's tolerant HTML parser.
 */
package procurement.review.core.importer.internal.html;
