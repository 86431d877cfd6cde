package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.core.matching.BrandTerm;
import procurement.review.core.matching.DescriptionHit;
import procurement.review.core.matching.DescriptionScanner;
import procurement.review.core.matching.NameHit;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.WatchEntity;
import procurement.review.core.matching.Watchlist;
import procurement.review.core.matching.TestData;
import procurement.review.rules.BuiltinRules;

/** The built-in rule set, adapted for the engine, matches exactly like the engine's own seed list. */
class RuleSetWatchlistTest {

	private static final Watchlist RULES = RuleSetWatchlist.of(BuiltinRules.load());

	@Test
	void familiesAreRootEntitiesAndAffiliatesMembers() {
		WatchEntity k = RULES.entity("KASPERSKY");
		assertEquals("KASPERSKY", k.familyId());
		assertEquals("RUS", k.country());
		assertTrue(k.names().contains("АО «Лаборатория Касперского»"));
		WatchEntity inc = RULES.entity("KASPERSKY-LAB-INC");
		assertEquals("KASPERSKY", inc.familyId());
		assertEquals("USA", inc.country());
		assertEquals("subsidiary", inc.attributes().get(RuleSetWatchlist.RELATION));
		assertTrue(RULES.entity("CHINA_MOBILE").strictNames().contains("China Mobile"));
		assertTrue(RULES.entity("CHINA-MOBILE-GROUP").strictNames()
				.contains("China Mobile Communications Group Co., Ltd."));
		assertEquals("2023-12-31", RULES.entity("LOREX").attributes().get(RuleSetWatchlist.VALID_TO));
		assertEquals("zhongxing", RULES.synonyms().get("zhong xing"));
		BrandTerm ti = k.brandTerms().stream().filter(t -> t.phrase().equals("Threat Intelligence")).findFirst()
				.orElseThrow();
		assertTrue(ti.ambiguousAlone());
		assertFalse(ti.covered());
		assertTrue(ti.reason().startsWith("not covered by BOD-17-01 (DHS Binding Operational Directive 17-01)"),
				ti.reason());
	}

	@Test
	void falseContextsAndDatedLinksReachTheEngine() {
		assertEquals(TestData.families().falseContexts(), RULES.falseContexts());
		assertTrue(RULES.falseContexts().get("DAHUA").contains("大华银行"));
		// Dahua's former companies carry the dates they left (year bounds where only the year is sourced)
		assertEquals("2025-03-03", RULES.entity("IMOU").attributes().get(RuleSetWatchlist.VALID_TO));
		assertEquals("2023-12-31", RULES.entity("LOREX-CORP").attributes().get(RuleSetWatchlist.VALID_TO));
		assertEquals("2018-01-01", RULES.entity("LOREX-UK").attributes().get(RuleSetWatchlist.VALID_FROM));
		// DJI and AUTEL are families of their own, so hits name them
		NameMatcher m = new NameMatcher(RULES);
		assertEquals("DJI", m.match("SZ DJI TECHNOLOGY CO LTD").orElseThrow().entityId());
		assertEquals("AUTEL", m.match("AUTEL ROBOTICS USA LLC").orElseThrow().familyId());
		assertTrue(m.match("大华银行有限公司").isEmpty());
	}

	@Test
	void matchesTheLabelledNamesLikeTheSeed() {
		NameMatcher seed = new NameMatcher(TestData.families());
		NameMatcher rules = new NameMatcher(RULES);
		List<String> differences = new ArrayList<>();
		int covered = 0;
		for (TestData.Labelled l : TestData.labelled()) {
			String a = seed.match(l.name()).map(NameHit::familyId).orElse("NONE");
			String b = rules.match(l.name()).map(NameHit::familyId).orElse("NONE");
			double sa = seed.match(l.name()).map(NameHit::score).orElse(0.0);
			double sb = rules.match(l.name()).map(NameHit::score).orElse(0.0);
			if (!a.equals(b) || Math.abs(sa - sb) > 1e-9) {
				differences.add(l.name() + ": seed " + a + " " + sa + ", rule set " + b + " " + sb);
			}
			covered += b.equals("NONE") ? 0 : 1;
		}
		assertEquals(List.of(), differences);
		assertTrue(covered > 100, "covered " + covered);
	}

	@Test
	void scansDescriptionsLikeTheSeed() {
		DescriptionScanner seed = new DescriptionScanner(TestData.families());
		DescriptionScanner rules = new DescriptionScanner(RULES);
		for (String d : List.of("KASPERSKY ENDPOINT SECURITY LICENSES RENEWAL",
				"KASPERSKY THREAT INTELLIGENCE PORTAL", "THREAT INTELLIGENCE FEED", "HIKVISION CAMERAS VIA EZVIZ",
				"MAINTENANCE OF AZTEC BUILDING", "UNICOM GOVERNMENT SERVICES", "CHINA UNICOM LINES AND UNICOM SIMS",
				"海康威视 摄像机", "LOREX NVR 16 CHANNEL", "ZTE ROUTERS", "上海思科交换机", "大华银行 大华摄像机",
				"2019年华为交换机", "DJI MAVIC 3 大疆", "ZTE 中兴")) {
			assertEquals(families(seed.scan(d)), families(rules.scan(d)), d);
		}
		assertEquals(List.of(), rules.scan("MAINTENANCE OF AZTEC BUILDING"));
		assertFalse(rules.scan("KASPERSKY THREAT INTELLIGENCE PORTAL").get(0).covered());
	}

	private static List<String> families(List<DescriptionHit> hits) {
		return hits.stream().map(h -> h.familyId() + ":" + h.term() + ":" + h.covered() + ":" + h.start()).toList();
	}
}
