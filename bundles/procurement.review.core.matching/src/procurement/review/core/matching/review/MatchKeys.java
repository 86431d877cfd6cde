package procurement.review.core.matching.review;

import procurement.review.model.ContractAction;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.Vendor;

/**
 * Stable identities of matches, so that re-running the matcher after a re-import finds the same hit again and the
 * reviewer's decision with it.
 * <p>
 * A match key is {@code vendorKey|ENTITY|RULE|KIND}, plus {@code |transactionKey} for description hits, where RULE is
 * "-" for a hit no rule covers. The <em>identity</em> of a hit leaves the rule out: "is this vendor that family?" is
 * one question whatever number of rules cover the family, so a decision is shared by the hits that differ only in
 * their rule.
 */
public final class MatchKeys {

	/** Placeholder for a missing part. */
	public static final String NONE = "-";

	private MatchKeys() {
	}

	/**
	 * @param vendor a vendor, may be null
	 * @return its stable key: {@link Vendor#getKey()}, else "name:" + its name, else {@value #NONE}
	 */
	public static String vendorKey(Vendor vendor) {
		if (vendor == null) {
			return NONE;
		}
		String k = vendor.getKey();
		if (k != null && !k.isBlank()) {
			return k;
		}
		String n = vendor.getNormalizedName() != null && !vendor.getNormalizedName().isBlank()
				? vendor.getNormalizedName() : vendor.getName();
		return n == null || n.isBlank() ? NONE : "name:" + n;
	}

	/**
	 * @param action a contract action, may be null
	 * @return its transaction key, else award key and modification, else source sheet and row
	 */
	public static String transactionKey(ContractAction action) {
		if (action == null) {
			return NONE;
		}
		if (action.getTransactionKey() != null && !action.getTransactionKey().isBlank()) {
			return action.getTransactionKey();
		}
		if (action.getAwardKey() != null && !action.getAwardKey().isBlank()) {
			return action.getAwardKey() + "#" + (action.getModification() == null ? "" : action.getModification());
		}
		return "row:" + (action.getSourceSheet() == null ? "" : action.getSourceSheet()) + ":" + action.getSourceRow();
	}

	/**
	 * @param vendorKey   the vendor key
	 * @param entityId    the covered family id
	 * @param ruleId      the rule id, or null for a hit no rule covers
	 * @param kind        the kind of hit
	 * @param transaction the transaction key for a description hit, else null
	 * @return the match key
	 */
	public static String key(String vendorKey, String entityId, String ruleId, MatchKind kind, String transaction) {
		StringBuilder sb = new StringBuilder(64).append(vendorKey).append('|').append(entityId).append('|')
				.append(ruleId == null ? NONE : ruleId).append('|').append(kind.getName());
		if (transaction != null) {
			sb.append('|').append(transaction);
		}
		return sb.toString();
	}

	/**
	 * @param vendorKey   the vendor key
	 * @param entityId    the covered family id
	 * @param kind        the kind of hit
	 * @param transaction the transaction key for a description hit, else null
	 * @return the identity shared by the hits on every rule
	 */
	public static String identity(String vendorKey, String entityId, MatchKind kind, String transaction) {
		StringBuilder sb = new StringBuilder(64).append(vendorKey).append('|').append(entityId).append('|')
				.append(kind.getName());
		if (transaction != null) {
			sb.append('|').append(transaction);
		}
		return sb.toString();
	}

	/**
	 * @param match a match
	 * @return its identity, computed from its references (so it does not depend on parsing the key)
	 */
	public static String identity(Match match) {
		String entity = match.getCoveredEntity() == null ? NONE : match.getCoveredEntity().getId();
		return identity(vendorKey(match.getVendor()), entity, match.getKind(),
				match.getKind() == MatchKind.DESCRIPTION ? transactionKey(match.getAction()) : null);
	}
}
