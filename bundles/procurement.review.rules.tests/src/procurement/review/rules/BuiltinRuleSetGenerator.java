package procurement.review.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import procurement.review.model.Affiliation;
import procurement.review.model.Alias;
import procurement.review.model.Applicability;
import procurement.review.model.CoveredEntity;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.DeadlineBase;
import procurement.review.model.EntryDate;
import procurement.review.model.ObligationDocument;
import procurement.review.model.Relation;
import procurement.review.model.ReviewFactory;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/**
 * Generates {@code rules/builtin.ruleset} of the rules bundle: the rules (citations, dates, deadlines, coverage)
 * are written out below from DOMAIN.md, the covered families are converted from the engine's seed watch list so
 * that every name, script, affiliate, brand term and source note of the seed reaches the rule set.
 * <p>
 * Run it after changing either, and commit the output: {@code releng/scripts/make-ruleset.sh} (or, from the tests
 * fragment directory, {@code java ... BuiltinRuleSetGenerator [seed.tsv] [out.ruleset]}).
 * {@code BuiltinRuleSetGeneratorTest} fails when the committed file and the generator disagree.
 * <p>
 * How seed data the model has no attribute for is kept (see {@link RuleConventions}): strict names become aliases
 * with the script flag "strict" (affiliates: a leading '='); ambiguous terms keep their leading '~'; the seed's
 * excluded terms become the excluded terms of BOD-17-01 (the rule their reason names), the reason being restated by
 * the engine bridge from the rule's id and citation; {@code @synonym} directives become aliases with the flag
 * "synonym=canonical" on the family whose names use the canonical spelling; brand terms of affiliates join the
 * family's brand terms, because the description scan attributes terms to families anyway. {@code @falseContext}
 * directives fill {@link CoveredEntity#getFalseContexts()} of their family (their note column stays in the seed).
 */
public final class BuiltinRuleSetGenerator {

	/** Default seed location, relative to the tests fragment. */
	public static final Path SEED = Path.of("../procurement.review.core.matching.tests/data/families.tsv");
	/** Default output location, relative to the tests fragment. */
	public static final Path OUTPUT = Path.of("../procurement.review.rules/rules/builtin.ruleset");

	/** Version of the generated rule set; bump it whenever the content changes. */
	public static final String VERSION = "2026.12.1";
	/** Date of the generated rule set: the day its facts were last checked against their sources. */
	public static final LocalDate DATE = LocalDate.of(2026, 12, 7);

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	/** A date range of an affiliate link and what its bounds rest on, for the evidence. */
	private record Validity(LocalDate from, LocalDate to, String note) {
	}

	private static final String YEAR_BOUNDS = "validity dates are year bounds";

