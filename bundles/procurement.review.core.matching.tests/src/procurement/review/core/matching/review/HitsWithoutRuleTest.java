package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.MatchKind;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.RuleSet;
import procurement.review.model.Vendor;
import procurement.review.rules.RuleSets;

/**
 * A watched family that no rule covers makes hits without a rule, whose risk comes from the family's country; a
 * family without a country made the matcher throw (a {@code Set.of} asked whether it contains null).
 */
class HitsWithoutRuleTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	@Test
	void aFamilyWithoutRuleAndWithoutCountryIsHitWithoutRisk() throws IOException {
		ReviewMatcher.Plan plan = plan("""
				name,terms
				Globex Telecom,GlobexCam
				""", "GLOBEX TELECOM", "GLOBEXCAM DOME CAMERAS");

		List<ReviewMatcher.Hit> hits = plan.hits();
		assertEquals(2, hits.size(), hits.toString());
		assertEquals(Set.of(MatchKind.NAME, MatchKind.DESCRIPTION),
				hits.stream().map(ReviewMatcher.Hit::kind).collect(Collectors.toSet()), hits.toString());
		for (ReviewMatcher.Hit hit : hits) {
			assertNull(hit.rule(), hit.key());
			assertEquals("GLOBEX-TELECOM", hit.entity().getId());
			assertEquals(RiskLevel.NONE, hit.riskLevel(), hit.key());
			assertTrue(hit.explanation().endsWith("; no rule covers GLOBEX-TELECOM"), hit.explanation());
		}
	}

	@Test
	void aFamilyWithoutRuleTakesItsRiskFromItsCountry() throws IOException {
		ReviewMatcher.Hit iran = plan("name,country\nGlobex Telecom,IRN\n", "GLOBEX TELECOM", "SWITCHES").hits()
				.get(0);
		assertEquals(RiskLevel.ELEVATED, iran.riskLevel());
		assertTrue(iran.explanation().endsWith("; no rule covers GLOBEX-TELECOM; high-risk country IRN"),
				iran.explanation());

		ReviewMatcher.Hit france = plan("name,country\nGlobex Telecom,FRA\n", "GLOBEX TELECOM", "SWITCHES").hits()
				.get(0);
		assertEquals(RiskLevel.NONE, france.riskLevel());
		assertTrue(france.explanation().endsWith("; country FRA"), france.explanation());
		assertFalse(france.explanation().contains("high-risk"), france.explanation());
	}

	/** The plan of a matcher with only the watch list given, over one action of one vendor. */
	private static ReviewMatcher.Plan plan(String watchList, String vendorName, String description)
			throws IOException {
		RuleSet watched = RuleSets.fromWatchlistCsv(new StringReader(watchList), "reviewer", null).orThrow();
		assertTrue(watched.getRules().isEmpty(), "no rule covers the family");
		ReviewProject review = ReviewSession.create("test").review();
		ContractingReport report = F.createContractingReport();
		report.setFileName("sample.csv");
		review.getReports().add(report);
		Vendor vendor = F.createVendor();
		vendor.setName(vendorName);
		vendor.setKey("uei:GLOBEX000001");
		review.getVendors().add(vendor);
		ContractAction action = F.createContractAction();
		action.setTransactionKey("T1");
		action.setVendor(vendor);
		action.setDescription(description);
		action.setActionDate(LocalDate.of(2024, 1, 2));
		report.getActions().add(action);
		return ReviewMatcher.of(watched).plan(review);
	}
}
