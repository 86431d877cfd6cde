/**
 * The PDF renderer, built on Apache PDFBox. All PDFBox code of the bundle lives here.
 */
package procurement.review.core.orders.internal.pdf;
