package procurement.review.core.orders.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import procurement.review.core.ReviewSession;
import procurement.review.model.Component;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.CoveredEntity;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.Decision;
import procurement.review.model.DecisionState;
import procurement.review.model.Department;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.Vendor;

/**
 * A small review built in code, independent of the importer and the matching engine:
 * <ul>
 * <li>Department of Justice (1500: FBI, DEA), Department of the Treasury (2000: IRS) and Department of State
 * (1900), which has an action but no hit;</li>
 * <li>a NAME match on vendor KASPERSKY LAB INC decided SAME (actions a1, a2, a4, and a8, which has no
 * department), an undecided DESCRIPTION match on a3 (bought from a reseller), a NAME match on AZTEC CORPORATION
 * decided NOT_SAME (a5), a DESCRIPTION match on a6 decided UNSURE, and a weaker second match on a1;</li>
 * <li>a rule set with BOD-17-01 (30/60/90 calendar days, status reports from day 120 every 30 days) and
 * NDAA19-889A (report within 1 business day, details within 11).</li>
 * </ul>
 * Objects are added directly, not through commands, so each test starts with an empty command stack.
 */
final class ReviewFixture {

	static final LocalDate BOD_ISSUED = LocalDate.of(2017, 9, 13);
	static final String REPORT_FILE = "usaspending_2017_kaspersky.csv";

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	final ReviewSession session = ReviewSession.create("fixture");
	final ReviewProject review = session.review();
	final RuleSet ruleSet;
	final Rule bod;
	final Rule ndaa889a;
	final CoveredEntity kaspersky;
	final Department justice;
	final Department treasury;
	final Department state;
	final Vendor kasperskyVendor;
	final Vendor reseller;
	final Vendor aztec;
	final Vendor shi;
	final ContractingReport report;
	final Map<String, ContractAction> actions = new HashMap<>();
	final Match confirmedName;
	final Match unreviewedDescription;
	final Match rejectedName;
	final Match unsureDescription;
	final Match weakerDuplicate;

	ReviewFixture() {
		review.setReviewer("Jane Roe");
		ruleSet = F.createRuleSet();
		ruleSet.setId("test");
		ruleSet.setTitle("Test rules");
		ruleSet.setVersion("2026.11.1");
		ruleSet.setDate(LocalDate.of(2026, 11, 28));
		kaspersky = F.createCoveredEntity();
		kaspersky.setId("KASPERSKY");
		kaspersky.setName("AO Kaspersky Lab");
		ruleSet.getEntities().add(kaspersky);
		bod = F.createRule();
		bod.setId("BOD-17-01");
		bod.setCitation("DHS Binding Operational Directive 17-01");
		bod.setTitle("Removal of Kaspersky-branded products");
		bod.setIssued(BOD_ISSUED);
		bod.setRiskLevel(RiskLevel.PROHIBITED);
		bod.getCovered().add(kaspersky);
		bod.getDeadlines().add(deadline("identify", 30, DayUnit.CALENDAR_DAYS, 0));
		bod.getDeadlines().add(deadline("plan", 60, DayUnit.CALENDAR_DAYS, 0));
		bod.getDeadlines().add(deadline("remove", 90, DayUnit.CALENDAR_DAYS, 0));
		bod.getDeadlines().add(deadline("status", 120, DayUnit.CALENDAR_DAYS, 30));
		ruleSet.getRules().add(bod);
		ndaa889a = F.createRule();
		ndaa889a.setId("NDAA19-889A");
		ndaa889a.setCitation("Pub. L. 115-232 sec. 889(a)(1)(A)");
		ndaa889a.setTitle("Prohibition on covered telecommunications equipment and services");
		ndaa889a.getDeadlines().add(deadline("report", 1, DayUnit.BUSINESS_DAYS, 0));
		ndaa889a.getDeadlines().add(deadline("report-details", 11, DayUnit.BUSINESS_DAYS, 0));
		ruleSet.getRules().add(ndaa889a);
		review.getRuleSets().add(ruleSet);

		justice = department("1500", "Department of Justice", "Federal Bureau of Investigation",
				"Drug Enforcement Administration");
		treasury = department("2000", "Department of the Treasury", "Internal Revenue Service");
		state = department("1900", "Department of State", "Bureau of Administration");

		kasperskyVendor = vendor("KASPERSKY LAB INC");
		reseller = vendor("CDW GOVERNMENT LLC");
		aztec = vendor("AZTEC CORPORATION");
		shi = vendor("SHI INTERNATIONAL CORP");

		report = F.createContractingReport();
		report.setFileName(REPORT_FILE);
		review.getReports().add(report);
		action("a1", justice, 0, kasperskyVendor, "DJF-17-0001", "", "2017-03-01", "1200.50",
				"ANTI-VIRUS SOFTWARE LICENSES");
		action("a2", justice, 1, kasperskyVendor, "DJD-17-0002", "P00001", "2017-04-11", "-200.25",
				"DEOBLIGATION OF UNUSED LICENSES");
		action("a3", justice, 0, reseller, "DJF-17-0003", "", "2017-05-20", "5000.00",
				"KASPERSKY ENDPOINT SECURITY LICENSES");
		action("a4", treasury, 0, kasperskyVendor, "TIR-17-0004", "", "2017-02-02", "300.00",
				"SECURITY SOFTWARE MAINTENANCE");
		action("a5", treasury, 0, aztec, "TIR-17-0005", "", "2017-06-30", "999.00", "OFFICE FURNITURE");
		action("a6", treasury, 0, shi, "TIR-17-0006", "", "2017-07-15", "450.00",
				"KASPERSKY ANTI-VIRUS RENEWAL");
		action("a7", state, 0, reseller, "SAQ-17-0007", "", "2017-08-01", "8000.00", "LAPTOPS");
		action("a8", null, 0, kasperskyVendor, "XXX-17-0008", "", "2017-08-02", "75.00", "LICENSES");

		confirmedName = match("name:kaspersky lab inc|KASPERSKY|BOD-17-01|NAME", MatchKind.NAME, kasperskyVendor, null,
				0.97, "name KASPERSKY LAB INC matches alias Kaspersky Lab, Inc.", "KASPERSKY LAB INC");
		decide(confirmedName, DecisionState.SAME, "vendor is the covered company");
		unreviewedDescription = match("desc:a3", MatchKind.DESCRIPTION, reseller, actions.get("a3"), 0.9,
				"description names product 'Kaspersky Endpoint Security'", "Kaspersky Endpoint Security");
		rejectedName = match("name:aztec", MatchKind.NAME, aztec, null, 0.6, "name resembles ZTE", "AZTEC");
		decide(rejectedName, DecisionState.NOT_SAME, "furniture maker");
		unsureDescription = match("desc:a6", MatchKind.DESCRIPTION, shi, actions.get("a6"), 0.85,
				"description names product 'Kaspersky Anti-Virus'", "Kaspersky Anti-Virus");
		decide(unsureDescription, DecisionState.UNSURE, "may be a white-label product");
		weakerDuplicate = match("desc:a1", MatchKind.DESCRIPTION, kasperskyVendor, actions.get("a1"), 0.8,
				"description mentions anti-virus", "ANTI-VIRUS");
	}

