package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DescriptionScannerTest {

	private final DescriptionScanner scanner = new DescriptionScanner(TestData.families());

	@Test
	void longestProductTermWithOffsets() {
		String text = "KASPERSKY ENDPOINT SECURITY LICENSES RENEWAL";
		List<DescriptionHit> hits = scanner.scan(text);
		assertEquals(1, hits.size(), hits::toString);
		DescriptionHit h = hits.get(0);
		assertEquals("KASPERSKY", h.familyId());
		assertEquals("Kaspersky Endpoint Security", h.term());
		assertEquals(0, h.start());
		assertEquals(27, h.end());
		assertEquals("KASPERSKY ENDPOINT SECURITY", text.substring(h.start(), h.end()));
		assertTrue(h.covered());
	}

	@Test
	void brandInsideSentence() {
		String text = "PURCHASE OF HIKVISION CAMERAS VIA RESELLER";
		DescriptionHit h = scanner.scan(text).get(0);
		assertEquals("HIKVISION", h.familyId());
		assertEquals("HIKVISION", h.phrase());
		assertEquals(12, h.start());
		assertEquals(21, h.end());
	}

	@Test
	void wordBoundaries() {
		assertTrue(scanner.scan("AZTEC CALENDAR SOFTWARE").isEmpty());
		assertTrue(scanner.scan("SUPPORT FOR MAZTEK AND ZTEX DEVICES").isEmpty());
		List<DescriptionHit> hits = scanner.scan("HUAWEI-BRAND SWITCHES AND ZTE/USA PHONES");
		assertEquals(List.of("HUAWEI", "ZTE"), hits.stream().map(DescriptionHit::familyId).toList());
		assertEquals("HUAWEI", hits.get(0).phrase());
		assertEquals(26, hits.get(1).start());
	}

	@Test
	void caseInsensitive() {
		assertEquals("DAHUA", scanner.scan("dahua nvr, qty 4").get(0).familyId());
		assertEquals("HIKVISION", scanner.scan("Hik-Connect app licences").get(0).familyId());
	}

	@Test
	void notCoveredProductsAreReportedAsExclusions() {
		List<DescriptionHit> hits = scanner.scan("KASPERSKY THREAT INTELLIGENCE PORTAL SUBSCRIPTION");
		assertEquals(1, hits.size(), hits::toString);
		DescriptionHit h = hits.get(0);
		assertFalse(h.covered());
		assertTrue(h.reason().contains("BOD 17-01"), h.reason());
		assertTrue(h.explanation().contains("not covered"), h.explanation());
		assertFalse(scanner.hasCoveredHit("KASPERSKY SECURITY TRAINING FOR STAFF"));
		assertTrue(scanner.hasCoveredHit("KASPERSKY ANTI-VIRUS RENEWAL"));
	}

	@Test
	void ambiguousTermsNeedAnAnchorOfTheSameFamily() {
		assertTrue(scanner.scan("UNICOM GOVERNMENT LAPTOPS").isEmpty());
		assertTrue(scanner.scan("THREAT INTELLIGENCE FEED FROM RECORDED FUTURE").isEmpty());
		List<DescriptionHit> hits = scanner.scan("KASPERSKY ANTI-VIRUS; THREAT INTELLIGENCE ADD-ON");
		assertEquals(2, hits.size(), hits::toString);
		assertTrue(hits.get(0).covered());
		assertFalse(hits.get(1).covered());
		assertEquals("CHINA_UNICOM", scanner.scan("CHINA UNICOM CIRCUIT, UNICOM LEASED LINE").get(1).familyId());
	}

	@Test
	void chineseAndCyrillicTerms() {
		String text = "采购海康威视摄像机";
		DescriptionHit h = scanner.scan(text).get(0);
		assertEquals("HIKVISION", h.familyId());
		assertEquals("海康威视", text.substring(h.start(), h.end()));
		assertEquals("KASPERSKY", scanner.scan("лицензии Касперского").get(0).familyId());
	}

	@Test
	void nothingInPlainText() {
		assertTrue(scanner.scan(null).isEmpty());
		assertTrue(scanner.scan("").isEmpty());
		assertTrue(scanner.scan("OFFICE SUPPLIES FOR REGION 3").isEmpty());
	}
}
