package procurement.review.core.orders.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;

import procurement.review.core.AuditLog;
import procurement.review.core.orders.LineStatus;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.PointOfContact;
import procurement.review.model.AuditEntry;
import procurement.review.model.ContractAction;
import procurement.review.model.DecisionState;
import procurement.review.model.ItemSection;
import procurement.review.model.MatchKind;
import procurement.review.model.OrderItem;
import procurement.review.model.OrderStatus;
import procurement.review.model.PlanElement;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Rule;

class OrderGeneratorTest {

	private final ReviewFixture fx = new ReviewFixture();

	private OrderGenerator generator() {
		return new OrderGenerator(fx.session)
				.pointOfContact(new PointOfContact("John Doe", "202-555-0100", "john.doe@example.gov"));
	}

	private OrderGenerator.Result generate() {
		return generator().generate(fx.bod, ReviewFixture.BOD_ISSUED);
	}

	private RemovalOrder orderOf(String number) {
		return fx.review.getOrders().stream().filter(o -> number.equals(o.getNumber())).findFirst().orElseThrow();
	}

	private static Map<String, ItemSection> sectionsByPiid(RemovalOrder o) {
		return o.getItems().stream()
				.collect(Collectors.toMap(i -> i.getAction().getPiid(), OrderItem::getSection));
	}

	@Test
	void oneDraftPerAffectedDepartmentAndNoneWithoutHits() {
		OrderGenerator.Result r = generate();
		assertEquals(2, fx.review.getOrders().size());
		assertEquals(List.of("BOD-17-01-1500", "BOD-17-01-2000"),
				r.created().stream().map(RemovalOrder::getNumber).sorted().toList());
		assertTrue(fx.review.getOrders().stream().noneMatch(o -> o.getDepartment() == fx.state),
				"State has an action but no hit");
		RemovalOrder doj = orderOf("BOD-17-01-1500");
		assertSame(fx.justice, doj.getDepartment());
		assertSame(fx.bod, doj.getRule());
		assertEquals(OrderStatus.DRAFT, doj.getStatus());
		assertEquals(0, doj.getRevision());
		assertEquals("2026.11.1", doj.getRuleSetVersion());
		assertEquals(ReviewFixture.BOD_ISSUED, doj.getIssueDate());
		assertEquals("Jane Roe", doj.getReviewer());
		assertEquals("John Doe", doj.getPointOfContact().getName());
		assertEquals(1, r.actionsWithoutDepartment(), "a8 names no department");
		Diagnostic diagnostic = Diagnostician.INSTANCE.validate(doj);
		assertTrue(diagnostic.getSeverity() < Diagnostic.ERROR, () -> BasicDiagnostic.toIStatus(diagnostic)
				.toString());
	}

	@Test
	void sectionsFollowTheDecisions() {
		generate();
		Map<String, ItemSection> doj = sectionsByPiid(orderOf("BOD-17-01-1500"));
		assertEquals(Map.of("DJF-17-0001", ItemSection.CONFIRMED, "DJD-17-0002", ItemSection.CONFIRMED,
				"DJF-17-0003", ItemSection.UNREVIEWED), doj);
		Map<String, ItemSection> treasury = sectionsByPiid(orderOf("BOD-17-01-2000"));
		assertEquals(Map.of("TIR-17-0004", ItemSection.CONFIRMED, "TIR-17-0006", ItemSection.TO_BE_CONFIRMED),
				treasury, "NOT_SAME hit TIR-17-0005 is left out, UNSURE hit is to be confirmed");
	}

	@Test
	void anActionHitTwiceAppearsOnceWithTheStrongestMatch() {
		generate();
		List<OrderItem> a1 = orderOf("BOD-17-01-1500").getItems().stream()
				.filter(i -> i.getAction() == fx.actions.get("a1")).toList();
		assertEquals(1, a1.size());
		assertSame(fx.confirmedName, a1.get(0).getMatch(), "the confirmed match beats the undecided one");
	}

