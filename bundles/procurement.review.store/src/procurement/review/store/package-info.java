/**
 * Shared reviews in PostgreSQL: {@link procurement.review.store.ReviewStore} shares a review file into a database,
 * reads and decides hits with optimistic concurrency, and summarises a review with its audit chain checked;
 * {@link procurement.review.store.Schema} keeps the schema at its newest version with Flyway;
 * {@link procurement.review.store.LocalServer} runs a PostgreSQL server for one user.
 */
package procurement.review.store;
