package procurement.review.core.matching.review;

import java.util.Locale;

/** Country values of the files as the hits and tags use them. */
final class Countries {

	private Countries() {
	}

	/**
	 * A country value as the tags use it: upper case alpha-3 as given, "USA" for the United States' other spellings,
	 * the code part of a legacy "CODE: NAME" value; null for blanks and placeholders.
	 *
	 * @param raw a country code or name from a file
	 * @return the normalised value or null
	 */
	static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		String s = raw.strip().toUpperCase(Locale.ROOT);
		int colon = s.indexOf(':');
		if (colon > 0) {
			s = s.substring(0, colon).strip();
		}
		return switch (s) {
			case "", "NAN", "NONE", "NULL", "N/A", "NA", "UNKNOWN" -> null;
			case "US", "U.S.", "UNITED STATES", "UNITED STATES OF AMERICA" -> "USA";
			default -> s;
		};
	}
}
