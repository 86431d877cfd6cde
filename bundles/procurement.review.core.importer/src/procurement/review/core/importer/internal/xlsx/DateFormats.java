package procurement.review.core.importer.internal.xlsx;

/** Decides whether a number format shows a date or time, the only way a spreadsheet marks a number as a date. */
public final class DateFormats {

	private DateFormats() {
	}

	/**
	 * @param id   the number format id
	 * @param code the format code, {@code null} for built-in formats
	 * @return whether cells with this format hold dates
	 */
	public static boolean isDate(int id, String code) {
		// Built-in date/time formats, including the locale-specific East Asian ones (27-36, 50-58).
		if (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58) {
			return true;
		}
		if (code == null) {
			return false;
		}
		int n = code.length();
		for (int i = 0; i < n; i++) {
			char c = code.charAt(i);
			switch (c) {
				case ';':
					return false; // only the first (positive) section decides
				case '"':
					int close = code.indexOf('"', i + 1);
					i = close < 0 ? n : close;
					break;
				case '\\':
				case '_':
				case '*':
					i++; // escaped, padding or fill character is a literal
					break;
				case '[':
					int end = code.indexOf(']', i + 1);
					String inside = end < 0 ? "" : code.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT);
					if (inside.matches("h+|m+|s+")) {
						return true; // elapsed time such as [h]:mm
					}
					i = end < 0 ? n : end;
					break;
				case 'y', 'Y', 'd', 'D', 'h', 'H', 's', 'S', 'm', 'M':
					return true;
				default:
					break;
			}
		}
		return false;
	}
}
