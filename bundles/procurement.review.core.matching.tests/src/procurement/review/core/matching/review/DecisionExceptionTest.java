package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/** A reviewer records a section 889 exception on one hit; it is never applied by the matcher. */
class DecisionExceptionTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	private ReviewSession session;
	private ReviewProject review;

	@BeforeEach
	void setUp() {
		session = ReviewSession.create("exceptions");
		review = session.review();
		ContractingReport report = F.createContractingReport();
		review.getReports().add(report);
		Vendor v = F.createVendor();
		v.setName("ZTE USA INC");
		v.setKey("name:zte usa");
		review.getVendors().add(v);
		ContractAction a = F.createContractAction();
		a.setTransactionKey("T1");
		a.setVendor(v);
		a.setDescription("ROAMING AGREEMENT");
		a.setActionDate(LocalDate.of(2020, 2, 10));
		report.getActions().add(a);
		ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
	}

	private Match hitOf(String ruleId) {
		return review.getMatches().stream().filter(m -> m.getRule() != null && ruleId.equals(m.getRule().getId()))
				.findFirst().orElseThrow();
	}

	@Test
	void noHitCarriesAnExceptionUntilAReviewerRecordsOne() {
		review.getMatches().forEach(m -> assertNull(m.getDecision()));
		Match a = hitOf("NDAA19-889A");
		String backhaul = a.getRule().getExceptions().get(0);
		Decisions.except(session, a, backhaul, "alice", "roaming only");
		assertEquals(DecisionState.SAME, a.getDecision().getState());
		assertEquals(backhaul, a.getDecision().getException());
		// The exception is the rule's: the same identity on the other 889 limb is not decided by it.
		assertNull(hitOf("NDAA19-889B").getDecision());
		assertEquals("except", review.getAuditLog().get(review.getAuditLog().size() - 1).getAction());
		session.commandStack().undo();
		assertNull(a.getDecision());
	}

	@Test
	void onlyAnExceptionTheRuleListsCanBeRecorded() {
		Match fcc = hitOf("FCC-CL");
		assertThrows(IllegalArgumentException.class, () -> Decisions.except(session, fcc,
				"Sec. 889(a)(2)(A): a service that connects to the facilities of a third party", "alice", null));
		Match a = hitOf("NDAA19-889A");
		assertThrows(IllegalArgumentException.class, () -> Decisions.except(session, a, "made up", "alice", null));
	}
}
