package procurement.review.core.matching.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import procurement.review.core.matching.DescriptionHit;
import procurement.review.core.matching.NameHit;
import procurement.review.core.matching.WatchEntity;
import procurement.review.core.matching.Watchlist;
import procurement.review.core.matching.review.ActionTally.ActionHits;
import procurement.review.core.matching.review.ReviewMatcher.Hit;
import procurement.review.model.ContractAction;
import procurement.review.model.CoveredEntity;
import procurement.review.model.DecisionState;
import procurement.review.model.MatchKind;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.Vendor;
import procurement.review.rules.RuleConventions;

/**
 * The rules of the matcher's rule sets by the family they cover, with the engine's members by id, and the building
 * of hits from them: every engine hit becomes one {@link Hit} per rule covering its family, with the rule's risk
 * (capped for a purpose-limited rule or a dated affiliate link the vendor's actions leave), its key, the decision it
 * has or inherits, and an explanation; a family no rule covers makes one hit without rule.
 */
final class RuleIndex {

	private static final int MAX_PARENT_DEPTH = 8;

	/** A rule covering a family, as seen from the rule sets given to the matcher. */
	private record RuleRef(Rule rule, CoveredEntity entity, Set<String> excluded) {
	}

	private final Set<String> highRisk;
	private final Map<String, List<RuleRef>> rulesByFamily = new HashMap<>();
	private final Map<String, CoveredEntity> entityByFamily = new HashMap<>();
	private final Map<String, WatchEntity> members = new HashMap<>();

	/**
	 * @param ruleSets  the rule sets; earlier ones win where families are defined twice
	 * @param watchlist the engine watch list built from them
	 * @param highRisk  ISO alpha-3 codes whose origin makes a hit without rule ELEVATED
	 */
	RuleIndex(List<RuleSet> ruleSets, Watchlist watchlist, Set<String> highRisk) {
		this.highRisk = highRisk;
		for (WatchEntity e : watchlist.entities()) {
			members.put(e.id(), e);
		}
		for (RuleSet set : ruleSets) {
			for (CoveredEntity e : set.getEntities()) {
				entityByFamily.putIfAbsent(e.getId(), e);
			}
			for (Rule r : set.getRules()) {
				Set<String> excluded = new HashSet<>();
				for (String t : r.getExcludedTerms()) {
					excluded.add(RuleConventions.termText(t).toLowerCase(Locale.ROOT));
				}
				for (CoveredEntity e : r.getCovered()) {
					rulesByFamily.computeIfAbsent(e.getId(), k -> new ArrayList<>())
							.add(new RuleRef(r, e, Set.copyOf(excluded)));
				}
			}
		}
	}

	/**
	 * @param h a name hit, or null
	 * @return true when the hit's link to its family holds only between dates
	 */
	boolean isDated(NameHit h) {
		if (h == null) {
			return false;
		}
		WatchEntity e = members.get(h.entityId());
		return e != null && (e.attributes().containsKey(RuleSetWatchlist.VALID_FROM)
				|| e.attributes().containsKey(RuleSetWatchlist.VALID_TO));
	}

	/**
	 * @param vendors         the vendors of the run, counted
	 * @param descriptionHits the description hits of the actions
	 * @param decided         the review's decisions
	 * @return the hits, keyed and deduplicated: the vendors' in vendor order, then the descriptions' in action order
	 */
	List<Hit> hits(VendorStates vendors, List<ActionHits> descriptionHits, Decided decided) {
		Map<String, Hit> hits = new LinkedHashMap<>();
		for (VendorState s : vendors.byIndex) {
			vendorHits(s, vendors, decided, hits);
		}
		for (ActionHits ah : descriptionHits) {
			descriptionHits(ah, decided, hits);
		}
		return List.copyOf(hits.values());
	}

