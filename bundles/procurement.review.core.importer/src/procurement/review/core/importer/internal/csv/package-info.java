/**
 * CSV reading: encoding and delimiter detection, and parsing with FastCSV.
 */
package procurement.review.core.importer.internal.csv;
