package procurement.review.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import procurement.review.model.Alias;
import procurement.review.model.CoveredEntity;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/**
 * Reading and writing rule sets, and building one from a reviewer's watch-list CSV.
 * <p>
 * <b>Rule set files</b> are XMI with a {@link RuleSet} root. Covered entities carry their id as XMI id, so a rule's
 * {@code covered} attribute reads {@code covered="HUAWEI ZTE"} and stays editable by hand.
 * <p>
 * <b>Watch-list CSV</b> ({@link #fromWatchlistCsv(Reader, String, RuleSet)}): a header row naming the columns, in
 * any order and case: {@code name} (required), {@code aliases}, {@code country} (ISO 3166 alpha-3), {@code rule}
 * (a rule id; when it is a rule of the reference set, citation, dates, deadlines and purpose limit are copied from
 * it), {@code risk} (NONE, ELEVATED, NEEDS_REVIEW or PROHIBITED), and optionally {@code family} (join an existing
 * family id such as HUAWEI, or group rows), {@code terms} (brand terms for the description scan), {@code uei},
 * {@code duns}, {@code cage} and {@code evidence}. Aliases and terms are separated by '|' or ';'. A row without
 * rule and risk only watches the name: its hits carry no rule. A row with a risk but no rule is covered by a rule
 * "WATCH-" + risk of the new set. Bad rows are skipped and reported with line and column, so that one typo does not
 * cost the reviewer the whole file.
 */
public final class RuleSets {

	/** File extension of rule set files. */
	public static final String EXTENSION = "ruleset";

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
	private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
	private static final Pattern UEI = Pattern.compile("[A-Z0-9]{12}");
	private static final Pattern CAGE = Pattern.compile("[A-Z0-9]{5}");

	/**
	 * A problem in a watch-list CSV, located for the reviewer.
	 *
	 * @param line       1-based line in the file where the offending cell starts
	 * @param column     1-based column (cell position in the row); 0 when the problem concerns the whole row
	 * @param columnName the header of that column, or "" when not known
	 * @param message    what is wrong
	 */
	public record Problem(long line, int column, String columnName, String message) {

		@Override
		public String toString() {
			return "line " + line + (column > 0 ? ", column " + column
					+ (columnName.isEmpty() ? "" : " (" + columnName + ")") : "") + ": " + message;
		}
	}

	/**
	 * The outcome of reading a watch-list CSV.
	 *
	 * @param ruleSet  the rule set made of the good rows
	 * @param problems the bad rows, in file order; empty when the file was clean
	 */
	public record CsvResult(RuleSet ruleSet, List<Problem> problems) {

		/** Copies the problem list. */
		public CsvResult {
			problems = List.copyOf(problems);
		}

		/**
		 * @return the rule set when there were no problems
		 * @throws IllegalArgumentException listing every problem otherwise
		 */
		public RuleSet orThrow() {
			if (!problems.isEmpty()) {
				StringBuilder sb = new StringBuilder("the watch list has ").append(problems.size())
						.append(problems.size() == 1 ? " problem:" : " problems:");
				problems.forEach(p -> sb.append("\n  ").append(p));
				throw new IllegalArgumentException(sb.toString());
			}
			return ruleSet;
		}
	}

	private RuleSets() {
	}