	private void vendorHits(VendorState s, VendorStates states, Decided decided, Map<String, Hit> out) {
		Set<String> families = new HashSet<>(2);
		if (s.own != null) {
			families.add(s.own.familyId());
			MatchKind kind = s.ownById ? MatchKind.IDENTIFIER : MatchKind.NAME;
			String text = s.ownById ? identifierText(s.own) : s.vendor.getName();
			addVendorHits(s, s.own, kind, (s.ownById ? "identifier: " : "name: ") + s.own.explanation(), text,
					decided, out);
		}
		Vendor p = s.vendor.getParent();
		for (int depth = 0; p != null && p != s.vendor && depth < MAX_PARENT_DEPTH; depth++, p = p.getParent()) {
			VendorState ps = states.state(p);
			if (ps.own != null && families.add(ps.own.familyId())) {
				addVendorHits(s, ps.own, MatchKind.PARENT, "parent " + (depth == 0 ? "" : "(level " + (depth + 1)
						+ ") ") + p.getName() + " [" + MatchKeys.vendorKey(p) + "] is " + ps.own.familyId()
						+ ": " + ps.own.explanation(), p.getName(), decided, out);
			}
		}
	}

	private static String identifierText(NameHit h) {
		// the engine explains identifier hits as "UEI ZZTEST000001 matches ..."
		String[] w = h.explanation().split(" ", 3);
		return w.length >= 2 ? w[0] + " " + w[1] : h.explanation();
	}

	private void addVendorHits(VendorState s, NameHit h, MatchKind kind, String explanation, String matchedText,
			Decided decided, Map<String, Hit> out) {
		String family = h.familyId();
		String vendorKey = MatchKeys.vendorKey(s.vendor);
		String identity = MatchKeys.identity(vendorKey, family, kind, null);
		DecisionState state = null;
		String member = memberNote(h.entityId());
		String validity = validityNote(h.entityId(), s);
		List<RuleRef> refs = rulesByFamily.get(family);
		if (refs == null || refs.isEmpty()) {
			CoveredEntity e = entityByFamily.get(family);
			if (e == null) {
				return;
			}
			String key = MatchKeys.key(vendorKey, family, null, kind, null);
			state = decided.state(key, identity);
			out.putIfAbsent(key, new Hit(key, identity, s.vendor, null, e, null, kind, h.score(), noRuleRisk(e),
					explanation + member + "; no rule covers " + family + noRuleNote(e), matchedText, state));
			return;
		}
		for (RuleRef r : refs) {
			String key = MatchKeys.key(vendorKey, family, r.rule().getId(), kind, null);
			RiskLevel risk = riskOf(r.rule());
			if (validity != null && risk.getValue() > RiskLevel.NEEDS_REVIEW_VALUE) {
				risk = RiskLevel.NEEDS_REVIEW;
			}
			state = decided.state(key, identity);
			out.putIfAbsent(key, new Hit(key, identity, s.vendor, null, r.entity(), r.rule(), kind, h.score(), risk,
					explanation + member + (validity == null ? "" : validity) + ruleNote(r.rule()), matchedText,
					state));
		}
	}

	private void descriptionHits(ActionHits ah, Decided decided, Map<String, Hit> out) {
		ContractAction a = ah.action();
		Vendor v = a.getVendor();
		String vendorKey = MatchKeys.vendorKey(v);
		String txn = MatchKeys.transactionKey(a);
		Map<String, List<DescriptionHit>> byFamily = new LinkedHashMap<>();
		for (DescriptionHit h : ah.hits()) {
			byFamily.computeIfAbsent(h.familyId(), k -> new ArrayList<>(2)).add(h);
		}
		for (var en : byFamily.entrySet()) {
			String family = en.getKey();
			String identity = MatchKeys.identity(vendorKey, family, MatchKind.DESCRIPTION, txn);
			List<RuleRef> refs = rulesByFamily.get(family);
			if (refs == null || refs.isEmpty()) {
				CoveredEntity e = entityByFamily.get(family);
				List<DescriptionHit> covered = en.getValue().stream().filter(DescriptionHit::covered).toList();
				if (e == null || covered.isEmpty()) {
					continue;
				}
				String key = MatchKeys.key(vendorKey, family, null, MatchKind.DESCRIPTION, txn);
				out.putIfAbsent(key, new Hit(key, identity, v, a, e, null, MatchKind.DESCRIPTION, 1.0,
						noRuleRisk(e), describe(txn, covered) + "; no rule covers " + family + noRuleNote(e),
						covered.get(0).phrase(), decided.state(key, identity)));
				continue;
			}
			for (RuleRef r : refs) {
				List<DescriptionHit> relevant = new ArrayList<>(en.getValue().size());
				for (DescriptionHit h : en.getValue()) {
					// a term this rule excludes says nothing under this rule; one excluded elsewhere still names
					// the family here ("Kaspersky Threat Intelligence" under NDAA18-1634)
					if (!r.excluded().contains(h.term().toLowerCase(Locale.ROOT))) {
						relevant.add(h);
					}
				}
				if (relevant.isEmpty()) {
					continue;
				}
				String key = MatchKeys.key(vendorKey, family, r.rule().getId(), MatchKind.DESCRIPTION, txn);
				out.putIfAbsent(key, new Hit(key, identity, v, a, r.entity(), r.rule(), MatchKind.DESCRIPTION, 1.0,
						riskOf(r.rule()), describe(txn, relevant) + ruleNote(r.rule()), relevant.get(0).phrase(),
						decided.state(key, identity)));
			}
		}
	}

