package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import procurement.review.core.matching.internal.MatchEngine;

/**
 * A brand word one or two edits off with nothing else of the alias in common, and a strict alias among further
 * words of substance, are weak candidates: below the default threshold, still shown by {@link NameMatcher#score}.
 */
class NearMissTest {

	private final NameMatcher matcher = new NameMatcher(TestData.families());

	@ParameterizedTest
	@ValueSource(strings = {"DAHUAN", "DAHUAN TRADING CO", "HITERA CONSULTING LLC", "KASPERSON ASSOCIATES LLC",
		"HUAWEl", "FUTUREWEB LLC"})
	void aNearMissAloneIsAWeakCandidate(String name) {
		assertTrue(matcher.match(name).isEmpty(), () -> matcher.score(name).toString());
		NameHit weak = matcher.score(name).orElseThrow();
		assertTrue(weak.score() < NameMatcher.DEFAULT_THRESHOLD && weak.score() <= MatchEngine.WEAK_CEILING,
				weak.toString());
		assertTrue(weak.explanation().contains("weak candidate: only a near miss"), weak.explanation());
	}

	@Test
	void theSameWordWithAnotherWordInCommonIsAHit() {
		// one typo next to a word of the alias: keyed data, not another company
		NameHit typo = matcher.match("HUAWEl TECHNOLOGIES").orElseThrow();
		assertEquals("HUAWEI", typo.familyId());
		assertTrue(typo.explanation().contains("fuzzy, 1 edit") && !typo.explanation().contains("weak"),
				typo.explanation());
		assertEquals("HYTERA", matcher.match("HYTERRA COMMUNICATIONS").orElseThrow().familyId());
		assertEquals("KASPERSKY", matcher.match("KASPERSKI LAB").orElseThrow().familyId());
		// and the exact brand word with unrelated words is still a hit, as before
		assertEquals("DAHUA", matcher.match("DAHUA TRADING CO").orElseThrow().familyId());
	}

	@Test
	void weakCandidatesRankByTheirOwnScore() {
		// the factor keeps their order: a near miss alone ranks above one among unrelated words
		double alone = matcher.score("DAHUAN").orElseThrow().score();
		double among = matcher.score("DAHUAN TRADING CO").orElseThrow().score();
		assertTrue(alone > among, alone + " " + among);
		// a reviewer who lowers the threshold sees them
		NameMatcher lenient = new NameMatcher(TestData.families(), 0.55, 1000);
		assertEquals("DAHUA", lenient.match("DAHUAN").orElseThrow().familyId());
	}

	@ParameterizedTest
	@ValueSource(strings = {"PACIFIC NETWORK SOLUTIONS", "PACIFIC NETWORKS ENGINEERING LLC",
		"CHINA MOBILE SOLUTIONS INC"})
	void aStrictAliasAmongFurtherWordsIsAWeakCandidate(String name) {
		assertTrue(matcher.match(name).isEmpty(), () -> matcher.score(name).toString());
		NameHit weak = matcher.score(name).orElseThrow();
		assertTrue(weak.score() <= MatchEngine.WEAK_CEILING, weak.toString());
		assertTrue(weak.explanation().contains("strict alias among further words"), weak.explanation());
	}

	@Test
	void aStrictAliasWithPlacesAndLegalFormsIsStillAHit() {
		assertEquals("PACIFIC_NETWORKS", matcher.match("PACIFIC NETWORKS CORP").orElseThrow().familyId());
		assertEquals("CHINA_MOBILE", matcher.match("CHINA MOBILE INTERNATIONAL USA").orElseThrow().familyId());
		assertEquals("PACIFIC_NETWORKS", matcher.match("COMNET USA  LLC").orElseThrow().familyId());
	}

	@Test
	void theCeilingHoldsForAStrictAliasAmongManySmallWords() {
		assertTrue(MatchEngine.WEAK_CEILING < NameMatcher.DEFAULT_THRESHOLD);
		// every alias word found and one generic word more: 0.95 before the factor, 0.71 after it
		NameHit weak = matcher.score("CHINA MOBILE COMMUNICATIONS GROUP SOLUTIONS").orElseThrow();
		assertTrue(weak.explanation().contains("weak candidate"), weak.explanation());
		assertTrue(weak.score() <= MatchEngine.WEAK_CEILING, weak.toString());
	}

	@Test
	void theQuickLookStillSaysMaybeForWeakCandidates() {
		// weak candidates are scored, not dropped, so the quick look must not rule them out
		MatchEngine engine = new MatchEngine(TestData.families(),
				new NameNormalizer(TestData.families().synonyms()));
		for (String name : new String[] {"DAHUAN TRADING CO", "PACIFIC NETWORK SOLUTIONS"}) {
			assertTrue(engine.mayMatch(name, false), name);
		}
	}
}
