/**
 * The exclusion rules as data: the built-in rule set shipped with the workbench
 * ({@link procurement.review.rules.BuiltinRules}), rule sets made from a reviewer's watch-list CSV
 * ({@link procurement.review.rules.RuleSets}), and the documented conventions
 * ({@link procurement.review.rules.RuleConventions}) by which a rule set carries matching hints that the review model
 * has no attribute for (strict names, synonyms, ambiguous terms).
 * <p>
 * Rules are data rather than code because every citation, date and alias must stay reviewable and editable as the
 * law and corporate ownership change; the engine only interprets them.
 */
package procurement.review.rules;