	private static String describe(String txn, List<DescriptionHit> hits) {
		StringBuilder sb = new StringBuilder("description of ").append(txn).append(": ");
		for (int i = 0; i < hits.size(); i++) {
			sb.append(i == 0 ? "" : "; ").append(hits.get(i).explanation());
		}
		return sb.toString();
	}

	private static RiskLevel riskOf(Rule r) {
		RiskLevel level = r.getRiskLevel() == null ? RiskLevel.NONE : r.getRiskLevel();
		if (r.isPurposeLimited() && level.getValue() > RiskLevel.NEEDS_REVIEW_VALUE) {
			return RiskLevel.NEEDS_REVIEW;
		}
		return level;
	}

	private RiskLevel noRuleRisk(CoveredEntity e) {
		return isHighRisk(Countries.normalise(e.getCountry())) ? RiskLevel.ELEVATED : RiskLevel.NONE;
	}

	private String noRuleNote(CoveredEntity e) {
		String c = Countries.normalise(e.getCountry());
		return c == null ? "" : isHighRisk(c) ? "; high-risk country " + c : "; country " + c;
	}

	/** A family without a country has no high-risk origin; and the set (a {@code Set.of}) throws on null. */
	private boolean isHighRisk(String country) {
		return country != null && highRisk.contains(country);
	}

	private static String ruleNote(Rule r) {
		return "; rule " + r.getId() + (r.getCitation() == null ? "" : " (" + r.getCitation() + ")")
				+ (r.isPurposeLimited() ? "; coverage depends on the purpose: needs review" : "");
	}

	private String memberNote(String memberId) {
		WatchEntity e = members.get(memberId);
		if (e == null || e.id().equals(e.familyId())) {
			return "";
		}
		String src = e.attributes().getOrDefault(RuleSetWatchlist.SOURCE, "");
		return "; member " + e.id() + " (" + e.displayName() + ", "
				+ e.attributes().getOrDefault(RuleSetWatchlist.RELATION, "affiliate")
				+ (src.isEmpty() ? "" : "; " + src) + ")";
	}

	/** @return null when the link is undated or every dated action of the vendor falls within it, else a note */
	private String validityNote(String memberId, VendorState s) {
		WatchEntity e = members.get(memberId);
		if (e == null) {
			return null;
		}
		String from = e.attributes().get(RuleSetWatchlist.VALID_FROM);
		String to = e.attributes().get(RuleSetWatchlist.VALID_TO);
		if (from == null && to == null) {
			return null;
		}
		boolean inside = s.minDate != null && s.undated == 0
				&& (from == null || !s.minDate.isBefore(LocalDate.parse(from)))
				&& (to == null || !s.maxDate.isAfter(LocalDate.parse(to)));
		if (inside) {
			return null;
		}
		return "; link to " + e.familyId() + " holds " + (from == null ? "" : from) + ".." + (to == null ? "" : to)
				+ " but the vendor's actions " + (s.minDate == null ? "have no dates"
						: "run " + s.minDate + ".." + s.maxDate + (s.undated > 0 ? " (" + s.undated + " undated)" : ""))
				+ ": needs review";
	}
}
