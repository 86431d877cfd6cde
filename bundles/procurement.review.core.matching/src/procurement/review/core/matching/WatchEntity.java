package procurement.review.core.matching;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One covered entity, or one member (subsidiary, affiliate, brand owner) of a covered corporate family.
 *
 * @param id           unique member id, e.g. "KASPERSKY-LAB-INC"
 * @param familyId     id of the corporate family the rule covers, e.g. "KASPERSKY"
 * @param displayName  name shown to reviewers
 * @param names        names and aliases in any script (Latin, Cyrillic, Chinese); each must contain at least one
 *                     distinctive word, or it is treated like a strict name
 * @param strictNames  names made only of common words ("China Unicom", "ComNet (USA)") that match only when every
 *                     word is present exactly; keeps "UNICOM GOVERNMENT INC" from hitting China Unicom
 * @param country      ISO 3166 alpha-3 country code such as RUS or CHN, or empty when unknown
 * @param identifiers  registry identifiers, never {@code null}
 * @param brandTerms   brand and product terms for the description scan
 * @param attributes   free-form provenance such as "relation", "source", "rule", "risk"; never {@code null}
 */
public record WatchEntity(String id, String familyId, String displayName, List<String> names,
		List<String> strictNames, String country, EntityIdentifiers identifiers, List<BrandTerm> brandTerms,
		Map<String, String> attributes) {

	/** Validates and copies the collections so the record is immutable. */
	public WatchEntity {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(familyId, "familyId");
		displayName = displayName == null || displayName.isBlank() ? id : displayName;
		names = List.copyOf(names == null ? List.of() : names);
		strictNames = List.copyOf(strictNames == null ? List.of() : strictNames);
		country = country == null ? "" : country.strip();
		identifiers = identifiers == null ? EntityIdentifiers.NONE : identifiers;
		brandTerms = List.copyOf(brandTerms == null ? List.of() : brandTerms);
		attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
	}
}
