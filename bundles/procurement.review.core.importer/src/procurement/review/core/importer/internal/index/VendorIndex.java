package procurement.review.core.importer.internal.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import procurement.review.model.ReviewFactory;
import procurement.review.model.Vendor;

/**
 * The vendors of a review and of the files read into it, by key: UEI, else DUNS, else normalised name, so that the
 * rows of overlapping files and re-imports name one vendor. Vendors a file adds are made detached and listed
 * ({@link #added()}) for the command that adds them to the review.
 */
public final class VendorIndex {

    private final Map<String, Vendor> byKey = new HashMap<>();
    private List<Vendor> added = new ArrayList<>();

    /** @param vendors the review's vendors */
    public VendorIndex(List<Vendor> vendors) {
        for (Vendor vendor : vendors) {
            byKey.putIfAbsent(vendor.getKey(), vendor);
        }
    }

    /** Starts the list of the vendors the next file adds; the last file's list stays as it was. */
    public void startFile() {
        added = new ArrayList<>();
    }

    /** @return the vendors made since {@link #startFile()}, in order */
    public List<Vendor> added() {
        return added;
    }

    /**
     * The vendor a row names, made when no file or review named it before.
     *
     * @param name the vendor's name as read, or null
     * @param uei  its UEI, or null
     * @param duns its DUNS number, or null
     * @return the vendor; a known one without name gets this one
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
        } else if (vendor.getName() == null && name != null) {
            vendor.setName(name);
            vendor.setNormalizedName(normalized != null ? normalized : normalizeName(name));
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
