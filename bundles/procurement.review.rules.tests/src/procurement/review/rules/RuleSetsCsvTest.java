package procurement.review.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.model.CoveredEntity;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/** A reviewer's watch-list CSV becomes a rule set; bad rows are reported where they are. */
class RuleSetsCsvTest {

	private static RuleSets.CsvResult read(String csv) throws IOException {
		return RuleSets.fromWatchlistCsv(new StringReader(csv), "reviewer", BuiltinRules.load());
	}

	@Test
	void goodRowsBecomeFamiliesAndRules() throws IOException {
		RuleSets.CsvResult result = read("""
                name,aliases,country,rule,risk,family,terms
                Acme Surveillance Ltd,ACME CCTV|阿克米,CHN,NDAA19-889A-SURVEILLANCE,,,AcmeCam
                Huawei Cloud Computing Technologies Co,,CHN,NDAA19-889A,PROHIBITED,HUAWEI,
                Globex Telecom,,IRN,,,,
                Initech Systems,,RUS,,elevated,,
                """);
		assertEquals(List.of(), result.problems());
		RuleSet set = result.orThrow();
		assertEquals("reviewer", set.getId());
		CoveredEntity acme = RuleSets.entity(set, "ACME-SURVEILLANCE-LTD");
		assertEquals("CHN", acme.getCountry());
		assertEquals(List.of("Acme Surveillance Ltd", "ACME CCTV", "阿克米"),
				acme.getAliases().stream().map(a -> a.getName()).toList());
		assertEquals("Hans", RuleConventions.script(acme.getAliases().get(2)));
		assertEquals(List.of("AcmeCam"), acme.getBrandTerms());

		Rule surveillance = RuleSets.rule(set, "NDAA19-889A-SURVEILLANCE");
		assertTrue(surveillance.isPurposeLimited(), "legal facts come from the reference rule");
		assertEquals(LocalDate.of(2019, 8, 13), surveillance.getEffective());
		assertEquals(2, surveillance.getDeadlines().size());
		assertEquals(List.of(acme), surveillance.getCovered());

		assertSame(RuleSets.entity(set, "HUAWEI"), RuleSets.rule(set, "NDAA19-889A").getCovered().get(0));
		assertTrue(set.getRules().stream().noneMatch(r -> r.getCovered().contains(RuleSets.entity(set,
				"GLOBEX-TELECOM"))), "a row without rule and risk only watches the name");
		Rule watch = RuleSets.rule(set, "WATCH-ELEVATED");
		assertEquals(RiskLevel.ELEVATED, watch.getRiskLevel());
	}

	@Test
	void badRowsAreLocatedAndSkipped() throws IOException {
		RuleSets.CsvResult result = read("""
                name,aliases,country,rule,risk
                Good Co,,USA,,
                "Multi
                line Co",,CHINA,,
                Bad Risk Co,,CHN,NDAA19-889A,forbidden
                ,alias only,CHN,,
                """);
		assertEquals(List.of("line 4, column 3 (country): 'CHINA' is not an ISO 3166 alpha-3 code such as CHN or RUS",
				"line 5, column 5 (risk): 'forbidden' is not a risk level; use NONE, ELEVATED, NEEDS_REVIEW or"
						+ " PROHIBITED",
				"line 6, column 1 (name): the name is empty"),
				result.problems().stream().map(Object::toString).toList());
		assertEquals(4, result.problems().get(0).line(), "the line where the cell starts, not where its record starts");
		assertEquals(List.of("GOOD-CO"), result.ruleSet().getEntities().stream().map(CoveredEntity::getId).toList());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, result::orThrow);
		assertTrue(e.getMessage().contains("3 problems"), e.getMessage());
	}

	@Test
	void byteOrderMarkWindowsLineEndsTextAfterAQuoteAndAQuoteNeverClosed() throws IOException {
		RuleSets.CsvResult result = read("\uFEFFname,country\r\n\"Acme\" Inc,CHN\r\n\"Two\r\nLines Co\",XX\r\n"
				+ "\"Never closed,RUS\r\nLast Co,CHN\r\n");
		List<String> problems = result.problems().stream().map(Object::toString).toList();
		assertEquals(2, problems.size(), problems.toString());
		assertTrue(problems.get(0).startsWith("line 5: a quoted cell is never closed"), problems.get(0));
		assertEquals("line 4, column 2 (country): 'XX' is not an ISO 3166 alpha-3 code such as CHN or RUS",
				problems.get(1));
		assertEquals(List.of("ACME-INC"), result.ruleSet().getEntities().stream().map(CoveredEntity::getId).toList(),
				"the mark is no part of the header, text after a closing quote joins the cell, and nothing after"
						+ " a quote never closed is read");
	}

	@Test
	void missingNameColumnAndConflictingRisk() throws IOException {
		assertEquals("line 1: the header needs a 'name' column; found [vendor, country]",
				read("vendor,country\nAcme,USA\n").problems().get(0).toString());
		RuleSets.CsvResult conflict = read("name,rule,risk\nA Co,X-1,PROHIBITED\nB Co,X-1,NONE\n");
		assertEquals(1, conflict.problems().size());
		assertEquals(3, conflict.problems().get(0).line());
		assertEquals("risk", conflict.problems().get(0).columnName());
	}

	@Test
	void roundTripsThroughXmi() throws IOException {
		RuleSet set = read("name,country,rule,risk\nAcme,CHN,X-1,PROHIBITED\n").orThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RuleSets.write(set, out);
		assertTrue(out.toString().contains("covered=\"ACME\""), out.toString());
		RuleSet back = RuleSets.read(new ByteArrayInputStream(out.toByteArray()), "t.ruleset");
		assertSame(RuleSets.entity(back, "ACME"), RuleSets.rule(back, "X-1").getCovered().get(0));
	}
}
