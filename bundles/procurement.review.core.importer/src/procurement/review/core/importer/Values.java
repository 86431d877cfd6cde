package procurement.review.core.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure functions turning cell text into typed values. Placeholders ({@link #isAbsent(String)}) give an empty
 * result; text that is present but malformed throws {@link ValueFormatException}, so that the caller can report it
 * at its cell instead of silently dropping it.
 */
public final class Values {

	private static final Set<String> PLACEHOLDERS = Set.of("", "nan", "null", "n/a", "#n/a");
	/** Longest placeholder: longer cells are values unless blank, which is checked without allocating. */
	private static final int MAX_PLACEHOLDER = 4;
	private static final Pattern AMOUNT = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?|\\d*\\.?\\d+(E[+-]?\\d+)?|\\d+\\.");
	/** Excel serials from 1950 to 2100: plain numbers outside this range are not taken for dates. */
	private static final double MIN_SERIAL = 18264;
	/**
	 * Dates with the month in words, as agencies' own sheets and Oracle-based systems write them: "13-SEP-17",
	 * "13 September 2017", "Sep 13, 2017", "September 13 2017"; two-digit years as in {@link #parseDate}.
	 */
	private static final List<DateTimeFormatter> WORDED = List.of(worded("d-[MMMM][MMM]-"), worded("d [MMMM][MMM] "),
			worded("[MMMM][MMM] d, "), worded("[MMMM][MMM] d "));
	private static final double MAX_SERIAL = 73051;

	private Values() {
	}

	/**
	 * Tells whether a cell holds no value: {@code null}, blank, or a placeholder ("NAN", "NaN", "NULL", "N/A",
	 * "#N/A") that exports write for missing data.
	 *
	 * @param text the cell
	 * @return whether the value is absent
	 */
	public static boolean isAbsent(String text) {
		if (text == null) {
			return true;
		}
		// Called for every cell: strip() and toLowerCase() allocate, so only short cells get that far.
		int start = 0;
		int end = text.length();
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (end == start) {
			return true;
		}
		char first = text.charAt(start);
		// every placeholder starts with n or # ("nan", "null", "n/a", "#n/a")
		return end - start <= MAX_PLACEHOLDER && (first == 'n' || first == 'N' || first == '#')
				&& PLACEHOLDERS.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
	}

	/**
	 * Gives the cell text with placeholders removed and surrounding blanks stripped.
	 *
	 * @param text the cell
	 * @return the text, empty if absent
	 */
	public static Optional<String> text(String text) {
		return isAbsent(text) ? Optional.empty() : Optional.of(text.strip());
	}

	/**
	 * Parses a date: ISO {@code yyyy-MM-dd}, ISO date-time (the time is dropped), {@code yyyy-MM-dd HH:mm:ss}, US
	 * {@code M/d/yyyy} and {@code M/d/yy} (two-digit years 00-69 are 2000-2069), {@code yyyy/MM/dd},
	 * {@code yyyyMMdd}, the month in words ("13-SEP-17", "Sep 13, 2017", "13 September 2017"), or an Excel serial
	 * number between 1950 and 2100.
	 *
	 * @param text the cell
	 * @return the date, empty if absent
	 * @throws ValueFormatException if the text is present but not a date
	 */
	public static Optional<LocalDate> parseDate(String text) {
		if (isAbsent(text)) {
			return Optional.empty();
		}
		String s = text.strip();
		try {
			if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
				if (s.length() > 10 && "T ".indexOf(s.charAt(10)) < 0) {
					throw new ValueFormatException(text, "a date");
				}
				return Optional.of(LocalDate.of(digits(s, 0, 4, text), digits(s, 5, 7, text), digits(s, 8, 10, text)));
			}
			int slash = s.indexOf('/');
			if (slash > 0) {
				String[] parts = s.split("[/ ]");
				if (parts.length < 3) {
					throw new ValueFormatException(text, "a date");
				}
				if (parts[0].length() == 4) { // yyyy/MM/dd
					return Optional.of(LocalDate.of(digits(parts[0], 0, 4, text), digits(parts[1], 0,
							parts[1].length(), text), digits(parts[2], 0, parts[2].length(), text)));
				}
				int month = digits(parts[0], 0, parts[0].length(), text);
				int day = digits(parts[1], 0, parts[1].length(), text);
				int year = digits(parts[2], 0, parts[2].length(), text);
				if (parts[2].length() == 2) {
					year += year < 70 ? 2000 : 1900;
				} else if (parts[2].length() != 4) {
					throw new ValueFormatException(text, "a date");
				}
				return Optional.of(LocalDate.of(year, month, day));
			}
			if (hasLetter(s)) {
				LocalDate worded = parseWorded(s);
				if (worded != null) {
					return Optional.of(worded);
				}
				throw new ValueFormatException(text, "a date (expected yyyy-MM-dd, M/d/yyyy, 13-SEP-2017 or an"
						+ " Excel date number)");
			}
			if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
				return Optional.of(LocalDate.of(digits(s, 0, 4, text), digits(s, 4, 6, text), digits(s, 6, 8, text)));
			}
			double serial = Double.parseDouble(s);
			if (serial >= MIN_SERIAL && serial <= MAX_SERIAL) {
				return Optional.of(LocalDate.of(1899, 12, 30).plusDays((long) Math.floor(serial)));
			}
		} catch (NumberFormatException | DateTimeException e) {
			// fall through to the common error
		}
		throw new ValueFormatException(text, "a date (expected yyyy-MM-dd, M/d/yyyy, 13-SEP-2017 or an Excel date"
				+ " number)");
	}

	private static DateTimeFormatter worded(String dayAndMonth) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(dayAndMonth)
				.appendValueReduced(ChronoField.YEAR, 2, 4, 1970).toFormatter(Locale.US);
	}

	/** @return the date of a text with the month in words, null when it is none */
	private static LocalDate parseWorded(String s) {
		String dotless = s.replace(".", ""); // "Sep. 13, 2017"
		for (DateTimeFormatter format : WORDED) {
			try {
				return LocalDate.parse(dotless, format);
			} catch (DateTimeParseException e) {
				// try the next form
			}
		}
		return null;
	}

	private static boolean hasLetter(String s) {
		for (int i = 0, n = s.length(); i < n; i++) {
			if (Character.isLetter(s.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static int digits(String s, int from, int to, String original) {
		if (from >= to || to > s.length()) {
			throw new ValueFormatException(original, "a date");
		}
		int v = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				throw new ValueFormatException(original, "a date");
			}
			v = v * 10 + c - '0';
		}
		return v;
	}

	/**
	 * Parses an amount of money: optional sign or accounting parentheses, optional dollar sign, thousands
	 * separators ("-1234.5", "(123.45)", "$1,234.50", "-$5").
	 *
	 * @param text the cell
	 * @return the exact amount, empty if absent
	 * @throws ValueFormatException if the text is present but not an amount
	 */
	public static Optional<BigDecimal> parseMoney(String text) {
		if (isAbsent(text)) {
			return Optional.empty();
		}
		String s = text.strip();
		boolean negative = false;
		if (s.startsWith("(") && s.endsWith(")")) {
			negative = true;
			s = s.substring(1, s.length() - 1).strip();
		}
		if (s.startsWith("-")) {
			negative = !negative;
			s = s.substring(1).strip();
		} else if (s.startsWith("+")) {
			s = s.substring(1).strip();
		}
		if (s.startsWith("$")) {
			s = s.substring(1).strip();
		}
		if (s.startsWith("-") && !negative) {
			negative = true; // "$-5"
			s = s.substring(1);
		}
		if (s.isEmpty() || !isPlainDecimal(s) && !AMOUNT.matcher(s).matches()) {
			throw new ValueFormatException(text, "an amount of money");
		}
		BigDecimal value = new BigDecimal(s.replace(",", ""));
		return Optional.of(negative ? value.negate() : value);
	}

	/** Digits with at most one point, e.g. "1234.56": what downloads hold, accepted without the regular expression. */
	private static boolean isPlainDecimal(String s) {
		boolean point = false;
		boolean digit = false;
		for (int i = 0, n = s.length(); i < n; i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				digit = true;
			} else if (c == '.' && !point) {
				point = true;
			} else {
				return false;
			}
		}
		return digit;
	}

	/**
	 * Parses a flag: "t", "true", "y", "yes", "1" and "f", "false", "n", "no", "0", in any case.
	 *
	 * @param text the cell
	 * @return the flag, empty if absent
	 * @throws ValueFormatException if the text is present but not a flag
	 */
	public static Optional<Boolean> parseBoolean(String text) {
		if (isAbsent(text)) {
			return Optional.empty();
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "t", "true", "y", "yes", "1" -> Optional.of(Boolean.TRUE);
			case "f", "false", "n", "no", "0" -> Optional.of(Boolean.FALSE);
			default -> throw new ValueFormatException(text, "a yes/no flag (t/f, Y/N, true/false)");
		};
	}

	/**
	 * A code and its name, as the legacy export writes them in one cell.
	 *
	 * @param code the code, {@code null} if the cell held only a name
	 * @param name the name, {@code null} if the cell held only a code
	 */
	public record CodeName(String code, String name) {
	}

	/**
	 * Splits a legacy "CODE: NAME" cell ("2000: Department of the Treasury", "USA: UNITED STATES"). A cell without
	 * the ": " separator is taken as a code if it is short and has no blank, else as a name.
	 *
	 * @param text the cell
	 * @return the parts, empty if absent
	 */
	public static Optional<CodeName> splitCodeName(String text) {
		if (isAbsent(text)) {
			return Optional.empty();
		}
		String s = text.strip();
		int colon = s.indexOf(": ");
		if (colon > 0 && colon <= 12 && s.substring(0, colon).indexOf(' ') < 0) {
			String code = s.substring(0, colon).strip();
			String name = s.substring(colon + 2).strip();
			return Optional.of(new CodeName(code, name.isEmpty() || isAbsent(name) ? null : name));
		}
		if (s.endsWith(":")) {
			return Optional.of(new CodeName(s.substring(0, s.length() - 1).strip(), null));
		}
		boolean codeLike = s.length() <= 12 && s.indexOf(' ') < 0;
		return Optional.of(codeLike ? new CodeName(s, null) : new CodeName(null, s));
	}
}
