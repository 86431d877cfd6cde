package procurement.review.core.matching.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.EList;

import procurement.review.core.matching.DescriptionHit;
import procurement.review.core.matching.DescriptionScanner;
import procurement.review.core.matching.Watchlist;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/**
 * The pass over a review's contract actions: counts per vendor (actions, origin signals, dates where a hit depends
 * on them) and the description hits, a description being scanned once per distinct text and cached across runs.
 * <p>
 * The pass is bound by memory latency, so it touches as little as it can. It is cut into ranges (one per worker on a
 * large review), each counting into its own flat arrays by vendor position, added to the vendor states in range
 * order; a vendor's position comes from a two-array identity table; its action count and each origin signal's first
 * value and count sit side by side in two arrays; a description is answered once per shared string (the importer
 * shares repeated values) from a two-way memo, else by an allocation-free prefilter that rejects texts without any
 * word that starts a term.
 */
final class ActionTally {

	private static final int DESCRIPTION_CACHE_LIMIT = 1_000_000;
	private static final int PARALLEL_ACTIONS = 10_000;

	/** The description hits of one action. */
	record ActionHits(ContractAction action, List<DescriptionHit> hits) {
	}

	/**
	 * What the pass found besides the counts it added to the vendor states.
	 *
	 * @param actions         the number of actions
	 * @param descriptionHits the actions whose description names a covered term, in the order of the actions
	 */
	record Result(long actions, List<ActionHits> descriptionHits) {
	}

	private final DescriptionScanner scanner;
	private final DescriptionPrefilter prefilter;
	private final Map<String, List<DescriptionHit>> descriptionCache = new ConcurrentHashMap<>();

	ActionTally(Watchlist watchlist) {
		this.scanner = new DescriptionScanner(watchlist);
		this.prefilter = new DescriptionPrefilter(watchlist);
	}

	/** @return distinct descriptions scanned so far (cached) */
	int descriptions() {
		return descriptionCache.size();
	}

	/**
	 * Counts the actions of a review into its vendors' states.
	 *
	 * @param review  the review
	 * @param vendors the vendor states of the run, added to
	 * @param ranges  how many ranges the pass is cut into, 0 for one per worker on a large review
	 * @param workers where the ranges run
	 * @return the number of actions and the description hits, the same whatever the number of ranges
	 */
	Result count(ReviewProject review, VendorStates vendors, int ranges, Workers workers) {
		VendorState[] byIndex = vendors.byIndex;
		List<EList<ContractAction>> lists = new ArrayList<>();
		long actions = 0;
		for (ContractingReport report : review.getReports()) {
			lists.add(report.getActions());
			actions += report.getActions().size();
		}
		long total = actions;
		int chunks = ranges > 0 ? ranges : total >= PARALLEL_ACTIONS ? workers.parallelism() : 1;
		VendorTable table = new VendorTable(byIndex);
		boolean[] dated = new boolean[byIndex.length];
		for (int i = 0; i < byIndex.length; i++) {
			dated[i] = byIndex[i].trackDates;
		}
		List<Range> passes = new ArrayList<>(chunks);
		for (int c = 0; c < chunks; c++) {
			passes.add(new Range(table, dated));
		}
		workers.forEach(chunks, 2, 1, c -> passes.get(c).run(lists, total * c / chunks, total * (c + 1) / chunks));
		List<ActionHits> descriptionHits = new ArrayList<>();
		List<ContractAction> strays = new ArrayList<>();
		for (Range pass : passes) {
			pass.tally.addTo(byIndex);
			descriptionHits.addAll(pass.descriptionHits);
			strays.addAll(pass.strays);
		}
		for (ContractAction a : strays) {
			// an action whose vendor the review's vendor list does not hold: rare, counted here, one at a time
			vendors.state(a.getVendor()).add(a);
		}
		return new Result(actions, descriptionHits);
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
	 * {@link ValueCounts}. The pass over a million actions of 52,000 vendors touches two short rows of two arrays
	 * per action instead of a state object and its three counters, which do not fit in the caches.
	 */
	private static final class Tally {
		private static final int SIGNALS = 3;
		/** Per vendor: actions, then the count of each signal's first value. */
		private final int[] counts;
		/** Per vendor and signal: the first value, its label, the further values. */
		private final String[] firsts;
		private final String[] labels;
		private final ValueCounts[] more;
		private final boolean[] dated;
		private VendorState[] dates;

		Tally(boolean[] dated) {
			int n = dated.length;
			this.dated = dated;
			counts = new int[(SIGNALS + 1) * n];
			firsts = new String[SIGNALS * n];
			labels = new String[SIGNALS * n];
			more = new ValueCounts[SIGNALS * n];
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

		/** What {@link ValueCounts#add(String, String)} does, with the first value's test on the flat arrays. */
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
						more[j] = new ValueCounts();
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

		private void addTo(ValueCounts c, int v, int signal) {
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
	 * One range of the pass over the actions, counting into a {@link Tally} of its own; the tallies are added to
	 * the vendor states in range order, so that evidence lists values in the order a single pass would have seen
	 * them.
	 */
	private final class Range {
		private final VendorTable table;
		final Tally tally;
		private final DescriptionMemo memo = new DescriptionMemo();
		final List<ActionHits> descriptionHits = new ArrayList<>();
		final List<ContractAction> strays = new ArrayList<>();

		Range(VendorTable table, boolean[] dated) {
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
	 * The answer for each description text of one range, by the text's identity hash: a repeated text (the
	 * importer shares the strings of repeated values) costs a hash read and a reference compare instead of a pass
	 * over its characters; a new text goes through the prefilter and, if it may hold a term, the scanner's cache.
	 */
	private final class DescriptionMemo {
		private static final int SLOTS = 1 << 16;
		/** Per set: the newer text, its answer, the older text, its answer; one cache line per probe. */
		private final Object[] sets = new Object[2 * SLOTS];

		// The one unchecked cast in the product: text and answer share a line of one Object[] so that a probe
		// touches one cache line (a typed pair per slot would add an indirection to every action's lookup).
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
}
