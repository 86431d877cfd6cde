/**
 * The column table: every known header spelling of every report generation, with the canonical field it holds.
 * The table ({@code columns.tsv} next to this package's classes) is generated from the official USAspending
 * crosswalk by a tool in the test fragment; do not edit it by hand.
 */
package procurement.review.core.importer.internal.columns;