	@Test
	void deadlinesAndPlanElementsArePrefilled() {
		generate();
		RemovalOrder doj = orderOf("BOD-17-01-1500");
		assertEquals(List.of("identify=2017-10-13", "plan=2017-11-12", "remove=2017-12-12", "status 1=2018-01-11",
				"status 2=2018-02-10", "status 3=2018-03-12"),
				doj.getDeadlines().stream().map(d -> d.getName() + "=" + d.getDate()).toList());
		List<PlanElement> plan = doj.getPlanElements();
		assertEquals(14, plan.size());
		assertEquals("abcdefghijklmn", plan.stream().map(PlanElement::getLetter).collect(Collectors.joining()));
		assertEquals("Department of Justice", plan.get(0).getValue());
		assertEquals("John Doe, 202-555-0100, john.doe@example.gov", plan.get(1).getValue());
		assertTrue(plan.get(2).getValue().contains("AO Kaspersky Lab"), plan.get(2).getValue());
		assertTrue(plan.get(2).getValue().contains("Kaspersky Endpoint Security"), plan.get(2).getValue());
		assertEquals("", plan.get(3).getValue(), "endpoints are not in contract data");
		assertEquals("Drug Enforcement Administration; Federal Bureau of Investigation", plan.get(5).getValue());
		for (String piid : List.of("DJF-17-0001", "DJD-17-0002", "DJF-17-0003")) {
			assertTrue(plan.get(7).getValue().contains(piid), plan.get(7).getValue());
		}
	}

	@Test
	void totalsEqualTheSumOfTheRows() {
		generate();
		OrderDocument doj = OrderDocuments.of(orderOf("BOD-17-01-1500"));
		assertEquals(new BigDecimal("6000.25"), doj.totals().total());
		BigDecimal sum = doj.affectedLines().stream().map(OrderLine::amount).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		assertEquals(sum, doj.totals().total());
		OrderDocument treasury = OrderDocuments.of(orderOf("BOD-17-01-2000"));
		assertEquals(new BigDecimal("300.00"), treasury.totals().total(), "the unsure line is not in the totals");
		assertEquals(1, treasury.toBeConfirmedLines().size());
		assertEquals(LineStatus.UNSURE, treasury.toBeConfirmedLines().get(0).status());
	}

	@Test
	void documentLinesTraceToTheSourceRow() {
		generate();
		OrderDocument doj = OrderDocuments.of(orderOf("BOD-17-01-1500"));
		assertEquals(List.of("Drug Enforcement Administration", "Federal Bureau of Investigation"),
				doj.components());
		OrderLine a3 = doj.lines().stream().filter(l -> l.piid().equals("DJF-17-0003")).findFirst().orElseThrow();
		assertEquals(ReviewFixture.REPORT_FILE, a3.sourceFile());
		assertEquals(fx.actions.get("a3").getSourceRow(), a3.sourceRow());
		assertEquals("CDW GOVERNMENT LLC", a3.vendorName());
		assertEquals("AO Kaspersky Lab", a3.coveredEntity());
		assertEquals(fx.unreviewedDescription.getExplanation(), a3.matchedBy());
		assertEquals(LineStatus.UNREVIEWED, a3.status());
		// Grouped by component: DEA's line comes before both FBI lines.
		assertEquals(List.of("DJD-17-0002", "DJF-17-0001", "DJF-17-0003"),
				doj.lines().stream().map(OrderLine::piid).toList());
		assertEquals("BOD-17-01", doj.rule().id());
		assertEquals("2026.11.1", doj.rule().ruleSetVersion());
		assertEquals(LocalDate.of(2017, 10, 13), doj.step("identify").due());
	}

	@Test
	void generationIsOneUndoableCommandWithAnAuditEntry() {
		String head = AuditLog.head(fx.review);
		generate();
		assertEquals(1, fx.review.getAuditLog().size());
		AuditEntry entry = fx.review.getAuditLog().get(0);
		assertEquals(OrderGenerator.AUDIT_ACTION, entry.getAction());
		assertEquals("Jane Roe", entry.getAuthor());
		assertTrue(entry.getDetail().contains("BOD-17-01-1500"), entry.getDetail());
		assertTrue(entry.getDetail().contains("1 action(s) without department skipped"), entry.getDetail());
		assertEquals(head, orderOf("BOD-17-01-1500").getReviewStateHash(),
				"orders record the audit head of the state they were made from");
		assertTrue(AuditLog.verify(fx.review).isEmpty());

		fx.session.commandStack().undo();
		assertTrue(fx.review.getOrders().isEmpty());
		assertTrue(fx.review.getAuditLog().isEmpty());
		fx.session.commandStack().redo();
		assertEquals(2, fx.review.getOrders().size());
	}

	@Test
	void regeneratingWithoutChangesChangesNothing() {
		generate();
		List<RemovalOrder> before = List.copyOf(fx.review.getOrders());
		OrderGenerator.Result again = generate();
		assertFalse(again.hasChanges());
		assertEquals(2, again.unchanged().size());
		assertEquals(before, fx.review.getOrders());
		assertEquals(1, fx.review.getAuditLog().size(), "a run without changes leaves no audit entry");
	}

