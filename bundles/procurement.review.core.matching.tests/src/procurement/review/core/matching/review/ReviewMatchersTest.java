package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.edit.command.SetCommand;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewPackage;
import procurement.review.model.Rule;

/** The kept matchers are a declarative service and are rebuilt exactly when what they were built from changes. */
class ReviewMatchersTest {

	@Test
	void aDeclarativeServiceThatKeepsTheMatcherUntilItsRuleSetsOrThresholdChange() {
		Bundle bundle = FrameworkUtil.getBundle(ReviewMatchers.class);
		assertNotNull(bundle, "runs inside OSGi");
		BundleContext context = bundle.getBundleContext();
		ServiceReference<ReviewMatchers> reference = context.getServiceReference(ReviewMatchers.class);
		assertNotNull(reference, "the service component of OSGI-INF/review-matchers.xml is registered");
		ReviewMatchers matchers = context.getService(reference);
		try {
			ReviewSession session = ReviewSession.create("Kept");
			ReviewMatcher first = matchers.forSession(session, 0.7);
			assertTrue(session.review().getRuleSets().isEmpty(), "asking for a matcher changes nothing");
			assertFalse(session.commandStack().canUndo(), "not even by an undoable step");
			assertSame(first, matchers.forSession(session, 0.7), "the same review and threshold keep the matcher");
			first.run(session, "alice");
			assertEquals(1, session.review().getRuleSets().size(), "the run brought the built-in rule set in");
			assertSame(first, matchers.forSession(session, 0.7),
					"the run's copy of the matcher's own rule set keeps the matcher");
			ReviewMatcher stricter = matchers.forSession(session, 0.8);
			assertNotSame(first, stricter, "another threshold, another matcher");

			Rule rule = session.review().getRuleSets().get(0).getRules().get(0);
			session.commandStack().execute(SetCommand.create(session.editingDomain(), rule,
					ReviewPackage.Literals.RULE__TITLE, "Amended " + rule.getTitle()));
			ReviewMatcher amended = matchers.forSession(session, 0.8);
			assertNotSame(stricter, amended, "a change inside a rule set builds a new matcher");
			assertSame(amended, matchers.forSession(session, 0.8));

			ReviewSession other = ReviewSession.create("Other");
			assertNotSame(amended, matchers.forSession(other, 0.8), "one matcher per review");
		} finally {
			context.ungetService(reference);
		}
	}

	@Test
	void theCopyOfTheBuiltInRuleSetThatARunMadeIsWatchedLikeAnyRuleSetOfTheReview() {
		ReviewMatchers matchers = new ReviewMatchers();
		ReviewSession session = ReviewSession.create("Copied");
		ReviewMatcher first = matchers.forSession(session, 0.7);
		first.run(session, "alice");
		assertSame(first, matchers.forSession(session, 0.7));
		Rule rule = session.review().getRuleSets().get(0).getRules().get(0);
		session.commandStack().execute(SetCommand.create(session.editingDomain(), rule,
				ReviewPackage.Literals.RULE__TITLE, "Amended " + rule.getTitle()));
		ReviewMatcher amended = matchers.forSession(session, 0.7);
		assertNotSame(first, amended, "a change inside the review's copy builds a new matcher");
		assertSame(session.review().getRuleSets().get(0), amended.ruleSets().get(0),
				"built from the review's own rule set now");
		session.commandStack().undo();
		assertNotSame(amended, matchers.forSession(session, 0.7), "and so does undoing the change");
	}
}
