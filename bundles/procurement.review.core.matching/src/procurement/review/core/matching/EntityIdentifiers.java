package procurement.review.core.matching;

import java.util.Locale;

/**
 * Registry identifiers of a watched entity. Each component may be {@code null} when unknown. Values are stored
 * in canonical form (upper case, DUNS left-padded to nine digits) so that lookups compare like with like.
 *
 * @param uei  SAM Unique Entity ID (12 characters) or {@code null}
 * @param duns legacy D-U-N-S number (9 digits) or {@code null}
 * @param cage CAGE / NCAGE code (5 characters) or {@code null}
 */
public record EntityIdentifiers(String uei, String duns, String cage) {

	/** No identifiers known. */
	public static final EntityIdentifiers NONE = new EntityIdentifiers(null, null, null);

	/** Canonicalises the components; blank values become {@code null}. */
	public EntityIdentifiers {
		uei = canonicalUei(uei);
		duns = canonicalDuns(duns);
		cage = canonicalCage(cage);
	}

	/** @return {@code true} when no component is known */
	public boolean isEmpty() {
		return uei == null && duns == null && cage == null;
	}

	/**
	 * Canonical form of a UEI as it appears in contract data.
	 *
	 * @param raw value from a file, may be {@code null}
	 * @return upper-case value without blanks, or {@code null} when blank
	 */
	public static String canonicalUei(String raw) {
		return alnumUpper(raw);
	}

	/**
	 * Canonical form of a DUNS number. Files drop leading zeros (spreadsheets treat DUNS as numbers) and add
	 * dashes, so only digits are kept and the result is left-padded to nine digits.
	 *
	 * @param raw value from a file, may be {@code null}
	 * @return nine digits, or {@code null} when no digit is present
	 */
	public static String canonicalDuns(String raw) {
		if (raw == null) {
			return null;
		}
		if (raw.length() == 9 && allDigits(raw)) {
			return raw; // already canonical: most values in a review are (no copy, once per vendor and run)
		}
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
		}
		if (digits.isEmpty()) {
			return null;
		}
		while (digits.length() < 9) {
			digits.insert(0, '0');
		}
		return digits.toString();
	}

	/**
	 * Canonical form of a CAGE code.
	 *
	 * @param raw value from a file, may be {@code null}
	 * @return upper-case value without blanks, or {@code null} when blank
	 */
	public static String canonicalCage(String raw) {
		return alnumUpper(raw);
	}

	private static boolean allDigits(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** @return whether the text is non-empty ASCII upper-case letters and digits: its own canonical form */
	private static boolean isAsciiAlnumUpper(String s) {
		if (s.isEmpty()) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
				return false;
			}
		}
		return true;
	}

	private static String alnumUpper(String raw) {
		if (raw == null) {
			return null;
		}
		if (isAsciiAlnumUpper(raw)) {
			return raw;
		}
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				sb.append(c);
			}
		}
		return sb.isEmpty() ? null : sb.toString().toUpperCase(Locale.ROOT);
	}
}
