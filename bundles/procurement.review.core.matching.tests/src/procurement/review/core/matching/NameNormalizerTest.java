package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

	private final NameNormalizer normalizer = new NameNormalizer();

	private String key(String s) {
		return normalizer.normalize(s).key();
	}

	@Test
	void doubleSpacesPunctuationAndCaseCollapse() {
		assertEquals("kaspersky lab inc", key("KASPERSKY LAB  INC"));
		assertEquals("kaspersky lab inc", key("Kaspersky Lab, Inc."));
		assertEquals(key("ZTE Corporation"), key("ZTE CORP."));
	}

	@Test
	void legalFormsAreStandardisedAndFlaggedInAnyPosition() {
		NormalizedName n = normalizer.normalize("AO Kaspersky Lab");
		assertEquals(List.of("jsc"), n.legalForms());
		assertEquals("kaspersky", n.contentTokens().get(0).text());
		assertEquals("llc", key("L.L.C."));
		assertEquals("foo llc", key("Foo Limited Liability Company"));
		assertEquals("inc acme", key("Incorporated ACME"));
		assertEquals(List.of("gmbh", "ag", "sa", "plc", "lp", "llp", "ltd", "co"),
				normalizer.normalize("GmbH AG S.A. PLC LP LLP Limited Company").legalForms());
		assertEquals(List.of("jsc", "jsc", "jsc", "llc"), normalizer.normalize("OAO ZAO PAO OOO").legalForms());
	}

	@Test
	void cyrillicKeepsNativeFormWithTransliteration() {
		NormalizedName n = normalizer.normalize("АО «Лаборатория Касперского»");
		assertEquals(List.of("jsc"), n.legalForms());
		NameToken k = n.contentTokens().get(1);
		assertEquals("касперского", k.text());
		assertEquals("kasperskogo", k.latin());
		assertEquals(NameToken.Script.CYRILLIC, k.script());
		assertEquals(List.of("llc"), normalizer.normalize("ООО Ромашка").legalForms());
	}

	@Test
	void chineseLegalSuffixesAreCutOut() {
		NormalizedName n = normalizer.normalize("华为技术有限公司");
		assertEquals("华为技术 ltd", n.key());
		assertEquals(NameToken.Script.HAN, n.tokens().get(0).script());
		assertEquals("中兴通讯 ltd", key("中兴通讯股份有限公司"));
		// mixed scripts split at the script boundary
		assertEquals("huawei 华为", key("HUAWEI华为"));
	}

	@Test
	void synonymsAndDottedAbbreviations() {
		assertEquals("huawei technology usa inc", key("HUAWEI TECHNOLOGIES U.S.A., INC."));
		assertEquals("hikvision usa", key("Hik Vision United States"));
		assertEquals("acme international", key("ACME INT'L"));
		NameNormalizer custom = new NameNormalizer(Map.of("CT Americas", "ctamericas"));
		assertEquals("ctamericas", custom.normalize("CT AMERICAS").key());
	}

	@Test
	void fullwidthAndAccentsFold() {
		assertEquals("huawei", key("ＨＵＡＷＥＩ"));
		assertEquals("societe generale sa", key("Société Générale S.A."));
	}

	@Test
	void blankInput() {
		assertTrue(normalizer.normalize(null).tokens().isEmpty());
		assertTrue(normalizer.normalize("  ,, ").tokens().isEmpty());
		assertFalse(normalizer.normalize("x").tokens().isEmpty());
	}
}
