package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import procurement.review.core.matching.NameMatcher;
import procurement.review.rules.BuiltinRules;

/** The CLI {@code match} format. */
class MatchLinesTest {

	private static final NameMatcher MATCHER = new NameMatcher(RuleSetWatchlist.of(BuiltinRules.load()));

	@Test
	void oneResultLinePerInputLine() throws IOException {
		String input = "\uFEFFKaspersky Lab, Inc.\nAZTEC CORPORATION\nZTE USA INC\n\n华为技术有限公司\nHIKVISION\tUSA INC\n";
		StringWriter out = new StringWriter();
		int matched = MatchLines.run(new BufferedReader(new StringReader(input)), new PrintWriter(out), MATCHER);
		String[] lines = out.toString().split("\n", -1);
		assertEquals(7, lines.length, out.toString());
		assertEquals("", lines[6], "the output ends with a line break");
		for (int i = 0; i < 6; i++) {
			String[] f = lines[i].split("\t", -1);
			assertEquals(4, f.length, lines[i]);
			assertTrue(f[2].matches("0|[01]\\.\\d{2,3}"), f[2]);
		}
		assertEquals(4, matched);
		assertTrue(lines[0].startsWith("Kaspersky Lab, Inc.\tKASPERSKY\t1.00\t"), lines[0]);
		assertTrue(lines[0].contains("KASPERSKY-LAB-INC") || lines[0].contains("Kaspersky Lab, Inc."), lines[0]);
		assertTrue(lines[1].startsWith("AZTEC CORPORATION\tNONE\t0\t"), lines[1]);
		assertTrue(lines[2].startsWith("ZTE USA INC\tZTE\t"), lines[2]);
		assertEquals("\tNONE\t0\t", lines[3]);
		assertTrue(lines[4].startsWith("华为技术有限公司\tHUAWEI\t"), lines[4]);
		assertTrue(lines[5].startsWith("HIKVISION USA INC\tHIKVISION\t"), "tabs in the input become spaces: "
				+ lines[5]);
	}

	@Test
	void droneMakersPrintTheirFamilyIds() throws IOException {
		// the acceptance line of issue 15
		StringWriter out = new StringWriter();
		MatchLines.run(new BufferedReader(new StringReader("SZ DJI TECHNOLOGY CO LTD\nAUTEL ROBOTICS USA LLC\n")),
				new PrintWriter(out), MATCHER);
		String[] lines = out.toString().split("\n");
		assertTrue(lines[0].startsWith("SZ DJI TECHNOLOGY CO LTD\tDJI\t1.00\t"), lines[0]);
		assertTrue(lines[1].startsWith("AUTEL ROBOTICS USA LLC\tAUTEL\t1.00\t"), lines[1]);
	}

	@Test
	void scoresHaveTwoOrThreeDecimals() {
		assertEquals("0.97", MatchLines.formatScore(0.97));
		assertEquals("0.875", MatchLines.formatScore(0.875));
		assertEquals("0.875", MatchLines.formatScore(0.87549));
		assertEquals("0.88", MatchLines.formatScore(0.8795));
		assertEquals("1.00", MatchLines.formatScore(1.0));
		assertEquals("0", MatchLines.formatScore(0));
	}
}
