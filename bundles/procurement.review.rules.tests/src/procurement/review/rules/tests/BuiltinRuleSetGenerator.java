package procurement.review.rules.tests;

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
import procurement.review.model.CoveredEntity;
import procurement.review.model.DayUnit;
import procurement.review.model.Deadline;
import procurement.review.model.Relation;
import procurement.review.model.ReviewFactory;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.rules.RuleConventions;
import procurement.review.rules.RuleSets;

/**
 * Generates {@code rules/builtin.ruleset} of the rules bundle: the rules (citations, dates, deadlines, coverage)
 * are written out below from DOMAIN.md, the covered families are converted from the engine's seed watch list so
 * that every name, script, affiliate, brand term and source note of the seed reaches the rule set.
 * <p>
 * Run it from the tests fragment directory after changing either, and commit the output:
 * {@code java ... BuiltinRuleSetGenerator [seed.tsv] [out.ruleset]}. {@code BuiltinRuleSetGeneratorTest} fails when
 * the committed file and the generator disagree.
 * <p>
 * How seed data the model has no attribute for is kept (see {@link RuleConventions}): strict names become aliases
 * with the script flag "strict" (affiliates: a leading '='); ambiguous terms keep their leading '~'; the seed's
 * excluded terms become the excluded terms of BOD-17-01 (the rule their reason names), the reason being restated by
 * the engine bridge from the rule's id and citation; {@code @synonym} directives become aliases with the flag
 * "synonym=canonical" on the family whose names use the canonical spelling; brand terms of affiliates join the
 * family's brand terms, because the description scan attributes terms to families anyway.
 */
public final class BuiltinRuleSetGenerator {

    /** Default seed location, relative to the tests fragment. */
    public static final Path SEED = Path.of("../procurement.review.core.matching/data/watchlist-seed.tsv");
    /** Default output location, relative to the tests fragment. */
    public static final Path OUTPUT = Path.of("../procurement.review.rules/rules/builtin.ruleset");

    /** Version of the generated rule set; bump it whenever the content changes. */
    public static final String VERSION = "2026.11.1";
    /** Date of the generated rule set. */
    public static final LocalDate DATE = LocalDate.of(2026, 11, 28);

    private static final ReviewFactory F = ReviewFactory.eINSTANCE;

