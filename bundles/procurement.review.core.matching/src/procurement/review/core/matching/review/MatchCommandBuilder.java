package procurement.review.core.matching.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.review.ReviewMatcher.Hit;
import procurement.review.core.matching.review.ReviewMatcher.Outcome;
import procurement.review.core.matching.review.ReviewMatcher.Plan;
import procurement.review.core.matching.review.ReviewMatcher.TagSpec;
import procurement.review.model.CoveredEntity;
import procurement.review.model.Decision;
import procurement.review.model.Match;
import procurement.review.model.OrderItem;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.ReviewProject;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.Tag;
import procurement.review.model.TagKind;

/**
 * Turns a plan into the one command that carries it out on a review: the matcher's rule sets copied in where the
 * review does not hold them yet, matches added, updated in place by key or removed (undecided and unordered ones
 * only), decisions re-attached by key or carried over by identity, the matcher's tags replaced, and an audit entry;
 * undone together.
 */
final class MatchCommandBuilder {

	private final ReviewSession session;
	private final ReviewProject review;
	private final EditingDomain domain;
	private final CompoundCommand cc = new CompoundCommand("Match vendors and tag origin");
	private final Instant now = Instant.now();
	/** Set commands of matches, decisions and tags, in the order they are found. */
	private final List<Command> updates = new ArrayList<>();
	private Map<EObject, EObject> resolved;

	private MatchCommandBuilder(ReviewSession session) {
		this.session = session;
		this.review = session.review();
		this.domain = session.editingDomain();
	}

	/**
	 * Carries out a plan on a session as one command on its command stack.
	 *
	 * @param ruleSets the matcher's rule sets, which the plan's rules and families point into
	 * @param session  the session whose review the plan was computed for
	 * @param plan     the plan
	 * @param author   who runs it, for the audit log
	 * @return what was done
	 * @throws IllegalStateException when the command could not execute
	 */
	static Outcome apply(List<RuleSet> ruleSets, ReviewSession session, Plan plan, String author) {
		return new MatchCommandBuilder(session).run(ruleSets, plan, author);
	}

