package procurement.review.core.orders.review;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

import procurement.review.model.Department;

/**
 * Order numbers: {@code <RULE>-<DEPARTMENT>} for the first issue, e.g. "BOD-17-01-1500", and
 * {@code <RULE>-<DEPARTMENT>-R<n>} for revision n. The department part is the department's code (the awarding
 * agency code of the reports), or a slug of its name when it has no code.
 * <p>
 * Numbers are derived once, when a department first gets an order for a rule; later revisions reuse the first
 * number as their base (see {@link #revision(String, int)}), so a number stays the same even if the department's
 * code or name is edited afterwards.
 */
public final class OrderNumbers {

	private static final int MAX_PART = 40;

	private OrderNumbers() {
	}

	/**
	 * The number of the first order of a department for a rule, unique among the given numbers: if another
	 * department already produced the same number (two departments without code and with names that slug
	 * alike), "-2", "-3" ... is appended.
	 *
	 * @param ruleId     the rule's id
	 * @param department the department
	 * @param taken      numbers already used in the review (all revisions)
	 * @return the number
	 */
	public static String base(String ruleId, Department department, Collection<String> taken) {
		String code = department.getCode();
		String part = code != null && !code.isBlank() ? slug(code) : slug(department.getName());
		String stem = slug(ruleId) + "-" + (part.isEmpty() ? "DEPT" : part);
		String number = stem;
		for (int k = 2; clashes(number, taken); k++) {
			number = stem + "-" + k;
		}
		return number;
	}

	/**
	 * The number of a revision.
	 *
	 * @param base     the number of revision 0
	 * @param revision the revision
	 * @return the base for revision 0, else base + "-R" + revision
	 */
	public static String revision(String base, int revision) {
		return revision <= 0 ? base : base + "-R" + revision;
	}

	/**
	 * Upper-case ASCII letters and digits, every other run of characters one dash, at most 40 characters:
	 * order numbers end up in file names and e-mail subjects.
	 *
	 * @param text any text; may be null
	 * @return the slug, possibly empty
	 */
	static String slug(String text) {
		if (text == null) {
			return "";
		}
		// Strip accents first so "Défense" keeps its letters instead of becoming "D-FENSE".
		String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		s = s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (s.length() > MAX_PART) {
			s = s.substring(0, MAX_PART).replaceAll("-+$", "");
		}
		return s;
	}

	private static boolean clashes(String number, Collection<String> taken) {
		// A base also clashes with the revisions of another department's chain ("X-R1" belongs to base "X").
		for (String t : taken) {
			if (t != null && (t.equals(number) || t.matches(java.util.regex.Pattern.quote(number) + "-R\\d+"))) {
				return true;
			}
		}
		return false;
	}
}
