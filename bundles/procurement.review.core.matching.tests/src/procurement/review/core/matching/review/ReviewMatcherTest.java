package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Decision;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.RuleSet;
import procurement.review.model.Tag;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;
import procurement.review.rules.BuiltinRules;
import procurement.review.rules.RuleSets;

/**
 * The matcher on a small review built in code: a Kaspersky reseller found by its description, an identifier that
 * overrides the name, a parent roll-up, the AZTEC hard negative, origin tags, the purpose-limited surveillance limb,
 * undo, re-runs and decisions.
 */
class ReviewMatcherTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	private ReviewSession session;
	private ReviewProject review;
	private ContractingReport report;
	private RuleSet builtin;
	private RuleSet reviewer;

	@BeforeEach
	void setUp() throws IOException {
		session = ReviewSession.create("test");
		review = session.review();
		report = F.createContractingReport();
		report.setFileName("sample.csv");
		review.getReports().add(report);
		builtin = BuiltinRules.load();
		// a reviewer knows a UEI of a Huawei company that trades under an unrelated name
		reviewer = RuleSets.fromWatchlistCsv(new StringReader("""
                name,family,uei,rule,risk
                Huawei Technologies USA Inc.,HUAWEI,HWUSATEST001,NDAA19-889A,PROHIBITED
                """), "reviewer", builtin).orThrow();

		Vendor cdw = vendor("CDW GOVERNMENT LLC", "uei:CDWGOV000001", "USA");
		action("T1", cdw, "KASPERSKY ENDPOINT SECURITY LICENSES RENEWAL", "USA", null, "A");
		action("T2", cdw, "KASPERSKY THREAT INTELLIGENCE PORTAL SUBSCRIPTION", null, null, "A");
		action("T3", cdw, "DELL LAPTOPS", "USA", null, "A");

		Vendor trading = vendor("ZTE USA INC", "uei:HWUSATEST001", "USA");
		trading.setUei("HWUSATEST001");
		action("T4", trading, "NETWORK SWITCHES", null, null, null);

		Vendor hik = vendor("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", "name:HIKVISION", "CHN");
		Vendor integrator = vendor("SMART CITY INTEGRATORS INC", "uei:SMARTCITY001", "USA");
		integrator.setParent(hik);
		action("T5", integrator, "CAMERA INSTALLATION", "CHN", "D", "C");

		Vendor aztec = vendor("AZTEC CORPORATION", "uei:AZTEC0000001", "USA");
		action("T6", aztec, "MAINTENANCE OF AZTEC BUILDING HVAC SYSTEMS", "USA", null, "A");

		Vendor hikUsa = vendor("HIKVISION USA INC", "uei:HIKUSA000001", null);
		action("T7", hikUsa, "NVR", null, null, null);

		vendor("UNKNOWN SUPPLIER LLC", "uei:UNKNOWN00001", null);
	}

	private Vendor vendor(String name, String key, String country) {
		Vendor v = F.createVendor();
		v.setName(name);
		v.setKey(key);
		v.setCountryCode(country);
		review.getVendors().add(v);
		return v;
	}

	private ContractAction action(String txn, Vendor v, String description, String origin, String manufacture,
			String entityType) {
		ContractAction a = F.createContractAction();
		a.setTransactionKey(txn);
		a.setVendor(v);
		a.setDescription(description);
		a.setOriginCountryCode(origin);
		a.setPlaceOfManufactureCode(manufacture);
		a.setPlaceOfManufactureName(manufacture == null ? null : "MFG OUTSIDE U.S. - USE OUTSIDE U.S.");
		a.setDomesticOrForeignEntityCode(entityType);
		a.setActionDate(LocalDate.of(2019, 10, 1));
		report.getActions().add(a);
		return a;
	}

	private ReviewMatcher matcher() {
		return ReviewMatcher.of(builtin, reviewer);
	}

	private Set<String> keys() {
		return review.getMatches().stream().map(Match::getKey).collect(Collectors.toCollection(TreeSet::new));
	}

	private Match match(String key) {
		return review.getMatches().stream().filter(m -> m.getKey().equals(key)).findFirst().orElse(null);
	}

	private Tag tag(TagKind kind, String vendorKey, String value) {
		return review.getTags().stream().filter(t -> t.getKind() == kind
				&& MatchKeys.vendorKey(t.getVendor()).equals(vendorKey) && (value == null || value.equals(t.getValue())))
				.findFirst().orElse(null);
	}

	@Test
	void findsResellerDescriptionsIdentifiersParentsAndNotAztec() {
		ReviewMatcher.Outcome out = matcher().run(session, "alice");
		assertEquals(review.getMatches().size(), out.matchesAdded());

		// the reseller: its name is clean, its descriptions are not
		Match bod = match("uei:CDWGOV000001|KASPERSKY|BOD-17-01|DESCRIPTION|T1");
		assertNotNull(bod, keys().toString());
		assertEquals(RiskLevel.PROHIBITED, bod.getRiskLevel());
		assertEquals("KASPERSKY ENDPOINT SECURITY", bod.getMatchedText());
		assertSame(review.getRuleSets().get(0), bod.getRule().eContainer(), "the rule set is copied into the review");
		assertEquals("BOD-17-01", bod.getRule().getId());
		assertEquals(5, keys().stream().filter(k -> k.endsWith("|DESCRIPTION|T1")).count(),
				"one match per rule covering Kaspersky");
		// Threat Intelligence is outside BOD 17-01 but inside NDAA18-1634
		assertNull(match("uei:CDWGOV000001|KASPERSKY|BOD-17-01|DESCRIPTION|T2"));
		assertNotNull(match("uei:CDWGOV000001|KASPERSKY|NDAA18-1634|DESCRIPTION|T2"));
		assertTrue(keys().stream().noneMatch(k -> k.startsWith("uei:CDWGOV000001|KASPERSKY|") && k.contains("NAME")));

		// the identifier says Huawei, whatever the name says
		Match id = match("uei:HWUSATEST001|HUAWEI|NDAA19-889A|IDENTIFIER");
		assertNotNull(id, keys().toString());
		assertEquals(1.0, id.getScore());
		assertEquals("UEI HWUSATEST001", id.getMatchedText());
		assertTrue(keys().stream().noneMatch(k -> k.startsWith("uei:HWUSATEST001|ZTE")), keys().toString());

		// the integrator is covered through its parent; the surveillance limb needs review
		Match parent = match("uei:SMARTCITY001|HIKVISION|NDAA19-889A-SURVEILLANCE|PARENT");
		assertNotNull(parent, keys().toString());
		assertEquals(RiskLevel.NEEDS_REVIEW, parent.getRiskLevel());
		assertTrue(parent.getExplanation().startsWith("parent HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD"),
				parent.getExplanation());
		assertTrue(parent.getExplanation().contains("coverage depends on the purpose"), parent.getExplanation());
		Match hikUsa = match("uei:HIKUSA000001|HIKVISION|NDAA19-889A-SURVEILLANCE|NAME");
		assertNotNull(hikUsa);
		assertEquals(RiskLevel.NEEDS_REVIEW, hikUsa.getRiskLevel());
		assertTrue(hikUsa.getExplanation().contains("member HIKVISION-USA"), hikUsa.getExplanation());
		assertNotNull(match("name:HIKVISION|HIKVISION|FCC-CL|NAME"));

		// the hard negative
		assertTrue(keys().stream().noneMatch(k -> k.startsWith("uei:AZTEC")), keys().toString());
		assertTrue(keys().stream().noneMatch(k -> k.contains("|ZTE|") && !k.startsWith("uei:HWUSATEST001")));

		for (Match m : review.getMatches()) {
			assertTrue(m.getScore() > 0 && m.getScore() <= 1, m.getKey());
			assertFalse(m.getExplanation().isBlank(), m.getKey());
			assertEquals(m.getKey(), MatchKeys.key(MatchKeys.vendorKey(m.getVendor()), m.getCoveredEntity().getId(),
					m.getRule().getId(), m.getKind(), m.getKind() == MatchKind.DESCRIPTION
							? MatchKeys.transactionKey(m.getAction()) : null));
		}
		assertEquals(1, review.getAuditLog().size());
		assertEquals("match", review.getAuditLog().get(0).getAction());
		assertEquals(OptionalInt.empty(), AuditLog.verify(review));
	}

	@Test
	void cuttingThePassOverTheActionsIntoRangesGivesTheSamePlan() {
		// many actions over the set-up vendors, in an order where every range sees every vendor with other values
		Vendor outside = F.createVendor(); // referenced by actions but not in the review's vendor list
		outside.setName("KASPERSKY LAB INC");
		outside.setKey("name:KASPERSKY LAB INC");
		List<Vendor> vendors = List.copyOf(review.getVendors());
		String[] origins = {"USA", "CHN", "RUS", "", null};
		for (int i = 0; i < 3_000; i++) {
			Vendor v = i % 97 == 0 ? outside : vendors.get(i % vendors.size());
			ContractAction a = action("R" + i, v, i % 7 == 0 ? "HIKVISION CAMERAS LOT " + (i % 3) : "SUPPLIES " + i,
					origins[i % origins.length], i % 5 == 0 ? "D" : null, i % 3 == 0 ? "C" : "A");
			a.setActionDate(LocalDate.of(2018, 1, 1).plusDays(i));
		}
		ReviewMatcher.Plan one = matcher().plan(review, 1);
		for (int ranges : new int[] {2, 3, 7}) {
			ReviewMatcher.Plan cut = matcher().plan(review, ranges);
			assertEquals(one.hits(), cut.hits(), ranges + " ranges");
			assertEquals(one.tags(), cut.tags(), ranges + " ranges");
			assertEquals(one.actions(), cut.actions());
		}
		assertTrue(one.hits().stream().anyMatch(h -> h.action() != null && h.action().getVendor() == outside),
				"the actions of a vendor outside the list are counted and scanned");
		assertTrue(one.tags().stream().anyMatch(t -> t.kind() == TagKind.ORIGIN && t.evidence().contains("RUS x")),
				one.tags().toString());
	}

	@Test
	void forSessionChangesNothingAndTheRunBringsTheBuiltInRuleSetInItsOneStep() {
		ReviewMatcher m = ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD);
		assertTrue(review.getRuleSets().isEmpty(), "asking for a matcher leaves the review as it was");
		assertFalse(session.commandStack().canUndo());
		assertFalse(session.isDirty());
		assertEquals(BuiltinRules.ID, m.ruleSets().get(0).getId(), "a review without rule sets gets the built-in");

		m.run(session, "alice");
		assertEquals(1, review.getRuleSets().size());
		assertTrue(review.getMatches().size() >= 15, keys().toString());
		assertTrue(review.getMatches().stream().allMatch(x -> x.getRule() == null
				|| x.getRule().eContainer() == review.getRuleSets().get(0)), "the matches point at the review's copy");
		assertEquals(OptionalInt.empty(), AuditLog.verify(review));
		session.commandStack().undo();
		assertTrue(review.getRuleSets().isEmpty() && review.getMatches().isEmpty() && review.getTags().isEmpty());
		assertFalse(session.commandStack().canUndo(), "the rule set, the matches and the tags were one step");
	}

	@Test
	void aGivenExecutorOrParallelismGivesTheSamePlanOnThoseThreads() throws InterruptedException {
		// enough vendors and actions that every parallel part is cut: names and origin tags (from 2,000 vendors)
		// and the pass over the actions (from 10,000 actions)
		List<Vendor> set = List.copyOf(review.getVendors());
		for (int i = 0; i < 2_500; i++) {
			Vendor v = vendor(i % 50 == 0 ? "HIKVISION RESELLER " + i + " LLC" : "SUPPLIER " + i + " LLC",
					"uei:S" + i, i % 3 == 0 ? "CHN" : "USA");
			v.setParent(i % 40 == 0 ? set.get(3) : null);
		}
		List<Vendor> vendors = List.copyOf(review.getVendors());
		for (int i = 0; i < 12_000; i++) {
			action("P" + i, vendors.get(i % vendors.size()), i % 11 == 0 ? "KASPERSKY ENDPOINT SECURITY" : "PAPER",
					i % 4 == 0 ? "RUS" : "USA", i % 5 == 0 ? "D" : null, i % 3 == 0 ? "C" : "A");
		}
		ReviewMatcher.Plan common = matcher().plan(review);
		assertTrue(common.hits().size() > 1_000, "a plan with work in every part: " + common.hits().size());

		ThreadPoolExecutor pool = new ThreadPoolExecutor(3, 3, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
		try {
			ReviewMatcher.Plan alone = ReviewMatcher.builder(List.of(builtin, reviewer)).parallelism(1).executor(pool)
					.build().plan(review);
			assertEquals(0, pool.getTaskCount(), "parallelism 1: everything on the calling thread");
			ReviewMatcher onPool = ReviewMatcher.builder(List.of(builtin, reviewer)).executor(pool).parallelism(4)
					.build();
			assertEquals(4, onPool.parallelism());
			ReviewMatcher.Plan pooled = onPool.plan(review);
			assertTrue(pool.getTaskCount() >= 3, "helpers ran on the given executor: " + pool.getTaskCount());
			for (ReviewMatcher.Plan p : List.of(alone, pooled)) {
				assertEquals(common.hits(), p.hits());
				assertEquals(common.tags(), p.tags());
				assertEquals(common.actions(), p.actions());
			}
		} finally {
			pool.shutdown();
		}
		assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
		// a shut-down executor refuses the helpers: the calling thread does all the work
		ReviewMatcher.Plan refused = ReviewMatcher.builder(List.of(builtin, reviewer)).executor(pool).parallelism(3)
				.build().plan(review);
		assertEquals(common.hits(), refused.hits());
		assertEquals(common.tags(), refused.tags());
		assertThrows(IllegalArgumentException.class, () -> ReviewMatcher.builder(List.of(builtin)).parallelism(0));
	}

	@Test
	void tagsOriginWithEvidenceAndRiskWithCitation() {
		matcher().run(session, "alice");
		Tag integrator = tag(TagKind.ORIGIN, "uei:SMARTCITY001", null);
		assertEquals("CHN", integrator.getValue());
		assertEquals(RiskLevel.ELEVATED, integrator.getRiskLevel());
		assertTrue(integrator.getEvidence().contains("covered family HIKVISION (CHN) by PARENT match"),
				integrator.getEvidence());
		assertTrue(integrator.getEvidence().contains("product origin: CHN x1"), integrator.getEvidence());
		assertTrue(integrator.getEvidence().contains("place of manufacture: D (MFG OUTSIDE U.S."),
				integrator.getEvidence());
		assertTrue(integrator.getEvidence().contains("domestic/foreign entity: C (foreign-owned"),
				integrator.getEvidence());
		assertTrue(integrator.getEvidence().contains("parent HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD country CHN"),
				integrator.getEvidence());
		assertTrue(integrator.getEvidence().contains("vendor country USA"), integrator.getEvidence());

		assertEquals("USA", tag(TagKind.ORIGIN, "uei:AZTEC0000001", null).getValue());
		assertEquals(RiskLevel.NONE, tag(TagKind.ORIGIN, "uei:AZTEC0000001", null).getRiskLevel());
		assertEquals("UNKNOWN", tag(TagKind.ORIGIN, "uei:UNKNOWN00001", null).getValue());
		assertEquals("CHN", tag(TagKind.ORIGIN, "uei:HIKUSA000001", null).getValue(),
				"a covered family's country outranks a missing origin");
		assertEquals(review.getVendors().size(),
				review.getTags().stream().filter(t -> t.getKind() == TagKind.ORIGIN).count(), "one per vendor");

		Tag risk = tag(TagKind.RISK, "uei:CDWGOV000001", "BOD-17-01");
		assertEquals(RiskLevel.PROHIBITED, risk.getRiskLevel());
		assertEquals("BOD-17-01", risk.getRule().getId());
		assertTrue(risk.getEvidence().startsWith("DHS Binding Operational Directive 17-01; DESCRIPTION KASPERSKY"),
				risk.getEvidence());
		assertEquals(RiskLevel.NEEDS_REVIEW,
				tag(TagKind.RISK, "uei:SMARTCITY001", "NDAA19-889A-SURVEILLANCE").getRiskLevel());
		assertNull(tag(TagKind.RISK, "uei:AZTEC0000001", null));
		for (Tag t : review.getTags()) {
			assertEquals(ReviewMatcher.TAG_AUTHOR, t.getAuthor());
		}
	}

	@Test
	void undoRemovesEverythingAndRedoRestoresIt() {
		matcher().run(session, "alice");
		int matches = review.getMatches().size();
		int tags = review.getTags().size();
		// a run with hits under several rules (20 with ICTS excluding T2's Threat Intelligence, issue 15)
		assertTrue(matches >= 15 && tags > 8, matches + " " + tags);
		session.commandStack().undo();
		assertTrue(review.getMatches().isEmpty());
		assertTrue(review.getTags().isEmpty());
		assertTrue(review.getRuleSets().isEmpty());
		assertTrue(review.getAuditLog().isEmpty());
		session.commandStack().redo();
		assertEquals(matches, review.getMatches().size());
		assertEquals(tags, review.getTags().size());
	}

	@Test
	void reRunDoesNotDuplicate() {
		ReviewMatcher m = matcher();
		m.run(session, "alice");
		Set<String> first = keys();
		int tags = review.getTags().size();
		ReviewMatcher.Outcome again = m.run(session, "alice");
		assertEquals(0, again.matchesAdded());
		assertEquals(0, again.matchesUpdated());
		assertEquals(0, again.matchesRemoved());
		assertEquals(0, again.tagsAdded() + again.tagsUpdated() + again.tagsRemoved());
		assertEquals(first, keys());
		assertEquals(first.size(), review.getMatches().size());
		assertEquals(tags, review.getTags().size());
		assertEquals(1, review.getRuleSets().stream().filter(s -> s.getId().equals("builtin")).count(),
				"the rule set is not copied in twice");
		// a fresh matcher (a restarted workbench) finds the review's copy by id and version
		matcher().run(session, "bob");
		assertEquals(first, keys());
		assertEquals(2, review.getRuleSets().size());
		assertEquals(3, review.getAuditLog().size());
	}

	@Test
	void decisionsSurviveReImportAndNotSameNeverComesBack() throws IOException {
		matcher().run(session, "alice");
		Match parent = match("uei:SMARTCITY001|HIKVISION|NDAA19-889A-SURVEILLANCE|PARENT");
		Decision no = Decisions.decide(session, parent, DecisionState.NOT_SAME, "alice", "different company");
		assertEquals(DecisionState.NOT_SAME, no.getState());
		assertSame(no, parent.getDecision());
		// the answer is about identity: the same parent hit on the other rules is answered too
		for (String rule : List.of("NDAA19-889B", "FCC-CL")) {
			Match sibling = match("uei:SMARTCITY001|HIKVISION|" + rule + "|PARENT");
			assertEquals(DecisionState.NOT_SAME, sibling.getDecision().getState(), rule);
		}
		Match bod = match("uei:CDWGOV000001|KASPERSKY|BOD-17-01|DESCRIPTION|T1");
		Decisions.decide(session, bod, DecisionState.SAME, "alice", null);
		int decisions = review.getDecisions().size();

		// a re-import: the matches are gone and the vendors and actions are new objects with the same keys
		Set<String> before = keys();
		review.getMatches().clear();
		Map<Vendor, Vendor> renewed = new IdentityHashMap<>();
		for (Vendor old : review.getVendors()) {
			Vendor v = F.createVendor();
			v.setName(old.getName());
			v.setKey(old.getKey());
			v.setUei(old.getUei());
			v.setCountryCode(old.getCountryCode());
			renewed.put(old, v);
		}
		renewed.forEach((old, v) -> v.setParent(renewed.get(old.getParent())));
		report.getActions().forEach(a -> a.setVendor(renewed.get(a.getVendor())));
		review.getVendors().clear();
		review.getVendors().addAll(renewed.values());

		ReviewMatcher.Outcome out = matcher().run(session, "alice");
		assertEquals(before, keys(), "the same hits, no duplicates");
		assertEquals(decisions, review.getDecisions().size(), "no new decisions");
		assertEquals(decisions, out.decisionsAttached());
		Match again = match("uei:SMARTCITY001|HIKVISION|NDAA19-889A-SURVEILLANCE|PARENT");
		assertEquals(DecisionState.NOT_SAME, again.getDecision().getState());
		assertEquals(DecisionState.SAME,
				match("uei:CDWGOV000001|KASPERSKY|BOD-17-01|DESCRIPTION|T1").getDecision().getState());
		assertNull(tag(TagKind.RISK, "uei:SMARTCITY001", "NDAA19-889A-SURVEILLANCE"),
				"a NOT_SAME hit makes no risk tag");
		assertTrue(tag(TagKind.ORIGIN, "uei:SMARTCITY001", null).getEvidence().indexOf("covered family") < 0);

		// a later rule covering the family does not bring the rejected hit back undecided
		RuleSet extra = RuleSets.fromWatchlistCsv(new StringReader("name,family,rule,risk\nHikvision,HIKVISION,"
				+ "LOCAL-CCTV-POLICY,PROHIBITED\n"), "local", builtin).orThrow();
		ReviewMatcher.Outcome more = ReviewMatcher.of(builtin, reviewer, extra).run(session, "alice");
		Match late = match("uei:SMARTCITY001|HIKVISION|LOCAL-CCTV-POLICY|PARENT");
		assertNotNull(late, keys().toString());
		assertEquals(DecisionState.NOT_SAME, late.getDecision().getState());
		assertTrue(late.getDecision().getNote().startsWith("carried over from uei:SMARTCITY001|HIKVISION|"),
				late.getDecision().getNote());
		assertTrue(more.decisionsCarried() >= 1);
		assertNull(tag(TagKind.RISK, "uei:SMARTCITY001", "LOCAL-CCTV-POLICY"));
		assertNotNull(tag(TagKind.RISK, "uei:HIKUSA000001", "LOCAL-CCTV-POLICY"));
		assertEquals(OptionalInt.empty(), AuditLog.verify(review));
	}

	@Test
	void decisionsUndoAndUpdateInPlace() {
		matcher().run(session, "alice");
		Match m = match("uei:HIKUSA000001|HIKVISION|NDAA19-889A-SURVEILLANCE|NAME");
		int log = review.getAuditLog().size();
		Decisions.decide(session, m, DecisionState.UNSURE, "alice", "check the purpose");
		int decisions = review.getDecisions().size();
		assertEquals(3, decisions, "surveillance limb, 889B and FCC list");
		Decision d = Decisions.decide(session, m, DecisionState.SAME, "bob", "camera system for a federal building");
		assertEquals(decisions, review.getDecisions().size(), "updated in place");
		assertEquals("bob", d.getReviewer());
		assertEquals(log + 2, review.getAuditLog().size());
		session.commandStack().undo();
		assertEquals(DecisionState.UNSURE, m.getDecision().getState());
		session.commandStack().undo();
		assertNull(m.getDecision());
		assertTrue(review.getDecisions().isEmpty());
		assertEquals(log, review.getAuditLog().size());
	}

	@Test
	void staleUndecidedMatchesGoDecidedOnesStay() {
		matcher().run(session, "alice");
		Match kept = match("uei:HIKUSA000001|HIKVISION|FCC-CL|NAME");
		Decisions.decide(session, kept, DecisionState.SAME, "alice", null);
		// the vendor is renamed in the data: its name no longer matches
		review.getVendors().stream().filter(v -> v.getKey().equals("uei:HIKUSA000001")).findFirst().orElseThrow()
				.setName("ACME CAMERAS LLC");
		ReviewMatcher.Outcome out = matcher().run(session, "alice");
		assertEquals(0, out.matchesRemoved(), "all three were decided together");
		assertEquals(3, out.staleKept());
		assertNotNull(match("uei:HIKUSA000001|HIKVISION|FCC-CL|NAME"));
		review.getVendors().stream().filter(v -> v.getKey().equals("uei:AZTEC0000001")).findFirst().orElseThrow()
				.setName("DAHUA TECHNOLOGY USA INC");
		assertEquals(3, matcher().run(session, "alice").matchesAdded());
		review.getVendors().stream().filter(v -> v.getKey().equals("uei:AZTEC0000001")).findFirst().orElseThrow()
				.setName("AZTEC CORPORATION");
		assertEquals(3, matcher().run(session, "alice").matchesRemoved());
	}
}