	private Outcome run(List<RuleSet> ruleSets, Plan plan, String author) {
		resolved = resolveRuleSets(ruleSets);

		Map<String, Match> existing = new HashMap<>(review.getMatches().size() * 2);
		for (Match m : review.getMatches()) {
			existing.putIfAbsent(m.getKey(), m);
		}
		Decided decided = new Decided(review);
		List<Match> added = new ArrayList<>();
		List<Decision> carried = new ArrayList<>();
		int updated = 0;
		int attached = 0;
		Set<String> seen = new HashSet<>();
		for (Hit h : plan.hits()) {
			seen.add(h.key());
			Match m = existing.get(h.key());
			Decision d = decided.byKey.get(h.key());
			if (m == null) {
				m = newMatch(h);
				added.add(m);
				Decision sibling = d == null ? decided.byIdentity.get(h.identity()) : null;
				if (sibling != null) {
					carried.add(carriedDecision(h, m, sibling));
				}
			} else {
				updated += update(m, h) ? 1 : 0;
			}
			if (d != null && d.getMatch() != m) {
				updates.add(SetCommand.create(domain, d, Literals.DECISION__MATCH, m));
				attached++;
			}
		}
		Set<Match> ordered = orderedMatches(review);
		List<Match> removed = new ArrayList<>();
		int staleKept = 0;
		for (Match m : review.getMatches()) {
			// a second match with a key already taken (left by an older version) counts as stale too
			if (!seen.contains(m.getKey()) || existing.get(m.getKey()) != m) {
				if (m.getDecision() == null && !ordered.contains(m)) {
					removed.add(m);
				} else {
					staleKept++;
				}
			}
		}

		Map<String, Tag> oldTags = new HashMap<>();
		for (Tag t : review.getTags()) {
			if (ReviewMatcher.TAG_AUTHOR.equals(t.getAuthor())) {
				String key = VendorTagger.tagKey(t.getKind(), MatchKeys.vendorKey(t.getVendor()),
						t.getKind() == TagKind.RISK && t.getRule() != null ? t.getRule().getId() : null);
				if (oldTags.putIfAbsent(key, t) != null) {
					oldTags.put(key + "#" + oldTags.size(), t);
				}
			}
		}
		List<Tag> newTags = new ArrayList<>();
		int tagsUpdated = 0;
		for (TagSpec spec : plan.tags()) {
			Tag t = oldTags.remove(spec.key());
			if (t == null) {
				newTags.add(newTag(spec));
			} else {
				tagsUpdated += update(t, spec) ? 1 : 0;
			}
		}
		List<Tag> staleTags = new ArrayList<>(oldTags.values());

		if (!added.isEmpty()) {
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__MATCHES, added));
		}
		if (!carried.isEmpty()) {
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__DECISIONS, carried));
		}
		updates.forEach(cc::append);
		if (!removed.isEmpty()) {
			cc.append(RemoveCommand.create(domain, review, Literals.REVIEW_PROJECT__MATCHES, removed));
		}
		if (!newTags.isEmpty()) {
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__TAGS, newTags));
		}
		if (!staleTags.isEmpty()) {
			cc.append(RemoveCommand.create(domain, review, Literals.REVIEW_PROJECT__TAGS, staleTags));
		}
		StringBuilder sets = new StringBuilder();
		for (RuleSet s : ruleSets) {
			sets.append(sets.isEmpty() ? "" : ", ").append(s.getId()).append(' ').append(s.getVersion());
		}
		String detail = String.format(Locale.ROOT,
				"rule sets %s; %d actions, %d vendors; matches +%d ~%d -%d (%d decided kept); decisions re-attached"
						+ " %d, carried over %d; tags +%d ~%d -%d",
				sets, plan.actions(), plan.vendors(), added.size(), updated, removed.size(), staleKept, attached,
				carried.size(), newTags.size(), tagsUpdated, staleTags.size());
		cc.append(AuditLog.append(domain, review, author, "match", detail));
		session.commandStack().execute(cc);
		if (session.commandStack().getUndoCommand() != cc) {
			throw new IllegalStateException("the matching command could not be executed: " + detail);
		}
		return new Outcome(plan, cc, added.size(), updated, removed.size(), staleKept, attached, carried.size(),
				newTags.size(), tagsUpdated, staleTags.size());
	}

	private CoveredEntity entity(Hit h) {
		return (CoveredEntity) resolved.getOrDefault(h.entity(), h.entity());
	}

	private Rule rule(Rule r) {
		return r == null ? null : (Rule) resolved.getOrDefault(r, r);
	}

	private Match newMatch(Hit h) {
		Match m = ReviewFactory.eINSTANCE.createMatch();
		m.setKey(h.key());
		m.setVendor(h.vendor());
		m.setAction(h.action());
		m.setCoveredEntity(entity(h));
		m.setRule(rule(h.rule()));
		m.setKind(h.kind());
		m.setScore(h.score());
		m.setRiskLevel(h.riskLevel());
		m.setExplanation(h.explanation());
		m.setMatchedText(h.matchedText());
		return m;
	}

	/** A new match's copy of the decision its identity has on another rule. */
	private static Decision carriedDecision(Hit h, Match m, Decision sibling) {
		// both objects are new, so linking them directly is undone by removing them
		Decision c = ReviewFactory.eINSTANCE.createDecision();
		c.setMatchKey(h.key());
		c.setState(sibling.getState());
		c.setReviewer(sibling.getReviewer());
		c.setTime(sibling.getTime());
		c.setNote("carried over from " + sibling.getMatchKey()
				+ (sibling.getNote() == null || sibling.getNote().isBlank() ? "" : ": " + sibling.getNote()));
		c.setMatch(m);
		return c;
	}

	/** @return true when the match's data changed */
	private boolean update(Match m, Hit h) {
		int before = updates.size();
		set(m, Literals.MATCH__VENDOR, m.getVendor(), h.vendor());
		set(m, Literals.MATCH__ACTION, m.getAction(), h.action());
		set(m, Literals.MATCH__COVERED_ENTITY, m.getCoveredEntity(), entity(h));
		set(m, Literals.MATCH__RULE, m.getRule(), rule(h.rule()));
		set(m, Literals.MATCH__KIND, m.getKind(), h.kind());
		set(m, Literals.MATCH__SCORE, m.getScore(), h.score());
		set(m, Literals.MATCH__RISK_LEVEL, m.getRiskLevel(), h.riskLevel());
		set(m, Literals.MATCH__EXPLANATION, m.getExplanation(), h.explanation());
		set(m, Literals.MATCH__MATCHED_TEXT, m.getMatchedText(), h.matchedText());
		return updates.size() > before;
	}

	private Tag newTag(TagSpec spec) {
		Tag t = ReviewFactory.eINSTANCE.createTag();
		t.setKind(spec.kind());
		t.setVendor(spec.vendor());
		t.setValue(spec.value());
		t.setRiskLevel(spec.riskLevel());
		t.setEvidence(spec.evidence());
		t.setRule(rule(spec.rule()));
		t.setAuthor(ReviewMatcher.TAG_AUTHOR);
		t.setTime(now);
		return t;
	}

	/** @return true when the tag's data changed (its time then changes too) */
	private boolean update(Tag t, TagSpec spec) {
		int before = updates.size();
		set(t, Literals.TAG__VENDOR, t.getVendor(), spec.vendor());
		set(t, Literals.TAG__VALUE, t.getValue(), spec.value());
		set(t, Literals.TAG__RISK_LEVEL, t.getRiskLevel(), spec.riskLevel());
		set(t, Literals.TAG__EVIDENCE, t.getEvidence(), spec.evidence());
		set(t, Literals.TAG__RULE, t.getRule(), rule(spec.rule()));
		if (updates.size() > before) {
			updates.add(SetCommand.create(domain, t, Literals.TAG__TIME, now));
			return true;
		}
		return false;
	}

	private void set(EObject owner, EStructuralFeature feature, Object old, Object value) {
		if (!Objects.equals(old, value)) {
			updates.add(SetCommand.create(domain, owner, feature, value));
		}
	}

	/**
	 * Makes the review hold the matcher's rule sets, so matches refer to rules inside the review file: a rule set the
	 * review contains is used as is, one with the same id and version stands in for it, any other is copied in (as
	 * the first part of the command).
	 *
	 * @return the map from the matcher's rules and entities to the review's
	 */
	private Map<EObject, EObject> resolveRuleSets(List<RuleSet> ruleSets) {
		Map<EObject, EObject> map = new HashMap<>();
		List<RuleSet> copies = new ArrayList<>();
		for (RuleSet s : ruleSets) {
			if (EcoreUtil.isAncestor(review, s)) {
				continue;
			}
			RuleSet same = null;
			for (RuleSet r : review.getRuleSets()) {
				if (Objects.equals(r.getId(), s.getId()) && Objects.equals(r.getVersion(), s.getVersion())) {
					same = r;
					break;
				}
			}
			if (same != null) {
				for (Rule r : s.getRules()) {
					for (Rule t : same.getRules()) {
						if (Objects.equals(r.getId(), t.getId())) {
							map.put(r, t);
						}
					}
				}
				for (CoveredEntity e : s.getEntities()) {
					for (CoveredEntity t : same.getEntities()) {
						if (Objects.equals(e.getId(), t.getId())) {
							map.put(e, t);
						}
					}
				}
				continue;
			}
			EcoreUtil.Copier copier = new EcoreUtil.Copier();
			RuleSet copy = (RuleSet) copier.copy(s);
			copier.copyReferences();
			map.putAll(copier);
			copies.add(copy);
		}
		if (!copies.isEmpty()) {
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__RULE_SETS, copies));
		}
		return map;
	}

	private static Set<Match> orderedMatches(ReviewProject review) {
		Set<Match> out = Collections.newSetFromMap(new IdentityHashMap<>());
		for (RemovalOrder o : review.getOrders()) {
			for (OrderItem i : o.getItems()) {
				if (i.getMatch() != null) {
					out.add(i.getMatch());
				}
			}
		}
		return out;
	}
}
