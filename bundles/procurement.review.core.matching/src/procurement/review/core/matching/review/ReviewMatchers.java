package procurement.review.core.matching.review;

import java.util.List;
import java.util.Objects;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.emf.ecore.util.EcoreUtil;

import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewProject;
import procurement.review.model.RuleSet;

/**
 * The matchers of the open reviews, kept between runs: a matcher caches every name and description it has seen,
 * so tagging a review again (after decisions, an import or a threshold change back) costs the warm pass, not the
 * cold one. An OSGi declarative service (OSGI-INF/review-matchers.xml), injected where the workbench tags.
 * <p>
 * A matcher is reused while the review holds the same rule sets (or the copies a run made of the matcher's own,
 * unchanged), unchanged, and the threshold is the same; any change inside a rule set (an alias, a rule, an
 * exclusion) makes the next call build a new one.
 * <p>
 * The kept matcher is attached to its review (an EMF adapter), not held here: it lives exactly as long as the review
 * and its session, and closing the review frees both, whatever this service's lifetime. (A map from reviews to
 * matchers, even a weak one, would keep every review alive through the rule sets its matcher holds.)
 */
public class ReviewMatchers {

	/** The matcher kept for one review by one instance of this service, attached to the review. */
	private static final class Kept extends AdapterImpl {
		private final ReviewMatchers owner;
		Entry entry;

		Kept(ReviewMatchers owner) {
			this.owner = owner;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == owner;
		}
	}

	/** A matcher with what it was built from, and a watch on the rule sets' contents. */
	private static final class Entry extends EContentAdapter {
		List<RuleSet> ruleSets;
		final double threshold;
		final ReviewMatcher matcher;
		volatile boolean stale;

		Entry(List<RuleSet> ruleSets, double threshold, ReviewMatcher matcher) {
			this.ruleSets = ruleSets;
			this.threshold = threshold;
			this.matcher = matcher;
		}

		@Override
		public void notifyChanged(Notification notification) {
			super.notifyChanged(notification);
			if (!notification.isTouch()) {
				stale = true;
			}
		}

		void watch() {
			ruleSets.forEach(r -> r.eAdapters().add(this));
		}

		void unwatch() {
			ruleSets.forEach(r -> r.eAdapters().remove(this));
		}

		/**
		 * @param current the review's rule sets now
		 * @return true when they are the rule sets the matcher was built from, or copies of them that a run put into
		 *         a review that held none (the built-in rule set), unchanged since
		 */
		boolean fits(List<RuleSet> current) {
			if (ruleSets.equals(current)) {
				return true;
			}
			List<RuleSet> own = matcher.ruleSets();
			if (!ruleSets.isEmpty() || own.size() != current.size()) {
				return false;
			}
			for (int i = 0; i < own.size(); i++) {
				RuleSet a = own.get(i);
				RuleSet b = current.get(i);
				if (!Objects.equals(a.getId(), b.getId()) || !Objects.equals(a.getVersion(), b.getVersion())
						|| !EcoreUtil.equals(a, b)) {
					return false;
				}
			}
			// from now on the copies are what a change would be made to
			ruleSets = current;
			watch();
			return true;
		}
	}

	/**
	 * The matcher for a session's review. Neither the review nor the session is changed: a review without rule sets
	 * gets the built-in one from the run (see {@link ReviewMatcher#forSession}).
	 *
	 * @param session   the open review
	 * @param threshold minimum score of a name hit, in (0, 1]
	 * @return the kept matcher, or a new one when the rule sets or the threshold changed
	 */
	public synchronized ReviewMatcher forSession(ReviewSession session, double threshold) {
		ReviewProject review = session.review();
		Kept kept = (Kept) EcoreUtil.getExistingAdapter(review, this);
		Entry entry = kept == null ? null : kept.entry;
		List<RuleSet> current = List.copyOf(review.getRuleSets());
		if (entry != null && !entry.stale && entry.threshold == threshold && entry.fits(current)) {
			return entry.matcher;
		}
		if (entry != null) {
			entry.unwatch();
		}
		ReviewMatcher matcher = ReviewMatcher.forSession(session, threshold);
		Entry fresh = new Entry(current, threshold, matcher);
		fresh.watch();
		if (kept == null) {
			kept = new Kept(this);
			review.eAdapters().add(kept);
		}
		kept.entry = fresh;
		return matcher;
	}
}
