package procurement.review.core.matching.review;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;
import procurement.review.rules.BuiltinRules;

/**
 * Tagging benchmark, run by hand (not a test, so machine load never fails a build): builds a synthetic review of
 * 1,000,000 contract actions from 50,000 distinct vendors in memory and times the matcher.
 * <ul>
 * <li>the tagging pass ({@link ReviewMatcher#plan}) cold, with the engine's name cache and the description cache
 * empty, and warm, as on a re-run after a re-import;</li>
 * <li>the full run ({@link ReviewMatcher#run}): plan plus the one compound command that adds matches and tags, then
 * a re-run that finds everything already there.</li>
 * </ul>
 * Usage: {@code java ... ReviewMatcherBenchmark [actions] [vendors] [distinctDescriptions]}.
 */
public final class ReviewMatcherBenchmark {

    private static final String[] WORDS = {"ACME", "ALLIED", "APEX", "ATLAS", "BLUE", "CAPITAL", "CEDAR", "DELTA",
        "EAGLE", "FEDERAL", "FRONTIER", "GLOBAL", "GRANITE", "HARBOR", "HORIZON", "INTEGRAL", "KEYSTONE", "LIBERTY",
        "MERIDIAN", "NOVA", "OAK", "PINNACLE", "QUANTUM", "RIDGE", "SUMMIT", "TITAN", "UNITY", "VECTOR", "WESTERN",
        "ZENITH", "SYSTEMS", "SOLUTIONS", "TECHNOLOGIES", "SERVICES", "GROUP", "CONSULTING", "ENGINEERING",
        "DIGITAL", "NETWORKS", "SECURITY", "ASSOCIATES", "PARTNERS", "INTERNATIONAL", "AMERICA", "DATA"};
    private static final String[] LEGAL = {"INC", "INC.", "LLC", "CORP", "CORPORATION", ",  INC.", "CO", "LTD", ""};
    private static final String[] COVERED = {"KASPERSKY LAB  INC", "HUAWEI TECHNOLOGIES USA INC", "ZTE USA INC",
        "HANGZHOU HIKVISION DIGITAL TEC", "DAHUA TECHNOLOGY USA INC", "HYTERA AMERICA INC", "AZTEC CORPORATION"};
    private static final String[] ITEMS = {"LAPTOPS", "SOFTWARE LICENSES", "MAINTENANCE", "SUPPORT", "RENEWAL",
        "OFFICE SUPPLIES", "HVAC", "NETWORK SWITCHES", "CAMERAS", "SERVERS", "TRAINING", "CONSULTING SERVICES",
        "IGF::OT::IGF", "OPTION YEAR", "FY2019", "BACKUP", "STORAGE", "PRINTERS", "TONER", "JANITORIAL"};
    private static final String[] BRANDS = {"KASPERSKY ENDPOINT SECURITY", "KASPERSKY THREAT INTELLIGENCE",
        "HIKVISION", "HUAWEI", "DAHUA NVR", "ZTE", "AZTEC"};
    private static final String[] ORIGIN = {"USA", "USA", "USA", "CHN", null, "NAN", "DEU"};
    private static final String[] ENTITY_TYPE = {"A", "A", "A", "B", "C", null};

