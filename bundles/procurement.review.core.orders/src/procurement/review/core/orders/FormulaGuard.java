package procurement.review.core.orders;

/**
 * Neutralises text that a spreadsheet would take as a formula (CSV / formula injection). Vendor names and
 * descriptions come from public data anyone can write into, so a value such as {@code =HYPERLINK(...)} must
 * never reach a reviewer's spreadsheet as something that evaluates.
 */
public final class FormulaGuard {

	/** Every character that makes text dangerous at its start, for tests and for callers that check a text. */
	public static final String DANGEROUS_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";

	private FormulaGuard() {
	}

	/**
	 * Tells whether a spreadsheet could interpret the text as a formula: it starts with =, +, -, @, a tab or
	 * a carriage return, or a full-width or small-form variant of =, +, - or @ (which East Asian input methods
	 * produce and some spreadsheet locales read as the operator).
	 *
	 * @param text the text; may be null
	 * @return true when the text needs neutralising
	 */
	public static boolean isDangerous(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', // ASCII
					'\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', // full-width = + - @
					'\uFE66', '\uFE62', '\uFE63', '\uFE6B' -> true; // small-form = + - @
			default -> false;
		};
	}

	/**
	 * Prefixes dangerous text with a single quote, the convention spreadsheets understand as "this is text";
	 * other text is returned unchanged.
	 *
	 * @param text the text; may be null
	 * @return the neutralised text; empty for null
	 */
	public static String neutralise(String text) {
		if (text == null) {
			return "";
		}
		return isDangerous(text) ? "'" + text : text;
	}
}
