package procurement.review.core.matching.review;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;

import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewProject;
import procurement.review.model.RuleSet;

/**
 * The matchers of the open reviews, kept between runs: a matcher caches every name and description it has seen,
 * so tagging a review again (after decisions, an import or a threshold change back) costs the warm pass, not the
 * cold one. An OSGi declarative service (OSGI-INF/review-matchers.xml), injected where the workbench tags.
 * <p>
 * A matcher is reused while the review holds the same rule sets, unchanged, and the threshold is the same; any
 * change inside a rule set (an alias, a rule, an exclusion) makes the next call build a new one. Reviews are held
 * weakly: closing a review frees its matcher.
 */
public class ReviewMatchers {

    private final Map<ReviewProject, Entry> entries = new WeakHashMap<>();

    /** A matcher with what it was built from, and a watch on the rule sets' contents. */
    private static final class Entry extends EContentAdapter {
        final List<RuleSet> ruleSets;
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
    }

    /**
     * The matcher for a session's review; a review without rule sets first gets the built-in one, as an undoable
     * command (see {@link ReviewMatcher#forSession}).
     *
     * @param session   the open review
     * @param threshold minimum score of a name hit, in (0, 1]
     * @return the kept matcher, or a new one when the rule sets or the threshold changed
     */
    public synchronized ReviewMatcher forSession(ReviewSession session, double threshold) {
        ReviewProject review = session.review();
        Entry entry = entries.get(review);
        if (entry != null && !entry.stale && entry.threshold == threshold
                && entry.ruleSets.equals(List.copyOf(review.getRuleSets()))) {
            return entry.matcher;
        }
        if (entry != null) {
            entry.unwatch();
        }
        ReviewMatcher matcher = ReviewMatcher.forSession(session, threshold);
        Entry fresh = new Entry(List.copyOf(review.getRuleSets()), threshold, matcher);
        fresh.watch();
        entries.put(review, fresh);
        return matcher;
    }
}
