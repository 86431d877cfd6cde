/**
 * Tests of the review-to-order bridge on small reviews built in code ({@code ReviewFixture}): deadlines in
 * calendar and business days, one order per department, decisions and sections, totals, stable numbering,
 * drafts updated and issued orders revised, audited and undoable status steps, and rendered PDFs read back with
 * PDFBox.
 */
package procurement.review.core.orders.review.tests;
