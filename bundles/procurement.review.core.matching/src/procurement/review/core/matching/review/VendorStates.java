package procurement.review.core.matching.review;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.emf.common.util.EList;

import procurement.review.core.matching.NameHit;
import procurement.review.core.matching.NameMatcher;
import procurement.review.model.Vendor;

/**
 * The vendors of one run with their own hits (by identifier, else by name): the review's vendors by position, matched
 * on all workers, and vendors outside the review's vendor list (a parent, an action's vendor) matched when first met.
 */
final class VendorStates {

	private static final int PARALLEL_THRESHOLD = 2_000;
	private static final int BLOCK = 256;

	private final NameMatcher matcher;
	private final Map<Vendor, VendorState> states;
	/** The review's vendors, by position in its vendor list. */
	final VendorState[] byIndex;

	private VendorStates(NameMatcher matcher, VendorState[] byIndex) {
		this.matcher = matcher;
		this.byIndex = byIndex;
		this.states = new IdentityHashMap<>(byIndex.length * 2);
		for (VendorState s : byIndex) {
			states.put(s.vendor, s);
		}
	}

	/**
	 * Matches the review's vendors.
	 *
	 * @param vendorList the review's vendors
	 * @param matcher    the name matcher
	 * @param workers    where cold names are matched
	 * @return the states, by position
	 */
	static VendorStates match(EList<Vendor> vendorList, NameMatcher matcher, Workers workers) {
		int n = vendorList.size();
		NameHit[] own = new NameHit[n];
		boolean[] byId = new boolean[n];
		// cold names cost microseconds each: spread them over the workers; results land by index, in order
		workers.forEach(n, PARALLEL_THRESHOLD, BLOCK, i -> {
			Vendor v = vendorList.get(i);
			Optional<NameHit> id = matcher.matchIdentifiers(v.getUei(), v.getDuns(), v.getCage());
			byId[i] = id.isPresent();
			own[i] = id.isPresent() ? id.get() : matcher.match(v.getName()).orElse(null);
		});
		VendorState[] byIndex = new VendorState[n];
		for (int i = 0; i < n; i++) {
			VendorState s = new VendorState(vendorList.get(i), i);
			s.own = own[i];
			s.ownById = byId[i];
			byIndex[i] = s;
		}
		return new VendorStates(matcher, byIndex);
	}

	/**
	 * Marks the vendors whose hit, or whose parent's (grand-parent's ...), depends on dates: their actions' dates
	 * are kept during the pass.
	 *
	 * @param dated whether a hit's link holds only between dates
	 */
	void trackDates(Predicate<NameHit> dated) {
		for (VendorState s : byIndex) {
			s.trackDates |= dated.test(s.own);
			for (Vendor p = s.vendor.getParent(); p != null && !s.trackDates; p = p.getParent()) {
				s.trackDates = dated.test(state(p).own);
				if (p == s.vendor) {
					break;
				}
			}
		}
	}

	/**
	 * @param v a vendor
	 * @return its state; one for a vendor the review's vendor list does not hold is made and matched now
	 */
	VendorState state(Vendor v) {
		VendorState s = states.get(v);
		if (s == null) {
			s = new VendorState(v, -1);
			Optional<NameHit> id = matcher.matchIdentifiers(v.getUei(), v.getDuns(), v.getCage());
			s.ownById = id.isPresent();
			s.own = id.isPresent() ? id.get() : matcher.match(v.getName()).orElse(null);
			states.put(v, s);
		}
		return s;
	}
}
