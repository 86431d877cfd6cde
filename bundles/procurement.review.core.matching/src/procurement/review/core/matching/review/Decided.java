package procurement.review.core.matching.review;

import java.util.HashMap;
import java.util.Map;

import procurement.review.model.Decision;
import procurement.review.model.DecisionState;
import procurement.review.model.ReviewProject;

/** Decisions of a review by match key and by identity (the latest one of an identity). */
final class Decided {
	final Map<String, Decision> byKey = new HashMap<>();
	final Map<String, Decision> byIdentity = new HashMap<>();

	Decided(ReviewProject review) {
		for (Decision d : review.getDecisions()) {
			if (d.getMatchKey() != null) {
				byKey.put(d.getMatchKey(), d);
			}
			String identity = d.getMatch() != null && d.getMatch().getKind() != null
					? MatchKeys.identity(d.getMatch()) : identityOfKey(d.getMatchKey());
			if (identity != null) {
				Decision old = byIdentity.get(identity);
				if (old == null || old.getTime() == null
						|| d.getTime() != null && !d.getTime().isBefore(old.getTime())) {
					byIdentity.put(identity, d);
				}
			}
		}
	}

	/**
	 * @param key      a match key
	 * @param identity its identity
	 * @return the state of the decision on the key, else on the identity, or null when undecided
	 */
	DecisionState state(String key, String identity) {
		Decision d = byKey.get(key);
		if (d == null) {
			d = byIdentity.get(identity);
		}
		return d == null ? null : d.getState();
	}

	/**
	 * @param key a match key
	 * @return its identity (the key without the rule part), or null when it is not a match key
	 */
	static String identityOfKey(String key) {
		if (key == null) {
			return null;
		}
		String[] p = key.split("\\|", -1);
		if (p.length < 4) {
			return null;
		}
		StringBuilder sb = new StringBuilder(p[0]).append('|').append(p[1]);
		for (int i = 3; i < p.length; i++) {
			sb.append('|').append(p[i]);
		}
		return sb.toString();
	}
}
