package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Match;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.Vendor;
import procurement.review.rules.RuleSetDiff;
import procurement.review.rules.RuleSets;

/**
 * A reviewer imports a newer rule set: sees what it adds, removes and re-dates, accepts it as one undoable step,
 * and the matches made under the old rules keep their rules.
 */
class RuleSetUpdateTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	private ReviewSession session;
	private ReviewProject review;
	private RuleSet before;

	@BeforeEach
	void setUp() {
		session = ReviewSession.create("rules");
		review = session.review();
		ContractingReport report = F.createContractingReport();
		report.setFileName("r.csv");
		review.getReports().add(report);
		Vendor v = F.createVendor();
		v.setName("HUAWEI TECHNOLOGIES USA INC");
		v.setKey("name:huawei technologies usa");
		review.getVendors().add(v);
		ContractAction a = F.createContractAction();
		a.setTransactionKey("T1");
		a.setVendor(v);
		a.setActionDate(LocalDate.of(2020, 2, 10));
		report.getActions().add(a);
		ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
		before = review.getRuleSets().get(0);
	}

	/** A newer version: one rule re-dated, one removed, one added, a family dropped. */
	private RuleSet newer() {
		RuleSet next = EcoreUtil.copy(before);
		next.setVersion("2027.1.1");
		next.setDate(LocalDate.of(2027, 1, 15));
		RuleSets.rule(next, "NDAA19-889B").setEffective(LocalDate.of(2020, 8, 14));
		next.getRules().remove(RuleSets.rule(next, "BIS-EL-2024"));
		Rule added = F.createRule();
		added.setId("FASCSA-2027");
		added.setEffective(LocalDate.of(2027, 1, 1));
		next.getRules().add(added);
		RuleSets.rule(next, "FCC-CL").getCovered().remove(RuleSets.entity(next, "PACIFIC_NETWORKS"));
		RuleSets.rule(next, "FCC-CL").getEntryDates()
				.removeIf(e -> e.getEntity() == RuleSets.entity(next, "PACIFIC_NETWORKS"));
		next.getEntities().remove(RuleSets.entity(next, "PACIFIC_NETWORKS"));
		return next;
	}

	@Test
	void theDiffSaysWhatIsAddedRemovedAndRedated() {
		RuleSetDiff diff = RuleSetUpdate.prepare(session, newer()).diff();
		assertEquals(List.of("rule FASCSA-2027, effective 2027-01-01"), diff.added());
		assertEquals(List.of("rule BIS-EL-2024", "family PACIFIC_NETWORKS"), diff.removed());
		assertTrue(diff.changed().contains("NDAA19-889B effective 2020-08-13 -> 2020-08-14"), diff.changed()
				.toString());
		assertTrue(diff.changed().stream().anyMatch(c -> c.startsWith("FCC-CL covers ")), diff.changed().toString());
		assertTrue(diff.lines().get(0).startsWith("Rule set builtin: " + before.getVersion() + " (as of "),
				diff.lines().get(0));
		assertTrue(diff.lines().get(0).endsWith("-> 2027.1.1 (as of 2027-01-15)"), diff.lines().get(0));
	}

	@Test
	void acceptingIsOneUndoableStepAndOldMatchesKeepTheirRules() {
		Match hit = review.getMatches().stream().filter(m -> m.getRule() != null).findFirst().orElseThrow();
		Rule oldRule = hit.getRule();
		int audit = review.getAuditLog().size();
		RuleSet next = newer();
		RuleSetUpdate update = RuleSetUpdate.prepare(session, next);
		assertSame(before, update.replaced());
		update.apply("alice");
		assertEquals(List.of(next), List.copyOf(review.getRuleSets()));
		assertEquals(List.of(before), List.copyOf(review.getFormerRuleSets()));
		assertSame(oldRule, hit.getRule(), "a match keeps the rule it was made under");
		assertNotNull(oldRule.eResource(), "and that rule is still inside the review");
		assertEquals(audit + 1, review.getAuditLog().size());
		assertTrue(review.getAuditLog().get(audit).getDetail().contains("+ rule FASCSA-2027"));

		session.commandStack().undo();
		assertEquals(List.of(before), List.copyOf(review.getRuleSets()));
		assertTrue(review.getFormerRuleSets().isEmpty());
		assertEquals(audit, review.getAuditLog().size());
		session.commandStack().redo();
		assertEquals(List.of(next), List.copyOf(review.getRuleSets()));
	}

	@Test
	void theNextRunUsesTheNewRules() {
		RuleSetUpdate.prepare(session, newer()).apply("alice");
		new ReviewMatchers().forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
		assertTrue(review.getMatches().stream().allMatch(m -> m.getRule() == null
				|| m.getRule().eContainer() == review.getRuleSets().get(0)));
	}

	@Test
	void aRuleSetWithoutIdOrAlreadyInAReviewIsRefused() {
		RuleSet anonymous = F.createRuleSet();
		assertThrows(IllegalArgumentException.class, () -> RuleSetUpdate.prepare(session, anonymous));
		assertThrows(IllegalArgumentException.class, () -> RuleSetUpdate.prepare(session, before));
	}

	@Test
	void anOldRuleSetIsWarnedAbout() {
		assertNull(RuleSetDiff.staleness(before, before.getDate().plusDays(180), 180));
		String warning = RuleSetDiff.staleness(before, before.getDate().plusDays(181), 180);
		assertEquals("Rule set builtin " + before.getVersion() + " is as of " + before.getDate()
				+ ", 181 days ago: laws and lists may have changed since; import a newer rule set", warning);
	}
}
