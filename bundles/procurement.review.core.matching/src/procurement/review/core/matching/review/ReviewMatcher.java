package procurement.review.core.matching.review;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import org.eclipse.emf.common.command.Command;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.Watchlist;
import procurement.review.model.ContractAction;
import procurement.review.model.CoveredEntity;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;
import procurement.review.rules.BuiltinRules;

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
 * <b>Speed.</b> Names are matched once per vendor on all workers; most are ruled out by their words alone
 * ({@link NameMatcher}), the others are cached per name. The pass over the actions is cut into one range per worker,
 * each counting into its own flat arrays by vendor position, and a description is scanned once per distinct text
 * (cached across runs). The workers are the common fork-join pool's, one per core, unless the matcher was built with
 * an executor or a parallelism ({@link #builder(List)}): a batch job that already runs one task per core gives
 * {@code parallelism(1)} or its own pool. A matcher is meant to be kept and reused; {@link #plan} and {@link #run}
 * are not meant to be called concurrently on one instance.
 * <p>
 * <b>Parts.</b> This class plans and applies; the work is done by package-private classes named for their job:
 * {@code VendorStates} (the vendors and their own hits), {@code ActionTally} (the pass over the actions),
 * {@code RuleIndex} (rules by family, and the hits built from them), {@code VendorTagger} (origin and risk tags),
 * {@code MatchCommandBuilder} (the one undoable command) and {@code Workers} (where the parallel parts run).
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

	/**
	 * One hit, before it becomes (or updates) a {@link Match}. References point into the rule sets given to the
	 * matcher; {@link #apply} maps them to the review's copies.
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
	private final RuleIndex rules;
	private final ActionTally tally;
	private final VendorTagger tagger;
	private final Workers workers;

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
	 * A matcher for a session's review; the session is not touched. A review without rule sets is matched against
	 * the built-in one, which {@link #apply} then copies into the review as part of the run's one undoable command,
	 * so that its matches point at rules inside the review file.
	 *
	 * @param session   the open review
	 * @param threshold minimum score of a name hit, in (0, 1]
	 * @return the matcher
	 */
	public static ReviewMatcher forSession(ReviewSession session, double threshold) {
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
		return builder(review).threshold(threshold).build();
	}

	/**
	 * @param ruleSets the rule sets; earlier ones win where families are defined twice
	 * @return a builder of a matcher for them, with the defaults of {@link #of}
	 */
	public static Builder builder(List<RuleSet> ruleSets) {
		return new Builder(ruleSets);
	}

	/**
	 * @param review the review
	 * @return a builder of a matcher for the rule sets the review holds, or the built-in rule set when it holds none
	 *         (the review is not touched)
	 */
	public static Builder builder(ReviewProject review) {
		return new Builder(review.getRuleSets().isEmpty() ? List.of(BuiltinRules.load())
				: List.copyOf(review.getRuleSets()));
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
		this(ruleSets, highRiskCountries, threshold, Workers.DEFAULT);
	}

	private ReviewMatcher(List<RuleSet> ruleSets, Set<String> highRiskCountries, double threshold,
			Workers workers) {
		this.ruleSets = List.copyOf(ruleSets);
		Set<String> highRisk = Set.copyOf(highRiskCountries);
		this.watchlist = RuleSetWatchlist.of(this.ruleSets);
		this.matcher = new NameMatcher(watchlist, threshold, NameMatcher.DEFAULT_CACHE_LIMIT);
		this.rules = new RuleIndex(this.ruleSets, watchlist, highRisk);
		this.tally = new ActionTally(watchlist);
		this.tagger = new VendorTagger(highRisk);
		this.workers = workers;
	}

	/**
	 * Builds a matcher with more than the constructors say: where and on how many threads it works.
	 * <p>
	 * By default a plan works on the common fork-join pool with one thread per core, the calling thread included.
	 * Inside a batch framework that already runs one task per core (a Spark executor), give {@code parallelism(1)}
	 * (everything on the calling thread) or the framework's own pool, so the plan does not oversubscribe the
	 * machine.
	 */
	public static final class Builder {
		private final List<RuleSet> ruleSets;
		private Set<String> highRiskCountries = DEFAULT_HIGH_RISK_COUNTRIES;
		private double threshold = NameMatcher.DEFAULT_THRESHOLD;
		private ExecutorService executor;
		private int parallelism;

		private Builder(List<RuleSet> ruleSets) {
			this.ruleSets = List.copyOf(ruleSets);
		}

		/**
		 * @param countries ISO alpha-3 codes whose origin is ELEVATED; {@link #DEFAULT_HIGH_RISK_COUNTRIES} if not
		 *                  given
		 * @return this builder
		 */
		public Builder highRiskCountries(Set<String> countries) {
			this.highRiskCountries = Set.copyOf(countries);
			return this;
		}

		/**
		 * @param minimum minimum score of a name hit, in (0, 1]; {@link NameMatcher#DEFAULT_THRESHOLD} if not given
		 * @return this builder
		 */
		public Builder threshold(double minimum) {
			this.threshold = minimum;
			return this;
		}

		/**
		 * @param pool where the helpers of a plan run (the calling thread works too and waits only for helpers that
		 *             started, so a busy pool slows a plan down but does not stall it); null for the common
		 *             fork-join pool. The matcher does not shut it down.
		 * @return this builder
		 */
		public Builder executor(ExecutorService pool) {
			this.executor = pool;
			return this;
		}

		/**
		 * @param threads how many threads a plan works on at once, the calling one included: 1 runs everything on
		 *                the calling thread; the number of cores if not given
		 * @return this builder
		 * @throws IllegalArgumentException when below 1
		 */
		public Builder parallelism(int threads) {
			if (threads < 1) {
				throw new IllegalArgumentException("parallelism must be at least 1, was " + threads);
			}
			this.parallelism = threads;
			return this;
		}

		/** @return the matcher */
		public ReviewMatcher build() {
			return new ReviewMatcher(ruleSets, highRiskCountries, threshold,
					executor == null && parallelism == 0 ? Workers.DEFAULT : new Workers(executor, parallelism));
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

	/** @return how many threads a plan works on at once, the calling one included */
	public int parallelism() {
		return workers.parallelism();
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
	 * @param ranges how many ranges the pass over the actions is cut into, 0 for one per worker on a large review
	 * @return the plan, the same whatever the number of ranges
	 */
	Plan plan(ReviewProject review, int ranges) {
		long t0 = System.nanoTime();
		long ruledOutBefore = matcher.ruledOut();
		VendorStates vendors = VendorStates.match(review.getVendors(), matcher, workers);
		long ruledOut = matcher.ruledOut() - ruledOutBefore;
		vendors.trackDates(rules::isDated);

		long ta = System.nanoTime();
		ActionTally.Result pass = tally.count(review, vendors, ranges, workers);
		long actionNanos = System.nanoTime() - ta;

		List<Hit> hits = rules.hits(vendors, pass.descriptionHits(), new Decided(review));
		List<TagSpec> tags = tagger.tags(vendors.byIndex, hits, workers);
		return new Plan(hits, tags, pass.actions(), vendors.byIndex.length, matcher.cachedNames(), ruledOut,
				tally.descriptions(), System.nanoTime() - t0, actionNanos);
	}

	/**
	 * Carries out a plan on a session as one command: the matcher's rule sets where the review does not hold them
	 * yet, matches, decisions, tags and an audit entry undo together.
	 *
	 * @param session the session whose review the plan was computed for
	 * @param plan    the plan
	 * @param author  who runs it
	 * @return what was done
	 * @throws IllegalStateException when the command could not execute
	 */
	public Outcome apply(ReviewSession session, Plan plan, String author) {
		Objects.requireNonNull(plan, "plan");
		return MatchCommandBuilder.apply(ruleSets, session, plan, author);
	}
}
