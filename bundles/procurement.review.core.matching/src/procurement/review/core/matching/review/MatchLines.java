package procurement.review.core.matching.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import procurement.review.core.matching.NameHit;
import procurement.review.core.matching.NameMatcher;

/**
 * The command-line {@code match} format: one vendor name per input line, one result line per input line, so the
 * output lines up with the input (paste, join, a spreadsheet column):
 *
 * <pre>
 * input&lt;TAB&gt;FAMILY_ID or NONE&lt;TAB&gt;score&lt;TAB&gt;explanation
 * </pre>
 *
 * The id is the covered family's (KASPERSKY, not the member KASPERSKY-LAB-INC, which the explanation names). The
 * score has two or three decimals ("0.97", "0.875", "1.00"), "0" for NONE. Tabs and line breaks in the input and the
 * explanation become spaces so that every record is one line of four fields. For NONE the explanation gives the
 * nearest family below the threshold, if any, to help tune names.
 */
public final class MatchLines {

	private MatchLines() {
	}

	/**
	 * Matches every line of the input.
	 *
	 * @param in      vendor names, one per line; a leading byte-order mark is ignored
	 * @param out     results, one per input line; flushed at the end
	 * @param matcher the matcher
	 * @return the number of lines that matched a family
	 * @throws IOException on read failure
	 */
	public static int run(BufferedReader in, PrintWriter out, NameMatcher matcher) throws IOException {
		int matched = 0;
		boolean first = true;
		for (String line; (line = in.readLine()) != null;) {
			if (first && line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			first = false;
			String input = oneLine(line);
			Optional<NameHit> hit = matcher.match(line);
			if (hit.isPresent()) {
				NameHit h = hit.get();
				out.print(input + '\t' + h.familyId() + '\t' + formatScore(h.score()) + '\t' + oneLine(h.explanation())
						+ '\n');
				matched++;
			} else {
				String near = line.isBlank() ? "" : matcher.score(line)
						.map(h -> "nearest " + h.familyId() + " " + formatScore(h.score()) + " below threshold "
								+ formatScore(matcher.threshold()) + ": " + h.explanation())
						.orElse("");
				out.print(input + "\tNONE\t0\t" + oneLine(near) + '\n');
			}
		}
		out.flush();
		return matched;
	}

	/**
	 * Formats a score with two or three decimals, half-up.
	 *
	 * @param score the score
	 * @return e.g. "0.97", "0.875", "1.00"; "0" for zero
	 */
	public static String formatScore(double score) {
		if (score == 0) {
			return "0";
		}
		BigDecimal d = BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP);
		String s = d.toPlainString();
		return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
	}

	private static String oneLine(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			sb.append(c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' '
					: c);
		}
		return sb.toString();
	}
}
