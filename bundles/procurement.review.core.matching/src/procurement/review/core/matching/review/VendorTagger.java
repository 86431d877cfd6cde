package procurement.review.core.matching.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import procurement.review.core.matching.review.ReviewMatcher.Hit;
import procurement.review.core.matching.review.ReviewMatcher.TagSpec;
import procurement.review.model.MatchKind;
import procurement.review.model.RiskLevel;
import procurement.review.model.Rule;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;

/**
 * The tags a run wants on the vendors: one ORIGIN tag per vendor, its value from the strongest signal (a covered
 * family's country, the most frequent foreign product origin, a foreign parent or vendor country, a foreign place of
 * manufacture or entity type) with the evidence of every signal; one RISK tag per vendor and rule with the citation
 * and the first hits behind it. A hit a reviewer said NOT_SAME to makes no tag.
 */
final class VendorTagger {

	private static final int PARALLEL_THRESHOLD = 2_000;
	private static final int BLOCK = 256;
	private static final int MAX_EVIDENCE_ITEMS = 5;

	private final Set<String> highRisk;

	/** @param highRisk ISO alpha-3 codes whose origin is ELEVATED */
	VendorTagger(Set<String> highRisk) {
		this.highRisk = highRisk;
	}

	/**
	 * @param vendors the review's vendors, counted
	 * @param hits    the run's hits
	 * @param workers where the origin tags are built
	 * @return the origin tags in vendor order, then the risk tags by vendor and rule
	 */
	List<TagSpec> tags(VendorState[] vendors, List<Hit> hits, Workers workers) {
		Map<Vendor, List<Hit>> byVendor = new IdentityHashMap<>();
		for (Hit h : hits) {
			if (h.vendor() != null && h.active()) {
				byVendor.computeIfAbsent(h.vendor(), k -> new ArrayList<>()).add(h);
			}
		}
		// an origin tag for every vendor: tens of thousands of evidence texts, built on all workers, kept in order
		TagSpec[] origins = new TagSpec[vendors.length];
		workers.forEach(vendors.length, PARALLEL_THRESHOLD, BLOCK,
				i -> origins[i] = originTag(vendors[i], byVendor.getOrDefault(vendors[i].vendor, List.of())));
		List<TagSpec> out = new ArrayList<>(vendors.length + byVendor.size());
		out.addAll(Arrays.asList(origins));
		for (VendorState s : vendors) {
			List<Hit> hs = byVendor.get(s.vendor);
			if (hs != null) {
				riskTags(s.vendor, hs, out);
			}
		}
		return out;
	}

