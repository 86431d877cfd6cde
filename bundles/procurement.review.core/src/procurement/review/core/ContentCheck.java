package procurement.review.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;

import procurement.review.core.ContentDigest.Part;
import procurement.review.model.AuditEntry;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewProject;

/**
 * Holds a review's content to the digest its newest audit entry recorded, and says what changed and where: "action
 * row 17 of report 1 (awards.csv) changed after entry 12", "vendor KASPERSKY LAB changed after entry 12". An order
 * is held to the content digest of the entry it was made from.
 */
public final class ContentCheck {

	/** How many located changes one part reports before it only counts the rest. */
	private static final int SHOWN = 3;

	private ContentCheck() {
	}

	/**
	 * @param review a review
	 * @return true when the newest audit entry records a content digest (reviews saved before content digests do
	 *         not, until their next change)
	 */
	public static boolean recorded(ReviewProject review) {
		AuditEntry last = last(review);
		return last != null && last.getContentParts() != null && !last.getContentParts().isBlank();
	}

	/**
	 * @param review a review
	 * @return the content digest of the newest audit entry, or null when it records none
	 */
	public static String recordedDigest(ReviewProject review) {
		return recorded(review) ? last(review).getContentDigest() : null;
	}

	/**
	 * What changed in a review's content since its newest audit entry, located as far as the saved fingerprints
	 * allow; and orders whose content digest is not the one of the entry they were made from.
	 *
	 * @param review a review
	 * @return one sentence per change; empty when the content is what the log vouches for (or the log records no
	 *         content yet)
	 */
	public static List<String> problems(ReviewProject review) {
		List<String> out = new ArrayList<>();
		if (!recorded(review)) {
			return out;
		}
		AuditEntry last = last(review);
		int n = review.getAuditLog().size();
		String after = " after entry " + n;
		if (!ContentDigest.digest(last.getContentParts()).equals(last.getContentDigest())) {
			out.add("entry " + n + " records a content digest that does not fit its parts: it was edited outside the"
					+ " workbench");
			return out;
		}
		Map<String, String> recorded = new LinkedHashMap<>();
		for (String line : last.getContentParts().split("\n")) {
			int space = line.lastIndexOf(' ');
			if (space > 0) {
				recorded.put(line.substring(0, space), line.substring(space + 1));
			}
		}
		ContentTracker tracker = ContentTracker.of(review);
		Map<String, ContentIndex.Entry> index = ContentIndex.read(review.getContentIndex());
		List<ContractingReport> reports = review.getReports();
		for (Part part : tracker.parts()) {
			String was = recorded.remove(part.name());
			String now = HexFormat.of().formatHex(part.digest());
			if (now.equals(was)) {
				continue;
			}
			if (part.name().startsWith("report ")) {
				int i = Integer.parseInt(part.name().substring("report ".length())) - 1;
				ContractingReport report = reports.get(i);
				String name = part.name() + " (" + report.getFileName() + ")";
				if (was == null) {
					out.add(name + " was added" + after);
				} else {
					out.addAll(rows(tracker, report, name, index.get(part.name()), after));
				}
			} else if (part.name().equals("review")) {
				out.add("the review's reviewer or creation time changed" + after);
			} else {
				out.addAll(elements(tracker, review, part.name(), index.get(part.name()), after));
			}
		}
		for (String gone : recorded.keySet()) {
			out.add(gone + " was removed" + after);
		}
		out.addAll(orders(review));
		return out;
	}