	@Test
	void draftsAreUpdatedInPlaceAndKeepTheirNumbers() {
		generate();
		RemovalOrder doj = orderOf("BOD-17-01-1500");
		doj.getPlanElements().get(6).setValue("Case management workstations"); // g, typed by the reviewer
		String firstHash = doj.getReviewStateHash();
		// A new import brings another Kaspersky action for Justice.
		fx.action("a9", fx.justice, 1, fx.kasperskyVendor, "DJD-18-0009", "", "2018-01-05", "100.00",
				"ANTI-VIRUS RENEWAL");

		OrderGenerator.Result r = generate();
		assertEquals(List.of(doj), r.updated());
		assertEquals(2, fx.review.getOrders().size());
		assertSame(doj, orderOf("BOD-17-01-1500"));
		assertEquals(4, doj.getItems().size());
		assertTrue(doj.getPlanElements().get(7).getValue().contains("DJD-18-0009"));
		assertEquals("Case management workstations", doj.getPlanElements().get(6).getValue(),
				"answers the generator does not prefill are kept");
		assertFalse(firstHash.equals(doj.getReviewStateHash()), "the hash moves with the content");
		assertEquals(List.of(orderOf("BOD-17-01-2000")), r.unchanged());

		fx.session.commandStack().undo();
		assertEquals(3, doj.getItems().size());
		assertEquals(firstHash, doj.getReviewStateHash());
	}

	@Test
	void issuedOrdersAreRevisedNotOverwritten() {
		generate();
		RemovalOrder doj = orderOf("BOD-17-01-1500");
		OrderLifecycle.advance(fx.session, doj, OrderStatus.ISSUED, "Jane Roe");
		List<OrderItem> issuedItems = List.copyOf(doj.getItems());
		// The reviewer now confirms the description hit on a3, and a new action arrives.
		fx.decide(fx.unreviewedDescription, DecisionState.SAME, "product named");
		fx.action("a9", fx.justice, 1, fx.kasperskyVendor, "DJD-18-0009", "", "2018-01-05", "100.00",
				"ANTI-VIRUS RENEWAL");

		OrderGenerator.Result r = generator().generate(fx.bod, LocalDate.of(2018, 2, 1));
		assertEquals(1, r.revised().size());
		RemovalOrder rev = r.revised().get(0);
		assertEquals("BOD-17-01-1500-R1", rev.getNumber());
		assertEquals(1, rev.getRevision());
		assertSame(doj, rev.getSupersedes());
		assertEquals(OrderStatus.DRAFT, rev.getStatus());
		assertEquals(ReviewFixture.BOD_ISSUED, rev.getIssueDate(), "a revision keeps the original clock");
		assertEquals(LocalDate.of(2017, 10, 13), rev.getDeadlines().get(0).getDate());
		assertEquals(ItemSection.CONFIRMED, sectionsByPiid(rev).get("DJF-17-0003"));
		assertEquals(4, rev.getItems().size());
		// The issued order itself is untouched.
		assertEquals(OrderStatus.ISSUED, doj.getStatus());
		assertEquals(issuedItems, doj.getItems());
		assertEquals(ItemSection.UNREVIEWED, sectionsByPiid(doj).get("DJF-17-0003"));
		assertEquals(List.of("BOD-17-01-1500-R1", "BOD-17-01-2000"),
				OrderGenerator.currentOrders(fx.review, fx.bod).stream().map(RemovalOrder::getNumber).toList());

		// Nothing new: the revision (a draft) is unchanged, and no second revision appears.
		OrderGenerator.Result again = generator().generate(fx.bod, LocalDate.of(2018, 2, 1));
		assertFalse(again.hasChanges(), again.summary());
		assertEquals(3, fx.review.getOrders().size());

		// A further import updates the draft revision in place: still R1, still the original clock.
		fx.action("a10", fx.justice, 0, fx.kasperskyVendor, "DJF-18-0010", "", "2018-02-03", "50.00", "AV");
		OrderGenerator.Result third = generator().generate(fx.bod, LocalDate.of(2018, 3, 1));
		assertTrue(third.updated().contains(rev));
		assertTrue(third.revised().isEmpty());
		assertEquals("BOD-17-01-1500-R1", rev.getNumber());
		assertEquals(5, rev.getItems().size());
		assertEquals(ReviewFixture.BOD_ISSUED, rev.getIssueDate());
	}

