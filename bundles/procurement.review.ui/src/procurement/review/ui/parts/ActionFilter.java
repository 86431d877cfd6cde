package procurement.review.ui.parts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Match;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/**
 * The actions table's filter: every criterion is optional, all given ones must hold. Pure data, no SWT, so it runs
 * in a background job over a million actions and in plain unit tests.
 *
 * @param text words that must appear in PIID, vendor, description or department (case-insensitive)
 * @param department the department name, or null for all
 * @param vendor words of the vendor name, or null
 * @param rule a rule id the action must be hit by, or null
 * @param risk a risk level name the action's hits must reach, or null
 * @param decision "OPEN" (hit without decision), a decision state name, or null
 * @param from first action date, or null
 * @param to last action date, or null
 * @param min smallest obligation, or null
 * @param max largest obligation, or null
 */
public record ActionFilter(String text, String department, String vendor, String rule, String risk, String decision,
		LocalDate from, LocalDate to, BigDecimal min, BigDecimal max) {

	/** The filter that keeps everything. */
	public static final ActionFilter NONE = new ActionFilter(null, null, null, null, null, null, null, null, null,
			null);

	/** The hits of a review by action, vendor matches counting for all of the vendor's actions. */
	public static final class HitIndex {
		private final Map<Vendor, List<Match>> byVendor = new HashMap<>();
		private final Map<ContractAction, List<Match>> byAction = new HashMap<>();

		/** @param review the review whose matches to index */
		public HitIndex(ReviewProject review) {
			for (Match match : review.getMatches()) {
				if (match.getAction() != null) {
					byAction.computeIfAbsent(match.getAction(), a -> new ArrayList<>()).add(match);
				} else if (match.getVendor() != null) {
					byVendor.computeIfAbsent(match.getVendor(), v -> new ArrayList<>()).add(match);
				}
			}
		}

		/**
		 * @param action an action
		 * @return its hits
		 */
		public List<Match> hits(ContractAction action) {
			List<Match> direct = byAction.get(action);
			List<Match> vendor = action.getVendor() == null ? null : byVendor.get(action.getVendor());
			if (direct == null) {
				return vendor == null ? List.of() : vendor;
			}
			if (vendor == null) {
				return direct;
			}
			List<Match> all = new ArrayList<>(direct);
			all.addAll(vendor);
			return all;
		}
	}

	/** @return true when no criterion is set */
	public boolean isEmpty() {
		return equals(NONE);
	}

	/**
	 * Filters the actions of a review.
	 *
	 * @param review the review
	 * @param cancelled polled now and then; when it answers true the result is incomplete and should be dropped
	 * @return the actions that pass, in file order
	 */
	public List<ContractAction> apply(ReviewProject review, BooleanSupplier cancelled) {
		HitIndex index = rule == null && risk == null && decision == null ? null : new HitIndex(review);
		String[] words = words(text);
		String[] vendorWords = words(vendor);
		List<ContractAction> out = new ArrayList<>();
		int seen = 0;
		for (ContractingReport report : review.getReports()) {
			for (ContractAction action : report.getActions()) {
				if ((++seen & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
					return out;
				}
				if (accepts(action, words, vendorWords, index)) {
					out.add(action);
				}
			}
		}
		return out;
	}

	private boolean accepts(ContractAction action, String[] words, String[] vendorWords, HitIndex index) {
		if (department != null
				&& (action.getDepartment() == null || !department.equals(action.getDepartment().getName()))) {
			return false;
		}
		if (from != null && (action.getActionDate() == null || action.getActionDate().isBefore(from))) {
			return false;
		}
		if (to != null && (action.getActionDate() == null || action.getActionDate().isAfter(to))) {
			return false;
		}
		if (min != null && (action.getObligation() == null || action.getObligation().compareTo(min) < 0)) {
			return false;
		}
		if (max != null && (action.getObligation() == null || action.getObligation().compareTo(max) > 0)) {
			return false;
		}
		if (vendorWords.length > 0 && !containsAll(action.getVendor() == null ? null : action.getVendor().getName(),
				vendorWords)) {
			return false;
		}
		if (words.length > 0 && !containsAll(haystack(action), words)) {
			return false;
		}
		return index == null || acceptsHits(index.hits(action));
	}

	private boolean acceptsHits(Collection<Match> hits) {
		if (hits.isEmpty()) {
			return false;
		}
		for (Match hit : hits) {
			boolean ruleOk = rule == null || hit.getRule() != null && rule.equals(hit.getRule().getId());
			boolean riskOk = risk == null || hit.getRiskLevel().getName().equals(risk);
			boolean decisionOk = decision == null || (hit.getDecision() == null ? "OPEN".equals(decision)
					: hit.getDecision().getState().getName().equals(decision));
			if (ruleOk && riskOk && decisionOk) {
				return true;
			}
		}
		return false;
	}

	private static String haystack(ContractAction action) {
		StringBuilder text = new StringBuilder();
		append(text, action.getPiid());
		append(text, action.getDescription());
		append(text, action.getVendor() == null ? null : action.getVendor().getName());
		append(text, action.getDepartment() == null ? null : action.getDepartment().getName());
		append(text, action.getComponent() == null ? null : action.getComponent().getName());
		return text.toString();
	}

	private static void append(StringBuilder text, String value) {
		if (value != null) {
			text.append(value).append('\n');
		}
	}

	private static boolean containsAll(String value, String[] upperWords) {
		if (value == null) {
			return false;
		}
		String upper = value.toUpperCase(Locale.ROOT);
		for (String word : upperWords) {
			if (!upper.contains(word)) {
				return false;
			}
		}
		return true;
	}

	private static String[] words(String value) {
		return value == null || value.isBlank() ? new String[0]
				: value.trim().toUpperCase(Locale.ROOT).split("\\s+");
	}
}
