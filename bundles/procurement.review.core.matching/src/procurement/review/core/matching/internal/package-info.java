/**
 * Implementation details of the matching engine (token tables, indexes, alignment). Not API: may
 * change without notice.
 */
package procurement.review.core.matching.internal;