	@Test
	void issuedOrdersWithoutChangesAreLeftAlone() {
		generate();
		RemovalOrder treasury = orderOf("BOD-17-01-2000");
		OrderLifecycle.advance(fx.session, treasury, OrderStatus.ISSUED, "Jane Roe");
		OrderLifecycle.advance(fx.session, treasury, OrderStatus.ACKNOWLEDGED, "Jane Roe");
		OrderGenerator.Result r = generator().generate(fx.bod, LocalDate.of(2018, 2, 1));
		assertTrue(r.revised().isEmpty());
		assertTrue(r.unchanged().contains(treasury));
		assertEquals(OrderStatus.ACKNOWLEDGED, treasury.getStatus());
		assertEquals(ReviewFixture.BOD_ISSUED, treasury.getIssueDate());
	}

	@Test
	void draftsOfDepartmentsWithoutHitsAreRemovedIssuedOnesReported() {
		generate();
		RemovalOrder treasury = orderOf("BOD-17-01-2000");
		RemovalOrder doj = orderOf("BOD-17-01-1500");
		OrderLifecycle.advance(fx.session, doj, OrderStatus.ISSUED, "Jane Roe");
		// The reviewer rejects every hit.
		fx.confirmedName.getDecision().setState(DecisionState.NOT_SAME);
		fx.unsureDescription.getDecision().setState(DecisionState.NOT_SAME);
		fx.decide(fx.unreviewedDescription, DecisionState.NOT_SAME, "reseller bundle without Kaspersky");
		fx.decide(fx.weakerDuplicate, DecisionState.NOT_SAME, "generic words");

		OrderGenerator.Result r = generate();
		assertEquals(List.of(treasury), r.removedDrafts());
		assertEquals(List.of(doj), r.withoutHits());
		assertFalse(fx.review.getOrders().contains(treasury));
		assertTrue(fx.review.getOrders().contains(doj));
		assertEquals(OrderStatus.ISSUED, doj.getStatus());
	}

	@Test
	void purposeLimitedRulesPutUndecidedHitsUpForConfirmation() {
		Rule surveillance = fx.ndaa889a;
		surveillance.setPurposeLimited(true);
		var m = fx.match("desc:a7", MatchKind.DESCRIPTION, fx.reseller, fx.actions.get("a7"), 0.9,
				"description names Hikvision", "HIKVISION");
		m.setRule(surveillance);
		new OrderGenerator(fx.session).generate(surveillance, LocalDate.of(2019, 8, 30));
		RemovalOrder state = orderOf("NDAA19-889A-1900");
		assertEquals(Map.of("SAQ-17-0007", ItemSection.TO_BE_CONFIRMED), sectionsByPiid(state));
		assertEquals(LocalDate.of(2019, 9, 3), state.getDeadlines().get(0).getDate());
	}

	@Test
	void numbersAreUniqueWhenDepartmentsHaveNoCode() {
		fx.justice.setCode(null);
		fx.treasury.setCode("");
		fx.treasury.setName("Department of Justice");
		generate();
		assertEquals(List.of("BOD-17-01-DEPARTMENT-OF-JUSTICE", "BOD-17-01-DEPARTMENT-OF-JUSTICE-2"),
				fx.review.getOrders().stream().map(RemovalOrder::getNumber).sorted().toList());
		String treasuryNumber = fx.review.getOrders().stream().filter(o -> o.getDepartment() == fx.treasury)
				.findFirst().orElseThrow().getNumber();
		// Stable on the next run although both departments slug alike.
		fx.action("a9", fx.treasury, 0, fx.kasperskyVendor, "TIR-18-0009", "", "2018-01-05", "10.00", "AV");
		OrderGenerator.Result r = generate();
		assertEquals(1, r.updated().size());
		assertSame(fx.treasury, r.updated().get(0).getDepartment());
		assertEquals(treasuryNumber, r.updated().get(0).getNumber());
	}

	@Test
	void findRuleDefaultsToBod1701AndNamesTheKnownRules() {
		assertSame(fx.bod, OrderGenerator.findRule(fx.review, null));
		assertSame(fx.ndaa889a, OrderGenerator.findRule(fx.review, "ndaa19-889a"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> OrderGenerator.findRule(fx.review, "FCC-CL"));
		assertTrue(e.getMessage().contains("BOD-17-01, NDAA19-889A"), e.getMessage());
	}

	@Test
	void unattachedDecisionsCountByMatchKey() {
		// A decision survives re-matching by key even when its link to the match is not restored yet.
		var d = fx.rejectedName.getDecision();
		d.setMatch(null);
		assertNull(fx.rejectedName.getDecision());
		generate();
		assertFalse(sectionsByPiid(orderOf("BOD-17-01-2000")).containsKey("TIR-17-0005"));
		ContractAction a5 = fx.actions.get("a5");
		assertNotNull(a5);
	}
}
