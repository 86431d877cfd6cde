package procurement.review.core.matching.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.DescriptionHit;
import procurement.review.core.matching.DescriptionScanner;
import procurement.review.core.matching.NameHit;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.WatchEntity;
import procurement.review.core.matching.Watchlist;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.CoveredEntity;
import procurement.review.model.Decision;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.OrderItem;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.Tag;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;
import procurement.review.rules.BuiltinRules;
import procurement.review.rules.RuleConventions;

/**
 * Matches a review against rule sets and tags its vendors, as one undoable command with an audit entry.
 * <p>
 * <b>What it finds.</b> Each vendor is matched by identifier (UEI, DUNS, CAGE; an identifier hit replaces any name
 * hit) or by name; a vendor whose parent (or grand-parent ...) matches gets a PARENT hit for the parent's family; each
 * contract action's description is scanned for brand and product terms. Every hit becomes one {@link Match} per rule
 * covering the family, because removal orders are issued per rule and each rule has its own risk, dates and
 * exclusions: "Kaspersky Threat Intelligence" is outside BOD 17-01 but inside NDAA18-1634, which per-rule matches
 * express without special cases. A family no rule covers (a reviewer's watch-only name) gets one match without
 * rule, ELEVATED when its country is high-risk, else NONE.
 * <p>
 * <b>Risk.</b> The rule's risk level; at most NEEDS_REVIEW for a purpose-limited rule (section 889 surveillance
 * limb); at most NEEDS_REVIEW when the hit comes through an affiliate link with validity dates that the vendor's
 * actions do not all fall within.
 * <p>
 * <b>Tags.</b> One ORIGIN tag per vendor whose value is a country code, "FOREIGN" or "UNKNOWN", with the evidence of
 * every signal (product origin, place of manufacture, domestic/foreign entity code, vendor and parent country,
 * covered family country), ELEVATED for a high-risk country; one RISK tag per vendor and rule with the citation and
 * the hits behind it. Tags the matcher made carry {@link #TAG_AUTHOR} and are replaced on the next run; tags
 * reviewers made are never touched.
 * <p>
 * <b>Re-runs.</b> Matches are keyed ({@link MatchKeys}): a re-run updates the match with the same key instead of
 * adding another, re-attaches decisions by match key (also after a re-import replaced vendors and actions), and
 * gives a new match the decision its identity already has on another rule, so a NOT_SAME answer keeps the hit out
 * of orders and tags for every rule and it never comes back undecided. Undecided matches that are no longer found
 * are removed unless an order lists them; decided ones stay with their decision.
 * <p>
 * <b>Speed.</b> Names are matched once per vendor on all cores; most are ruled out by their words alone
 * ({@link NameMatcher}), the others are cached per name. The pass over the actions is cut into one range per core,
 * each counting into its own flat arrays by vendor position, added to the vendor states in range order; it is
 * bound by memory latency, so it touches as little as it can: a vendor's position comes from a two-array identity
 * table, its action count and each origin signal's first value and count sit side by side in two arrays, and a
 * description is answered once per shared string (the importer shares repeated values) from a two-way memo, else
 * by an allocation-free prefilter that rejects texts without any word that starts a term, the rest being scanned
 * once per distinct text (cached across runs). A matcher is meant to be kept and reused; {@link #run} is not meant
 * to be called concurrently on one instance.
 */
public final class ReviewMatcher {

    /** Author of the tags the matcher makes; tags by anyone else are reviewers' and left alone. */
    public static final String TAG_AUTHOR = "review-matcher";

    /**
     * Countries whose origin makes a hit without a rule, and an origin tag, ELEVATED: the foreign adversaries of
     * 15 CFR 791.4 (China with Hong Kong and Macau, Cuba, Iran, North Korea, Russia, Venezuela). Verify before
     * relying on it; pass another set to the constructor to change it.
     */
    public static final Set<String> DEFAULT_HIGH_RISK_COUNTRIES = Set.of("CHN", "HKG", "MAC", "CUB", "IRN", "PRK",
            "RUS", "VEN");

    private static final int DESCRIPTION_CACHE_LIMIT = 1_000_000;
    private static final int PARALLEL_THRESHOLD = 2_000;
    private static final int PARALLEL_ACTIONS = 10_000;
    private static final int MAX_PARENT_DEPTH = 8;
    private static final int MAX_EVIDENCE_ITEMS = 5;

    /** A rule covering a family, as seen from the rule sets given to the matcher. */
    private record RuleRef(Rule rule, CoveredEntity entity, Set<String> excluded) {
    }

    /**
     * One hit, before it becomes (or updates) a {@link Match}. References point into the rule sets given to the
     * matcher; {@link ReviewMatcher#apply} maps them to the review's copies.
     *
     * @param key         the match key
     * @param identity    the match identity (key without rule)
     * @param vendor      the vendor, may be null for a description hit of an action without vendor
     * @param action      the action of a description hit, else null
     * @param entity      the covered family
     * @param rule        the rule, or null
     * @param kind        the kind
     * @param score       score in [0, 1]
     * @param riskLevel   risk level
     * @param explanation explanation for the reviewer
     * @param matchedText the text that matched
     * @param state       the decision state it has or inherits, or null when undecided
     */
    public record Hit(String key, String identity, Vendor vendor, ContractAction action, CoveredEntity entity,
            Rule rule, MatchKind kind, double score, RiskLevel riskLevel, String explanation, String matchedText,
            DecisionState state) {

        /** @return false when a reviewer said NOT_SAME: the hit stays out of tags and orders */
        public boolean active() {
            return state != DecisionState.NOT_SAME;
        }
    }