	/**
	 * Known date ranges of affiliate links. Where only the year is sourced the range covers the whole year (a wider
	 * range keeps more hits for review, the safe side for an exclusion check); the evidence says which bound is
	 * which. An action outside the range is not dropped: the review matcher flags it for review.
	 */
	private static final Map<String, Validity> VALIDITY = Map.of(
			"SEPURA", new Validity(LocalDate.of(2017, 1, 1), null, YEAR_BOUNDS),
			"NORSAT", new Validity(LocalDate.of(2017, 1, 1), null, YEAR_BOUNDS),
			"LOREX", lorex(),
			"LOREX-CORP", lorex(),
			"LOREX-UK", lorex(),
			"IMOU", new Validity(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 3, 3),
					"valid from the year Huacheng was founded as a Dahua subsidiary, to the day of Dahua's sale"
							+ " notice (2025-03-03; completion date unconfirmed)"));

	private static Validity lorex() {
		// Dahua bought Lorex in 2018 and agreed its sale on 2022-11-23; the sale closed in 2023 on a day not sourced
		return new Validity(LocalDate.of(2018, 1, 1), LocalDate.of(2023, 12, 31),
				YEAR_BOUNDS + " (Dahua from 2018; sale agreed 2022-11-23, closed in 2023)");
	}

	private BuiltinRuleSetGenerator() {
	}

	/**
	 * Writes the rule set.
	 *
	 * @param args optional seed path and output path
	 * @throws IOException on read or write failure
	 */
	public static void main(String[] args) throws IOException {
		Path seed = args.length > 0 ? Path.of(args[0]) : SEED;
		Path out = args.length > 1 ? Path.of(args[1]) : OUTPUT;
		RuleSet set = generate(seed);
		Files.createDirectories(out.toAbsolutePath().getParent());
		try (OutputStream o = Files.newOutputStream(out)) {
			RuleSets.write(set, o);
		}
		System.out.println("wrote " + out + ": " + set.getRules().size() + " rules, " + set.getEntities().size()
				+ " families");
	}

	/**
	 * Builds the built-in rule set.
	 *
	 * @param seed the engine's seed TSV
	 * @return the rule set
	 * @throws IOException when the seed cannot be read
	 */
	public static RuleSet generate(Path seed) throws IOException {
		RuleSet set = F.createRuleSet();
		set.setId("builtin");
		set.setTitle("Built-in exclusion rules for federal contracting reviews");
		set.setVersion(VERSION);
		set.setDate(DATE);
		Map<String, CoveredEntity> families = new LinkedHashMap<>();
		List<String> excluded = new ArrayList<>();
		List<String[]> synonyms = new ArrayList<>();
		List<String[]> falseContexts = new ArrayList<>();
		List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
		for (int ln = 0; ln < lines.size(); ln++) {
			String line = lines.get(ln);
			if (line.isBlank() || line.startsWith("#") || line.startsWith("familyId\t")) {
				continue;
			}
			String[] c = line.split("\t", -1);
			if (c[0].equals("@synonym")) {
				synonyms.add(new String[] {c[1].strip(), c[2].strip()});
				continue;
			}
			if (c[0].equals("@falseContext")) {
				// the note column (what the context names) is for the seed's reader; the model keeps the context
				falseContexts.add(new String[] {c[1].strip(), c[2].strip(), String.valueOf(ln + 1)});
				continue;
			}
			if (c[0].startsWith("@")) {
				throw new IllegalArgumentException("line " + (ln + 1) + ": directive " + c[0]
						+ " has no rule-set form yet; extend the generator and RuleConventions");
			}
			String familyId = c[0].strip();
			String relation = col(c, 10);
			CoveredEntity family = families.get(familyId);
			if (relation.equals("root")) {
				if (family != null) {
					throw new IllegalArgumentException("line " + (ln + 1) + ": second root of " + familyId);
				}
				family = F.createCoveredEntity();
				family.setId(familyId);
				family.setName(col(c, 3));
				family.setCountry(col(c, 2));
				family.setSource(col(c, 11));
				for (String n : split(col(c, 4))) {
					family.getAliases().add(alias(n, false));
				}
				for (String n : split(col(c, 5))) {
					family.getAliases().add(alias(n, true));
				}
				families.put(familyId, family);
				set.getEntities().add(family);
			} else {
				if (family == null) {
					throw new IllegalArgumentException("line " + (ln + 1) + ": member before the root of " + familyId);
				}
				Affiliation a = F.createAffiliation();
				a.setId(col(c, 1));
				a.setName(col(c, 3));
				a.setCountry(col(c, 2));
				a.setRelation(Relation.get(relation.toUpperCase(Locale.ROOT)));
				if (a.getRelation() == null) {
					throw new IllegalArgumentException("line " + (ln + 1) + ": unknown relation " + relation);
				}
				a.getAliases().addAll(split(col(c, 4)));
				for (String n : split(col(c, 5))) {
					a.getAliases().add(RuleConventions.STRICT_PREFIX + n);
				}
				String evidence = col(c, 11);
				Validity validity = VALIDITY.get(a.getId());
				if (validity != null) {
					a.setValidFrom(validity.from());
					a.setValidTo(validity.to());
					evidence += "; " + validity.note();
				}
				a.setEvidence(evidence);
				family.getAffiliates().add(a);
			}
			for (String t : split(col(c, 6))) {
				if (!family.getBrandTerms().contains(t)) {
					family.getBrandTerms().add(t);
				}
			}
			if (!col(c, 7).isEmpty()) {
				if (!col(c, 8).contains("BOD 17-01")) {
					throw new IllegalArgumentException("line " + (ln + 1)
							+ ": excluded terms whose reason does not name BOD 17-01; say which rule excludes them");
				}
				excluded.addAll(split(col(c, 7)));
			}
			identifiers(family, col(c, 9));
		}
		for (String[] s : synonyms) {
			CoveredEntity owner = ownerOf(families.values(), s[1]);
			Alias a = F.createAlias();
			a.setName(s[0]);
			a.setScript(RuleConventions.scriptValue("Latn", RuleConventions.SYNONYM + "=" + s[1]));
			owner.getAliases().add(a);
		}
		for (String[] fc : falseContexts) {
			CoveredEntity family = families.get(fc[0]);
			if (family == null) {
				throw new IllegalArgumentException("line " + fc[2] + ": @falseContext of unknown family " + fc[0]);
			}
			if (!family.getFalseContexts().contains(fc[1])) {
				family.getFalseContexts().add(fc[1]);
			}
		}
		addRules(set, families, excluded);
		return set;
	}

	private static void addRules(RuleSet set, Map<String, CoveredEntity> f, List<String> bodExcluded) {
		Rule bod = rule(set, "BOD-17-01", "DHS Binding Operational Directive 17-01",
				"Removal of Kaspersky-branded products", LocalDate.of(2017, 9, 13), LocalDate.of(2017, 9, 13),
				RiskLevel.PROHIBITED, false,
				"Information security products, solutions and services supplied directly or indirectly by AO Kaspersky"
						+ " Lab or its predecessors, successors, parents, subsidiaries or affiliates. Named companies:"
						+ " Kaspersky Lab North America; Kaspersky Lab, Inc.; Kaspersky Government Security Solutions,"
						+ " Inc. Named products: Anti-Virus, Internet Security, Total Security, Small Office Security,"
						+ " Anti Targeted Attack, Endpoint Security, Cloud Security (Enterprise), Cybersecurity"
						+ " Services, Private Security Network, Embedded Systems Security. Not covered: Kaspersky code"
						+ " embedded in other companies' products, Threat Intelligence, Security Training. Does not"
						+ " apply to national security systems.",
				f.get("KASPERSKY"));
		bod.setAppliesTo(Applicability.PRESENCE);
		bod.setDocument(ObligationDocument.BOD_17_01_PLAN);
		bod.setObligationNote("The directive concerns Kaspersky-branded products present on federal information"
				+ " systems, whenever they were bought.");
		step(bod, "identify", "Identify", "Products found (or a statement that none were), endpoints affected per"
				+ " product, and the methods used to find them", 30, DayUnit.CALENDAR_DAYS, DeadlineBase.ISSUE_DATE,
				0, "BOD 17-01, required action 1");
		step(bod, "plan", "Plan", "A removal plan with the 14 elements a to n", 60, DayUnit.CALENDAR_DAYS,
				DeadlineBase.ISSUE_DATE, 0, "BOD 17-01, required action 2");
		step(bod, "remove", "Remove", "Begin removal according to the plan, unless told otherwise", 90,
				DayUnit.CALENDAR_DAYS, DeadlineBase.ISSUE_DATE, 0, "BOD 17-01, required action 3");
		step(bod, "status", "Status reports", "Status of the removal, every 30 days until it is complete", 120,
				DayUnit.CALENDAR_DAYS, DeadlineBase.ISSUE_DATE, 30, "BOD 17-01, required action 3");
		bod.getExcludedTerms().addAll(bodExcluded);
		bod.getSources().addAll(List.of(
				"DHS BOD 17-01, Removal of Kaspersky-branded Products, 2017-09-13 (82 FR 43782): required actions at"
						+ " 30, 60 and 90 days confirmed",
				"Status reports every 30 days after removal begins, the exclusions (code embedded in other products,"
						+ " Threat Intelligence, Security Training) and the national security system carve-out:"
						+ " from the directive's text as summarised by DHS; not re-checked against the directive"
						+ " (unconfirmed)"));

		Rule n1634 = rule(set, "NDAA18-1634", "Pub. L. 115-91 sec. 1634; FAR 52.204-23 (FAR subpart 4.20)",
				"Prohibition on Kaspersky Lab hardware, software and services", LocalDate.of(2017, 12, 12),
				LocalDate.of(2018, 10, 1), RiskLevel.PROHIBITED, false,
				"Hardware, software and services developed or provided by Kaspersky Lab, its successors, entities it"
						+ " controls, that control it or share common control with it, and entities in which it has"
						+ " majority ownership. Unlike BOD 17-01 and the ICTS determination, it has no exclusion for"
						+ " threat intelligence or training.",
				f.get("KASPERSKY"));
		n1634.setAppliesTo(Applicability.PURCHASES_FROM_EFFECTIVE);
		n1634.setDocument(ObligationDocument.FAR_52_204_23_REPORT);
		n1634.setObligationNote("Under FAR 52.204-23(c) a covered article identified during contract performance is"
				+ " reported to the Contracting Officer (for the Department of Defense, at dibnet.dod.mil).");
		step(n1634, "report", "Report", "The report of FAR 52.204-23(c)(2)(i): contract number, order number(s),"
				+ " supplier name, brand, model number, item description and readily available mitigation"
				+ " information, within 3 business days of identification", 3, DayUnit.BUSINESS_DAYS,
				DeadlineBase.ISSUE_DATE, 0, "FAR 52.204-23(c)(2)(i)");
		step(n1634, "details", "Further information", "Further mitigation information, the efforts taken to prevent"
				+ " use or submission, the reasons that led to it and the efforts to prevent it in future, within 10"
				+ " business days of submitting the report", 10, DayUnit.BUSINESS_DAYS, DeadlineBase.PREVIOUS_STEP, 0,
				"FAR 52.204-23(c)(2)(ii)");
		n1634.getSources().addAll(List.of(
				"FAR 52.204-23 (Jul 2018), paragraph (c): report contents and the 10 business days, confirmed"
						+ " (GSA FAR HTML)",
				"3 business days: FAC 2023-06, FAR Case 2020-011, 88 FR 69503, effective 2023-12-04, replaced"
						+ " '1 business day' in (c)(2)(i); contracts with the Jul 2018 clause still say 1",
				"Prohibition in force 2018-10-01 (sec. 1634(a)); interim rule 83 FR 28141 of 2018-06-15"));

		Rule a889 = rule(set, "NDAA19-889A", "Pub. L. 115-232 sec. 889(a)(1)(A); FAR 52.204-24, 52.204-25, 52.204-26",
				"Prohibition on covered telecommunications equipment and services", LocalDate.of(2018, 8, 13),
				LocalDate.of(2019, 8, 13), RiskLevel.PROHIBITED, false,
				"Telecommunications equipment and services of Huawei Technologies Company and ZTE Corporation, and"
						+ " of their subsidiaries and affiliates. The surveillance limb (Hytera, Hikvision, Dahua) is"
						+ " the separate rule NDAA19-889A-SURVEILLANCE.",
				f.get("HUAWEI"), f.get("ZTE"));
		far889(a889);

		Rule s889 = rule(set, "NDAA19-889A-SURVEILLANCE",
				"Pub. L. 115-232 sec. 889(a)(1)(A) and (f)(3)(B); FAR 52.204-24, 52.204-25, 52.204-26",
				"Covered video surveillance and telecommunications equipment (purpose-limited)",
				LocalDate.of(2018, 8, 13), LocalDate.of(2019, 8, 13), RiskLevel.NEEDS_REVIEW, true,
				"Video surveillance and telecommunications equipment produced by Hytera Communications Corporation,"
						+ " Hangzhou Hikvision Digital Technology Company or Dahua Technology Company, and their"
						+ " subsidiaries and affiliates, when used for public safety, security of government"
						+ " facilities, physical security surveillance of critical infrastructure or other national"
						+ " security purposes (sec. 889(f)(3)(B)). Coverage depends on the purpose: a hit needs"
						+ " review. The same equipment is covered through (a)(1)(B) by NDAA19-889B.",
				f.get("HYTERA"), f.get("HIKVISION"), f.get("DAHUA"));
		far889(s889);

		Rule b889 = rule(set, "NDAA19-889B", "Pub. L. 115-232 sec. 889(a)(1)(B); FAR 52.204-24, 52.204-25",
				"Prohibition on contracting with entities that use covered equipment", LocalDate.of(2018, 8, 13),
				LocalDate.of(2020, 8, 13), RiskLevel.NEEDS_REVIEW, true,
				"Contracting with any entity that uses covered telecommunications equipment or services (those of"
						+ " sec. 889(f)(3)(A) to (C): Huawei and ZTE, and for the purposes of (f)(3)(B) Hytera,"
						+ " Hikvision and Dahua) as a substantial or essential component of any system. It turns on"
						+ " the contractor's own use, which a name or description does not show: every hit needs"
						+ " review.",
				f.get("HUAWEI"), f.get("ZTE"), f.get("HYTERA"), f.get("HIKVISION"), f.get("DAHUA"));
		far889(b889);
		b889.getSources().add("Sec. 889(a)(1)(B) in force 2020-08-13, interim rule 85 FR 42665");

		Rule fcc = rule(set, "FCC-CL",
				"Secure and Trusted Communications Networks Act of 2019 (47 U.S.C. 1601 et seq.); FCC Covered List",
				"FCC Covered List of equipment and services", LocalDate.of(2021, 3, 12), LocalDate.of(2021, 3, 12),
				RiskLevel.NEEDS_REVIEW, false,
				"Equipment and services on the FCC Covered List, each from the date it was added: Huawei, ZTE,"
						+ " Hytera, Hikvision, Dahua 2021-03-12; AO Kaspersky Lab, China Mobile International USA,"
						+ " China Telecom (Americas) 2022-03-25; Pacific Networks Corp. and ComNet (USA), China"
						+ " Unicom (Americas) 2022-09-20; foreign-produced uncrewed aircraft systems and components,"
						+ " and the communications and video surveillance equipment of DJI and Autel Robotics (FY2025"
						+ " NDAA sec. 1709(a)(1)) 2025-12-22, with certain UAS exempted until 2027-01-01 by the notice"
						+ " of 2026-01-07. The list restricts FCC programmes rather than agency purchases as such, so"
						+ " a hit needs review.",
				f.get("HUAWEI"), f.get("ZTE"), f.get("HYTERA"), f.get("HIKVISION"), f.get("DAHUA"),
				f.get("KASPERSKY"), f.get("CHINA_MOBILE"), f.get("CHINA_TELECOM"), f.get("CHINA_UNICOM"),
				f.get("PACIFIC_NETWORKS"), f.get("DJI"), f.get("AUTEL"));
		fcc.setAppliesTo(Applicability.PURCHASES_FROM_EFFECTIVE);
		fcc.setDocument(ObligationDocument.NONE);
		fcc.setObligationNote("The Covered List bars FCC-administered subsidies and new equipment authorizations"
				+ " for the listed equipment and services; it sets no reporting or removal step for an agency that"
				+ " bought them. Agency duties come from section 889 and section 1634.");
		String fccSource = "FCC Public Safety and Homeland Security Bureau public notices; Covered List as mirrored"
				+ " 2024-09-03";
		for (String family : List.of("HUAWEI", "ZTE", "HYTERA", "HIKVISION", "DAHUA")) {
			entry(fcc, f.get(family), LocalDate.of(2021, 3, 12), fccSource);
		}
		entry(fcc, f.get("KASPERSKY"), LocalDate.of(2022, 3, 25), "FCC public notice of 2022-03-25 (AO Kaspersky"
				+ " Lab); the 2024 entry for Kaspersky Lab, Inc. is unconfirmed and adds no earlier date");
		entry(fcc, f.get("CHINA_MOBILE"), LocalDate.of(2022, 3, 25), "FCC public notice of 2022-03-25");
		entry(fcc, f.get("CHINA_TELECOM"), LocalDate.of(2022, 3, 25), "FCC public notice of 2022-03-25");
		entry(fcc, f.get("PACIFIC_NETWORKS"), LocalDate.of(2022, 9, 20), "FCC public notice of 2022-09-20");
		entry(fcc, f.get("CHINA_UNICOM"), LocalDate.of(2022, 9, 20), "FCC public notice of 2022-09-20");
		for (String family : List.of("DJI", "AUTEL")) {
			entry(fcc, f.get(family), LocalDate.of(2025, 12, 22), "FCC PSHSB public notice of 2025-12-22 (FY2025"
					+ " NDAA sec. 1709); exemption notice DA 26-22 of 2026-01-07 for certain UAS until 2027-01-01");
		}
		fcc.getSources().addAll(List.of(
				"Entry dates 2021-03-12, 2022-03-25, 2022-09-20 and 2025-12-22 confirmed (public notices as quoted"
						+ " by law firms and the FCC list mirror)",
				"Exemption notice 2026-01-07 confirmed from secondary sources only"));

		Rule icts = rule(set, "ICTS-2024-KASPERSKY", "89 FR 52434, Commerce final determination (ICTS)",
				"Prohibition on Kaspersky cybersecurity and anti-virus software and services",
				LocalDate.of(2024, 6, 24), LocalDate.of(2024, 7, 20), RiskLevel.PROHIBITED, false,
				"Cybersecurity and anti-virus software and services of Kaspersky Lab, Inc. and its affiliates,"
						+ " including white-label integrations: no new agreements from 2024-07-20; no updates,"
						+ " resale or licensing from 2024-09-29. Not covered: Kaspersky Threat Intelligence, Kaspersky"
						+ " Security Training, and consulting or advisory services that are purely informational or"
						+ " educational.",
				f.get("KASPERSKY"));
		icts.setAppliesTo(Applicability.PURCHASES_FROM_EFFECTIVE);
		icts.setDocument(ObligationDocument.NONE);
		icts.setObligationNote("The determination prohibits Kaspersky's transactions with U.S. persons: new"
				+ " agreements from July 20, 2024, updates, resale and licensing from September 29, 2024. It sets no"
				+ " reporting or removal step for an agency.");
		icts.getExcludedTerms().addAll(List.of("Kaspersky Threat Intelligence", "Kaspersky Threat Data Feeds",
				"Kaspersky Threat Lookup", "Kaspersky Security Training", "Kaspersky Cybersecurity Training",
				"Kaspersky Security Awareness", "~Threat Intelligence", "~Security Training",
				"~informational consulting", "~educational consulting"));
		icts.getSources().addAll(List.of(
				"89 FR 52434-52437, FR Doc 2024-13532, Final Determination ICTS-2021-002 (Kaspersky Lab, Inc.):"
						+ " citation and scope confirmed",
				"The exclusions and the dates 2024-07-20 and 2024-09-29 from law-firm summaries of the"
						+ " determination (partly confirmed); no agency step seen (unconfirmed)"));

		Rule bis = rule(set, "BIS-EL-2024", "89 FR 52362, BIS Entity List additions", "Entity List: Kaspersky entities",
				LocalDate.of(2024, 6, 24), LocalDate.of(2024, 6, 24), RiskLevel.NEEDS_REVIEW, false,
				"AO Kaspersky Lab, OOO Kaspersky Group (Russia) and Kaspersky Labs Limited (United Kingdom) added to"
						+ " the Entity List. The listing restricts exports to these entities; buying from them needs"
						+ " review under the other Kaspersky rules.",
				f.get("KASPERSKY"));
		bis.setAppliesTo(Applicability.PURCHASES_FROM_EFFECTIVE);
		bis.setDocument(ObligationDocument.NONE);
		bis.setObligationNote("The Entity List requires a licence for exports to the listed entities; it sets no"
				+ " reporting or removal step for an agency that buys from them.");
		bis.getSources().add("89 FR 52362-52364, FR Doc 2024-13695, effective 2024-06-24 (3 entries: Russia 2,"
				+ " United Kingdom 1) confirmed; the names from the Department of State's statement");
	}

	/** The FAR 52.204-25(d) steps and exceptions shared by the section 889 rules. */
	private static void far889(Rule r) {
		r.setAppliesTo(Applicability.PURCHASES_FROM_EFFECTIVE);
		r.setDocument(ObligationDocument.FAR_52_204_25_REPORT);
		r.setObligationNote("Under FAR 52.204-25(d) covered telecommunications equipment or services identified"
				+ " during contract performance are reported to the Contracting Officer (for the Department of"
				+ " Defense, at dibnet.dod.mil).");
		step(r, "report", "Report", "The report of FAR 52.204-25(d)(2)(i): contract number, order number(s),"
				+ " supplier name, supplier UEI and CAGE code (if known), brand, model number, item description and"
				+ " readily available mitigation information, within one business day of identification", 1,
				DayUnit.BUSINESS_DAYS, DeadlineBase.ISSUE_DATE, 0, "FAR 52.204-25(d)(2)(i)");
		step(r, "details", "Further information", "Further mitigation information, the efforts taken to prevent use"
				+ " or submission and the efforts to prevent it in future, within 10 business days of submitting the"
				+ " report", 10, DayUnit.BUSINESS_DAYS, DeadlineBase.PREVIOUS_STEP, 0, "FAR 52.204-25(d)(2)(ii)");
		r.getExceptions().addAll(List.of(
				"Sec. 889(a)(2)(A): a service that connects to the facilities of a third party, such as backhaul,"
						+ " roaming or interconnection arrangements",
				"Sec. 889(a)(2)(B): telecommunications equipment that cannot route or redirect user data traffic or"
						+ " permit visibility into any user data or packets that it transmits or otherwise handles"));
		r.getSources().addAll(List.of(
				"FAR 52.204-25(d) (GSA FAR HTML): one business day, the report contents and the 10 business days,"
						+ " confirmed",
				"Sec. 889(a)(1)(A) in force 2019-08-13 (interim rule of 2019-08-13); exceptions sec. 889(a)(2)"
						+ " confirmed from the statute's text; the definition's paragraph number (f)(3) is"
						+ " cited so by later legislation (partly confirmed)"));
	}

	private static void entry(Rule r, CoveredEntity e, LocalDate date, String source) {
		EntryDate d = F.createEntryDate();
		d.setEntity(e);
		d.setDate(date);
		d.setSource(source);
		r.getEntryDates().add(d);
	}

	private static Rule rule(RuleSet set, String id, String citation, String title, LocalDate issued,
			LocalDate effective, RiskLevel risk, boolean purposeLimited, String scope, CoveredEntity... covered) {
		Rule r = F.createRule();
		r.setId(id);
		r.setCitation(citation);
		r.setTitle(title);
		r.setIssued(issued);
		r.setEffective(effective);
		r.setRiskLevel(risk);
		r.setPurposeLimited(purposeLimited);
		r.setScope(scope);
		for (CoveredEntity e : covered) {
			if (e == null) {
				throw new IllegalStateException("rule " + id + " names a family missing from the seed");
			}
			r.getCovered().add(e);
		}
		set.getRules().add(r);
		return r;
	}

	private static void step(Rule r, String name, String label, String description, int offset, DayUnit unit,
			DeadlineBase base, int repeat, String citation) {
		Deadline d = F.createDeadline();
		d.setName(name);
		d.setLabel(label);
		d.setDescription(description);
		d.setOffset(offset);
		d.setUnit(unit);
		d.setBase(base);
		d.setRepeatEvery(repeat);
		d.setCitation(citation);
		r.getDeadlines().add(d);
	}

	private static Alias alias(String name, boolean strict) {
		Alias a = F.createAlias();
		a.setName(name);
		String script = RuleConventions.detectScript(name);
		a.setScript(strict ? RuleConventions.scriptValue(script, RuleConventions.STRICT) : script);
		return a;
	}

	private static CoveredEntity ownerOf(Iterable<CoveredEntity> families, String canonical) {
		String c = canonical.toLowerCase(Locale.ROOT);
		for (CoveredEntity e : families) {
			List<String> names = new ArrayList<>();
			e.getAliases().forEach(a -> names.add(a.getName()));
			e.getAffiliates().forEach(a -> names.addAll(a.getAliases()));
			for (String n : names) {
				for (String w : n.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
					if (w.equals(c)) {
						return e;
					}
				}
			}
		}
		throw new IllegalArgumentException("no family uses the synonym target '" + canonical + "'");
	}

	private static void identifiers(CoveredEntity family, String cell) {
		for (String part : split(cell.replace(';', '|'))) {
			int eq = part.indexOf('=');
			String k = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
			String v = part.substring(eq + 1).strip();
			List<String> list = switch (k) {
				case "uei" -> family.getUei();
				case "duns" -> family.getDuns();
				case "cage" -> family.getCage();
				default -> throw new IllegalArgumentException("unknown identifier kind " + k);
			};
			if (!list.contains(v)) {
				list.add(v);
			}
		}
	}

	private static String col(String[] c, int i) {
		return i < c.length ? c[i].strip() : "";
	}

	private static List<String> split(String cell) {
		List<String> out = new ArrayList<>();
		for (String s : cell.split("\\|")) {
			if (!s.isBlank()) {
				out.add(s.strip());
			}
		}
		return out;
	}
}
