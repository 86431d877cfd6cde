package procurement.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.Decisions;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.orders.review.OrderDocuments;
import procurement.review.core.orders.review.OrderFigures;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewProject;

/**
 * A reviewer's decisions survive the real cycle: import through the importer, match, decide, save, reopen, import
 * a newer download of the same transactions (new file, same transaction keys, one row more), match again. SAME and
 * NOT_SAME both come back on the new matches, and a rejected hit stays off the orders.
 */
class DecisionsSurviveReimportTest {

	@TempDir
	Path dir;

	private static final String HEADER = "contract_transaction_unique_key,contract_award_unique_key,award_id_piid,"
			+ "modification_number,action_date,federal_action_obligation,awarding_agency_code,awarding_agency_name,"
			+ "recipient_name,recipient_uei,transaction_description\n";
	private static final String ROWS = """
			T1,CONT_AWD_A1_1500_-NONE-_-NONE-,A1,0,2017-03-01,1200.00,015,Department of Justice,KASPERSKY LAB INC,KLUS00000001,ANTI-VIRUS LICENSES
			T2,CONT_AWD_A2_1500_-NONE-_-NONE-,A2,0,2017-04-01,900.00,015,Department of Justice,AZTEC CORPORATION,AZTC00000001,ZTE NETWORK CABLES
			""";

	private Path csv(String name, String rows) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
		return file;
	}

	private static Match match(ReviewProject review, String vendorStart, String ruleId) {
		return review.getMatches().stream().filter(m -> m.getRule() != null && ruleId.equals(m.getRule().getId())
				&& (m.getVendor() != null && m.getVendor().getName().startsWith(vendorStart)
						|| m.getAction() != null && m.getAction().getVendor().getName().startsWith(vendorStart)))
				.findFirst().orElse(null);
	}

	@Test
	void sameAndNotSameComeBackThroughSaveReopenAndAReimport() throws Exception {
		ReviewSession session = ReviewSession.create("decisions");
		ImportCommand.importAll(session, List.of(csv("fy2017.csv", ROWS)));
		ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
		Match kaspersky = match(session.review(), "KASPERSKY", "BOD-17-01");
		Match aztec = match(session.review(), "AZTEC", "NDAA19-889A");
		assertNotNull(kaspersky, "the Kaspersky vendor is a BOD 17-01 hit");
		assertNotNull(aztec, "the ZTE cables are an 889 hit on the AZTEC row's description");
		Decisions.decide(session, kaspersky, DecisionState.SAME, "alice", "the vendor itself");
		Decisions.decide(session, aztec, DecisionState.NOT_SAME, "alice", "cables only, no ZTE equipment");
		Path file = dir.resolve("decisions.review");
		session.saveAs(file);

		ReviewSession reopened = ReviewSession.open(file);
		ImportCommand.importAll(reopened, List.of(csv("fy2017-newer-download.csv", ROWS
				+ "T3,CONT_AWD_A3_1500_-NONE-_-NONE-,A3,0,2017-05-01,300.00,015,Department of Justice,"
				+ "KASPERSKY LAB INC,KLUS00000001,RENEWAL\n")));
		ReviewMatcher.forSession(reopened, NameMatcher.DEFAULT_THRESHOLD).run(reopened, "bob");
		ReviewProject review = reopened.review();
		assertEquals(3, review.getReports().stream().mapToInt(r -> r.getActions().size()).sum(),
				"the newer download adds its one new transaction; the two known ones are duplicates");
		Match kasperskyAgain = match(review, "KASPERSKY", "BOD-17-01");
		Match aztecAgain = match(review, "AZTEC", "NDAA19-889A");
		assertNotNull(kasperskyAgain.getDecision(), "the SAME decision is attached to the hit found again");
		assertEquals(DecisionState.SAME, kasperskyAgain.getDecision().getState());
		assertEquals("the vendor itself", kasperskyAgain.getDecision().getNote());
		assertNotNull(aztecAgain.getDecision(), "the NOT_SAME decision is attached to the hit found again");
		assertEquals(DecisionState.NOT_SAME, aztecAgain.getDecision().getState());

		// On the orders: the rejected 889 hit stays off, the confirmed Kaspersky actions (three now) are on.
		new OrderGenerator(reopened).generate(OrderGenerator.findRule(review, "NDAA19-889A"), LocalDate.of(2021, 6, 1));
		assertTrue(OrderGenerator.currentOrders(review, OrderGenerator.findRule(review, "NDAA19-889A")).isEmpty(),
				"a rejected hit makes no order");
		new OrderGenerator(reopened).generate(OrderGenerator.findRule(review, "BOD-17-01"), LocalDate.of(2017, 9, 13));
		RemovalOrder bod = OrderGenerator.currentOrders(review, OrderGenerator.findRule(review, "BOD-17-01")).get(0);
		OrderFigures figures = OrderFigures.of(bod);
		assertEquals(2, figures.actions(), "T1 and the newly imported T3");
		assertEquals(0, figures.unreviewed(), "both confirmed by the carried-over decision");
		assertFalse(OrderDocuments.of(bod).affectedLines().isEmpty());
	}
}
