/**
 * The DOCX and XLSX renderers, built on Apache POI. All POI code of the bundle lives here, and every text
 * value written goes through {@link procurement.review.core.orders.FormulaGuard}.
 */
package procurement.review.core.orders.internal.office;
