/**
 * Model-independent matching engine for exclusion reviews: normalises vendor names, matches them against a
 * {@link procurement.review.core.matching.Watchlist} of covered corporate families, and scans free-text contract
 * descriptions for covered brand and product terms.
 * <p>
 * The package deliberately knows nothing about EMF or the rule model: callers adapt their rule set into
 * {@link procurement.review.core.matching.WatchEntity} records once and build a
 * {@link procurement.review.core.matching.NameMatcher} and a
 * {@link procurement.review.core.matching.DescriptionScanner} from it. Both are immutable after construction and
 * safe to share between threads.
 */
package procurement.review.core.matching;
