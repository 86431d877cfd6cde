/**
 * Removal orders: the neutral, model-independent structure of one removal order per department
 * ({@link procurement.review.core.orders.OrderDocument}) with the steps its rule requires
 * ({@link procurement.review.core.orders.OrderStep}) and what the department fills in (the BOD 17-01 removal plan,
 * {@link procurement.review.core.orders.BodPlan}, or a FAR report, {@link procurement.review.core.orders.FarReport}),
 * deadline arithmetic in calendar and business days ({@link procurement.review.core.orders.BusinessCalendar}), and
 * renderers that turn orders into PDF memoranda, editable DOCX documents and XLSX lists of affected actions
 * ({@link procurement.review.core.orders.OrderRenderer}, {@link procurement.review.core.orders.OrderBatch}).
 * <p>
 * Nothing in this package exposes PDFBox or POI types: callers (the EMF adapter, the CLI, Spark jobs) only
 * see plain Java records, so the rendering libraries can change without touching them.
 */
package procurement.review.core.orders;