	private static List<String> rows(ContentTracker tracker, ContractingReport report, String name,
			ContentIndex.Entry saved, String after) {
		List<String> out = new ArrayList<>();
		byte[] rows = tracker.rows(report);
		int count = rows.length / 32;
		if (saved == null || saved.ids() != null) {
			out.add(name + " changed" + after);
			return out;
		}
		if (saved.hashes().length != count) {
			out.add(name + " has " + count + " rows, " + saved.hashes().length + " when it was saved: rows were"
					+ " added or removed" + after);
			return out;
		}
		if (saved.header() != ContentIndex.first8(tracker.header(report), 0)) {
			out.add(name + " changed in its own record (file name, digest, columns or import problems)" + after);
		}
		int changed = 0;
		for (int i = 0; i < count; i++) {
			if (saved.hashes()[i] != ContentIndex.first8(rows, i * 32)) {
				if (changed++ < SHOWN) {
					ContractAction a = report.getActions().get(i);
					// A CSV file's only "sheet" is the file itself.
					String sheet = a.getSourceSheet() == null || a.getSourceSheet().isBlank()
							|| a.getSourceSheet().equals(report.getFileName()) ? "" : " of sheet " + a.getSourceSheet();
					out.add("action row " + a.getSourceRow() + sheet + " of " + name + " changed" + after);
				}
			}
		}
		if (changed > SHOWN) {
			out.add((changed - SHOWN) + " more rows of " + name + " changed" + after);
		}
		if (out.isEmpty()) {
			out.add(name + " changed" + after + unplaced(after));
		}
		return out;
	}

	private static List<String> elements(ContentTracker tracker, ReviewProject review, String part,
			ContentIndex.Entry saved, String after) {
		List<String> out = new ArrayList<>();
		EReference feature = ContentDigest.SETS.stream().filter(f -> ContentDigest.setPart(f).equals(part))
				.findFirst().orElseThrow();
		List<?> list = (List<?>) review.eGet(feature);
		if (saved == null || saved.ids() == null) {
			out.add("the " + part + " changed" + after);
			return out;
		}
		Map<Long, List<Long>> before = new HashMap<>();
		for (int i = 0; i < saved.ids().length; i++) {
			before.computeIfAbsent(saved.ids()[i], k -> new ArrayList<>()).add(saved.hashes()[i]);
		}
		List<String> changed = new ArrayList<>();
		List<String> added = new ArrayList<>();
		for (Object o : list) {
			EObject e = (EObject) o;
			String identity = ContentDigest.identity(e);
			List<Long> was = before.get(ContentIndex.idHash(identity));
			long now = ContentIndex.first8(tracker.element(e), 0);
			if (was == null || was.isEmpty()) {
				added.add(identity);
			} else if (!was.remove(now)) {
				was.remove(0);
				changed.add(identity);
			}
		}
		int removed = before.values().stream().mapToInt(List::size).sum();
		report(out, changed, " changed" + after);
		report(out, added, " was added" + after);
		if (removed > 0) {
			out.add(removed + " of the " + part + " removed" + after);
		}
		if (out.isEmpty()) {
			out.add("the " + part + " changed" + after + unplaced(after));
		}
		return out;
	}

	/**
	 * Said when the fingerprints saved with the file agree with the content: the file was saved like this, so what
	 * is missing is the entry that recorded the change.
	 */
	private static String unplaced(String after) {
		return " (the file's fingerprints agree with its content: the audit entries" + after
				+ " that recorded the change are missing)";
	}

	private static void report(List<String> out, List<String> identities, String what) {
		for (int i = 0; i < Math.min(SHOWN, identities.size()); i++) {
			out.add(identities.get(i) + what);
		}
		if (identities.size() > SHOWN) {
			out.add((identities.size() - SHOWN) + " more" + what);
		}
	}

	/** Orders whose content digest is not the one recorded by the entry they were made from. */
	private static List<String> orders(ReviewProject review) {
		List<String> out = new ArrayList<>();
		Map<String, AuditEntry> byHash = new HashMap<>();
		for (AuditEntry e : review.getAuditLog()) {
			byHash.put(e.getHash(), e);
		}
		for (RemovalOrder order : review.getOrders()) {
			String digest = order.getContentDigest();
			AuditEntry from = byHash.get(order.getReviewStateHash());
			if (digest == null || digest.isBlank() || from == null || from.getContentDigest() == null) {
				continue;
			}
			if (!digest.equals(from.getContentDigest())) {
				out.add("order " + order.getNumber() + " names content " + digest.substring(0, 12)
						+ "..., but the entry it was made from recorded " + from.getContentDigest().substring(0, 12)
						+ "...: its footer was edited outside the workbench");
			}
		}
		return out;
	}

	private static AuditEntry last(ReviewProject review) {
		List<AuditEntry> log = review.getAuditLog();
		return log.isEmpty() ? null : log.get(log.size() - 1);
	}
}