    /**
     * A tag the matcher wants on a vendor.
     *
     * @param key       identity of the tag (kind, vendor key, rule id)
     * @param kind      ORIGIN or RISK
     * @param vendor    the vendor
     * @param value     country code, "FOREIGN" or "UNKNOWN" for ORIGIN; the rule id for RISK
     * @param riskLevel risk level
     * @param evidence  where the value comes from
     * @param rule      the rule of a RISK tag, else null
     */
    public record TagSpec(String key, TagKind kind, Vendor vendor, String value, RiskLevel riskLevel, String evidence,
            Rule rule) {
    }

    /**
     * What a run would do, computed without touching the review.
     *
     * @param hits           the hits, keyed and deduplicated, in a stable order
     * @param tags           the tags
     * @param actions        number of contract actions scanned
     * @param vendors        number of vendors matched
     * @param names          distinct normalised vendor names matched in full so far by this matcher's engine
     * @param ruledOut       vendor names of this plan that their words alone ruled out (neither normalised nor
     *                       cached)
     * @param descriptions   distinct descriptions scanned so far (cached)
     * @param nanos          time spent computing the plan
     * @param actionNanos    of which the pass over the actions (counting origin signals, scanning descriptions)
     */
    public record Plan(List<Hit> hits, List<TagSpec> tags, long actions, int vendors, int names, long ruledOut,
            int descriptions, long nanos, long actionNanos) {
    }

    /**
     * What a run did.
     *
     * @param plan               the plan it carried out
     * @param command            the executed command (undo it through the session's command stack)
     * @param matchesAdded       new matches
     * @param matchesUpdated     existing matches whose data changed
     * @param matchesRemoved     undecided matches no longer found
     * @param staleKept          decided (or ordered) matches no longer found, kept with their decision
     * @param decisionsAttached  decisions re-attached to a match by key
     * @param decisionsCarried   decisions given to new matches from another rule's match of the same identity
     * @param tagsAdded          new tags
     * @param tagsUpdated        changed tags
     * @param tagsRemoved        tags no longer supported
     */
    public record Outcome(Plan plan, Command command, int matchesAdded, int matchesUpdated, int matchesRemoved,
            int staleKept, int decisionsAttached, int decisionsCarried, int tagsAdded, int tagsUpdated,
            int tagsRemoved) {
    }

    private final List<RuleSet> ruleSets;
    private final Watchlist watchlist;
    private final NameMatcher matcher;
    private final DescriptionScanner scanner;
    private final DescriptionPrefilter prefilter;
    private final Set<String> highRisk;
    private final Map<String, List<RuleRef>> rulesByFamily = new HashMap<>();
    private final Map<String, CoveredEntity> entityByFamily = new HashMap<>();
    private final Map<String, WatchEntity> members = new HashMap<>();
    private final Map<String, List<DescriptionHit>> descriptionCache = new ConcurrentHashMap<>();

    /**
     * A matcher with the default high-risk countries.
     *
     * @param ruleSets the rule sets; earlier ones win where families are defined twice
     * @return the matcher
     */
    public static ReviewMatcher of(RuleSet... ruleSets) {
        return new ReviewMatcher(List.of(ruleSets), DEFAULT_HIGH_RISK_COUNTRIES);
    }

    /**
     * A matcher for the rule sets a review holds, or the built-in rule set when it holds none.
     *
     * @param review the review
     * @return the matcher
     */
    public static ReviewMatcher forReview(ReviewProject review) {
        return forReview(review, NameMatcher.DEFAULT_THRESHOLD);
    }

    /**
     * A matcher for a session's review; a review without rule sets first gets the built-in one, as an undoable
     * command, so that its matches point at rules inside the review file.
     *
     * @param session   the open review
     * @param threshold minimum score of a name hit, in (0, 1]
     * @return the matcher
     */
    public static ReviewMatcher forSession(ReviewSession session, double threshold) {
        if (session.review().getRuleSets().isEmpty()) {
            session.commandStack().execute(AddCommand.create(session.editingDomain(), session.review(),
                    Literals.REVIEW_PROJECT__RULE_SETS, BuiltinRules.load()));
        }
        return forReview(session.review(), threshold);
    }

    /**
     * A matcher for the rule sets a review holds, with the reviewer's name-match threshold.
     *
     * @param review    the review
     * @param threshold minimum score of a name hit, in (0, 1]
     * @return the matcher
     */
    public static ReviewMatcher forReview(ReviewProject review, double threshold) {
        List<RuleSet> sets = review.getRuleSets().isEmpty() ? List.of(BuiltinRules.load())
                : List.copyOf(review.getRuleSets());
        return new ReviewMatcher(sets, DEFAULT_HIGH_RISK_COUNTRIES, threshold);
    }

    /**
     * @param ruleSets          the rule sets; earlier ones win where families are defined twice
     * @param highRiskCountries ISO alpha-3 codes whose origin is ELEVATED
     */
    public ReviewMatcher(List<RuleSet> ruleSets, Set<String> highRiskCountries) {
        this(ruleSets, highRiskCountries, NameMatcher.DEFAULT_THRESHOLD);
    }

