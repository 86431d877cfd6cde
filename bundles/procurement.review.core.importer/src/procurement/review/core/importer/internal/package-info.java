/**
 * Implementation of the importer's reading layer: format recognition and the readers for each format. Not API:
 * the sub-packages may change without notice. Apache POI is used only in the {@code poi} sub-package, so that no
 * other class loads it and the CSV, XLSX and FPDS paths work without POI on the class path.
 */
package procurement.review.core.importer.internal;
