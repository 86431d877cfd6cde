/**
 * Removal orders: the neutral, model-independent structure of one removal order per department
 * ({@link procurement.review.core.orders.OrderDocument}), deadline arithmetic in calendar and business
 * days ({@link procurement.review.core.orders.BusinessCalendar},
 * {@link procurement.review.core.orders.Deadlines}), and renderers that turn orders into PDF memoranda,
 * editable DOCX plans and XLSX lists of affected actions
 * ({@link procurement.review.core.orders.OrderRenderer}, {@link procurement.review.core.orders.OrderBatch}).
 * <p>
 * Nothing in this package exposes PDFBox or POI types: callers (the EMF adapter, the CLI, Spark jobs) only
 * see plain Java records, so the rendering libraries can change without touching them.
 */
package procurement.review.core.orders;