	/**
	 * Reads a rule set file.
	 *
	 * @param in   the bytes, not closed
	 * @param name a name for messages and the nominal resource URI
	 * @return the rule set (still contained in its resource until added elsewhere)
	 * @throws IOException when the bytes are not a rule set
	 */
	public static RuleSet read(InputStream in, String name) throws IOException {
		Resource resource = newResourceSet().createResource(URI.createURI("ruleset:/" + name));
		try {
			resource.load(in, loadOptions());
		} catch (RuntimeException e) {
			throw new IOException(name + " is not a readable rule set: " + e.getMessage(), e);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof RuleSet ruleSet)) {
			throw new IOException(name + " does not contain a rule set");
		}
		return ruleSet;
	}

	/**
	 * Writes a rule set as XMI. The rule set is written from a copy, so it stays where it is.
	 *
	 * @param ruleSet the rule set
	 * @param out     the target, not closed
	 * @throws IOException on write failure
	 */
	public static void write(RuleSet ruleSet, OutputStream out) throws IOException {
		RuleSet copy = EcoreUtil.copy(ruleSet);
		XMLResource resource = (XMLResource) newResourceSet()
				.createResource(URI.createURI("ruleset:/out." + EXTENSION));
		resource.getContents().add(copy);
		for (CoveredEntity e : copy.getEntities()) {
			if (e.getId() != null && !e.getId().isBlank()) {
				resource.setID(e, e.getId());
			}
		}
		resource.save(out, Map.of(XMLResource.OPTION_ENCODING, "UTF-8", XMLResource.OPTION_LINE_WIDTH, 120,
				XMLResource.OPTION_SAVE_TYPE_INFORMATION, false));
	}

	private static ResourceSet newResourceSet() {
		ResourceSet rs = new ResourceSetImpl();
		rs.getPackageRegistry().put(ReviewPackage.eNS_URI, ReviewPackage.eINSTANCE);
		rs.getResourceFactoryRegistry().getProtocolToFactoryMap().put("ruleset", new XMIResourceFactoryImpl());
		return rs;
	}

	private static Map<Object, Object> loadOptions() {
		// Rule sets are passed around by reviewers: never resolve a DTD or an external entity while reading one.
		return Map.of(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, true, XMLResource.OPTION_PARSER_FEATURES,
				Map.of("http://apache.org/xml/features/disallow-doctype-decl", true,
						"http://xml.org/sax/features/external-general-entities", false,
						"http://xml.org/sax/features/external-parameter-entities", false));
	}

	/**
	 * Finds a rule by id.
	 *
	 * @param ruleSet a rule set, may be null
	 * @param id      rule id
	 * @return the rule or null
	 */
	public static Rule rule(RuleSet ruleSet, String id) {
		if (ruleSet != null) {
			for (Rule r : ruleSet.getRules()) {
				if (id.equals(r.getId())) {
					return r;
				}
			}
		}
		return null;
	}

	/**
	 * Finds a covered entity by id.
	 *
	 * @param ruleSet a rule set, may be null
	 * @param id      entity (family) id
	 * @return the entity or null
	 */
	public static CoveredEntity entity(RuleSet ruleSet, String id) {
		if (ruleSet != null) {
			for (CoveredEntity e : ruleSet.getEntities()) {
				if (id.equals(e.getId())) {
					return e;
				}
			}
		}
		return null;
	}

	/**
	 * Builds a rule set from a reviewer's watch-list CSV (format in the class comment).
	 *
	 * @param in        the CSV text, not closed; a leading byte-order mark is ignored
	 * @param ruleSetId id of the new rule set, e.g. "reviewer"
	 * @param reference rule set whose rules lend their citation, dates and deadlines to rules named in the CSV
	 *                  (usually {@link BuiltinRules#load()}); may be null
	 * @return the rule set and the problems of rows that were skipped
	 * @throws IOException on read failure
	 */
	public static CsvResult fromWatchlistCsv(Reader in, String ruleSetId, RuleSet reference) throws IOException {
		ReviewFactory f = ReviewFactory.eINSTANCE;
		RuleSet set = f.createRuleSet();
		set.setId(ruleSetId);
		set.setTitle("Reviewer watch list " + ruleSetId);
		set.setVersion("1");
		set.setDate(LocalDate.now());
		List<Problem> problems = new ArrayList<>();
		List<CsvRows.Row> rows = CsvRows.read(in, problems);
		if (rows.isEmpty()) {
			return new CsvResult(set, problems);
		}
		CsvRows.Row headerRow = rows.get(0);
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < headerRow.cells().size(); i++) {
			String h = headerRow.cells().get(i).strip().toLowerCase(Locale.ROOT);
			if (!h.isEmpty() && header.putIfAbsent(h, i) != null) {
				problems.add(new Problem(headerRow.line(), i + 1, h, "duplicate column"));
			}
		}
		if (!header.containsKey("name")) {
			problems.add(new Problem(headerRow.line(), 0, "",
					"the header needs a 'name' column; found " + headerRow.cells()));
			return new CsvResult(set, problems);
		}
		Map<String, CoveredEntity> families = new LinkedHashMap<>();
		Map<String, Rule> rules = new LinkedHashMap<>();
		Map<String, Long> ruleRiskLine = new HashMap<>();
		for (CsvRows.Row row : rows.subList(1, rows.size())) {
			if (row.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			RowReader r = new RowReader(row, header, headerRow);
			List<Problem> rowProblems = new ArrayList<>();
			if (row.cells().size() > headerRow.cells().size()) {
				rowProblems.add(r.problem(headerRow.cells().size() + 1, "more cells than the header has columns"
						+ " (an unquoted comma in a name?)"));
			}
			String name = r.get("name");
			if (name.isEmpty()) {
				rowProblems.add(r.problem("name", "the name is empty"));
			}
			String country = r.get("country").toUpperCase(Locale.ROOT);
			if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
				rowProblems.add(r.problem("country",
						"'" + r.get("country") + "' is not an ISO 3166 alpha-3 code such as CHN or RUS"));
			}
			RiskLevel risk = null;
			String riskText = r.get("risk");
			if (!riskText.isEmpty()) {
				risk = parseRisk(riskText);
				if (risk == null) {
					rowProblems.add(r.problem("risk", "'" + riskText
							+ "' is not a risk level; use NONE, ELEVATED, NEEDS_REVIEW or PROHIBITED"));
				}
			}
			String ruleId = r.get("rule");
			if (!ruleId.isEmpty() && !RULE_ID.matcher(ruleId).matches()) {
				rowProblems.add(r.problem("rule", "'" + ruleId + "' is not a rule id such as NDAA19-889A"));
			}
			String uei = r.get("uei").toUpperCase(Locale.ROOT);
			if (!uei.isEmpty() && !UEI.matcher(uei).matches()) {
				rowProblems.add(r.problem("uei", "'" + uei + "' is not a 12-character UEI"));
			}
			String duns = r.get("duns").replaceAll("[\\s-]", "");
			if (!duns.isEmpty() && !duns.matches("[0-9]{1,9}")) {
				rowProblems.add(r.problem("duns", "'" + r.get("duns") + "' is not a DUNS number (up to 9 digits)"));
			}
			String cage = r.get("cage").toUpperCase(Locale.ROOT);
			if (!cage.isEmpty() && !CAGE.matcher(cage).matches()) {
				rowProblems.add(r.problem("cage", "'" + cage + "' is not a 5-character CAGE code"));
			}
			if (ruleId.isEmpty() && risk != null) {
				ruleId = "WATCH-" + risk.getName();
			}
			Rule rule = ruleId.isEmpty() ? null : rules.get(ruleId);
			if (rule != null && risk != null && rule.getRiskLevel() != risk) {
				rowProblems.add(r.problem("risk", "rule " + ruleId + " already has risk " + rule.getRiskLevel()
						+ " (line " + ruleRiskLine.get(ruleId) + "); one rule has one risk level"));
			}
			if (!rowProblems.isEmpty()) {
				problems.addAll(rowProblems);
				continue;
			}
			String familyId = r.get("family").toUpperCase(Locale.ROOT);
			if (familyId.isEmpty()) {
				familyId = slug(name);
				if (familyId.isEmpty()) {
					// a name in a non-Latin script only: ids stay ASCII for file names and logs
					familyId = ruleSetId.toUpperCase(Locale.ROOT) + "-LINE-" + row.line();
				}
			}
			CoveredEntity entity = families.get(familyId);
			if (entity == null) {
				entity = f.createCoveredEntity();
				entity.setId(familyId);
				entity.setName(name);
				entity.setCountry(country);
				String evidence = r.get("evidence");
				entity.setSource(evidence.isEmpty() ? "reviewer watch list " + ruleSetId + ", line " + row.line()
						: evidence + " (reviewer watch list " + ruleSetId + ", line " + row.line() + ")");
				families.put(familyId, entity);
				set.getEntities().add(entity);
			} else if (entity.getCountry() == null || entity.getCountry().isEmpty()) {
				entity.setCountry(country);
			}
			addAlias(entity, name);
			for (String a : split(r.get("aliases"))) {
				addAlias(entity, a);
			}
			for (String t : split(r.get("terms"))) {
				if (!entity.getBrandTerms().contains(t)) {
					entity.getBrandTerms().add(t);
				}
			}
			addIfAbsent(entity.getUei(), uei);
			addIfAbsent(entity.getDuns(), duns.isEmpty() ? "" : "0".repeat(Math.max(0, 9 - duns.length())) + duns);
			addIfAbsent(entity.getCage(), cage);
			if (!ruleId.isEmpty()) {
				if (rule == null) {
					rule = newRule(ruleId, risk, RuleSets.rule(reference, ruleId), ruleSetId);
					rules.put(ruleId, rule);
					ruleRiskLine.put(ruleId, row.line());
					set.getRules().add(rule);
				}
				if (!rule.getCovered().contains(entity)) {
					rule.getCovered().add(entity);
				}
			}
		}
		return new CsvResult(set, problems);
	}

	private static Rule newRule(String id, RiskLevel risk, Rule model, String ruleSetId) {
		Rule rule;
		if (model != null) {
			// copy the legal facts, not the coverage: the reviewer's rows are the coverage
			rule = EcoreUtil.copy(model);
			rule.getCovered().clear();
		} else {
			rule = ReviewFactory.eINSTANCE.createRule();
			rule.setId(id);
			rule.setTitle("Reviewer watch list " + ruleSetId + (id.startsWith("WATCH-") ? " (" + risk + ")" : ""));
			rule.setCitation("Reviewer watch list " + ruleSetId);
			rule.setRiskLevel(RiskLevel.NEEDS_REVIEW);
		}
		if (risk != null) {
			rule.setRiskLevel(risk);
		}
		return rule;
	}

	private static void addAlias(CoveredEntity entity, String name) {
		for (Alias a : entity.getAliases()) {
			if (a.getName().equals(name)) {
				return;
			}
		}
		Alias alias = ReviewFactory.eINSTANCE.createAlias();
		alias.setName(name);
		alias.setScript(RuleConventions.detectScript(name));
		entity.getAliases().add(alias);
	}

	private static void addIfAbsent(List<String> list, String value) {
		if (!value.isEmpty() && !list.contains(value)) {
			list.add(value);
		}
	}

	/**
	 * Parses a risk level leniently: case, blanks and dashes do not matter ("needs review", "Needs-Review").
	 *
	 * @param text the text
	 * @return the level or null
	 */
	public static RiskLevel parseRisk(String text) {
		String t = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
		return RiskLevel.get(t);
	}

	private static List<String> split(String cell) {
		List<String> out = new ArrayList<>();
		for (String s : cell.split("[|;]")) {
			if (!s.isBlank()) {
				out.add(s.strip());
			}
		}
		return out;
	}

	/**
	 * An ASCII id for a name: accents dropped, other characters to '-', upper case.
	 *
	 * @param name a name
	 * @return the id, empty when the name has no Latin letters or digits
	 */
	static String slug(String name) {
		String d = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		StringBuilder sb = new StringBuilder();
		boolean dash = false;
		for (int i = 0; i < d.length(); i++) {
			char c = d.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
				if (dash && !sb.isEmpty()) {
					sb.append('-');
				}
				sb.append(Character.toUpperCase(c));
				dash = false;
			} else {
				dash = true;
			}
		}
		return sb.toString();
	}

	/** Cell access by column name with locations for problems. */
	private record RowReader(CsvRows.Row row, Map<String, Integer> header, CsvRows.Row headerRow) {

		String get(String column) {
			Integer i = header.get(column);
			return i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
		}

		Problem problem(String column, String message) {
			int i = header.getOrDefault(column, -1);
			long line = i >= 0 && i < row.cellLines().size() ? row.cellLines().get(i) : row.line();
			return new Problem(line, i + 1, column, message);
		}

		Problem problem(int column, String message) {
			int i = column - 1;
			long line = i < row.cellLines().size() ? row.cellLines().get(i) : row.line();
			String name = i < headerRow.cells().size() ? headerRow.cells().get(i).strip() : "";
			return new Problem(line, column, name, message);
		}
	}
}
