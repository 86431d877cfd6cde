package procurement.review.core.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import procurement.review.core.orders.OrderLine;

/**
 * Text formatting shared by all renderers, so a PDF and a DOCX of the same order print the same strings.
 */
public final class Texts {

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private Texts() {
	}

	/**
	 * Formats dollars the way federal financial statements do: negatives in parentheses. Parentheses also
	 * keep a leading minus out of text cells, where it would look like a formula.
	 *
	 * @param amount the amount; null prints as empty
	 * @return e.g. "$1,234.50" or "($20.00)"
	 */
	public static String money(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
		String digits = a.abs().toPlainString();
		int dot = digits.indexOf('.');
		StringBuilder sb = new StringBuilder(digits.length() + 6);
		int intLen = dot;
		for (int i = 0; i < intLen; i++) {
			if (i > 0 && (intLen - i) % 3 == 0) {
				sb.append(',');
			}
			sb.append(digits.charAt(i));
		}
		sb.append(digits, dot, digits.length());
		return a.signum() < 0 ? "($" + sb + ")" : "$" + sb;
	}

	/**
	 * ISO date for tables.
	 *
	 * @param date the date; null prints as empty
	 * @return e.g. "2017-09-13"
	 */
	public static String iso(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	/**
	 * Long US date for memorandum text.
	 *
	 * @param date the date; null prints as "(not set)"
	 * @return e.g. "September 13, 2017"
	 */
	public static String longDate(LocalDate date) {
		return date == null ? "(not set)" : LONG_DATE.format(date);
	}

	/**
	 * Replaces control characters (other than line feeds) with spaces and unifies line ends, so data text
	 * is drawn as plain text and never moves the layout about.
	 *
	 * @param s the text; may be null
	 * @return the cleaned text, empty for null
	 */
	public static String clean(String s) {
		if (s == null || s.isEmpty()) {
			return "";
		}
		StringBuilder sb = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			char r = c;
			if (c == '\r') {
				r = (i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 0 : '\n';
			} else if (c != '\n' && (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029')) {
				r = ' ';
			}
			if (r != c && sb == null) {
				sb = new StringBuilder(s.length());
				sb.append(s, 0, i);
			}
			if (sb != null && r != 0) {
				sb.append(r);
			}
		}
		return sb == null ? s : sb.toString();
	}

	/**
	 * The letterhead line for a department: "Department of the Treasury" becomes
	 * "U.S. DEPARTMENT OF THE TREASURY"; other names are upper-cased as they are.
	 *
	 * @param departmentName the department
	 * @return the letterhead text
	 */
	public static String letterhead(String departmentName) {
		String d = departmentName == null ? "" : departmentName.strip();
		if (d.regionMatches(true, 0, "Department of", 0, "Department of".length())) {
			d = "U.S. " + d;
		}
		return d.toUpperCase(Locale.US);
	}

	/**
	 * The PIID with its modification number, as reviewers cite an action.
	 *
	 * @param l the line
	 * @return e.g. "HSHQDC17F00012" and "Mod. P00001" on two lines, or the PIID alone for a base award
	 */
	public static String piidAndMod(OrderLine l) {
		return l.modification().isBlank() || "0".equals(l.modification().strip())
				? l.piid() : l.piid() + "\nMod. " + l.modification();
	}

	/**
	 * The source of a line as "file, row n".
	 *
	 * @param l the line
	 * @return the source reference
	 */
	public static String source(OrderLine l) {
		return l.sourceFile() + (l.sourceRow() > 0 ? ", row " + l.sourceRow() : "");
	}

	/**
	 * Replaces characters XML 1.0 cannot carry (control characters other than tab, line feed and carriage
	 * return, lone surrogates, U+FFFE and U+FFFF) with spaces; OOXML parts are XML, and one such character
	 * from a data file would otherwise make the whole workbook unreadable.
	 *
	 * @param s the text; may be null
	 * @return the XML-safe text, empty for null
	 */
	public static String xmlSafe(String s) {
		if (s == null || s.isEmpty()) {
			return "";
		}
		char[] cs = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean bad;
			if (Character.isHighSurrogate(c)) {
				bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
				if (!bad) {
					i++;
					continue;
				}
			} else {
				bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isLowSurrogate(c)
						|| c == '\uFFFE' || c == '\uFFFF';
			}
			if (bad) {
				if (cs == null) {
					cs = s.toCharArray();
				}
				cs[i] = ' ';
			}
		}
		return cs == null ? s : new String(cs);
	}
}
