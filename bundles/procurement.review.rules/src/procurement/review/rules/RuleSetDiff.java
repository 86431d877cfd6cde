package procurement.review.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import procurement.review.model.CoveredEntity;
import procurement.review.model.Deadline;
import procurement.review.model.EntryDate;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/**
 * What a newer version of a rule set adds, removes and re-dates against the one a review holds, in words a
 * reviewer checks before accepting it: rules and covered families added or removed, rules whose dates, steps,
 * coverage or exclusions changed, list entries whose dates changed.
 *
 * @param id          the rule set's id
 * @param fromVersion the version the review holds; null when it holds none of this id
 * @param fromDate    its as-of date; may be null
 * @param toVersion   the incoming version
 * @param toDate      its as-of date; may be null
 * @param added       rules and families added, e.g. "rule FCC-CL" or "family DJI (SZ DJI Technology Co., Ltd.)"
 * @param removed     rules and families removed
 * @param changed     what changed in the rules both hold, one line each, e.g. "NDAA19-889A effective 2019-08-13 ->
 *                    2019-08-14"
 */
public record RuleSetDiff(String id, String fromVersion, LocalDate fromDate, String toVersion, LocalDate toDate,
		List<String> added, List<String> removed, List<String> changed) {

	/** How old a rule set may be before the workbench and the command line warn, by default. */
	public static final int DEFAULT_MAX_AGE_DAYS = 180;

	/**
	 * Copies the lists.
	 *
	 * @param id          id
	 * @param fromVersion old version
	 * @param fromDate    old date
	 * @param toVersion   new version
	 * @param toDate      new date
	 * @param added       added
	 * @param removed     removed
	 * @param changed     changed
	 */
	public RuleSetDiff {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		changed = List.copyOf(changed);
	}

	/**
	 * Compares two versions of a rule set.
	 *
	 * @param from the version the review holds; null when it holds none
	 * @param to   the incoming version
	 * @return the differences
	 */
	public static RuleSetDiff of(RuleSet from, RuleSet to) {
		Objects.requireNonNull(to, "to");
		List<String> added = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		Map<String, Rule> oldRules = rules(from);
		Map<String, Rule> newRules = rules(to);
		Map<String, CoveredEntity> oldFamilies = families(from);
		Map<String, CoveredEntity> newFamilies = families(to);
		newRules.forEach((id, r) -> {
			Rule old = oldRules.get(id);
			if (old == null) {
				added.add("rule " + id + (r.getEffective() == null ? "" : ", effective " + r.getEffective()));
			} else {
				compare(old, r, changed);
			}
		});
		oldRules.keySet().stream().filter(id -> !newRules.containsKey(id)).forEach(id -> removed.add("rule " + id));
		newFamilies.forEach((id, e) -> {
			if (!oldFamilies.containsKey(id)) {
				added.add("family " + id + (e.getName() == null ? "" : " (" + e.getName() + ")"));
			}
		});
		oldFamilies.keySet().stream().filter(id -> !newFamilies.containsKey(id))
				.forEach(id -> removed.add("family " + id));
		newFamilies.forEach((id, e) -> {
			CoveredEntity old = oldFamilies.get(id);
			if (old != null) {
				TreeSet<String> before = names(old);
				TreeSet<String> after = names(e);
				if (!before.equals(after)) {
					changed.add("family " + id + " names " + before.size() + " -> " + after.size());
				}
			}
		});
		return new RuleSetDiff(to.getId(), from == null ? null : from.getVersion(), from == null ? null
				: from.getDate(), to.getVersion(), to.getDate(), added, removed, changed);
	}

	private static void compare(Rule a, Rule b, List<String> out) {
		String id = b.getId();
		if (!Objects.equals(a.getIssued(), b.getIssued())) {
			out.add(id + " issued " + a.getIssued() + " -> " + b.getIssued());
		}
		if (!Objects.equals(a.getEffective(), b.getEffective())) {
			out.add(id + " effective " + a.getEffective() + " -> " + b.getEffective());
		}
		if (!steps(a).equals(steps(b))) {
			out.add(id + " steps " + String.join(", ", steps(a)) + " -> " + String.join(", ", steps(b)));
		}
		Map<String, LocalDate> oldEntries = entries(a);
		entries(b).forEach((family, date) -> {
			if (!Objects.equals(oldEntries.get(family), date)) {
				out.add(id + " entry " + family + " " + (oldEntries.get(family) == null ? "added" : "dated "
						+ oldEntries.get(family) + " ->") + " " + date);
			}
		});
		TreeSet<String> oldCovered = covered(a);
		TreeSet<String> newCovered = covered(b);
		if (!oldCovered.equals(newCovered)) {
			out.add(id + " covers " + String.join(" ", oldCovered) + " -> " + String.join(" ", newCovered));
		}
		if (!new TreeSet<>(a.getExcludedTerms()).equals(new TreeSet<>(b.getExcludedTerms()))) {
			out.add(id + " exclusions " + a.getExcludedTerms().size() + " -> " + b.getExcludedTerms().size()
					+ " terms");
		}
		if (a.getRiskLevel() != b.getRiskLevel()) {
			out.add(id + " risk " + a.getRiskLevel() + " -> " + b.getRiskLevel());
		}
	}

	/**
	 * Tells whether the incoming version changes nothing a reviewer would see.
	 *
	 * @return true when nothing was added, removed or changed
	 */
	public boolean isEmpty() {
		return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
	}

	/**
	 * The differences as lines to show before accepting: a head line, then "+ ", "- " and "~ " lines.
	 *
	 * @return the lines
	 */
	public List<String> lines() {
		List<String> out = new ArrayList<>();
		out.add("Rule set " + id + ": " + (fromVersion == null ? "new" : fromVersion + (fromDate == null ? ""
				: " (as of " + fromDate + ")")) + " -> " + toVersion + (toDate == null ? "" : " (as of " + toDate
						+ ")"));
		added.forEach(s -> out.add("+ " + s));
		removed.forEach(s -> out.add("- " + s));
		changed.forEach(s -> out.add("~ " + s));
		if (isEmpty()) {
			out.add("No rule or family differs.");
		}
		return out;
	}

	/**
	 * A warning when a rule set is older than a reviewer should rely on without checking for a newer one.
	 *
	 * @param set     the rule set
	 * @param today   today
	 * @param maxDays the age that warrants a warning, in days
	 * @return one sentence, or null when the rule set is recent enough (or states no date)
	 */
	public static String staleness(RuleSet set, LocalDate today, int maxDays) {
		if (set.getDate() == null) {
			return null;
		}
		long age = ChronoUnit.DAYS.between(set.getDate(), today);
		if (age <= maxDays) {
			return null;
		}
		return "Rule set " + set.getId() + " " + set.getVersion() + " is as of " + set.getDate() + ", " + age
				+ " days ago: laws and lists may have changed since; import a newer rule set";
	}

	private static Map<String, Rule> rules(RuleSet set) {
		Map<String, Rule> out = new LinkedHashMap<>();
		if (set != null) {
			set.getRules().forEach(r -> out.put(r.getId(), r));
		}
		return out;
	}

	private static Map<String, CoveredEntity> families(RuleSet set) {
		Map<String, CoveredEntity> out = new LinkedHashMap<>();
		if (set != null) {
			set.getEntities().forEach(e -> out.put(e.getId(), e));
		}
		return out;
	}

	private static TreeSet<String> names(CoveredEntity e) {
		TreeSet<String> out = new TreeSet<>();
		e.getAliases().forEach(a -> out.add(a.getName()));
		e.getAffiliates().forEach(a -> out.addAll(a.getAliases()));
		return out;
	}

	private static List<String> steps(Rule r) {
		List<String> out = new ArrayList<>();
		for (Deadline d : r.getDeadlines()) {
			out.add(d.getName() + " " + d.getOffset() + (d.getUnit() == null ? "" : " " + d.getUnit().getLiteral()
					.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
		}
		return out;
	}

	private static Map<String, LocalDate> entries(Rule r) {
		Map<String, LocalDate> out = new LinkedHashMap<>();
		for (EntryDate e : r.getEntryDates()) {
			if (e.getEntity() != null) {
				out.put(e.getEntity().getId(), e.getDate());
			}
		}
		return out;
	}

	private static TreeSet<String> covered(Rule r) {
		TreeSet<String> out = new TreeSet<>();
		r.getCovered().forEach(e -> out.add(e.getId()));
		return out;
	}
}
