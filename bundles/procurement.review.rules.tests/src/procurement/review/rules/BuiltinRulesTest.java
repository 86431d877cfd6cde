package procurement.review.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import procurement.review.model.Affiliation;
import procurement.review.model.Alias;
import procurement.review.model.Applicability;
import procurement.review.model.CoveredEntity;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.DeadlineBase;
import procurement.review.model.ObligationDocument;
import procurement.review.model.Relation;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/** The shipped rule set: rules, dates, deadlines and families as DOMAIN.md states them. */
class BuiltinRulesTest {

	private final RuleSet set = BuiltinRules.load();

	private Rule rule(String id) {
		Rule r = RuleSets.rule(set, id);
		assertNotNull(r, id);
		return r;
	}

	private CoveredEntity family(String id) {
		CoveredEntity e = RuleSets.entity(set, id);
		assertNotNull(e, id);
		return e;
	}

	private static Set<String> covered(Rule r) {
		return r.getCovered().stream().map(CoveredEntity::getId).collect(Collectors.toSet());
	}

	private static String deadlines(Rule r) {
		return r.getDeadlines().stream()
				.map(d -> d.getName() + "+" + d.getOffset() + (d.getUnit() == DayUnit.BUSINESS_DAYS ? "bd" : "d")
						+ (d.getRepeatEvery() > 0 ? "/" + d.getRepeatEvery() : "")
						+ (d.getBase() == DeadlineBase.PREVIOUS_STEP ? " after previous" : ""))
				.collect(Collectors.joining(" "));
	}

	@Test
	void identifiesItself() {
		assertEquals("builtin", set.getId());
		assertEquals(BuiltinRuleSetGenerator.VERSION, set.getVersion());
		assertEquals(BuiltinRuleSetGenerator.DATE, set.getDate());
		assertNotSame(set, BuiltinRules.load(), "each load is a fresh copy a review can own");
	}

	@Test
	void hasEveryRule() {
		assertEquals(List.of("BOD-17-01", "NDAA18-1634", "NDAA19-889A", "NDAA19-889A-SURVEILLANCE", "NDAA19-889B",
				"FCC-CL", "ICTS-2024-KASPERSKY", "BIS-EL-2024"),
				set.getRules().stream().map(Rule::getId).toList());
		for (Rule r : set.getRules()) {
			assertFalse(r.getCitation().isBlank(), r.getId());
			assertFalse(r.getCovered().isEmpty(), r.getId());
			assertNotNull(r.getEffective(), r.getId());
		}
	}

	@Test
	void bod1701() {
		Rule bod = rule("BOD-17-01");
		assertEquals("DHS Binding Operational Directive 17-01", bod.getCitation());
		assertEquals(LocalDate.of(2017, 9, 13), bod.getIssued());
		assertEquals(LocalDate.of(2017, 9, 13), bod.getEffective());
		assertEquals(RiskLevel.PROHIBITED, bod.getRiskLevel());
		assertEquals("identify+30d plan+60d remove+90d status+120d/30", deadlines(bod));
		assertEquals(Set.of("KASPERSKY"), covered(bod));
		assertTrue(bod.getExcludedTerms().contains("~Threat Intelligence"));
		assertTrue(bod.getExcludedTerms().contains("~Security Training"));
		assertTrue(bod.getExcludedTerms().contains("Kaspersky Threat Intelligence"));
	}

	@Test
	void laterRules() {
		Rule n1634 = rule("NDAA18-1634");
		assertTrue(n1634.getCitation().contains("FAR 52.204-23"));
		assertEquals(LocalDate.of(2017, 12, 12), n1634.getIssued());
		assertEquals(LocalDate.of(2018, 10, 1), n1634.getEffective());
		assertEquals("report+3bd details+10bd after previous", deadlines(n1634));
		assertEquals(ObligationDocument.FAR_52_204_23_REPORT, n1634.getDocument());
		assertEquals(Applicability.PURCHASES_FROM_EFFECTIVE, n1634.getAppliesTo());
		assertTrue(n1634.getExcludedTerms().isEmpty(), "section 1634 covers threat intelligence and training too");
		assertEquals(Set.of("KASPERSKY"), covered(n1634));

		Rule a889 = rule("NDAA19-889A");
		assertTrue(a889.getCitation().contains("889(a)(1)(A)"));
		assertTrue(a889.getCitation().contains("52.204-24") && a889.getCitation().contains("52.204-26"));
		assertEquals(LocalDate.of(2019, 8, 13), a889.getEffective());
		assertEquals("report+1bd details+10bd after previous", deadlines(a889));
		assertEquals(ObligationDocument.FAR_52_204_25_REPORT, a889.getDocument());
		assertEquals(2, a889.getExceptions().size());
		assertTrue(a889.getExceptions().get(0).startsWith("Sec. 889(a)(2)(A)"));
		assertEquals("FAR 52.204-25(d)(2)(ii)", a889.getDeadlines().get(1).getCitation());
		assertEquals(Set.of("HUAWEI", "ZTE"), covered(a889));
		assertEquals(RiskLevel.PROHIBITED, a889.getRiskLevel());
		assertFalse(a889.isPurposeLimited());

		Rule s889 = rule("NDAA19-889A-SURVEILLANCE");
		assertEquals(Set.of("HYTERA", "HIKVISION", "DAHUA"), covered(s889));
		assertTrue(s889.isPurposeLimited());
		assertEquals(RiskLevel.NEEDS_REVIEW, s889.getRiskLevel());

		assertEquals(LocalDate.of(2020, 8, 13), rule("NDAA19-889B").getEffective());

		Rule fcc = rule("FCC-CL");
		assertEquals(Set.of("HUAWEI", "ZTE", "HYTERA", "HIKVISION", "DAHUA", "KASPERSKY", "CHINA_MOBILE",
				"CHINA_TELECOM", "CHINA_UNICOM", "PACIFIC_NETWORKS", "DJI", "AUTEL"), covered(fcc));
		for (String date : List.of("2021-03-12", "2022-03-25", "2022-09-20", "2025-12-22", "2026-01-07")) {
			assertTrue(fcc.getScope().contains(date), date);
		}
		// Every covered family has the date its entry took effect, with its source.
		assertEquals(covered(fcc), fcc.getEntryDates().stream().map(e -> e.getEntity().getId())
				.collect(Collectors.toSet()));
		assertTrue(fcc.getEntryDates().stream().allMatch(e -> e.getSource() != null && !e.getSource().isBlank()));
		assertEquals(LocalDate.of(2025, 12, 22), fcc.getEntryDates().stream()
				.filter(e -> e.getEntity().getId().equals("DJI")).findFirst().orElseThrow().getDate());
		assertTrue(fcc.getDeadlines().isEmpty(), "the list sets no agency step");
		assertEquals(ObligationDocument.NONE, fcc.getDocument());
		assertFalse(fcc.getObligationNote().isBlank());

		Rule icts = rule("ICTS-2024-KASPERSKY");
		assertTrue(icts.getCitation().startsWith("89 FR 52434"));
		assertEquals(LocalDate.of(2024, 7, 20), icts.getEffective());
		assertTrue(icts.getScope().contains("2024-09-29"));
		assertTrue(icts.getDeadlines().isEmpty());
		assertTrue(icts.getExcludedTerms().containsAll(List.of("Kaspersky Threat Intelligence",
				"Kaspersky Security Training", "~informational consulting", "~educational consulting")));

		Rule bis = rule("BIS-EL-2024");
		assertTrue(bis.getCitation().startsWith("89 FR 52362"));
		assertEquals(LocalDate.of(2024, 6, 24), bis.getEffective());
	}

