/**
 * Tests of the rule bundle, and the generator of the built-in rule set ({@code BuiltinRuleSetGenerator}), kept here
 * because it is a build-time tool that reads the engine's seed watch list from the source tree.
 */
package procurement.review.rules.tests;