	private static Deadline deadline(String name, int offset, DayUnit unit, int repeat) {
		Deadline d = F.createDeadline();
		d.setName(name);
		d.setOffset(offset);
		d.setUnit(unit);
		d.setRepeatEvery(repeat);
		return d;
	}

	private Department department(String code, String name, String... components) {
		Department d = F.createDepartment();
		d.setCode(code);
		d.setName(name);
		for (String c : components) {
			Component comp = F.createComponent();
			comp.setName(c);
			d.getComponents().add(comp);
		}
		review.getDepartments().add(d);
		return d;
	}

	private Vendor vendor(String name) {
		Vendor v = F.createVendor();
		v.setName(name);
		v.setKey("name:" + name.toLowerCase(java.util.Locale.ROOT));
		review.getVendors().add(v);
		return v;
	}

	/** Adds an action to the fixture's report; the row number follows the order of creation. */
	ContractAction action(String id, Department dept, int component, Vendor vendor, String piid, String mod,
			String date, String amount, String description) {
		ContractAction a = F.createContractAction();
		a.setTransactionKey("tx-" + id);
		a.setPiid(piid);
		a.setModification(mod);
		a.setActionDate(LocalDate.parse(date));
		a.setObligation(new BigDecimal(amount));
		a.setDescription(description);
		a.setVendor(vendor);
		a.setDepartment(dept);
		a.setComponent(dept == null ? null : dept.getComponents().get(component));
		a.setSourceRow(report.getActions().size() + 2L);
		report.getActions().add(a);
		actions.put(id, a);
		return a;
	}

	Match match(String key, MatchKind kind, Vendor vendor, ContractAction action, double score,
			String explanation, String text) {
		Match m = F.createMatch();
		m.setKey(key);
		m.setKind(kind);
		m.setVendor(vendor);
		m.setAction(action);
		m.setRule(bod);
		m.setCoveredEntity(kaspersky);
		m.setScore(score);
		m.setRiskLevel(RiskLevel.PROHIBITED);
		m.setExplanation(explanation);
		m.setMatchedText(text);
		review.getMatches().add(m);
		return m;
	}

	Decision decide(Match m, DecisionState state, String note) {
		Decision d = F.createDecision();
		d.setMatchKey(m.getKey());
		d.setState(state);
		d.setReviewer("Jane Roe");
		d.setNote(note);
		d.setMatch(m);
		review.getDecisions().add(d);
		return d;
	}
}
