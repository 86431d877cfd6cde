package procurement.review.ui.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.util.Enumerator;

/**
 * How the workbench writes values for the reviewer: enum values in words ("Not same", "Needs review", "In progress",
 * not NOT_SAME), money in one format everywhere ($1,234.00), dates as 2017-09-13, moments to the second in local
 * time (2026-12-07 03:41:55), and the review model's attribute names as a reviewer says them ("UEI", "CAGE code",
 * "Action date", not "Uei", "Cage", "actionDate").
 */
public final class Names {

	/** Attribute names that are not the words of their camelCase: acronyms and codes as the reports write them. */
	private static final Map<String, String> LABELS = Map.ofEntries( //
			Map.entry("uei", "UEI"), //
			Map.entry("duns", "DUNS"), //
			Map.entry("cage", "CAGE code"), //
			Map.entry("piid", "PIID"), //
			Map.entry("naicsCode", "NAICS code"), //
			Map.entry("naicsDescription", "NAICS description"), //
			Map.entry("pscCode", "PSC code"), //
			Map.entry("pscDescription", "PSC description"), //
			Map.entry("sha256", "SHA-256"), //
			Map.entry("riskLevel", "Risk level"), //
			Map.entry("sourceRow", "Source row"), //
			Map.entry("importedAt", "Imported at"), //
			Map.entry("createdAt", "Created at"), //
			Map.entry("issueDate", "Issue date"), //
			Map.entry("ruleSetVersion", "Rule set version"), //
			Map.entry("reviewStateHash", "Review state hash"), //
			Map.entry("previousHash", "Previous hash"), //
			Map.entry("domesticOrForeignEntityCode", "Domestic or foreign entity code"));

	/** One currency format per thread (a NumberFormat is not thread-safe; making one per cell cost the most). */
	private static final ThreadLocal<NumberFormat> MONEY = ThreadLocal
			.withInitial(() -> NumberFormat.getCurrencyInstance(Locale.US));

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

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
	 * @param values the literals of an enum of the review model
	 * @return each in words ({@link #of}), for sizing a column to the widest
	 */
	public static java.util.List<String> all(java.util.List<? extends Enumerator> values) {
		return values.stream().map(Names::of).toList();
	}

	/**
	 * @param amount an amount in US dollars, or null
	 * @return the amount as "$1,234.00" ("-$5.00" below zero); empty for null
	 */
	public static String money(BigDecimal amount) {
		return amount == null ? "" : MONEY.get().format(amount);
	}

	/**
	 * @param date a date, or null
	 * @return the date as 2017-09-13; empty for null
	 */
	public static String date(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	/**
	 * @param time a moment, or null
	 * @return the moment to the second in the reviewer's time zone, as 2026-12-07 03:41:55; empty for null
	 */
	public static String time(Instant time) {
		return time == null ? "" : TIME.format(time.atZone(ZoneId.systemDefault()));
	}

	/**
	 * The name a reviewer reads for an attribute of the review model: the known acronyms and codes ("UEI", "DUNS",
	 * "CAGE code", "PIID", "NAICS code"), else the words of the camelCase name, first capital ("actionDate" is
	 * "Action date", "originCountryCode" is "Origin country code").
	 *
	 * @param name an attribute name (or a class name: "ContractAction" is "Contract action")
	 * @return the label; empty for null
	 */
	public static String label(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		String known = LABELS.get(name);
		if (known != null) {
			return known;
		}
		StringBuilder words = new StringBuilder(name.length() + 8);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			char before = i == 0 ? 0 : name.charAt(i - 1);
			boolean boundary = i > 0 && (Character.isUpperCase(c) && !Character.isUpperCase(before)
					|| Character.isDigit(c) && !Character.isDigit(before)
					// the last capital of an acronym starts the next word: "URLPath" is "URL path"
					|| Character.isUpperCase(c) && Character.isUpperCase(before) && i + 1 < name.length()
							&& Character.isLowerCase(name.charAt(i + 1)));
			if (boundary) {
				words.append(' ');
			}
			words.append(c == '_' ? ' ' : c);
		}
		String[] parts = words.toString().trim().split(" +");
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			boolean acronym = part.length() > 1 && part.chars().allMatch(Character::isUpperCase);
			String word = acronym ? part : part.toLowerCase(Locale.ROOT);
			if (i == 0) {
				word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
			} else {
				out.append(' ');
			}
			out.append(word);
		}
		return out.toString();
	}
}