	@Test
	void everyRuleRecordsItsSourcesAndWhatItObliges() {
		for (Rule r : set.getRules()) {
			assertFalse(r.getSources().isEmpty(), r.getId());
			assertTrue(r.isSetAppliesTo() && r.isSetDocument(), r.getId() + " states its applicability and document");
			assertFalse(r.getObligationNote() == null || r.getObligationNote().isBlank(), r.getId());
		}
		Rule bod = rule("BOD-17-01");
		assertEquals(Applicability.PRESENCE, bod.getAppliesTo());
		assertEquals(ObligationDocument.BOD_17_01_PLAN, bod.getDocument());
		assertEquals("Identify", bod.getDeadlines().get(0).getLabel());
	}

	@Test
	void familiesKeepNativeScriptNamesAndAffiliates() {
		CoveredEntity k = family("KASPERSKY");
		assertEquals("RUS", k.getCountry());
		Alias cyrillic = k.getAliases().stream().filter(a -> a.getName().equals("АО «Лаборатория Касперского»"))
				.findFirst().orElseThrow();
		assertEquals("Cyrl", RuleConventions.script(cyrillic));
		Affiliation inc = k.getAffiliates().stream().filter(a -> a.getId().equals("KASPERSKY-LAB-INC")).findFirst()
				.orElseThrow();
		assertEquals(Relation.SUBSIDIARY, inc.getRelation());
		assertTrue(inc.getAliases().contains("Kaspersky Lab North America"));
		assertTrue(inc.getEvidence().contains("BOD 17-01"));

		CoveredEntity huawei = family("HUAWEI");
		assertTrue(huawei.getAliases().stream()
				.anyMatch(a -> a.getName().equals("华为技术有限公司") && RuleConventions.script(a).equals("Hans")));
		assertTrue(huawei.getBrandTerms().contains("HiSilicon"));
		assertTrue(family("HIKVISION").getBrandTerms().contains("~萤石"), "affiliate brand terms reach the family");

		Affiliation lorex = family("DAHUA").getAffiliates().stream().filter(a -> a.getId().equals("LOREX"))
				.findFirst().orElseThrow();
		assertEquals(LocalDate.of(2018, 1, 1), lorex.getValidFrom());
		assertEquals(LocalDate.of(2023, 12, 31), lorex.getValidTo());
		assertNull(family("HYTERA").getAffiliates().stream().filter(a -> a.getId().equals("SEPURA")).findFirst()
				.orElseThrow().getValidTo());
	}

	@Test
	void engineOnlyHintsAreEncoded() {
		CoveredEntity mobile = family("CHINA_MOBILE");
		Alias strict = mobile.getAliases().stream().filter(a -> a.getName().equals("China Mobile")).findFirst()
				.orElseThrow();
		assertTrue(RuleConventions.isStrict(strict));
		assertEquals("Latn", RuleConventions.script(strict));
		assertTrue(mobile.getAffiliates().get(0).getAliases().contains("=China Mobile Communications"));
		assertTrue(family("CHINA_UNICOM").getBrandTerms().contains("~Unicom"));
		Alias synonym = family("ZTE").getAliases().stream().filter(a -> a.getName().equals("zhong xing"))
				.findFirst().orElseThrow();
		assertEquals("zhongxing", RuleConventions.synonymOf(synonym).orElseThrow());
		assertFalse(RuleConventions.isStrict(synonym));
	}

	@Test
	void everyDeadlineHasAUnitAndAName() {
		for (Rule r : set.getRules()) {
			for (Deadline d : r.getDeadlines()) {
				assertNotNull(d.getUnit());
				assertTrue(d.getOffset() > 0, r.getId() + " " + d.getName());
			}
		}
	}
}
