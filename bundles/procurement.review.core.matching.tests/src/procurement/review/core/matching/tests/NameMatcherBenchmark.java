package procurement.review.core.matching.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import procurement.review.core.matching.DescriptionScanner;
import procurement.review.core.matching.NameMatcher;

/**
 * Tagging benchmark, run by hand (not a test, so machine load never fails a build): tags 1,000,000 synthetic
 * vendor names drawn from 50,000 distinct ones, as in a year of contract actions, and prints actions per second
 * for a cold matcher (first pass fills the cache) and a warm one, then the description scan rate.
 * <p>
 * Usage: {@code java ... NameMatcherBenchmark [actions] [distinct]} with the fragment directory as working
 * directory.
 */
public final class NameMatcherBenchmark {

    private static final String[] WORDS = {"ACME", "ALLIED", "APEX", "ATLAS", "BLUE", "CAPITAL", "CEDAR", "DELTA",
        "EAGLE", "FEDERAL", "FRONTIER", "GLOBAL", "GRANITE", "HARBOR", "HORIZON", "INTEGRAL", "KEYSTONE", "LIBERTY",
        "MERIDIAN", "NOVA", "OAK", "PINNACLE", "QUANTUM", "RIDGE", "SUMMIT", "TITAN", "UNITY", "VECTOR", "WESTERN",
        "ZENITH", "SYSTEMS", "SOLUTIONS", "TECHNOLOGIES", "SERVICES", "GROUP", "CONSULTING", "ENGINEERING",
        "DIGITAL", "NETWORKS", "SECURITY", "ASSOCIATES", "PARTNERS", "INTERNATIONAL", "AMERICA", "DATA"};
    private static final String[] LEGAL = {"INC", "INC.", "LLC", "CORP", "CORPORATION", ",  INC.", "CO", "LTD", ""};
    private static final String[] COVERED = {"KASPERSKY LAB  INC", "HUAWEI TECHNOLOGIES USA INC", "ZTE USA INC",
        "HANGZHOU HIKVISION DIGITAL TEC", "DAHUA TECHNOLOGY USA INC", "HYTERA AMERICA INC", "AZTEC CORPORATION"};

    private NameMatcherBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: number of actions, number of distinct names
     */
    public static void main(String[] args) {
        int actions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int distinct = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Random rnd = new Random(42);
        List<String> names = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            if (i % 100 == 0) {
                names.add(COVERED[(i / 100) % COVERED.length]);
                continue;
            }
            int n = 1 + rnd.nextInt(3);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                sb.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
            }
            sb.append(LEGAL[rnd.nextInt(LEGAL.length)]).append(' ').append(i);
            String s = sb.toString();
            names.add(s.length() > 30 ? s.substring(0, 30) : s);
        }
        String[] stream = new String[actions];
        for (int i = 0; i < actions; i++) {
            // skewed draw: big resellers appear far more often than small vendors
            int idx = (int) Math.min(distinct - 1, Math.abs(rnd.nextGaussian()) * distinct / 3);
            stream[i] = names.get(idx);
        }
        long t0 = System.nanoTime();
        NameMatcher matcher = new NameMatcher(TestData.families());
        long built = System.nanoTime();
        System.out.printf(Locale.ROOT, "matcher built in %.1f ms%n", (built - t0) / 1e6);
        for (int pass = 1; pass <= 3; pass++) {
            long start = System.nanoTime();
            int hits = 0;
            for (String s : stream) {
                if (matcher.match(s).isPresent()) {
                    hits++;
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "pass %d (%s): %,d actions, %,d distinct names, %,d hits, %.3f s, %,.0f actions/s%n",
                    pass, pass == 1 ? "cold cache" : "warm cache", actions, matcher.cachedNames(), hits, secs,
                    actions / secs);
        }
        DescriptionScanner scanner = new DescriptionScanner(TestData.families());
        String[] descriptions = {"KASPERSKY ENDPOINT SECURITY LICENSES RENEWAL",
            "PURCHASE OF HIKVISION CAMERAS VIA RESELLER", "IGF::OT::IGF OFFICE SUPPLIES FOR THE REGIONAL OFFICE",
            "MAINTENANCE OF AZTEC BUILDING HVAC SYSTEMS, FY2019 OPTION YEAR 2",
            "SOFTWARE LICENSES AND SUPPORT FOR ENTERPRISE BACKUP, 12 MONTHS"};
        int n = 1_000_000;
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < n; i++) {
            found += scanner.scan(descriptions[i % descriptions.length]).size();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "description scan: %,d descriptions, %,d hits, %.3f s, %,.0f descriptions/s%n",
                n, found, secs, n / secs);
    }
}
