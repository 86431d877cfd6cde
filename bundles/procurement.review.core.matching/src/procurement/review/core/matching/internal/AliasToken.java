package procurement.review.core.matching.internal;

import procurement.review.core.matching.NameToken;
import procurement.review.core.matching.TokenClass;

/**
 * One content word of a compiled alias.
 *
 * @param text     canonical word
 * @param latin    ASCII form (differs from {@code text} for Cyrillic)
 * @param script   script
 * @param cls      word class
 * @param weight   weight on the alias side
 * @param required must be aligned for a hit
 */
public record AliasToken(String text, String latin, NameToken.Script script, TokenClass cls, double weight,
		boolean required) {
}
