package procurement.review.core.matching.internal;

import java.util.List;
import java.util.Set;

/**
 * An alias of a watched entity, normalised once when the matcher is built.
 *
 * @param entityIndex index of the entity in the watch list
 * @param aliasText   the alias as written in the watch list, for explanations
 * @param tokens      content words
 * @param legalForms  standardised legal forms of the alias
 * @param strict      all words must match exactly (alias made of common words only)
 * @param weightSum   sum of token weights
 */
public record CompiledAlias(int entityIndex, String aliasText, List<AliasToken> tokens, Set<String> legalForms,
		boolean strict, double weightSum) {
}