    /**
     * Known date ranges of affiliate links. Only the year is sourced, so the range covers the whole year (a wider
     * range keeps more hits for review, the safe side for an exclusion check); the evidence says so.
     */
    private static final Map<String, LocalDate[]> VALIDITY = Map.of(
            "SEPURA", new LocalDate[] {LocalDate.of(2017, 1, 1), null},
            "NORSAT", new LocalDate[] {LocalDate.of(2017, 1, 1), null},
            "LOREX", new LocalDate[] {LocalDate.of(2018, 1, 1), LocalDate.of(2023, 12, 31)});

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
                LocalDate[] validity = VALIDITY.get(a.getId());
                if (validity != null) {
                    a.setValidFrom(validity[0]);
                    a.setValidTo(validity[1]);
                    evidence += "; validity dates are year bounds";
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
        deadline(bod, "identify", "Products found (or a statement that none were), endpoints affected per product,"
                + " methods used to find them", 30, DayUnit.CALENDAR_DAYS, 0);
        deadline(bod, "plan", "Removal plan with the 14 elements a to n", 60, DayUnit.CALENDAR_DAYS, 0);
        deadline(bod, "remove", "Begin removal unless told otherwise", 90, DayUnit.CALENDAR_DAYS, 0);
        deadline(bod, "status", "Status report 30 days after removal begins, then every 30 days until done", 120,
                DayUnit.CALENDAR_DAYS, 30);
        bod.getExcludedTerms().addAll(bodExcluded);

        Rule n1634 = rule(set, "NDAA18-1634", "Pub. L. 115-91 sec. 1634; FAR 52.204-23 (FAR subpart 4.20)",
                "Prohibition on Kaspersky Lab hardware, software and services", LocalDate.of(2017, 12, 12),
                LocalDate.of(2018, 10, 1), RiskLevel.PROHIBITED, false,
                "Hardware, software and services developed or provided by Kaspersky Lab, its successors, entities it"
                        + " controls, that control it or share common control with it, and entities in which it has"
                        + " majority ownership.",
                f.get("KASPERSKY"));
        deadline(n1634, "report", "Contractor report after identifying a covered article", 3, DayUnit.BUSINESS_DAYS,
                0);
        deadline(n1634, "report-details", "Further information, within 10 business days of the first report", 13,
                DayUnit.BUSINESS_DAYS, 0);

        Rule a889 = rule(set, "NDAA19-889A", "Pub. L. 115-232 sec. 889(a)(1)(A); FAR 52.204-24, 52.204-25, 52.204-26",
                "Prohibition on covered telecommunications equipment and services", LocalDate.of(2018, 8, 13),
                LocalDate.of(2019, 8, 13), RiskLevel.PROHIBITED, false,
                "Telecommunications equipment and services of Huawei Technologies Company and ZTE Corporation, and"
                        + " of their subsidiaries and affiliates. The surveillance limb (Hytera, Hikvision, Dahua) is"
                        + " the separate rule NDAA19-889A-SURVEILLANCE.",
                f.get("HUAWEI"), f.get("ZTE"));
        deadlines889(a889);

        Rule s889 = rule(set, "NDAA19-889A-SURVEILLANCE",
                "Pub. L. 115-232 sec. 889(a)(1)(A) and (f)(3)(B); FAR 52.204-24, 52.204-25, 52.204-26",
                "Covered video surveillance and telecommunications equipment (purpose-limited)",
                LocalDate.of(2018, 8, 13), LocalDate.of(2019, 8, 13), RiskLevel.NEEDS_REVIEW, true,
                "Video surveillance and telecommunications equipment produced by Hytera Communications Corporation,"
                        + " Hangzhou Hikvision Digital Technology Company or Dahua Technology Company, and their"
                        + " subsidiaries and affiliates, when used for public safety, security of government"
                        + " facilities, physical security surveillance of critical infrastructure or other national"
                        + " security purposes. Coverage depends on the purpose: a hit needs review.",
                f.get("HYTERA"), f.get("HIKVISION"), f.get("DAHUA"));
        deadlines889(s889);

        Rule b889 = rule(set, "NDAA19-889B", "Pub. L. 115-232 sec. 889(a)(1)(B); FAR 52.204-24, 52.204-25",
                "Prohibition on contracting with entities that use covered equipment", LocalDate.of(2018, 8, 13),
                LocalDate.of(2020, 8, 13), RiskLevel.NEEDS_REVIEW, true,
                "Contracting with any entity that uses covered telecommunications equipment or services (those of"
                        + " NDAA19-889A and NDAA19-889A-SURVEILLANCE) as a substantial or essential component of any"
                        + " system. It turns on the contractor's own use, which a name or description does not show:"
                        + " every hit needs review.",
                f.get("HUAWEI"), f.get("ZTE"), f.get("HYTERA"), f.get("HIKVISION"), f.get("DAHUA"));
        deadlines889(b889);

        rule(set, "FCC-CL",
                "Secure and Trusted Communications Networks Act of 2019 (47 U.S.C. 1601 et seq.); FCC Covered List",
                "FCC Covered List of equipment and services", LocalDate.of(2021, 3, 12), LocalDate.of(2021, 3, 12),
                RiskLevel.NEEDS_REVIEW, false,
                "Equipment and services on the FCC Covered List, each from the date it was added: Huawei, ZTE,"
                        + " Hytera, Hikvision, Dahua 2021-03-12; AO Kaspersky Lab, China Mobile International USA,"
                        + " China Telecom (Americas) 2022-03-25; Pacific Networks / ComNet, China Unicom (Americas)"
                        + " 2022-09-20; Kaspersky Lab, Inc. 2024-07-23. The list restricts FCC programmes rather than"
                        + " agency purchases as such, so a hit needs review (verify per entry).",
                f.get("HUAWEI"), f.get("ZTE"), f.get("HYTERA"), f.get("HIKVISION"), f.get("DAHUA"),
                f.get("KASPERSKY"), f.get("CHINA_MOBILE"), f.get("CHINA_TELECOM"), f.get("CHINA_UNICOM"),
                f.get("PACIFIC_NETWORKS"));

        rule(set, "ICTS-2024-KASPERSKY", "89 FR 52434, Commerce final determination (ICTS)",
                "Prohibition on Kaspersky cybersecurity and anti-virus software and services",
                LocalDate.of(2024, 6, 24), LocalDate.of(2024, 7, 20), RiskLevel.PROHIBITED, false,
                "Cybersecurity and anti-virus software and services of Kaspersky Lab, Inc. and its affiliates,"
                        + " including white-label integrations: no new agreements from 2024-07-20; no updates or resale"
                        + " from 2024-09-29.",
                f.get("KASPERSKY"));

        rule(set, "BIS-EL-2024", "89 FR 52362, BIS Entity List additions", "Entity List: Kaspersky entities",
                LocalDate.of(2024, 6, 24), LocalDate.of(2024, 6, 24), RiskLevel.NEEDS_REVIEW, false,
                "AO Kaspersky Lab, OOO Kaspersky Group (Russia) and Kaspersky Labs Limited (United Kingdom) added to"
                        + " the Entity List. The listing restricts exports to these entities; buying from them needs"
                        + " review under the other Kaspersky rules.",
                f.get("KASPERSKY"));
    }

    private static void deadlines889(Rule r) {
        deadline(r, "report", "Contractor report after identifying covered equipment or services", 1,
                DayUnit.BUSINESS_DAYS, 0);
        deadline(r, "report-details", "Further information, within 10 business days of the first report", 11,
                DayUnit.BUSINESS_DAYS, 0);
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

    private static void deadline(Rule r, String name, String description, int offset, DayUnit unit, int repeat) {
        Deadline d = F.createDeadline();
        d.setName(name);
        d.setDescription(description);
        d.setOffset(offset);
        d.setUnit(unit);
        d.setRepeatEvery(repeat);
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