    /**
     * @param ruleSets          the rule sets; earlier ones win where families are defined twice
     * @param highRiskCountries ISO alpha-3 codes whose origin is ELEVATED
     * @param threshold         minimum score of a name hit, in (0, 1]
     */
    public ReviewMatcher(List<RuleSet> ruleSets, Set<String> highRiskCountries, double threshold) {
        this.ruleSets = List.copyOf(ruleSets);
        this.highRisk = Set.copyOf(highRiskCountries);
        this.watchlist = RuleSetWatchlist.of(this.ruleSets);
        this.matcher = new NameMatcher(watchlist, threshold, NameMatcher.DEFAULT_CACHE_LIMIT);
        this.scanner = new DescriptionScanner(watchlist);
        this.prefilter = new DescriptionPrefilter(watchlist);
        for (WatchEntity e : watchlist.entities()) {
            members.put(e.id(), e);
        }
        for (RuleSet set : this.ruleSets) {
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

    /** @return the engine watch list built from the rule sets */
    public Watchlist watchlist() {
        return watchlist;
    }

    /** @return the name matcher (with its cache of names seen) */
    public NameMatcher nameMatcher() {
        return matcher;
    }

    /** @return the rule sets */
    public List<RuleSet> ruleSets() {
        return ruleSets;
    }

    /**
     * Matches and tags the review of a session, as one command on its command stack.
     *
     * @param session the session
     * @param author  who runs it, for the audit log
     * @return what was done
     * @throws IllegalStateException when the command could not execute
     */
    public Outcome run(ReviewSession session, String author) {
        Plan plan = plan(session.review());
        return apply(session, plan, author);
    }

    // ------------------------------------------------------------------------------------------------ the plan

    /** Per-vendor state of one run; counts of raw field values so the action pass does not allocate. */
    private static final class VendorState {
        final Vendor vendor;
        NameHit own;
        boolean ownById;
        boolean trackDates;
        long actions;
        LocalDate minDate;
        LocalDate maxDate;
        long undated;
        final Counts origin = new Counts();
        final Counts manufacture = new Counts();
        final Counts entityType = new Counts();
        /** Position in the review's vendor list, -1 for a vendor outside it. */
        final int index;

        VendorState(Vendor vendor, int index) {
            this.vendor = vendor;
            this.index = index;
        }

        void merge(VendorState o) {
            actions += o.actions;
            undated += o.undated;
            if (o.minDate != null && (minDate == null || o.minDate.isBefore(minDate))) {
                minDate = o.minDate;
            }
            if (o.maxDate != null && (maxDate == null || o.maxDate.isAfter(maxDate))) {
                maxDate = o.maxDate;
            }
            origin.merge(o.origin);
            manufacture.merge(o.manufacture);
            entityType.merge(o.entityType);
        }

        void add(ContractAction a) {
            actions++;
            origin.add(a.getOriginCountryCode(), a.getOriginCountryName());
            manufacture.add(a.getPlaceOfManufactureCode(), a.getPlaceOfManufactureName());
            entityType.add(a.getDomesticOrForeignEntityCode(), null);
            if (trackDates) {
                addDate(a.getActionDate());
            }
        }

        void addDate(LocalDate d) {
            if (d == null) {
                undated++;
            } else {
                if (minDate == null || d.isBefore(minDate)) {
                    minDate = d;
                }
                if (maxDate == null || d.isAfter(maxDate)) {
                    maxDate = d;
                }
            }
        }
    }

    /**
     * A tiny counter of distinct raw values in the order first seen (the evidence lists them so), with the first
     * label seen for each. Almost every vendor reports one value, so the first sits in fields, and values are
     * compared by reference first: the importer shares the strings of repeated values. The pass over the actions
     * counts into a {@link Tally} and adds to these afterwards.
     */
    private static final class Counts {
        String first;
        String firstLabel;
        int firstCount;
        String[] values;
        String[] labels;
        int[] counts;
        int size;

        void add(String value, String label) {
            add(value, label, 1);
        }

        void add(String value, String label, int n) {
            if (value == null) {
                return;
            }
            String f = first;
            if (f == value || f != null && f.equals(value)) {
                firstCount += n;
                return;
            }
            if (value.isEmpty()) {
                return;
            }
            if (f == null) {
                first = value;
                firstLabel = label;
                firstCount = n;
                size = 1;
                return;
            }
            addOther(value, label, n);
        }

        private void addOther(String value, String label, int n) {
            for (int i = 0; i < size - 1; i++) {
                if (values[i].equals(value)) {
                    counts[i] += n;
                    return;
                }
            }
            if (values == null) {
                values = new String[2];
                labels = new String[2];
                counts = new int[2];
            } else if (size - 1 == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
                labels = Arrays.copyOf(labels, labels.length * 2);
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            values[size - 1] = value;
            labels[size - 1] = label;
            counts[size - 1] = n;
            size++;
        }

        void merge(Counts o) {
            for (int i = 0; i < o.size; i++) {
                add(o.value(i), o.label(i), o.count(i));
            }
        }

        String value(int i) {
            return i == 0 ? first : values[i - 1];
        }

        String label(int i) {
            return i == 0 ? firstLabel : labels[i - 1];
        }

        int count(int i) {
            return i == 0 ? firstCount : counts[i - 1];
        }
    }

    private record ActionHits(ContractAction action, List<DescriptionHit> hits) {
    }

    /**
     * Computes hits and tags without changing the review: the tagging pass. Safe to call from a background job
     * while the review is not being edited.
     *
     * @param review the review
     * @return the plan
     */
    public Plan plan(ReviewProject review) {
        return plan(review, 0);
    }

    /**
     * @param review the review
     * @param ranges how many ranges the pass over the actions is cut into, 0 for one per core on a large review
     * @return the plan, the same whatever the number of ranges
     */
    Plan plan(ReviewProject review, int ranges) {
        long t0 = System.nanoTime();
        EList<Vendor> vendorList = review.getVendors();
        int n = vendorList.size();
        Map<Vendor, VendorState> states = new IdentityHashMap<>(n * 2);
        VendorState[] byIndex = new VendorState[n];
        NameHit[] own = new NameHit[n];
        boolean[] byId = new boolean[n];
        IntStream range = IntStream.range(0, n);
        long ruledOutBefore = matcher.ruledOut();
        // cold names cost microseconds each: spread them over the cores; results land by index, in order
        (n >= PARALLEL_THRESHOLD ? range.parallel() : range).forEach(i -> {
            Vendor v = vendorList.get(i);
            Optional<NameHit> id = matcher.matchIdentifiers(v.getUei(), v.getDuns(), v.getCage());
            byId[i] = id.isPresent();
            own[i] = id.isPresent() ? id.get() : matcher.match(v.getName()).orElse(null);
        });
        long ruledOut = matcher.ruledOut() - ruledOutBefore;
        for (int i = 0; i < n; i++) {
            VendorState s = new VendorState(vendorList.get(i), i);
            s.own = own[i];
            s.ownById = byId[i];
            byIndex[i] = s;
            states.put(s.vendor, s);
        }
        for (VendorState s : byIndex) {
            s.trackDates |= isDated(s.own);
            for (Vendor p = s.vendor.getParent(); p != null && !s.trackDates; p = p.getParent()) {
                s.trackDates = isDated(state(states, p).own);
                if (p == s.vendor) {
                    break;
                }
            }
        }

        // the pass over the actions: counts per vendor, descriptions scanned once per distinct text; a large review
        // is cut into one range per core, each counting into its own copies of the vendor states, merged in order
        long ta = System.nanoTime();
        List<EList<ContractAction>> lists = new ArrayList<>();
        long actions = 0;
        for (ContractingReport report : review.getReports()) {
            lists.add(report.getActions());
            actions += report.getActions().size();
        }
        long total = actions;
        int chunks = ranges > 0 ? ranges : total >= PARALLEL_ACTIONS ? Runtime.getRuntime().availableProcessors() : 1;
        VendorTable table = new VendorTable(byIndex);
        boolean[] dated = new boolean[n];
        for (int i = 0; i < n; i++) {
            dated[i] = byIndex[i].trackDates;
        }
        List<ActionPass> passes = IntStream.range(0, chunks).mapToObj(c -> new ActionPass(table, dated)).toList();
        (chunks > 1 ? IntStream.range(0, chunks).parallel() : IntStream.range(0, chunks))
                .forEach(c -> passes.get(c).run(lists, total * c / chunks, total * (c + 1) / chunks));
        List<ActionHits> descriptionHits = new ArrayList<>();
        List<ContractAction> strays = new ArrayList<>();
        for (ActionPass pass : passes) {
            pass.tally.addTo(byIndex);
            descriptionHits.addAll(pass.descriptionHits);
            strays.addAll(pass.strays);
        }
        for (ContractAction a : strays) {
            // an action whose vendor the review's vendor list does not hold: rare, counted here, one at a time
            state(states, a.getVendor()).add(a);
        }

        long actionNanos = System.nanoTime() - ta;
        Decided decided = new Decided(review);
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (VendorState s : byIndex) {
            vendorHits(s, states, decided, hits);
        }
        for (ActionHits ah : descriptionHits) {
            descriptionHits(ah, decided, hits);
        }
        List<Hit> hitList = List.copyOf(hits.values());
        List<TagSpec> tags = tags(byIndex, states, hitList);
        return new Plan(hitList, tags, actions, n, matcher.cachedNames(), ruledOut, descriptionCache.size(),
                System.nanoTime() - t0, actionNanos);
    }

    /**
     * The positions of the review's vendors by identity, for the pass over the actions: open addressing at a load
     * of at most a half, keys and positions in two flat arrays that a large review's vendors still fit in the
     * caches with (a direct-mapped cache in front of an IdentityHashMap missed on a third of the actions of a
     * review with 52,000 vendors, and then paid for both).
     */
    private static final class VendorTable {
        private final Object[] keys;
        private final int[] positions;
        private final int mask;

        VendorTable(VendorState[] states) {
            int capacity = Integer.highestOneBit(Math.max(8, states.length * 2) - 1) << 1;
            keys = new Object[capacity];
            positions = new int[capacity];
            mask = capacity - 1;
            for (int s = 0; s < states.length; s++) {
                int i = System.identityHashCode(states[s].vendor) & mask;
                while (keys[i] != null) {
                    i = i + 1 & mask;
                }
                keys[i] = states[s].vendor;
                positions[i] = s;
            }
        }

        /** @return the vendor's position in the review's vendor list, -1 for a vendor outside it */
        int positionOf(Vendor v) {
            for (int i = System.identityHashCode(v) & mask;; i = i + 1 & mask) {
                Object key = keys[i];
                if (key == v) {
                    return positions[i];
                }
                if (key == null) {
                    return -1;
                }
            }
        }
    }

    /**
     * What one range of the pass counts per vendor, by vendor position, in flat arrays: the number of actions and,
     * for each of the three origin signals (product origin, place of manufacture, domestic/foreign entity), the
     * first value seen and its count side by side; further values (rare: a vendor reports one value) in a
     * {@link Counts}. The pass over a million actions of 52,000 vendors touches two short rows of two arrays per
     * action instead of a state object and its three counters, which do not fit in the caches.
     */
    private static final class Tally {
        private static final int SIGNALS = 3;
        /** Per vendor: actions, then the count of each signal's first value. */
        private final int[] counts;
        /** Per vendor and signal: the first value, its label, the further values. */
        private final String[] firsts;
        private final String[] labels;
        private final Counts[] more;
        private final boolean[] dated;
        private VendorState[] dates;

        Tally(boolean[] dated) {
            int n = dated.length;
            this.dated = dated;
            counts = new int[(SIGNALS + 1) * n];
            firsts = new String[SIGNALS * n];
            labels = new String[SIGNALS * n];
            more = new Counts[SIGNALS * n];
        }

        void add(int v, ContractAction a) {
            counts[(SIGNALS + 1) * v]++;
            add(v, 0, a.getOriginCountryCode(), a);
            add(v, 1, a.getPlaceOfManufactureCode(), a);
            add(v, 2, a.getDomesticOrForeignEntityCode(), a);
            if (dated[v]) {
                if (dates == null) {
                    dates = new VendorState[dated.length];
                }
                if (dates[v] == null) {
                    dates[v] = new VendorState(a.getVendor(), v);
                }
                dates[v].addDate(a.getActionDate());
            }
        }

        /** What {@link Counts#add(String, String)} does, with the first value's test on the flat arrays. */
        private void add(int v, int signal, String value, ContractAction a) {
            if (value == null) {
                return;
            }
            int j = SIGNALS * v + signal;
            String first = firsts[j];
            if (value == first || first != null && first.equals(value)) {
                counts[(SIGNALS + 1) * v + 1 + signal]++;
            } else if (!value.isEmpty()) {
                String label = signal == 0 ? a.getOriginCountryName()
                        : signal == 1 ? a.getPlaceOfManufactureName() : null;
                if (first == null) {
                    firsts[j] = value;
                    labels[j] = label;
                    counts[(SIGNALS + 1) * v + 1 + signal] = 1;
                } else {
                    if (more[j] == null) {
                        more[j] = new Counts();
                    }
                    more[j].add(value, label);
                }
            }
        }

        /** Adds the counts to the vendor states, after those of the ranges before this one. */
        void addTo(VendorState[] states) {
            for (int v = 0; v < states.length; v++) {
                int actions = counts[(SIGNALS + 1) * v];
                if (actions == 0) {
                    continue;
                }
                VendorState s = states[v];
                s.actions += actions;
                addTo(s.origin, v, 0);
                addTo(s.manufacture, v, 1);
                addTo(s.entityType, v, 2);
                if (dates != null && dates[v] != null) {
                    s.merge(dates[v]);
                }
            }
        }

        private void addTo(Counts c, int v, int signal) {
            int j = SIGNALS * v + signal;
            if (firsts[j] != null) {
                c.add(firsts[j], labels[j], counts[(SIGNALS + 1) * v + 1 + signal]);
            }
            if (more[j] != null) {
                c.merge(more[j]);
            }
        }
    }

    /**
     * One thread's range of the pass over the actions, counting into a {@link Tally} of its own; the tallies are
     * added to the vendor states in range order, so that evidence lists values in the order a single pass would
     * have seen them.
     */
    private final class ActionPass {
        private final VendorTable table;
        final Tally tally;
        private final DescriptionMemo memo = new DescriptionMemo();
        final List<ActionHits> descriptionHits = new ArrayList<>();
        final List<ContractAction> strays = new ArrayList<>();

        ActionPass(VendorTable table, boolean[] dated) {
            this.table = table;
            this.tally = new Tally(dated);
        }

        void run(List<EList<ContractAction>> lists, long from, long to) {
            long offset = 0;
            Vendor lastVendor = null;
            int last = -1;
            for (EList<ContractAction> list : lists) {
                int size = list.size();
                int start = (int) Math.max(0, from - offset);
                int end = (int) Math.min(size, to - offset);
                offset += size;
                for (int i = start; i < end; i++) {
                    ContractAction a = list.get(i);
                    Vendor v = a.getVendor();
                    if (v != null) {
                        if (v != lastVendor) {
                            lastVendor = v; // files sorted by vendor: one lookup per run of actions
                            last = table.positionOf(v);
                        }
                        if (last >= 0) {
                            tally.add(last, a);
                        } else {
                            strays.add(a); // a vendor outside the vendor list, counted afterwards
                        }
                    }
                    String d = a.getDescription();
                    if (d != null) {
                        List<DescriptionHit> h = memo.hits(d);
                        if (!h.isEmpty()) {
                            descriptionHits.add(new ActionHits(a, h));
                        }
                    }
                }
            }
        }
    }

    /**
     * The answer for each description text of one pass, by the text's identity hash: a repeated text (the
     * importer shares the strings of repeated values) costs a hash read and a reference compare instead of a pass
     * over its characters; a new text goes through the prefilter and, if it may hold a term, the scanner's cache.
     */
    private final class DescriptionMemo {
        private static final int SLOTS = 1 << 16;
        /** Per set: the newer text, its answer, the older text, its answer; one cache line per probe. */
        private final Object[] sets = new Object[2 * SLOTS];

        @SuppressWarnings("unchecked")
        List<DescriptionHit> hits(String d) {
            // two ways per set: tens of thousands of shared texts would evict each other in a direct-mapped memo
            int h = System.identityHashCode(d);
            int slot = ((h ^ (h >>> 16)) & (SLOTS - 2)) << 1;
            Object[] m = sets;
            if (m[slot] == d) {
                return (List<DescriptionHit>) m[slot + 1];
            }
            if (m[slot + 2] == d) {
                return (List<DescriptionHit>) m[slot + 3];
            }
            List<DescriptionHit> r = List.of();
            if (prefilter.mayMatch(d)) {
                r = descriptionCache.get(d);
                if (r == null) {
                    r = scanner.scan(d);
                    if (descriptionCache.size() >= DESCRIPTION_CACHE_LIMIT) {
                        descriptionCache.clear();
                    }
                    descriptionCache.put(d, r);
                }
            }
            // the newer text takes the first way, the older one moves to the second
            m[slot + 2] = m[slot];
            m[slot + 3] = m[slot + 1];
            m[slot] = d;
            m[slot + 1] = r;
            return r;
        }
    }

    private VendorState state(Map<Vendor, VendorState> states, Vendor v) {
        VendorState s = states.get(v);
        if (s == null) {
            // a parent or action vendor that the review's vendor list does not hold
            s = new VendorState(v, -1);
            Optional<NameHit> id = matcher.matchIdentifiers(v.getUei(), v.getDuns(), v.getCage());
            s.ownById = id.isPresent();
            s.own = id.isPresent() ? id.get() : matcher.match(v.getName()).orElse(null);
            states.put(v, s);
        }
        return s;
    }

    private boolean isDated(NameHit h) {
        if (h == null) {
            return false;
        }
        WatchEntity e = members.get(h.entityId());
        return e != null && (e.attributes().containsKey(RuleSetWatchlist.VALID_FROM)
                || e.attributes().containsKey(RuleSetWatchlist.VALID_TO));
    }

    /** Decisions of the review by key and by identity. */
    private static final class Decided {
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

        DecisionState state(String key, String identity) {
            Decision d = byKey.get(key);
            if (d == null) {
                d = byIdentity.get(identity);
            }
            return d == null ? null : d.getState();
        }
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

    private void vendorHits(VendorState s, Map<Vendor, VendorState> states, Decided decided, Map<String, Hit> out) {
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
            VendorState ps = state(states, p);
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
        return highRisk.contains(country(e.getCountry())) ? RiskLevel.ELEVATED : RiskLevel.NONE;
    }

    private String noRuleNote(CoveredEntity e) {
        String c = country(e.getCountry());
        return c == null ? "" : highRisk.contains(c) ? "; high-risk country " + c : "; country " + c;
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

    // ------------------------------------------------------------------------------------------------ tags

    private List<TagSpec> tags(VendorState[] vendors, Map<Vendor, VendorState> states, List<Hit> hits) {
        Map<Vendor, List<Hit>> byVendor = new IdentityHashMap<>();
        for (Hit h : hits) {
            if (h.vendor() != null && h.active()) {
                byVendor.computeIfAbsent(h.vendor(), k -> new ArrayList<>()).add(h);
            }
        }
        // an origin tag for every vendor: tens of thousands of evidence texts, built on all cores, kept in order
        TagSpec[] origins = new TagSpec[vendors.length];
        IntStream range = IntStream.range(0, vendors.length);
        (vendors.length >= PARALLEL_THRESHOLD ? range.parallel() : range).forEach(i -> origins[i] = originTag(
                vendors[i], states, byVendor.getOrDefault(vendors[i].vendor, List.of())));
        List<TagSpec> out = new ArrayList<>(vendors.length + byVendor.size());
        out.addAll(Arrays.asList(origins));
        for (VendorState s : vendors) {
            List<Hit> hs = byVendor.get(s.vendor);
            if (hs != null) {
                riskTags(s.vendor, hs, out);
            }
        }
        return out;
    }

    private TagSpec originTag(VendorState s, Map<Vendor, VendorState> states, List<Hit> hits) {
        List<String> evidence = new ArrayList<>();
        String value = null;
        // 1. the family of a vendor-level hit: what a covered company supplies comes from its family's country
        for (Hit h : hits) {
            if (h.kind() != MatchKind.DESCRIPTION && country(h.entity().getCountry()) != null) {
                String c = country(h.entity().getCountry());
                evidence.add("covered family " + h.entity().getId() + " (" + c + ") by " + h.kind() + " match");
                value = value == null ? c : value;
                break;
            }
        }
        // 2. the product origin reported on the vendor's actions, most frequent foreign value first
        String foreignOrigin = null;
        int best = 0;
        boolean usa = false;
        if (s.origin.size > 0) {
            StringBuilder sb = new StringBuilder("product origin: ");
            for (int i = 0; i < s.origin.size; i++) {
                String c = country(s.origin.value(i));
                sb.append(i == 0 ? "" : ", ").append(s.origin.value(i)).append(" x").append(s.origin.count(i));
                if (c == null) {
                    continue;
                }
                if (c.equals("USA")) {
                    usa = true;
                } else if (s.origin.count(i) > best) {
                    best = s.origin.count(i);
                    foreignOrigin = c;
                }
            }
            evidence.add(sb.toString());
        }
        value = value == null ? foreignOrigin : value;
        boolean foreign = false;
        if (s.manufacture.size > 0) {
            StringBuilder sb = new StringBuilder("place of manufacture: ");
            for (int i = 0; i < s.manufacture.size; i++) {
                String label = s.manufacture.label(i);
                sb.append(i == 0 ? "" : ", ").append(s.manufacture.value(i))
                        .append(label == null || label.isBlank() ? "" : " (" + label + ")").append(" x")
                        .append(s.manufacture.count(i));
                foreign |= label != null && label.toUpperCase(Locale.ROOT).contains("OUTSIDE");
            }
            evidence.add(sb.toString());
        }
        if (s.entityType.size > 0) {
            StringBuilder sb = new StringBuilder("domestic/foreign entity: ");
            for (int i = 0; i < s.entityType.size; i++) {
                String code = s.entityType.value(i).strip().toUpperCase(Locale.ROOT);
                String letter = code.isEmpty() ? "" : code.substring(0, 1);
                sb.append(i == 0 ? "" : ", ").append(code).append(entityTypeLabel(letter)).append(" x")
                        .append(s.entityType.count(i));
                foreign |= letter.equals("C") || letter.equals("D") || letter.equals("O");
            }
            evidence.add(sb.toString());
        }
        String vendorCountry = country(s.vendor.getCountryCode());
        if (vendorCountry == null) {
            vendorCountry = country(s.vendor.getCountryName());
        }
        Vendor parent = s.vendor.getParent();
        String parentCountry = parent == null ? null
                : Objects.requireNonNullElse(country(parent.getCountryCode()), Objects.toString(
                        country(parent.getCountryName()), ""));
        if (parentCountry != null && parentCountry.isEmpty()) {
            parentCountry = null;
        }
        if (parentCountry != null) {
            evidence.add("parent " + parent.getName() + " country " + parentCountry);
            if (value == null && !parentCountry.equals("USA")) {
                value = parentCountry;
            }
            usa |= parentCountry.equals("USA");
        }
        if (vendorCountry != null) {
            evidence.add("vendor country " + vendorCountry);
            if (value == null && !vendorCountry.equals("USA")) {
                value = vendorCountry;
            }
            usa |= vendorCountry.equals("USA");
        }
        if (value == null) {
            value = foreign ? "FOREIGN" : usa ? "USA" : "UNKNOWN";
        }
        if (evidence.isEmpty()) {
            evidence.add("no origin, manufacture, entity type or country on record");
        }
        String vendorKey = MatchKeys.vendorKey(s.vendor);
        return new TagSpec(tagKey(TagKind.ORIGIN, vendorKey, null), TagKind.ORIGIN, s.vendor, value,
                highRisk.contains(value) ? RiskLevel.ELEVATED : RiskLevel.NONE, String.join("; ", evidence), null);
    }

    private static String entityTypeLabel(String letter) {
        return switch (letter) {
            case "A" -> " (U.S.-owned)";
            case "B" -> " (other U.S. entity)";
            case "C" -> " (foreign-owned, incorporated in the U.S.)";
            case "D" -> " (foreign-owned, not incorporated in the U.S.)";
            case "O" -> " (other foreign entity)";
            default -> "";
        };
    }

    private static void riskTags(Vendor vendor, List<Hit> hits, List<TagSpec> out) {
        Map<Rule, List<Hit>> byRule = new LinkedHashMap<>();
        for (Hit h : hits) {
            if (h.rule() != null) {
                byRule.computeIfAbsent(h.rule(), k -> new ArrayList<>()).add(h);
            }
        }
        String vendorKey = MatchKeys.vendorKey(vendor);
        for (var en : byRule.entrySet()) {
            Rule r = en.getKey();
            RiskLevel level = RiskLevel.NONE;
            StringBuilder sb = new StringBuilder(r.getCitation() == null ? r.getId() : r.getCitation());
            List<Hit> hs = en.getValue();
            for (int i = 0; i < hs.size(); i++) {
                Hit h = hs.get(i);
                if (h.riskLevel().getValue() > level.getValue()) {
                    level = h.riskLevel();
                }
                if (i < MAX_EVIDENCE_ITEMS) {
                    sb.append("; ").append(h.kind()).append(' ').append(h.entity().getId()).append(' ')
                            .append(MatchLines.formatScore(h.score())).append(h.action() == null ? ""
                                    : " in " + MatchKeys.transactionKey(h.action()))
                            .append(" \"").append(h.matchedText()).append('"');
                }
            }
            if (hs.size() > MAX_EVIDENCE_ITEMS) {
                sb.append("; +").append(hs.size() - MAX_EVIDENCE_ITEMS).append(" more");
            }
            out.add(new TagSpec(tagKey(TagKind.RISK, vendorKey, r.getId()), TagKind.RISK, vendor, r.getId(), level,
                    sb.toString(), r));
        }
    }

    private static String tagKey(TagKind kind, String vendorKey, String ruleId) {
        return kind.getName() + "|" + vendorKey + "|" + (ruleId == null ? "" : ruleId);
    }

    /**
     * A country value as the tags use it: upper case alpha-3 as given, "USA" for the United States' other spellings,
     * the code part of a legacy "CODE: NAME" value; null for blanks and placeholders.
     *
     * @param raw a country code or name from a file
     * @return the normalised value or null
     */
    static String country(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon > 0) {
            s = s.substring(0, colon).strip();
        }
        return switch (s) {
            case "", "NAN", "NONE", "NULL", "N/A", "NA", "UNKNOWN" -> null;
            case "US", "U.S.", "UNITED STATES", "UNITED STATES OF AMERICA" -> "USA";
            default -> s;
        };
    }

    // ------------------------------------------------------------------------------------------------ the command

    /**
     * Carries out a plan on a session as one command: matches, decisions, tags and an audit entry undo together.
     *
     * @param session the session whose review the plan was computed for
     * @param plan    the plan
     * @param author  who runs it
     * @return what was done
     * @throws IllegalStateException when the command could not execute
     */
    public Outcome apply(ReviewSession session, Plan plan, String author) {
        ReviewProject review = session.review();
        EditingDomain domain = session.editingDomain();
        CompoundCommand cc = new CompoundCommand("Match vendors and tag origin");
        Instant now = Instant.now();
        Map<EObject, EObject> resolved = resolveRuleSets(review, domain, cc);

        Map<String, Match> existing = new HashMap<>(review.getMatches().size() * 2);
        for (Match m : review.getMatches()) {
            existing.putIfAbsent(m.getKey(), m);
        }
        Decided decided = new Decided(review);
        Map<String, Decision> decisionsByKey = decided.byKey;
        Map<String, Decision> decisionsByIdentity = decided.byIdentity;
        List<Match> added = new ArrayList<>();
        List<Decision> carried = new ArrayList<>();
        List<Command> updates = new ArrayList<>();
        int updated = 0;
        int attached = 0;
        Set<String> seen = new HashSet<>();
        for (Hit h : plan.hits()) {
            seen.add(h.key());
            CoveredEntity entity = (CoveredEntity) resolved.getOrDefault(h.entity(), h.entity());
            Rule rule = h.rule() == null ? null : (Rule) resolved.getOrDefault(h.rule(), h.rule());
            Match m = existing.get(h.key());
            Decision d = decisionsByKey.get(h.key());
            if (m == null) {
                m = ReviewFactory.eINSTANCE.createMatch();
                m.setKey(h.key());
                m.setVendor(h.vendor());
                m.setAction(h.action());
                m.setCoveredEntity(entity);
                m.setRule(rule);
                m.setKind(h.kind());
                m.setScore(h.score());
                m.setRiskLevel(h.riskLevel());
                m.setExplanation(h.explanation());
                m.setMatchedText(h.matchedText());
                added.add(m);
                if (d == null) {
                    Decision sibling = decisionsByIdentity.get(h.identity());
                    if (sibling != null) {
                        // both objects are new, so linking them directly is undone by removing them
                        Decision c = ReviewFactory.eINSTANCE.createDecision();
                        c.setMatchKey(h.key());
                        c.setState(sibling.getState());
                        c.setReviewer(sibling.getReviewer());
                        c.setTime(sibling.getTime());
                        c.setNote("carried over from " + sibling.getMatchKey()
                                + (sibling.getNote() == null || sibling.getNote().isBlank() ? ""
                                        : ": " + sibling.getNote()));
                        c.setMatch(m);
                        carried.add(c);
                    }
                }
            } else {
                int before = updates.size();
                set(domain, m, Literals.MATCH__VENDOR, m.getVendor(), h.vendor(), updates);
                set(domain, m, Literals.MATCH__ACTION, m.getAction(), h.action(), updates);
                set(domain, m, Literals.MATCH__COVERED_ENTITY, m.getCoveredEntity(), entity, updates);
                set(domain, m, Literals.MATCH__RULE, m.getRule(), rule, updates);
                set(domain, m, Literals.MATCH__KIND, m.getKind(), h.kind(), updates);
                set(domain, m, Literals.MATCH__SCORE, m.getScore(), h.score(), updates);
                set(domain, m, Literals.MATCH__RISK_LEVEL, m.getRiskLevel(), h.riskLevel(), updates);
                set(domain, m, Literals.MATCH__EXPLANATION, m.getExplanation(), h.explanation(), updates);
                set(domain, m, Literals.MATCH__MATCHED_TEXT, m.getMatchedText(), h.matchedText(), updates);
                updated += updates.size() > before ? 1 : 0;
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
            if (TAG_AUTHOR.equals(t.getAuthor())) {
                String key = tagKey(t.getKind(), MatchKeys.vendorKey(t.getVendor()),
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
            Rule rule = spec.rule() == null ? null : (Rule) resolved.getOrDefault(spec.rule(), spec.rule());
            if (t == null) {
                t = ReviewFactory.eINSTANCE.createTag();
                t.setKind(spec.kind());
                t.setVendor(spec.vendor());
                t.setValue(spec.value());
                t.setRiskLevel(spec.riskLevel());
                t.setEvidence(spec.evidence());
                t.setRule(rule);
                t.setAuthor(TAG_AUTHOR);
                t.setTime(now);
                newTags.add(t);
            } else {
                int before = updates.size();
                set(domain, t, Literals.TAG__VENDOR, t.getVendor(), spec.vendor(), updates);
                set(domain, t, Literals.TAG__VALUE, t.getValue(), spec.value(), updates);
                set(domain, t, Literals.TAG__RISK_LEVEL, t.getRiskLevel(), spec.riskLevel(), updates);
                set(domain, t, Literals.TAG__EVIDENCE, t.getEvidence(), spec.evidence(), updates);
                set(domain, t, Literals.TAG__RULE, t.getRule(), rule, updates);
                if (updates.size() > before) {
                    updates.add(SetCommand.create(domain, t, Literals.TAG__TIME, now));
                    tagsUpdated++;
                }
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

    private static void set(EditingDomain domain, EObject owner, EStructuralFeature feature, Object old, Object value,
            List<Command> out) {
        if (!Objects.equals(old, value)) {
            out.add(SetCommand.create(domain, owner, feature, value));
        }
    }

    /**
     * Makes the review hold the matcher's rule sets, so matches refer to rules inside the review file: a rule set the
     * review contains is used as is, one with the same id and version stands in for it, any other is copied in.
     *
     * @return the map from the matcher's rules and entities to the review's
     */
    private Map<EObject, EObject> resolveRuleSets(ReviewProject review, EditingDomain domain, CompoundCommand cc) {
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
