package procurement.review.ui.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.eclipse.emf.common.util.Enumerator;

/**
 * How the workbench writes values for the reviewer: enum values in words ("Not same", "Needs review", "In progress",
 * not NOT_SAME) and money in one format everywhere ($1,234.00).
 */
public final class Names {

	private Names() {
	}

	/**
	 * @param value an enum value of the review model, or null
	 * @return its name in words, first letter capital ("NEEDS_REVIEW" is "Needs review"); empty for null
	 */
	public static String of(Enumerator value) {
		if (value == null) {
			return "";
		}
		String words = value.getName().replace('_', ' ').toLowerCase(Locale.ROOT);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * @param amount an amount in US dollars, or null
	 * @return the amount as "$1,234.00" ("-$5.00" below zero); empty for null
	 */
	public static String money(BigDecimal amount) {
		return amount == null ? "" : NumberFormat.getCurrencyInstance(Locale.US).format(amount);
	}
}
