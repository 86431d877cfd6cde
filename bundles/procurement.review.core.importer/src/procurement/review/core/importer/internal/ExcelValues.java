package procurement.review.core.importer.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Spreadsheet value conversions shared by the XLSX and XLS readers, so both produce exactly the same text for the
 * same cell.
 */
public final class ExcelValues {

	/** Excel keeps 15 significant digits; anything beyond is binary noise ("0.30000000000000004"). */
	private static final MathContext EXCEL_PRECISION = new MathContext(15);
	private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
	private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
	private static final long MILLIS_PER_DAY = 86_400_000L;

	private ExcelValues() {
	}

	/**
	 * Normalises the text of a stored number: no exponent, no trailing ".0", at most 15 significant digits.
	 *
	 * @param raw the number as stored ("12", "12.0", "1.5E-3", "0.30000000000000004")
	 * @return plain decimal text, or the input if it is not a number
	 */
	public static String plainNumber(String raw) {
		int n = raw.length();
		boolean simple = n <= 16;
		int dot = -1;
		for (int i = 0; i < n && simple; i++) {
			char c = raw.charAt(i);
			if (c == '.') {
				dot = i;
			} else if ((c < '0' || c > '9') && !(c == '-' && i == 0)) {
				simple = false;
			}
		}
		int digits = n - (dot >= 0 ? 1 : 0) - (n > 0 && raw.charAt(0) == '-' ? 1 : 0);
		if (simple && digits <= 15) {
			if (dot < 0) {
				return raw;
			}
			int end = n;
			while (end > dot + 1 && raw.charAt(end - 1) == '0') {
				end--;
			}
			if (end == dot + 1) {
				end = dot;
			}
			String s = end == n ? raw : raw.substring(0, end);
			return s.equals("-0") ? "0" : s;
		}
		try {
			BigDecimal value = new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros();
			return value.signum() == 0 ? "0" : value.toPlainString();
		} catch (NumberFormatException e) {
			return raw;
		}
	}

	/**
	 * Converts an Excel serial date to ISO text.
	 *
	 * @param serial       days since the workbook's epoch, fraction = time of day
	 * @param date1904     whether the workbook uses the 1904 date system (old Mac workbooks)
	 * @return {@code yyyy-MM-dd}, or {@code yyyy-MM-ddTHH:mm:ss} when the time is not midnight; {@code null} for
	 *         values Excel cannot show as a date (negative)
	 */
	public static String serialToIso(double serial, boolean date1904) {
		if (serial < 0 || Double.isNaN(serial) || serial > 2_958_465.99999999) {
			return null; // Excel shows ##### for these; the caller keeps the number instead
		}
		long days = (long) Math.floor(serial);
		long millis = Math.round((serial - days) * MILLIS_PER_DAY);
		// Round to whole seconds as Excel displays them; carry into the next day at 23:59:59.5 and later.
		long seconds = (millis + 500) / 1000;
		if (seconds >= 86_400) {
			days++;
			seconds -= 86_400;
		}
		LocalDate date;
		if (date1904) {
			date = EPOCH_1904.plusDays(days);
		} else {
			// Excel counts a 29 February 1900 that never existed: serials before it are one day further back.
			date = days < 61 ? EPOCH_1900.plusDays(days + 1) : EPOCH_1900.plusDays(days);
		}
		if (seconds == 0) {
			return date.toString();
		}
		return LocalDateTime.of(date, java.time.LocalTime.ofSecondOfDay(seconds)).format(DATE_TIME);
	}
}
