package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {

	private final NameMatcher matcher = new NameMatcher(TestData.families());

	private String family(String name) {
		return matcher.match(name).map(NameHit::familyId).orElse("NONE");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
		"ZTE Corporation|ZTE", "AZTEC CORPORATION|NONE", "ZTE USA INC|ZTE",
		"Hytera Communications Corporation|HYTERA", "HARRIS COMMUNICATIONS CORPORATION|NONE",
		"KASPERSKY LAB  INC|KASPERSKY", "HANGZHOU HIKVISION DIGITAL TEC|HIKVISION",
		"HUAWEI TECHNOLOGIES USA INC|HUAWEI", "HUAWEl|NONE", "HUAWEl TECHNOLOGIES|HUAWEI",
		"HAWAII TECHNOLOGIES|NONE", "DAHLIA|NONE",
		"GENERAL DYNAMICS|NONE", "UNICOM GOVERNMENT INC|NONE", "CHINA UNICOM AMERICAS|CHINA_UNICOM",
		"FUTURENET GROUP|NONE", "NETWORKS OF THE PACIFIC|NONE", "PACIFIC NETWORKS CORP|PACIFIC_NETWORKS"})
	void knownTraps(String name, String expected) {
		assertEquals(expected, family(name), () -> String.valueOf(matcher.score(name)));
	}

	@Test
	void explanationNamesTokensLegalFormAndAlias() {
		NameHit hit = matcher.match("KASPERSKY LAB  INC").orElseThrow();
		assertEquals("KASPERSKY-LAB-INC", hit.entityId());
		assertEquals(1.0, hit.score(), 1e-9);
		assertTrue(hit.explanation().startsWith(
				"tokens: KASPERSKY=kaspersky (exact), LAB=lab (exact, generic); legal form inc; alias \"Kaspersky Lab, Inc.\""),
				hit.explanation());
	}

	@Test
	void fuzzyAndTruncatedMatchesScoreBelowExact() {
		// the typo needs a second word in common: a bare near miss is only a weak candidate (NearMissTest)
		NameHit exact = matcher.match("HUAWEI TECHNOLOGIES").orElseThrow();
		NameHit typo = matcher.match("HUAWEl TECHNOLOGIES").orElseThrow();
		assertTrue(typo.score() < exact.score());
		assertTrue(typo.explanation().contains("fuzzy, 1 edit"), typo.explanation());
		// 30 characters: the last word was cut by the USAspending limit
		NameHit cut = matcher.match("THE KASPERSKY GOVERNMENT SECUR").orElseThrow();
		assertEquals("KASPERSKY-GOV-SEC", cut.entityId());
		assertTrue(cut.explanation().contains("prefix, truncated"), cut.explanation());
		assertTrue(cut.score() >= matcher.threshold() && cut.score() < 1.0);
	}

	@Test
	void truncatedStubsAreIgnored() {
		NameHit hit = matcher.match("ZHONGXING TELECOMMUNICATION EQ").orElseThrow();
		assertEquals("ZTE", hit.familyId());
		assertTrue(!hit.explanation().contains("unmatched"), hit.explanation());
		assertEquals("HYTERA", family("HYTERA COMMUNICATIONS CORPORAT"));
	}

	@Test
	void nativeScriptAliases() {
		assertEquals("HUAWEI", family("华为技术有限公司"));
		assertEquals("HIKVISION", family("杭州海康威视数字技术股份有限公司"));
		assertEquals("KASPERSKY", family("АО «Лаборатория Касперского»"));
		assertEquals("NONE", family("大华银行"));
	}

	@Test
	void distinctiveTokenMustMatch() {
		// every generic word of the alias matches, the distinctive one does not
		assertEquals("NONE", family("HANGZHOU DIGITAL TECHNOLOGY CO LTD"));
		assertEquals("NONE", family("GOVERNMENT SECURITY SOLUTIONS INC"));
		assertTrue(matcher.score("GOVERNMENT SECURITY SOLUTIONS INC").isEmpty());
	}

	private static Watchlist withIdentifiers() {
		// made-up identifiers: no real registry values are used in tests
		WatchEntity e = new WatchEntity("TEST-CO", "TEST", "Test Covered Co", List.of("Zyxqwv Covered"), List.of(),
				"USA", new EntityIdentifiers("ZZTEST000001", "00-123-4567", "0TST1"), List.of(BrandTerm.of("Zyxqwv")),
				Map.of());
		return TestData.families().merge(new Watchlist(List.of(e)));
	}

	@Test
	void identifiersOverrideNames() {
		NameMatcher m = new NameMatcher(withIdentifiers());
		NameHit byUei = m.match("ACME RESELLER INC", "zztest000001", null, null).orElseThrow();
		assertEquals("TEST-CO", byUei.entityId());
		assertEquals(1.0, byUei.score());
		assertTrue(byUei.explanation().startsWith("UEI ZZTEST000001 matches TEST-CO"), byUei.explanation());
		// identifier wins even when the name matches another family
		assertEquals("TEST-CO", m.match("HUAWEI TECHNOLOGIES USA INC", null, "1234567", null).orElseThrow()
				.entityId());
		assertTrue(m.matchIdentifiers(null, null, "0tst1").orElseThrow().explanation().startsWith("CAGE 0TST1"));
		assertEquals("HUAWEI", m.match("HUAWEI TECHNOLOGIES USA INC", "OTHER0000001", null, null).orElseThrow()
				.familyId());
		assertFalse(m.matchIdentifiers(null, null, null).isPresent());
	}

	@Test
	void cacheReturnsSameResultPerNormalisedName() {
		NameMatcher m = new NameMatcher(TestData.families());
		Optional<NameHit> first = m.match("Kaspersky Lab, Inc.");
		assertEquals(1, m.cacheMisses());
		Optional<NameHit> again = m.match("Kaspersky Lab, Inc.");
		assertSame(first, again);
		// a different raw spelling with the same normalised name is a cache hit too
		assertSame(first, m.match("KASPERSKY LAB  INC"));
		assertEquals(1, m.cacheMisses());
		assertEquals(2, m.cacheHits());
		m.match("GENERAL DYNAMICS"); // ruled out by its words: counted, not cached
		assertEquals(1, m.ruledOut());
		m.match("HUAWEI DYNAMICS");
		assertEquals(2, m.cachedNames());
		m.clearCache();
		assertEquals(0, m.cachedNames());
	}

	@Test
	void cacheIsThreadSafe() throws Exception {
		NameMatcher m = new NameMatcher(TestData.families());
		List<String> names = List.of("ZTE USA INC", "AZTEC CORPORATION", "HUAWEI", "HIKVISION USA INC", "ACME");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<String>>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(pool.submit(() -> {
					List<String> out = new ArrayList<>();
					for (int i = 0; i < 2_000; i++) {
						out.add(m.match(names.get(i % names.size())).map(NameHit::familyId).orElse("NONE"));
					}
					return out;
				}));
			}
			for (Future<List<String>> f : futures) {
				List<String> out = f.get();
				assertEquals(List.of("ZTE", "NONE", "HUAWEI", "HIKVISION", "NONE"), out.subList(0, 5));
			}
		} finally {
			pool.shutdownNow();
		}
		assertEquals(3, m.cachedNames()); // AZTEC CORPORATION and ACME are ruled out by their words
		assertEquals(2 * 4 * 2_000 / names.size(), m.ruledOut());
	}

	@Test
	void thresholdIsConfigurable() {
		NameMatcher strict = new NameMatcher(TestData.families(), 0.99, 1000);
		assertTrue(strict.match("HUAWEl").isEmpty());
		assertTrue(strict.match("HUAWEI TECHNOLOGIES USA INC").isPresent());
	}
}
