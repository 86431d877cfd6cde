/**
 * FPDS-NG ATOM feed reading: one row per {@code <entry>}, with a fixed header row first.
 */
package procurement.review.core.importer.internal.fpds;
