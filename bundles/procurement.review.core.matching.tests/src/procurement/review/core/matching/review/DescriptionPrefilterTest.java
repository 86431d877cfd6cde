package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import procurement.review.core.matching.BrandTerm;
import procurement.review.core.matching.DescriptionScanner;
import procurement.review.core.matching.WatchEntity;
import procurement.review.core.matching.Watchlist;
import procurement.review.rules.BuiltinRules;

/** The prefilter never hides a text the scanner would hit, and lets ordinary texts through cheaply. */
class DescriptionPrefilterTest {

	private static final Watchlist LIST = RuleSetWatchlist.of(BuiltinRules.load());
	private static final DescriptionScanner SCANNER = new DescriptionScanner(LIST);
	private static final DescriptionPrefilter FILTER = new DescriptionPrefilter(LIST);

	@Test
	void neverRejectsAHit() {
		List<String> texts = new ArrayList<>(List.of("KASPERSKY ENDPOINT SECURITY", "kaspersky", "(Kaspersky)",
				"HUAWEI-BRAND SWITCH", "HIK-CONNECT APP", "ZTE", "ZTE.", "x ZTE y", "ＺＴＥ ROUTER", "КАСПЕРСКИЙ",
				"海康威视 CAMERAS", "CHINA UNICOM AND UNICOM", "THREAT INTELLIGENCE FEED FROM KASPERSKY",
				"LOREX NVR", "EZVIZ", "SEPURA RADIOS", "Imou camera", "HiLook", "COMNET USA SERVICE"));
		// every term of the list, in several cases and surroundings
		for (WatchEntity e : LIST.entities()) {
			for (BrandTerm t : e.brandTerms()) {
				texts.add(t.phrase());
				texts.add("SUPPLY OF " + t.phrase().toUpperCase() + " UNITS");
				texts.add("renewal: " + t.phrase().toLowerCase() + ", 12 months");
			}
		}
		Random rnd = new Random(7);
		String[] words = {"LAPTOPS", "ZTEC", "AZTEC", "HUAWEIX", "KASPERSK", "CAMERAS", "SECURITY", "CHINA", "NETWORKS",
			"PACIFIC", "UNICOM", "LAB", "2019", "-", "/", "&"};
		for (int i = 0; i < 20_000; i++) {
			StringBuilder sb = new StringBuilder();
			for (int k = rnd.nextInt(8); k >= 0; k--) {
				sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextBoolean() ? " " : ",");
			}
			texts.add(sb.toString());
		}
		int scanned = 0;
		for (String t : texts) {
			if (!SCANNER.scan(t).isEmpty()) {
				assertTrue(FILTER.mayMatch(t), t);
			}
			scanned += FILTER.mayMatch(t) ? 1 : 0;
		}
		assertTrue(scanned < texts.size(), "the filter rejects something");
	}

	@Test
	void rejectsOrdinaryTexts() {
		for (String t : List.of("LAPTOPS AND TONER", "MAINTENANCE OF AZTEC BUILDING HVAC SYSTEMS", "IGF::OT::IGF",
				"", "SUPPORT, 12 MONTHS")) {
			assertFalse(FILTER.mayMatch(t), t);
		}
		assertTrue(FILTER.mayMatch("Лаборатория"), "non-ASCII text always goes to the scanner");
		assertEquals(true, FILTER.mayMatch("KASPERSKY"));
	}
}
