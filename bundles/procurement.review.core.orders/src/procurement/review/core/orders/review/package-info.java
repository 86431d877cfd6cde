/**
 * Removal orders made from a review: the bridge between the EMF review model and the model-independent order
 * API of {@link procurement.review.core.orders}.
 * <p>
 * {@link procurement.review.core.orders.review.OrderGenerator} turns the hits of one rule into one
 * {@link procurement.review.model.RemovalOrder} per awarding department, as one undoable command with an
 * audit entry; re-generating updates drafts in place and revises issued orders instead of overwriting them.
 * {@link procurement.review.core.orders.review.OrderLifecycle} moves an order through its statuses,
 * {@link procurement.review.core.orders.review.DeadlineSchedule} computes deadlines from a rule's deadline
 * list, {@link procurement.review.core.orders.review.OrderDocuments} converts an order into the neutral
 * {@link procurement.review.core.orders.OrderDocument} and
 * {@link procurement.review.core.orders.review.OrderExport} renders the current orders of a rule to files.
 * <p>
 * Unlike its parent package, this package depends on the review model and on the core bundle (session, audit
 * log); the renderers stay free of both.
 */
package procurement.review.core.orders.review;
