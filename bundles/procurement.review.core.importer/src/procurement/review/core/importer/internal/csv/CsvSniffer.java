package procurement.review.core.importer.internal.csv;

import java.nio.charset.Charset;

import procurement.review.core.importer.internal.Encodings;
import procurement.review.core.importer.internal.Encodings.ByteOrderMark;

/** Guesses encoding and delimiter of a CSV file from its first bytes. */
final class CsvSniffer {

	static final Charset WINDOWS_1252 = Encodings.WINDOWS_1252;
	private static final char[] CANDIDATES = {',', ';', '\t', '|'};
	private static final int MAX_LINES = 20;

	private CsvSniffer() {
	}

	/** Length of the byte order mark at the start, 0 if none. */
	static int bomLength(byte[] head) {
		ByteOrderMark mark = Encodings.byteOrderMark(head);
		return mark == null ? 0 : mark.length();
	}

	/** Picks the charset: UTF-16 by its byte order mark, else {@link Encodings#utf8OrWindows1252}. */
	static Charset charset(byte[] head, boolean complete) {
		ByteOrderMark mark = Encodings.byteOrderMark(head);
		return mark != null && mark.length() == 2 ? mark.charset() : Encodings.utf8OrWindows1252(head, complete);
	}

	/**
	 * Excel's delimiter line: a file saved for a locale whose list separator differs may start with {@code sep=;}
	 * (Excel reads the delimiter from it and does not show the line).
	 *
	 * @param text the start of the file, after any byte order mark
	 * @return the length of that line with its line break, 0 when the file does not start with one
	 */
	static int separatorLine(CharSequence text) {
		int n = text.length();
		int i = n > 0 && text.charAt(0) == '"' ? 1 : 0;
		if (n < i + 5 || !text.subSequence(i, i + 4).toString().equalsIgnoreCase("sep=")) {
			return 0;
		}
		i += 5;
		if (i > 5 && i < n && text.charAt(i) == '"') {
			i++;
		}
		if (i < n && text.charAt(i) == '\r') {
			i++;
		}
		if (i < n && text.charAt(i) == '\n') {
			i++;
		}
		return i == n || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r' ? i : 0;
	}

	/**
	 * Picks the delimiter whose count per line is the same in most of the first lines, counting only outside
	 * quotes; among equally consistent ones the most frequent wins. A file with one column gets a comma.
	 */
	static char delimiter(CharSequence text) {
		int[][] counts = new int[CANDIDATES.length][MAX_LINES];
		int lines = 0;
		boolean quoted = false;
		int n = text.length();
		for (int i = 0; i < n && lines < MAX_LINES; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			} else if (!quoted && (c == '\n' || c == '\r')) {
				if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
				lines++;
			} else if (!quoted) {
				for (int k = 0; k < CANDIDATES.length; k++) {
					if (c == CANDIDATES[k]) {
						counts[k][lines]++;
					}
				}
			}
		}
		// A cut or unterminated last line would skew the counts; it is used only when it is the only line.
		lines = Math.max(1, lines);
		char best = ',';
		double bestScore = 0;
		for (int k = 0; k < CANDIDATES.length; k++) {
			int first = counts[k][0];
			if (first == 0) {
				continue;
			}
			int same = 0;
			for (int l = 0; l < lines; l++) {
				if (counts[k][l] == first) {
					same++;
				}
			}
			double score = (double) same / lines * 1000 + Math.min(first, 999);
			if (score > bestScore) {
				bestScore = score;
				best = CANDIDATES[k];
			}
		}
		return best;
	}
}
