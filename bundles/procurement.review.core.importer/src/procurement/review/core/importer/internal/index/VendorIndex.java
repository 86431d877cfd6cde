package procurement.review.core.importer.internal.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EStructuralFeature;

import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.Vendor;

/**
 * The vendors of a review and of the files read into it, by key: UEI, else DUNS, else normalised name, so that the
 * rows of overlapping files and re-imports name one vendor. Vendors a file adds are made detached and listed
 * ({@link #added()}) for the command that adds them to the review.
 * <p>
 * Reading a file changes only the vendors it made. What it gives a vendor it did not make (one of the review, or
 * of a file read before whose command may have run) is kept ({@link #given()}) for its command, so that undoing
 * the import takes it back; and a file whose reading fails is forgotten ({@link #forgetFile()}).
 */
public final class VendorIndex {

	private static final EStructuralFeature NAME = ReviewPackage.Literals.VENDOR__NAME;
	private static final EStructuralFeature NORMALIZED_NAME = ReviewPackage.Literals.VENDOR__NORMALIZED_NAME;

	private final Map<String, Vendor> byKey = new HashMap<>();
	private List<Vendor> added = new ArrayList<>();
	/** {@link #added}, to ask whether this file made a vendor. */
	private Set<Vendor> made = new HashSet<>();
	/** What this file gives vendors it did not make, in the order given. */
	private Map<Vendor, Map<EStructuralFeature, Object>> given = new LinkedHashMap<>();

	/** @param vendors the review's vendors */
	public VendorIndex(List<Vendor> vendors) {
		for (Vendor vendor : vendors) {
			byKey.putIfAbsent(vendor.getKey(), vendor);
		}
	}

	/** Starts the lists of what the next file adds and gives; the last file's lists stay as they were. */
	public void startFile() {
		added = new ArrayList<>();
		made = new HashSet<>();
		given = new LinkedHashMap<>();
	}

	/**
	 * Forgets what the file read since {@link #startFile()} made and gave, after its reading failed: the next file
	 * finds the vendors as they were before it.
	 */
	public void forgetFile() {
		for (Vendor vendor : added) {
			byKey.remove(vendor.getKey());
		}
		startFile();
	}

	/** @return the vendors made since {@link #startFile()}, in order */
	public List<Vendor> added() {
		return added;
	}

	/**
	 * @return what the file read since {@link #startFile()} gives vendors it did not make, by vendor and feature,
	 *         in the order given: for its command to set
	 */
	public Map<Vendor, Map<EStructuralFeature, Object>> given() {
		return given;
	}

	/**
	 * Gives a vendor a value: at once to a vendor this file made, else kept for the file's command unless this file
	 * gave that vendor a value for the feature before (the first stays, as on a vendor it made).
	 *
	 * @param vendor  the vendor
	 * @param feature one of its features, a value the vendor has none of
	 * @param value   the value; null changes nothing
	 */
	public void give(Vendor vendor, EStructuralFeature feature, Object value) {
		if (made.contains(vendor)) {
			vendor.eSet(feature, value);
		} else if (value != null) {
			given.computeIfAbsent(vendor, v -> new LinkedHashMap<>()).putIfAbsent(feature, value);
		}
	}

	/**
	 * @param vendor  a vendor
	 * @param feature one of its features
	 * @return whether this file gave the vendor, which it did not make, a value for the feature
	 */
	public boolean gave(Vendor vendor, EStructuralFeature feature) {
		Map<EStructuralFeature, Object> values = given.get(vendor);
		return values != null && values.containsKey(feature);
	}

	/**
	 * The vendor a row names, made when no file or review named it before.
	 *
	 * @param name the vendor's name as read, or null
	 * @param uei  its UEI, or null
	 * @param duns its DUNS number, or null
	 * @return the vendor; a known one without name is given this one ({@link #give})
	 */
	public Vendor vendor(String name, String uei, String duns) {
		// Most rows name a vendor already seen by UEI: normalise the name (NFKC, a builder) only when it is the key
		// or a new vendor needs it.
		String normalized = uei == null && duns == null ? normalizeName(name) : null;
		String key = uei != null ? "uei:" + uei : duns != null ? "duns:" + duns : "name:" + normalized;
		Vendor vendor = byKey.get(key);
		if (vendor == null) {
			if (normalized == null) {
				normalized = normalizeName(name);
			}
			vendor = ReviewFactory.eINSTANCE.createVendor();
			vendor.setKey(key);
			vendor.setName(name);
			vendor.setNormalizedName(normalized);
			vendor.setUei(uei);
			vendor.setDuns(duns);
			byKey.put(key, vendor);
			added.add(vendor);
			made.add(vendor);
		} else if (vendor.getName() == null && name != null && !gave(vendor, NAME)) {
			give(vendor, NAME, name);
			give(vendor, NORMALIZED_NAME, normalized != null ? normalized : normalizeName(name));
		}
		return vendor;
	}

	/**
	 * The name form vendors are keyed and matched by: Unicode-normalised, upper case, punctuation as blanks, blanks
	 * collapsed (files turn commas into double spaces and truncate at 30 characters).
	 *
	 * @param name a vendor name
	 * @return the normalised name, or null
	 */
	public static String normalizeName(String name) {
		if (name == null) {
			return null;
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(folded.length());
		boolean blank = true;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				out.append(c);
				blank = false;
			} else if (!blank) {
				out.append(' ');
				blank = true;
			}
		}
		int end = out.length();
		while (end > 0 && out.charAt(end - 1) == ' ') {
			end--;
		}
		return out.substring(0, end);
	}
}
