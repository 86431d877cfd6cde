/**
 * Safe StAX set-up shared by the XLSX and FPDS readers: the fastest available parser, no DTDs, no external
 * entities.
 */
package procurement.review.core.importer.internal.xml;
