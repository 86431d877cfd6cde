package procurement.review.core.matching.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import procurement.review.core.matching.BrandTerm;
import procurement.review.core.matching.EntityIdentifiers;
import procurement.review.core.matching.WatchEntity;
import procurement.review.core.matching.Watchlist;
import procurement.review.model.Affiliation;
import procurement.review.model.Alias;
import procurement.review.model.CoveredEntity;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.rules.RuleConventions;

/**
 * Adapts rule sets into the engine's {@link Watchlist}.
 * <p>
 * Each covered family becomes a root watch entity whose id is the family id (KASPERSKY, HUAWEI ...), so hits name
 * the family the rules cover; each affiliate becomes a member entity with its own id and the family as
 * {@link WatchEntity#familyId()}, keeping its country, relation, evidence and validity dates as attributes. A family
 * that several rule sets define (the built-in set and a reviewer's CSV joining HUAWEI) is merged: names, terms and
 * affiliates are added, the first set's display name and country are kept.
 * <p>
 * The hints of {@link RuleConventions} are decoded here: strict aliases become strict names, synonym aliases feed
 * the synonym table, '~' marks ambiguous terms, and every rule's excluded terms become not-covered brand terms of the
 * families it covers, so that "Kaspersky Threat Intelligence" is found as the longer, excluded term rather than as
 * "Kaspersky".
 * <p>
 * A family's false contexts ({@link CoveredEntity#getFalseContexts()}) become {@link Watchlist#falseContexts()}.
 */
public final class RuleSetWatchlist {

	/** Attribute: relation of the member to its family ("root", "subsidiary" ...). */
	public static final String RELATION = "relation";
	/** Attribute: source or evidence of the member. */
	public static final String SOURCE = "source";
	/** Attribute: first day the affiliate link holds (ISO date), when known. */
	public static final String VALID_FROM = "validFrom";
	/** Attribute: last day the affiliate link holds (ISO date), when known. */
	public static final String VALID_TO = "validTo";
	/** Attribute: id of the rule set that defined the member. */
	public static final String RULE_SET = "ruleSet";

	private RuleSetWatchlist() {
	}

	/**
	 * @param ruleSets rule sets, earlier ones win where they disagree
	 * @return the watch list
	 */
	public static Watchlist of(RuleSet... ruleSets) {
		return of(List.of(ruleSets));
	}

	/**
	 * @param ruleSets rule sets, earlier ones win where they disagree
	 * @return the watch list
	 */
	public static Watchlist of(Collection<RuleSet> ruleSets) {
		Map<String, FamilyBuilder> families = new LinkedHashMap<>();
		Map<String, String> synonyms = new LinkedHashMap<>();
		for (RuleSet set : ruleSets) {
			for (CoveredEntity e : set.getEntities()) {
				families.computeIfAbsent(e.getId(), id -> new FamilyBuilder(e, set.getId())).add(e, synonyms);
			}
		}
		for (RuleSet set : ruleSets) {
			for (Rule r : set.getRules()) {
				String reason = "not covered by " + r.getId()
						+ (r.getCitation() == null || r.getCitation().isBlank() ? "" : " (" + r.getCitation() + ")")
						+ "; other rules covering the family may still apply";
				for (CoveredEntity e : r.getCovered()) {
					FamilyBuilder f = families.get(e.getId());
					if (f == null) {
						// a rule may name an entity of another rule set that was not passed in: it is then unknown
						continue;
					}
					for (String t : r.getExcludedTerms()) {
						f.exclude(t, reason);
					}
				}
			}
		}
		List<WatchEntity> entities = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		Map<String, List<String>> falseContexts = new LinkedHashMap<>();
		for (FamilyBuilder f : families.values()) {
			f.build(entities, ids);
			if (!f.falseContexts.isEmpty()) {
				falseContexts.put(f.id, List.copyOf(f.falseContexts));
			}
		}
		return new Watchlist(entities, synonyms, Map.of(), falseContexts);
	}

	/** Collects one family across rule sets. */
	private static final class FamilyBuilder {
		final String id;
		final String displayName;
		final String country;
		final String source;
		final String ruleSet;
		final Set<String> names = new LinkedHashSet<>();
		final Set<String> strict = new LinkedHashSet<>();
		final Map<String, BrandTerm> terms = new LinkedHashMap<>();
		final Map<String, BrandTerm> excluded = new LinkedHashMap<>();
		final Set<String> uei = new LinkedHashSet<>();
		final Set<String> duns = new LinkedHashSet<>();
		final Set<String> cage = new LinkedHashSet<>();
		final Map<String, Affiliation> affiliates = new LinkedHashMap<>();
		final Set<String> falseContexts = new LinkedHashSet<>();

		FamilyBuilder(CoveredEntity e, String ruleSet) {
			this.id = e.getId();
			this.displayName = e.getName();
			this.country = e.getCountry();
			this.source = e.getSource();
			this.ruleSet = ruleSet;
		}