    private ReviewMatcherBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: number of actions, number of vendors, number of distinct descriptions
     */
    public static void main(String[] args) {
        int actions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int vendorCount = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int descriptionCount = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Random rnd = new Random(42);
        ReviewFactory f = ReviewFactory.eINSTANCE;
        ReviewSession session = ReviewSession.create("benchmark");
        ReviewProject review = session.review();

        long t0 = System.nanoTime();
        List<Vendor> vendors = new ArrayList<>(vendorCount);
        for (int i = 0; i < vendorCount; i++) {
            String name;
            if (i % 100 == 0) {
                name = COVERED[(i / 100) % COVERED.length];
            } else {
                StringBuilder sb = new StringBuilder();
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    sb.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
                }
                sb.append(LEGAL[rnd.nextInt(LEGAL.length)]).append(' ').append(i);
                name = sb.length() > 30 ? sb.substring(0, 30) : sb.toString();
            }
            Vendor v = f.createVendor();
            v.setName(name);
            v.setKey("uei:BENCH" + String.format(Locale.ROOT, "%07d", i));
            v.setCountryCode(i % 37 == 0 ? "CHN" : "USA");
            if (i % 50 == 7 && i > 100) {
                v.setParent(vendors.get((i / 100) * 100));
            }
            vendors.add(v);
        }
        review.getVendors().addAll(vendors);
        String[] descriptions = new String[descriptionCount];
        for (int i = 0; i < descriptionCount; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 2 + rnd.nextInt(5); k > 0; k--) {
                sb.append(ITEMS[rnd.nextInt(ITEMS.length)]).append(' ');
            }
            if (i % 200 == 0) {
                sb.append(BRANDS[(i / 200) % BRANDS.length]).append(' ');
            }
            descriptions[i] = sb.append("ORDER ").append(i).toString();
        }
        ContractingReport report = f.createContractingReport();
        report.setFileName("synthetic.csv");
        LocalDate day = LocalDate.of(2019, 10, 1);
        List<ContractAction> list = new ArrayList<>(actions);
        for (int i = 0; i < actions; i++) {
            ContractAction a = f.createContractAction();
            a.setTransactionKey("T" + i);
            int idx = (int) Math.min(vendorCount - 1, Math.abs(rnd.nextGaussian()) * vendorCount / 3);
            a.setVendor(vendors.get(idx));
            // a new string per action, as an importer makes them: no help from shared instances or cached hashes
            a.setDescription(new String(descriptions[rnd.nextInt(descriptionCount)]));
            a.setOriginCountryCode(ORIGIN[rnd.nextInt(ORIGIN.length)]);
            a.setDomesticOrForeignEntityCode(ENTITY_TYPE[rnd.nextInt(ENTITY_TYPE.length)]);
            a.setActionDate(day.plusDays(i % 365));
            list.add(a);
        }
        report.getActions().addAll(list);
        review.getReports().add(report);
        System.out.printf(Locale.ROOT, "built review: %,d actions, %,d vendors, %,d distinct descriptions in %.1f s%n",
                actions, vendorCount, descriptionCount, (System.nanoTime() - t0) / 1e9);

        long tb = System.nanoTime();
        ReviewMatcher matcher = ReviewMatcher.of(BuiltinRules.load());
        System.out.printf(Locale.ROOT, "matcher built in %.1f ms%n", (System.nanoTime() - tb) / 1e6);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= 5; pass++) {
            long cpu = threads.getCurrentThreadCpuTime();
            ReviewMatcher.Plan plan = matcher.plan(review);
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            print("tagging pass " + pass + (pass == 1 ? " (cold caches)" : " (warm caches)"), plan, actions, cpu);
        }
        long tr = System.nanoTime();
        ReviewMatcher.Outcome first = matcher.run(session, "benchmark");
        report("first run (plan + command)", first, actions, System.nanoTime() - tr);
        tr = System.nanoTime();
        ReviewMatcher.Outcome again = matcher.run(session, "benchmark");
        report("re-run (nothing new)", again, actions, System.nanoTime() - tr);
        tr = System.nanoTime();
        session.commandStack().undo();
        session.commandStack().undo();
        System.out.printf(Locale.ROOT, "undo both runs: %.2f s, %,d matches and %,d tags left%n",
                (System.nanoTime() - tr) / 1e9, review.getMatches().size(), review.getTags().size());
    }

    private static void print(String label, ReviewMatcher.Plan plan, int actions, long cpuNanos) {
        double secs = plan.nanos() / 1e9;
        // thread CPU time as well: on a shared machine wall time measures the neighbours too (cold names are matched
        // on pool threads, which this figure leaves out)
        System.out.printf(Locale.ROOT, "%s: %.3f s, %,.0f actions/s (calling thread CPU %.3f s, %,.0f actions/s;"
                + " pass over the actions alone %.3f s, %,.0f actions/s); %,d hits, %,d tags, %,d names and %,d"
                + " descriptions cached%n", label, secs, actions / secs, cpuNanos / 1e9, actions / (cpuNanos / 1e9),
                plan.actionNanos() / 1e9, actions / (plan.actionNanos() / 1e9), plan.hits().size(),
                plan.tags().size(), plan.names(), plan.descriptions());
    }

    private static void report(String label, ReviewMatcher.Outcome o, int actions, long nanos) {
        double secs = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%s: %.3f s (plan %.3f s), %,.0f actions/s; matches +%,d ~%,d -%,d,"
                + " tags +%,d ~%,d -%,d%n", label, secs, o.plan().nanos() / 1e9, actions / secs, o.matchesAdded(),
                o.matchesUpdated(), o.matchesRemoved(), o.tagsAdded(), o.tagsUpdated(), o.tagsRemoved());
    }
}
