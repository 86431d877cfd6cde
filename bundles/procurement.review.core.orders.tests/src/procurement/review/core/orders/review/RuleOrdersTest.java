package procurement.review.core.orders.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import procurement.review.core.orders.FarReport;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderForm;
import procurement.review.core.orders.OrderRenderer;
import procurement.review.model.Applicability;
import procurement.review.model.ContractAction;
import procurement.review.model.CoveredEntity;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.DeadlineBase;
import procurement.review.model.DecisionState;
import procurement.review.model.EntryDate;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ObligationDocument;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewFactory;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.Vendor;

/**
 * Orders of rules other than BOD 17-01, on the fixture's Department of Justice: Huawei bought through a
 * reseller in June 2019 (before section 889(a)(1)(A) took effect on 2019-08-13) and in February 2020, and a
 * purchase the reviewer excepted under 889(a)(2)(A). Each rule gets its own steps, its own document and its own
 * effective date, in every format.
 */
class RuleOrdersTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;
	private static final LocalDate ISSUED = LocalDate.of(2021, 6, 17);

	private final ReviewFixture fx = new ReviewFixture();
	private final Rule far889 = fx.ndaa889a;
	private final CoveredEntity huawei = F.createCoveredEntity();
	private final Vendor huaweiVendor = F.createVendor();
	private final ContractAction after;
	private final ContractAction backhaul;

	RuleOrdersTest() {
		huawei.setId("HUAWEI");
		huawei.setName("Huawei Technologies Co., Ltd.");
		fx.ruleSet.getEntities().add(huawei);
		far889.setEffective(LocalDate.of(2019, 8, 13));
		far889.setAppliesTo(Applicability.PURCHASES_FROM_EFFECTIVE);
		far889.setDocument(ObligationDocument.FAR_52_204_25_REPORT);
		far889.getCovered().add(huawei);
		far889.getDeadlines().clear();
		far889.getDeadlines().add(step("report", "Report", 1, DeadlineBase.ISSUE_DATE, "FAR 52.204-25(d)(2)(i)"));
		far889.getDeadlines().add(step("details", "Further information", 10, DeadlineBase.PREVIOUS_STEP,
				"FAR 52.204-25(d)(2)(ii)"));
		huaweiVendor.setName("HUAWEI TECHNOLOGIES USA INC");
		huaweiVendor.setKey("uei:HW1234567890");
		huaweiVendor.setUei("HW1234567890");
		huaweiVendor.setCage("7ABC1");
		fx.review.getVendors().add(huaweiVendor);
		fx.action("h1", fx.justice, 0, huaweiVendor, "DJF-19-0101", "", "2019-06-03", "12000.00",
				"HUAWEI ROUTERS");
		after = fx.action("h2", fx.justice, 1, huaweiVendor, "DJD-20-0102", "", "2020-02-10", "3400.00",
				"HUAWEI SWITCH MAINTENANCE");
		after.setAwardKey("CONT_AWD_DJD-20-0102_1500_GS35F0119Y_4730");
		backhaul = fx.action("h3", fx.justice, 0, fx.shi, "DJF-20-0103", "", "2020-03-02", "900.00",
				"ROAMING AGREEMENT, HUAWEI NETWORK");
		Match name = hit("name:huawei|HUAWEI|NDAA19-889A|NAME", MatchKind.NAME, huaweiVendor, null, "HUAWEI");
		fx.decide(name, DecisionState.SAME, "the vendor is Huawei's US subsidiary");
		Match roaming = hit("desc:h3|HUAWEI|NDAA19-889A", MatchKind.DESCRIPTION, fx.shi, backhaul, "HUAWEI");
		fx.decide(roaming, DecisionState.SAME, "roaming with a Huawei network").setException(
				"Sec. 889(a)(2)(A): a service that connects to the facilities of a third party, such as backhaul,"
						+ " roaming or interconnection arrangements");
	}

	private Match hit(String key, MatchKind kind, Vendor vendor, ContractAction action, String text) {
		Match m = fx.match(key, kind, vendor, action, 0.95, "names " + text, text);
		m.setRule(far889);
		m.setCoveredEntity(huawei);
		m.setRiskLevel(RiskLevel.PROHIBITED);
		return m;
	}

	private static Deadline step(String name, String label, int days, DeadlineBase base, String citation) {
		Deadline d = F.createDeadline();
		d.setName(name);
		d.setLabel(label);
		d.setOffset(days);
		d.setUnit(DayUnit.BUSINESS_DAYS);
		d.setBase(base);
		d.setCitation(citation);
		d.setDescription("what " + citation + " asks for");
		return d;
	}

	private RemovalOrder justiceOrder(Rule rule) {
		return OrderGenerator.currentOrders(fx.review, rule).stream()
				.filter(o -> o.getDepartment() == fx.justice).findFirst().orElseThrow();
	}

	@Test
	void aPurchaseBeforeTheEffectiveDateIsListedApartAndNotCounted() {
		new OrderGenerator(fx.session).generate(far889, ISSUED);
		RemovalOrder o = justiceOrder(far889);
		OrderFigures f = OrderFigures.of(o);
		assertEquals(1, f.actions(), "only the 2020 purchase breaks 889(a)(1)(A)");
		assertEquals(1, f.beforeEffective());
		assertEquals(1, f.excepted());
		assertEquals(new BigDecimal("3400.00"), f.total());
		assertEquals(f.total(), OrderDocuments.total(o), "the Orders table and the order print one total");
		OrderDocument doc = OrderDocuments.of(o);
		assertEquals(List.of(after.getPiid()), doc.affectedLines().stream().map(l -> l.piid()).toList());
		assertEquals("DJF-19-0101", doc.beforeEffectiveLines().get(0).piid());
		assertEquals("DJF-20-0103", doc.exceptedLines().get(0).piid());
		assertEquals(doc.totals().total(), f.total());
	}

	@Test
	void farStepsRunOverHolidaysFromTheStepBefore() {
		new OrderGenerator(fx.session).generate(far889, ISSUED);
		OrderDocument doc = OrderDocuments.of(justiceOrder(far889));
		// Juneteenth observed on Friday 2021-06-18; Independence Day observed on Monday 2021-07-05.
		assertEquals(LocalDate.of(2021, 6, 21), doc.step("report").due());
		assertEquals(LocalDate.of(2021, 7, 6), doc.step("details").due());
		assertEquals("Further information", doc.step("details").label());
		assertNull(doc.step("plan"));
	}

	@Test
	void aFarOrderCarriesTheClauseReportNotTheRemovalPlan() throws IOException {
		new OrderGenerator(fx.session).generate(far889, ISSUED);
		RemovalOrder o = justiceOrder(far889);
		assertTrue(o.getPlanElements().isEmpty(), "no BOD 17-01 plan on an 889 order");
		OrderDocument doc = OrderDocuments.of(o);
		assertEquals(OrderForm.FAR_REPORT, doc.form());
		FarReport report = doc.report();
		assertNotNull(report);
		assertEquals(1, report.rows().size());
		FarReport.Row row = report.rows().get(0);
		assertEquals("GS35F0119Y", row.contractNumber(), "an order under a schedule reports the schedule contract");
		assertEquals("DJD-20-0102", row.orderNumber());
		assertEquals("HW1234567890", row.uei());
		assertEquals("7ABC1", row.cage());
		assertEquals("", row.modelNumber(), "left to fill");

		String pdf = pdfText(doc);
		assertTrue(pdf.contains("Report"));
		assertTrue(pdf.contains("Supplier UEI"));
		assertTrue(pdf.contains("FAR 52.204-25(d)(2)(ii)"));
		assertTrue(pdf.contains("Further information"));
		assertTrue(pdf.contains("2021-06-21") && pdf.contains("2021-07-06"));
		assertTrue(pdf.contains("Actions bought before the rule applied"));
		assertTrue(pdf.contains("Actions excepted by the reviewer"));
		assertFalse(pdf.contains("Removal plan"), pdf);
		assertFalse(pdf.contains("14 elements"));
		assertFalse(pdf.contains("Identify"));

		String docx = docxText(doc);
		assertTrue(docx.contains("Supplier CAGE code"));
		assertTrue(docx.contains("Further information"));
		assertTrue(docx.contains("Actions bought before the rule applied"));
		assertFalse(docx.contains("Removal plan"));
		assertFalse(docx.contains("Identify"));

		try (XSSFWorkbook wb = xlsx(doc)) {
			XSSFSheet sheet = wb.getSheet("Report");
			assertNotNull(sheet, "the workbook carries the report");
			assertEquals("Supplier UEI", sheet.getRow(0).getCell(3).getStringCellValue());
			assertEquals("GS35F0119Y", sheet.getRow(1).getCell(0).getStringCellValue());
			String particulars = sheetText(wb.getSheet("Order"));
			assertTrue(particulars.contains("Report by") && particulars.contains("Further information by"),
					particulars);
			assertFalse(particulars.contains("Identify"));
			assertTrue(sheetText(wb.getSheet("Affected actions")).contains("Before effective"));
		}
	}

	@Test
	void aBodOrderKeepsItsPlanAndCountsWhatIsPresentWhateverItsDate() throws IOException {
		new OrderGenerator(fx.session).generate(fx.bod, ReviewFixture.BOD_ISSUED);
		OrderDocument doc = OrderDocuments.of(justiceOrder(fx.bod));
		assertEquals(OrderForm.REMOVAL_PLAN, doc.form());
		assertEquals(14, doc.plan().size());
		assertTrue(doc.beforeEffectiveLines().isEmpty(), "BOD 17-01 concerns presence, not purchase dates");
		String pdf = pdfText(doc);
		assertTrue(pdf.contains("Removal plan"));
		assertTrue(pdf.contains("Identify"));
		assertFalse(pdf.contains("Actions bought before the rule applied"));
		assertFalse(pdf.contains("Supplier UEI"));
		try (XSSFWorkbook wb = xlsx(doc)) {
			assertNull(wb.getSheet("Report"), "no FAR report on a BOD 17-01 order");
			assertTrue(sheetText(wb.getSheet("Order")).contains("Plan by"));
		}
	}

	@Test
	void aRuleNotInForceOnTheIssueDateMakesNoOrder() {
		OrderGenerator.Result r = new OrderGenerator(fx.session).generate(far889, LocalDate.of(2019, 1, 2));
		assertFalse(r.hasChanges());
		assertEquals("NDAA19-889A is not in force on 2019-01-02: it takes effect on 2019-08-13, so it makes no"
				+ " order", r.notInForce());
		assertEquals(r.notInForce(), r.summary());
		assertTrue(OrderGenerator.currentOrders(fx.review, far889).isEmpty());
	}

	@Test
	void aListRuleAppliesFromEachEntrysDateAndSaysItSetsNoStep() throws IOException {
		Rule list = F.createRule();
		list.setId("FCC-CL");
		list.setCitation("FCC Covered List");
		list.setEffective(LocalDate.of(2021, 3, 12));
		list.setAppliesTo(Applicability.PURCHASES_FROM_EFFECTIVE);
		list.setDocument(ObligationDocument.NONE);
		list.setObligationNote("The list sets no reporting or removal step for an agency.");
		list.getCovered().add(huawei);
		EntryDate entry = F.createEntryDate();
		entry.setEntity(huawei);
		entry.setDate(LocalDate.of(2020, 1, 1));
		list.getEntryDates().add(entry);
		fx.ruleSet.getRules().add(list);
		assertEquals(LocalDate.of(2020, 1, 1), RuleObligations.effectiveFor(list, huawei));
		Match m = hit("name:huawei|HUAWEI|FCC-CL|NAME", MatchKind.NAME, huaweiVendor, null, "HUAWEI");
		m.setRule(list);
		new OrderGenerator(fx.session).generate(list, ISSUED);
		OrderDocument doc = OrderDocuments.of(justiceOrder(list));
		assertEquals(OrderForm.NOTICE, doc.form());
		assertTrue(doc.steps().isEmpty());
		assertEquals(1, doc.affectedLines().size(), "bought 2020-02-10, after the entry's date");
		assertEquals(1, doc.beforeEffectiveLines().size());
		String pdf = pdfText(doc);
		assertTrue(pdf.contains("sets no step or deadline for an agency, and this order sets none"), pdf);
		assertTrue(pdf.contains("The list sets no reporting or removal step for an agency."));
		assertFalse(pdf.contains("Removal plan"));
	}

	@Test
	void legacyRuleSetsWithoutTheNewAttributesKeepTheirOrders() {
		Rule legacy = F.createRule();
		legacy.setId("BOD-17-01");
		assertEquals(ObligationDocument.BOD_17_01_PLAN, RuleObligations.document(legacy));
		assertFalse(RuleObligations.concernsPurchases(legacy));
		legacy.setId("NDAA18-1634");
		assertEquals(ObligationDocument.FAR_52_204_23_REPORT, RuleObligations.document(legacy));
		assertTrue(RuleObligations.concernsPurchases(legacy));
		legacy.setDocument(ObligationDocument.NONE);
		assertEquals(ObligationDocument.NONE, RuleObligations.document(legacy), "a set value wins");
	}

	private static String pdfText(OrderDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OrderRenderer r = new OrderRenderer()) {
			r.writePdf(doc, out);
		}
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			// Table headings wrap in narrow columns: compare words, not line breaks.
			return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
		}
	}

	private static XSSFWorkbook xlsx(OrderDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OrderRenderer r = new OrderRenderer()) {
			r.writeXlsx(doc, out);
		}
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	private static String sheetText(XSSFSheet sheet) {
		StringBuilder sb = new StringBuilder();
		sheet.forEach(row -> row.forEach(cell -> sb.append(cell.toString()).append('\t')));
		return sb.toString();
	}

	private static String docxText(OrderDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OrderRenderer r = new OrderRenderer()) {
			r.writeDocx(doc, out);
		}
		try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
				XWPFWordExtractor x = new XWPFWordExtractor(d)) {
			return x.getText();
		}
	}
}