		void add(CoveredEntity e, Map<String, String> synonyms) {
			boolean nameListed = false;
			for (Alias a : e.getAliases()) {
				if (a.getName() == null || a.getName().isBlank()) {
					continue;
				}
				var syn = RuleConventions.synonymOf(a);
				if (syn.isPresent()) {
					synonyms.put(a.getName().strip(), syn.get());
					continue;
				}
				nameListed |= a.getName().equals(e.getName());
				(RuleConventions.isStrict(a) ? strict : names).add(a.getName().strip());
			}
			if (!nameListed && e.getName() != null && !e.getName().isBlank()) {
				names.add(e.getName().strip());
			}
			for (String t : e.getBrandTerms()) {
				String text = RuleConventions.termText(t);
				if (!text.isEmpty()) {
					terms.putIfAbsent(text.toLowerCase(Locale.ROOT),
							new BrandTerm(text, RuleConventions.isAmbiguous(t), true, ""));
				}
			}
			for (String c : e.getFalseContexts()) {
				if (c != null && !c.isBlank()) {
					falseContexts.add(c.strip());
				}
			}
			uei.addAll(e.getUei());
			duns.addAll(e.getDuns());
			cage.addAll(e.getCage());
			for (Affiliation a : e.getAffiliates()) {
				affiliates.putIfAbsent(a.getId() == null || a.getId().isBlank() ? id + "/" + a.getName() : a.getId(),
						a);
			}
		}

		void exclude(String term, String reason) {
			String text = RuleConventions.termText(term);
			if (text.isEmpty()) {
				return;
			}
			String k = text.toLowerCase(Locale.ROOT);
			BrandTerm old = excluded.get(k);
			String r = old == null ? reason : old.reason() + " | " + reason;
			excluded.put(k, new BrandTerm(text, RuleConventions.isAmbiguous(term), false, r));
		}

		void build(List<WatchEntity> out, Set<String> ids) {
			List<BrandTerm> all = new ArrayList<>(terms.values());
			for (var en : excluded.entrySet()) {
				// an explicit brand term of the family wins over an exclusion with the same text
				if (!terms.containsKey(en.getKey())) {
					all.add(en.getValue());
				}
			}
			List<String> u = List.copyOf(uei);
			List<String> d = List.copyOf(duns);
			List<String> c = List.copyOf(cage);
			Map<String, String> attrs = attrs("root", source, null, null);
			ids.add(id);
			out.add(new WatchEntity(id, id, displayName, List.copyOf(names), List.copyOf(strict), country,
					new EntityIdentifiers(at(u, 0), at(d, 0), at(c, 0)), all, attrs));
			// the engine keeps one identifier of each kind per entity: further ones ride on name-less members
			for (int i = 1; i < Math.max(u.size(), Math.max(d.size(), c.size())); i++) {
				String mid = unique(ids, id + "#ID" + (i + 1));
				out.add(new WatchEntity(mid, id, displayName, List.of(), List.of(), country,
						new EntityIdentifiers(at(u, i), at(d, i), at(c, i)), List.of(), attrs));
			}
			for (var en : affiliates.entrySet()) {
				Affiliation a = en.getValue();
				List<String> n = new ArrayList<>();
				List<String> s = new ArrayList<>();
				boolean listed = false;
				for (String alias : a.getAliases()) {
					String text = RuleConventions.affiliateAliasText(alias);
					if (text.isEmpty()) {
						continue;
					}
					listed |= text.equals(a.getName());
					(RuleConventions.isStrictAffiliateAlias(alias) ? s : n).add(text);
				}
				if (!listed && a.getName() != null && !a.getName().isBlank()) {
					n.add(a.getName().strip());
				}
				String mid = unique(ids, en.getKey());
				out.add(new WatchEntity(mid, id, a.getName(), n, s, a.getCountry(), EntityIdentifiers.NONE, List.of(),
						attrs(a.getRelation() == null ? "affiliate" : a.getRelation().getLiteral().toLowerCase(
								Locale.ROOT), a.getEvidence(), a.getValidFrom(), a.getValidTo())));
			}
		}

		private Map<String, String> attrs(String relation, String src, Object from, Object to) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put(RELATION, relation);
			m.put(RULE_SET, ruleSet == null ? "" : ruleSet);
			if (src != null && !src.isBlank()) {
				m.put(SOURCE, src);
			}
			if (from != null) {
				m.put(VALID_FROM, from.toString());
			}
			if (to != null) {
				m.put(VALID_TO, to.toString());
			}
			return m;
		}

		private static String at(List<String> l, int i) {
			return i < l.size() ? l.get(i) : null;
		}

		private static String unique(Set<String> ids, String wanted) {
			String id = wanted;
			for (int n = 2; !ids.add(id); n++) {
				id = wanted + "-" + n;
			}
			return id;
		}
	}
}
