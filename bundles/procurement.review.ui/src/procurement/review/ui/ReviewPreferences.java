package procurement.review.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

import procurement.review.core.matching.NameMatcher;
import procurement.review.core.orders.BusinessCalendar;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.rules.RuleSetDiff;

/**
 * The reviewer's settings, kept in the workbench's instance preferences: reviewer name, default rule for orders,
 * name-match threshold, extra closure days of the holiday calendar, the age of a rule set that warrants a warning,
 * and the recently opened review files.
 */
public final class ReviewPreferences {

	static final String NODE = "procurement.review.ui";
	static final String REVIEWER = "reviewer";
	static final String DEFAULT_RULE = "defaultRule";
	static final String THRESHOLD = "threshold";
	static final String CLOSURES = "closures";
	static final String RECENT = "recentFiles";
	static final String MAX_RULE_SET_AGE = "maxRuleSetAgeDays";
	static final String LAST_REVIEW = "lastReview";
	static final String KEYSTORE = "signingKeystore";
	static final String FOLDER = "folder.";
	static final String SHARED_DATABASE = "sharedDatabase";
	private static final int RECENT_LIMIT = 8;

	private ReviewPreferences() {
	}

	private static IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}

	/** @return the reviewer's name: set in the preferences, else the operating system user */
	public static String reviewer() {
		String name = node().get(REVIEWER, "").strip();
		return name.isEmpty() ? System.getProperty("user.name") : name;
	}

	/** @return the rule orders are generated for */
	public static String defaultRule() {
		return node().get(DEFAULT_RULE, OrderGenerator.DEFAULT_RULE_ID);
	}

	/** @return the minimum score of a name hit */
	public static double threshold() {
		double value = node().getDouble(THRESHOLD, NameMatcher.DEFAULT_THRESHOLD);
		return value > 0 && value <= 1 ? value : NameMatcher.DEFAULT_THRESHOLD;
	}

	/** @return the PKCS#12 keystore whose key signs the audit entries the reviewer writes, if one is set */
	public static java.util.Optional<Path> keystore() {
		String file = node().get(KEYSTORE, "").strip();
		return file.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(file));
	}

	/**
	 * Stores the signing keystore.
	 *
	 * @param file the keystore's file, or blank for none
	 */
	public static void storeKeystore(String file) {
		IEclipsePreferences node = node();
		node.put(KEYSTORE, file == null ? "" : file.strip());
		flush(node);
	}

	/** @return how many days old a rule set may be before the workbench warns that it may be out of date */
	public static int maxRuleSetAgeDays() {
		int days = node().getInt(MAX_RULE_SET_AGE, RuleSetDiff.DEFAULT_MAX_AGE_DAYS);
		return days >= 0 ? days : RuleSetDiff.DEFAULT_MAX_AGE_DAYS;
	}

	/**
	 * Stores the age of a rule set that warrants a warning.
	 *
	 * @param days at least 0
	 */
	public static void storeMaxRuleSetAgeDays(int days) {
		if (days < 0) {
			throw new IllegalArgumentException("a rule set's age cannot be negative: " + days);
		}
		IEclipsePreferences node = node();
		node.putInt(MAX_RULE_SET_AGE, days);
		flush(node);
	}

	/**
	 * Calls back whenever a setting changes, so that what shows a setting's effect (the rule set's freshness) can
	 * follow it.
	 *
	 * @param onChange what to run; called on the thread that stored the setting
	 * @return what ends the listening
	 */
	public static Runnable listen(Runnable onChange) {
		IEclipsePreferences node = node();
		IEclipsePreferences.IPreferenceChangeListener listener = event -> onChange.run();
		node.addPreferenceChangeListener(listener);
		return () -> node.removePreferenceChangeListener(listener);
	}

	/** @return the raw closure list, "yyyy-mm-dd reason" per line */
	public static String closuresText() {
		return node().get(CLOSURES, "");
	}

	/** @return the federal calendar plus the reviewer's extra closure days (executive-order closures and the like) */
	public static BusinessCalendar calendar() {
		Map<LocalDate, String> closures = new LinkedHashMap<>();
		for (String line : closuresText().split("\\R")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			String[] parts = trimmed.split("\\s+", 2);
			try {
				closures.put(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : "closure");
			} catch (DateTimeParseException e) {
				// The preference page refuses such lines; a hand-edited store skips them.
			}
		}
		return BusinessCalendar.federal().withClosures(closures);
	}

	/**
	 * Stores the settings.
	 *
	 * @param reviewer the reviewer's name
	 * @param rule the default rule id
	 * @param threshold the name-match threshold
	 * @param closures closure days, one "yyyy-mm-dd reason" per line
	 */
	public static void store(String reviewer, String rule, double threshold, String closures) {
		IEclipsePreferences node = node();
		node.put(REVIEWER, reviewer.strip());
		node.put(DEFAULT_RULE, rule.strip());
		node.putDouble(THRESHOLD, threshold);
		node.put(CLOSURES, closures);
		flush(node);
	}

	/** @return recently opened or saved review files, newest first */
	public static List<Path> recentFiles() {
		List<Path> files = new ArrayList<>();
		for (String entry : node().get(RECENT, "").split("\n")) {
			if (!entry.isBlank()) {
				files.add(Path.of(entry));
			}
		}
		return files;
	}

	/**
	 * Puts a file first in the recent list.
	 *
	 * @param file a review file just opened or saved
	 */
	public static void remember(Path file) {
		List<String> entries = new ArrayList<>();
		entries.add(file.toAbsolutePath().toString());
		for (Path recent : recentFiles()) {
			String entry = recent.toString();
			if (!entries.contains(entry) && entries.size() < RECENT_LIMIT) {
				entries.add(entry);
			}
		}
		IEclipsePreferences node = node();
		node.put(RECENT, String.join("\n", entries));
		flush(node);
	}

	/**
	 * @return the file of the review that was open last, which the next start reopens when it still exists; empty
	 *         when the last open review had no file (the sample, a new review) or none was open
	 */
	public static java.util.Optional<Path> lastReview() {
		String entry = node().get(LAST_REVIEW, "").strip();
		return entry.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(entry));
	}

	/**
	 * Records the file of the review now open, for the next start.
	 *
	 * @param file the open review's file, or null when the open review has none or none is open
	 */
	public static void rememberLastReview(Path file) {
		IEclipsePreferences node = node();
		if (file == null) {
			node.remove(LAST_REVIEW);
		} else {
			node.put(LAST_REVIEW, file.toAbsolutePath().toString());
		}
		flush(node);
	}

	/**
	 * The folder a file or folder dialog of one purpose opens on: where the reviewer last was for that purpose, else
	 * the user's documents folder.
	 *
	 * @param purpose what the dialog is for ("review", "import", "export", "ruleset")
	 * @return an existing folder
	 */
	public static Path folder(String purpose) {
		String entry = node().get(FOLDER + purpose, "").strip();
		if (!entry.isEmpty() && java.nio.file.Files.isDirectory(Path.of(entry))) {
			return Path.of(entry);
		}
		return documents();
	}

	/**
	 * Remembers where the reviewer chose a file or folder, so that the next dialog of the purpose opens there.
	 *
	 * @param purpose what the dialog was for
	 * @param chosen the file or folder chosen
	 */
	public static void rememberFolder(String purpose, Path chosen) {
		Path absolute = chosen.toAbsolutePath();
		Path folder = java.nio.file.Files.isDirectory(absolute) ? absolute : absolute.getParent();
		if (folder == null) {
			return;
		}
		IEclipsePreferences node = node();
		node.put(FOLDER + purpose, folder.toString());
		flush(node);
	}

	/** @return the JDBC URL of the shared-review database last opened or shared to, or null */
	public static String sharedDatabase() {
		String url = node().get(SHARED_DATABASE, null);
		return url == null || url.isBlank() ? null : url;
	}

	/**
	 * Remembers the database of a shared review (its URL only: the credentials come from the environment or the
	 * local server's password file, never from the preferences).
	 *
	 * @param url the JDBC URL
	 */
	public static void rememberSharedDatabase(String url) {
		IEclipsePreferences node = node();
		node.put(SHARED_DATABASE, url);
		flush(node);
	}

	/** @return the user's documents folder (~/Documents) when it exists, else the home folder */
	public static Path documents() {
		Path home = Path.of(System.getProperty("user.home"));
		Path documents = home.resolve("Documents");
		return java.nio.file.Files.isDirectory(documents) ? documents : home;
	}

	private static void flush(IEclipsePreferences node) {
		try {
			node.flush();
		} catch (BackingStoreException e) {
			// Kept in memory for this session; the next flush retries.
		}
	}
}
