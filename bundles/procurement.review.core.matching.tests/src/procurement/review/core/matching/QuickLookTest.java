package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import procurement.review.core.matching.internal.MatchEngine;
import procurement.review.core.matching.review.RuleSetWatchlist;
import procurement.review.rules.BuiltinRules;

/**
 * The quick look at a name's plain words ({@link MatchEngine#mayMatch(String, boolean)}) never rules out a name
 * the full match would find, and its words are the normaliser's.
 */
class QuickLookTest {

	private static final String[] FILLER = {"ACME", "GROUP", "NETWORKS", "PACIFIC", "TELECOM", "CHINA", "MOBILE",
		"UNICOM", "TECHNOLOGY", "TECHNOLOGIES", "SYSTEMS", "USA", "AMERICA", "INC", "INC.", "CORP", "L.L.C.", "CO",
		"LTD", "LIMITED", "COMMUNICATIONS", "DIGITAL", "LAB", "LABS", "SECURITY", "SOLUTIONS", "INTERNATIONAL",
		"UNITED", "STATES", "NORTH", "AZTEC", "ZTEC", "HUAWEIX", "KASPERSK", "HIKVISON", "DAHUA", "ZTE", "HYTERA",
		"O'BRIEN", "INT'L", "U.S.", "&", "-", "2019", "SERVICES", "FUTURENET", "FUTUREWEI", "SEPURA", "NORSAT"};

	@Test
	void neverRulesOutAName() {
		check(TestData.families());
		check(RuleSetWatchlist.of(BuiltinRules.load()));
	}

	private static void check(Watchlist list) {
		NameNormalizer normalizer = new NameNormalizer(list.synonyms());
		MatchEngine engine = new MatchEngine(list, normalizer);
		Set<String> names = new LinkedHashSet<>();
		TestData.labelled().forEach(l -> names.add(l.name()));
		List<String> words = new ArrayList<>(List.of(FILLER));
		for (WatchEntity e : list.entities()) {
			names.addAll(e.names());
			names.addAll(e.strictNames());
			for (String n : e.names()) {
				words.addAll(List.of(n.toUpperCase(Locale.ROOT).split(" ")));
			}
		}
		Random rnd = new Random(11);
		String[] separators = {" ", "  ", ", ", "-", ". ", "/"};
		for (int i = 0; i < 30_000; i++) {
			StringBuilder sb = new StringBuilder();
			for (int k = rnd.nextInt(5); k >= 0; k--) {
				String w = words.get(rnd.nextInt(words.size()));
				if (rnd.nextInt(6) == 0 && w.length() > 3) {
					// one edit: a typo in keyed data
					int at = rnd.nextInt(w.length());
					w = w.substring(0, at) + (char) ('A' + rnd.nextInt(26)) + w.substring(at + 1);
				}
				sb.append(sb.isEmpty() ? "" : separators[rnd.nextInt(separators.length)]).append(w);
			}
			String name = sb.toString();
			if (rnd.nextInt(4) == 0 && name.length() > 30) {
				name = name.substring(0, 28 + rnd.nextInt(3)); // cut at the USAspending limit
			}
			names.add(name);
		}
		int plain = 0;
		int ruledOut = 0;
		for (String name : names) {
			List<String> quick = normalizer.plainContentWords(name);
			if (quick != null) {
				plain++;
				assertEquals(normalizer.normalize(name).contentTokens().stream().map(NameToken::text).toList(), quick,
						name);
			}
			if (!engine.mayMatch(name, false)) {
				ruledOut++; // each name once
				assertNull(engine.best(normalizer.normalize(name), false), name);
			}
			if (MatchEngine.looksTruncated(name) && !engine.mayMatch(name, true)) {
				assertNull(engine.best(normalizer.normalize(name), true), name);
			}
		}
		assertTrue(plain > names.size() / 2, plain + " plain of " + names.size());
		assertTrue(ruledOut > names.size() / 8, ruledOut + " ruled out of " + names.size());
	}

	@Test
	void rulesOutOrdinaryNames() {
		Watchlist list = RuleSetWatchlist.of(BuiltinRules.load());
		MatchEngine engine = new MatchEngine(list, new NameNormalizer(list.synonyms()));
		for (String name : List.of("ACME TECHNOLOGIES LLC", "GENERAL DYNAMICS", "PACIFIC GROUP INC", "AZTEC CORP",
				"TELECOM SOLUTIONS GROUP", "")) {
			assertFalse(engine.mayMatch(name, false), name);
		}
		for (String name : List.of("KASPERSKY LAB", "HUAWEl TECHNOLOGIES", "PACIFIC NETWORKS CORP",
				"Лаборатория Касперского", "U.S.A. HIKVISION", "KASPERSKY GOVERNMENT SECURITY ")) {
			assertTrue(engine.mayMatch(name, MatchEngine.looksTruncated(name)), name);
		}
	}

	@Test
	void ruledOutNamesAreCountedNotCached() {
		NameMatcher m = new NameMatcher(RuleSetWatchlist.of(BuiltinRules.load()));
		assertTrue(m.match("ACME TECHNOLOGIES LLC").isEmpty());
		assertTrue(m.match("KASPERSKY LAB").isPresent());
		assertEquals(1, m.ruledOut());
		assertEquals(1, m.cachedNames());
	}
}
