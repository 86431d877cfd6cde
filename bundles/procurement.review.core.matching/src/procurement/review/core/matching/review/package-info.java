/**
 * The bridge between the model-independent matching engine and a review: turns rule sets into an engine
 * {@link procurement.review.core.matching.Watchlist} ({@link procurement.review.core.matching.review.RuleSetWatchlist}),
 * matches a review's vendors and contract descriptions and tags vendors as one undoable command
 * ({@link procurement.review.core.matching.review.ReviewMatcher}), records reviewers' decisions
 * ({@link procurement.review.core.matching.review.Decisions}) and implements the command-line {@code match} format
 * ({@link procurement.review.core.matching.review.MatchLines}).
 * <p>
 * Kept apart from the engine packages so that the engine stays free of EMF and can be tested and benchmarked on
 * its own.
 */
package procurement.review.core.matching.review;