	private TagSpec originTag(VendorState s, List<Hit> hits) {
		List<String> evidence = new ArrayList<>();
		String value = null;
		// 1. the family of a vendor-level hit: what a covered company supplies comes from its family's country
		for (Hit h : hits) {
			if (h.kind() != MatchKind.DESCRIPTION && Countries.normalise(h.entity().getCountry()) != null) {
				String c = Countries.normalise(h.entity().getCountry());
				evidence.add("covered family " + h.entity().getId() + " (" + c + ") by " + h.kind() + " match");
				value = value == null ? c : value;
				break;
			}
		}
		// 2. the product origin reported on the vendor's actions, most frequent foreign value first
		String foreignOrigin = null;
		int best = 0;
		boolean usa = false;
		if (s.origin.size > 0) {
			StringBuilder sb = new StringBuilder("product origin: ");
			for (int i = 0; i < s.origin.size; i++) {
				String c = Countries.normalise(s.origin.value(i));
				sb.append(i == 0 ? "" : ", ").append(s.origin.value(i)).append(" x").append(s.origin.count(i));
				if (c == null) {
					continue;
				}
				if (c.equals("USA")) {
					usa = true;
				} else if (s.origin.count(i) > best) {
					best = s.origin.count(i);
					foreignOrigin = c;
				}
			}
			evidence.add(sb.toString());
		}
		value = value == null ? foreignOrigin : value;
		boolean foreign = false;
		if (s.manufacture.size > 0) {
			StringBuilder sb = new StringBuilder("place of manufacture: ");
			for (int i = 0; i < s.manufacture.size; i++) {
				String label = s.manufacture.label(i);
				sb.append(i == 0 ? "" : ", ").append(s.manufacture.value(i))
						.append(label == null || label.isBlank() ? "" : " (" + label + ")").append(" x")
						.append(s.manufacture.count(i));
				foreign |= label != null && label.toUpperCase(Locale.ROOT).contains("OUTSIDE");
			}
			evidence.add(sb.toString());
		}
		if (s.entityType.size > 0) {
			StringBuilder sb = new StringBuilder("domestic/foreign entity: ");
			for (int i = 0; i < s.entityType.size; i++) {
				String code = s.entityType.value(i).strip().toUpperCase(Locale.ROOT);
				String letter = code.isEmpty() ? "" : code.substring(0, 1);
				sb.append(i == 0 ? "" : ", ").append(code).append(entityTypeLabel(letter)).append(" x")
						.append(s.entityType.count(i));
				foreign |= letter.equals("C") || letter.equals("D") || letter.equals("O");
			}
			evidence.add(sb.toString());
		}
		String vendorCountry = Countries.normalise(s.vendor.getCountryCode());
		if (vendorCountry == null) {
			vendorCountry = Countries.normalise(s.vendor.getCountryName());
		}
		Vendor parent = s.vendor.getParent();
		String parentCountry = parent == null ? null
				: Objects.requireNonNullElse(Countries.normalise(parent.getCountryCode()), Objects.toString(
						Countries.normalise(parent.getCountryName()), ""));
		if (parentCountry != null && parentCountry.isEmpty()) {
			parentCountry = null;
		}
		if (parentCountry != null) {
			evidence.add("parent " + parent.getName() + " country " + parentCountry);
			if (value == null && !parentCountry.equals("USA")) {
				value = parentCountry;
			}
			usa |= parentCountry.equals("USA");
		}
		if (vendorCountry != null) {
			evidence.add("vendor country " + vendorCountry);
			if (value == null && !vendorCountry.equals("USA")) {
				value = vendorCountry;
			}
			usa |= vendorCountry.equals("USA");
		}
		if (value == null) {
			value = foreign ? "FOREIGN" : usa ? "USA" : "UNKNOWN";
		}
		if (evidence.isEmpty()) {
			evidence.add("no origin, manufacture, entity type or country on record");
		}
		String vendorKey = MatchKeys.vendorKey(s.vendor);
		return new TagSpec(tagKey(TagKind.ORIGIN, vendorKey, null), TagKind.ORIGIN, s.vendor, value,
				highRisk.contains(value) ? RiskLevel.ELEVATED : RiskLevel.NONE, String.join("; ", evidence), null);
	}

	private static String entityTypeLabel(String letter) {
		return switch (letter) {
			case "A" -> " (U.S.-owned)";
			case "B" -> " (other U.S. entity)";
			case "C" -> " (foreign-owned, incorporated in the U.S.)";
			case "D" -> " (foreign-owned, not incorporated in the U.S.)";
			case "O" -> " (other foreign entity)";
			default -> "";
		};
	}

	private static void riskTags(Vendor vendor, List<Hit> hits, List<TagSpec> out) {
		Map<Rule, List<Hit>> byRule = new LinkedHashMap<>();
		for (Hit h : hits) {
			if (h.rule() != null) {
				byRule.computeIfAbsent(h.rule(), k -> new ArrayList<>()).add(h);
			}
		}
		String vendorKey = MatchKeys.vendorKey(vendor);
		for (var en : byRule.entrySet()) {
			Rule r = en.getKey();
			RiskLevel level = RiskLevel.NONE;
			StringBuilder sb = new StringBuilder(r.getCitation() == null ? r.getId() : r.getCitation());
			List<Hit> hs = en.getValue();
			for (int i = 0; i < hs.size(); i++) {
				Hit h = hs.get(i);
				if (h.riskLevel().getValue() > level.getValue()) {
					level = h.riskLevel();
				}
				if (i < MAX_EVIDENCE_ITEMS) {
					sb.append("; ").append(h.kind()).append(' ').append(h.entity().getId()).append(' ')
							.append(MatchLines.formatScore(h.score())).append(h.action() == null ? ""
									: " in " + MatchKeys.transactionKey(h.action()))
							.append(" \"").append(h.matchedText()).append('"');
				}
			}
			if (hs.size() > MAX_EVIDENCE_ITEMS) {
				sb.append("; +").append(hs.size() - MAX_EVIDENCE_ITEMS).append(" more");
			}
			out.add(new TagSpec(tagKey(TagKind.RISK, vendorKey, r.getId()), TagKind.RISK, vendor, r.getId(), level,
					sb.toString(), r));
		}
	}

	/**
	 * @param kind      the tag's kind
	 * @param vendorKey its vendor's key
	 * @param ruleId    its rule's id, null for an ORIGIN tag
	 * @return the tag's identity, by which a re-run finds the tag it made before
	 */
	static String tagKey(TagKind kind, String vendorKey, String ruleId) {
		return kind.getName() + "|" + vendorKey + "|" + (ruleId == null ? "" : ruleId);
	}
}
