package procurement.review.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

import procurement.review.model.Component;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.CoveredEntity;
import procurement.review.model.Decision;
import procurement.review.model.Department;
import procurement.review.model.Match;
import procurement.review.model.Office;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.ReviewProject;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;
import procurement.review.model.Tag;
import procurement.review.model.Vendor;

/**
 * The canonical digest of a review's content: what the audit log vouches for besides its own entries.
 * <p>
 * The content falls into parts: the review's own attributes, each imported report with its rows (in file order),
 * and the vendors, organisations, rule sets, matches, decisions, tags and orders (each an unordered set). An
 * element's digest is the SHA-256 of its canonical bytes: every stored attribute, its contained objects inline, and
 * each object it refers to by a stable identity ({@link #identity}) rather than by position, so that moving
 * elements around in a file changes nothing and changing any value changes the element. A set's digest is the
 * SHA-256 of its elements' digests in sorted order, a report's that of its header and its rows' digests in row
 * order; the content digest is the SHA-256 of the parts' lines ({@link #text}).
 * <p>
 * What is left out is what the review records of itself and what is not content: the audit log, the review's name
 * (a Save As renames a review named after its file) and the {@link ReviewProject#getContentIndex() index} of
 * fingerprints written at save.
 */
public final class ContentDigest {

	/** The unordered parts, in the order they are listed after the review and its reports. */
	static final List<EReference> SETS = List.of(Literals.REVIEW_PROJECT__VENDORS,
			Literals.REVIEW_PROJECT__DEPARTMENTS, Literals.REVIEW_PROJECT__RULE_SETS,
			Literals.REVIEW_PROJECT__FORMER_RULE_SETS, Literals.REVIEW_PROJECT__MATCHES,
			Literals.REVIEW_PROJECT__DECISIONS, Literals.REVIEW_PROJECT__TAGS, Literals.REVIEW_PROJECT__ORDERS);

	private ContentDigest() {
	}

	/**
	 * One part of the content and its digest.
	 *
	 * @param name   e.g. "review", "report 2", "vendors"
	 * @param digest the part's SHA-256
	 */
	public record Part(String name, byte[] digest) {
		/** @return the part as a line of {@link #text} */
		public String line() {
			return name + " " + HexFormat.of().formatHex(digest);
		}
	}

	/**
	 * Computes every part from scratch (a report's rows in parallel): what {@code info} and opening a review check
	 * against the log. The workbench keeps the same digests up to date incrementally ({@link ContentTracker}).
	 *
	 * @param review a review
	 * @return the parts in canonical order
	 */
	public static List<Part> compute(ReviewProject review) {
		ContentTracker fresh = new ContentTracker(review, false);
		return fresh.parts();
	}

	/**
	 * @param parts the parts
	 * @return the text recorded in an audit entry: one line per part
	 */
	public static String text(List<Part> parts) {
		StringBuilder out = new StringBuilder();
		for (Part p : parts) {
			out.append(p.line()).append('\n');
		}
		return out.toString();
	}

	/**
	 * @param partsText the parts' text
	 * @return the content digest over it, hex
	 */
	public static String digest(String partsText) {
		return HexFormat.of().formatHex(ReviewSession.sha256().digest(partsText.getBytes(StandardCharsets.UTF_8)));
	}

	/** @return the part name of a report at a position (0-based) */
	static String reportPart(int index) {
		return "report " + (index + 1);
	}

	/** @return the part name of a set */
	static String setPart(EReference feature) {
		return switch (feature.getName()) {
		case "departments" -> "organisations";
		case "ruleSets" -> "rule sets";
		case "formerRuleSets" -> "former rule sets";
		default -> feature.getName();
		};
	}

	/** The review's own part: who reviews and since when (its name follows its file and is left out). */
	static byte[] reviewDigest(ReviewProject review) {
		Canon c = new Canon();
		c.text(review.getReviewer());
		c.text(String.valueOf(review.getCreatedAt()));
		return c.digest();
	}

	/** A report's header: everything but its rows. */
	static byte[] reportHeader(ContractingReport report) {
		Canon c = new Canon();
		c.object(report, Literals.CONTRACTING_REPORT__ACTIONS);
		return c.digest();
	}

	/**
	 * The digests of a report's rows, in row order, computed in parallel.
	 *
	 * @param report a report
	 * @return 32 bytes per row
	 */
	static byte[] rowDigests(ContractingReport report) {
		List<ContractAction> actions = report.getActions();
		int n = actions.size();
		byte[] out = new byte[n * 32];
		int chunk = 1 << 14;
		// One canonicaliser per worker at a time, so that each names a vendor or an office once per pass. Not a
		// ThreadLocal: a pool thread would keep its canonicaliser after the pass, and through the objects it named
		// the whole review, long after the review was closed.
		Queue<Canon> canons = new ConcurrentLinkedQueue<>();
		IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(k -> {
			Canon polled = canons.poll();
			Canon c = polled != null ? polled : new Canon();
			int end = Math.min(n, (k + 1) * chunk);
			for (int i = k * chunk; i < end; i++) {
				c.reset();
				c.action(actions.get(i));
				c.digestInto(out, i * 32);
			}
			canons.offer(c);
		});
		return out;
	}

	/** A report's digest: its header and its rows' digests in order. */
	static byte[] reportDigest(byte[] header, byte[] rows) {
		MessageDigest d = ReviewSession.sha256();
		d.update(header);
		d.update(ByteBuffer.allocate(4).putInt(rows.length / 32).array());
		d.update(rows);
		return d.digest();
	}

	/** An element of a set, with everything it contains. */
	static byte[] elementDigest(EObject element) {
		Canon c = new Canon();
		c.object(element, null);
		return c.digest();
	}

	/** A set's digest: its elements' digests, sorted, so that their order in the file does not matter. */
	static byte[] setDigest(byte[][] elements) {
		byte[][] sorted = elements.clone();
		Arrays.sort(sorted, Arrays::compareUnsigned);
		MessageDigest d = ReviewSession.sha256();
		d.update(ByteBuffer.allocate(4).putInt(sorted.length).array());
		for (byte[] e : sorted) {
			d.update(e);
		}
		return d.digest();
	}

	/**
	 * What an element is called, independent of where it sits in the file: how a reference to it is hashed, and how
	 * a change to it is reported.
	 *
	 * @param o an element, or null
	 * @return its identity, e.g. "vendor KASPERSKY LAB", "action report.csv row 17", "order BOD-17-01-015"
	 */
	public static String identity(EObject o) {
		if (o == null) {
			return "-";
		}
		if (o instanceof ContractAction a) {
			ContractingReport r = a.getReport();
			return "action " + (r == null ? "?" : r.getFileName() + " " + r.getSha256()) + " "
					+ (a.getSourceSheet() == null ? "" : a.getSourceSheet() + " ") + "row " + a.getSourceRow();
		}
		if (o instanceof Vendor v) {
			return "vendor " + v.getKey();
		}
		if (o instanceof Department d) {
			return "department " + d.getCode();
		}
		if (o instanceof Component c) {
			return "component " + (c.getDepartment() == null ? "?" : c.getDepartment().getCode()) + "/" + c.getCode();
		}
		if (o instanceof Office f) {
			Component c = f.getComponent();
			return "office " + (c == null || c.getDepartment() == null ? "?" : c.getDepartment().getCode()) + "/"
					+ (c == null ? "?" : c.getCode()) + "/" + f.getCode();
		}
		if (o instanceof RuleSet s) {
			return "rule set " + s.getId() + " " + s.getVersion();
		}
		if (o instanceof Rule r) {
			return "rule " + r.getId() + " of " + identity(r.eContainer());
		}
		if (o instanceof CoveredEntity e) {
			return "entity " + e.getId() + " of " + identity(e.eContainer());
		}
		if (o instanceof Match m) {
			return "match " + m.getKey();
		}
		if (o instanceof Decision d) {
			return "decision on " + d.getMatchKey();
		}
		if (o instanceof RemovalOrder r) {
			return "order " + r.getNumber();
		}
		if (o instanceof Tag t) {
			return "tag " + t.getKind() + " " + t.getValue() + " of " + identity(t.getVendor());
		}
		// Anything else is only referred to from inside its own part: its path there is stable enough.
		return o.eClass().getName() + " " + EcoreUtil.getURI(o).fragment();
	}

	/** Canonical bytes of model objects, length-prefixed so that moving text between fields changes them. */
	static final class Canon {
		private byte[] buffer = new byte[512];
		private int size;
		private final MessageDigest sha = ReviewSession.sha256();

		void reset() {
			size = 0;
		}

		byte[] digest() {
			sha.update(buffer, 0, size);
			return sha.digest();
		}

		void digestInto(byte[] out, int offset) {
			sha.update(buffer, 0, size);
			try {
				sha.digest(out, offset, 32);
			} catch (java.security.DigestException e) {
				throw new IllegalStateException(e);
			}
		}

		void text(String s) {
			if (s == null) {
				integer(-1);
				return;
			}
			// ASCII straight into the buffer (report cells nearly always are); anything else through UTF-8.
			int n = s.length();
			ensure(4 + n);
			byte[] b = buffer;
			int start = size;
			int at = start + 4;
			for (int i = 0; i < n; i++) {
				char c = s.charAt(i);
				if (c >= 0x80) {
					byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
					integer(bytes.length);
					ensure(bytes.length);
					System.arraycopy(bytes, 0, buffer, size, bytes.length);
					size += bytes.length;
					return;
				}
				b[at++] = (byte) c;
			}
			b[start] = (byte) (n >>> 24);
			b[start + 1] = (byte) (n >>> 16);
			b[start + 2] = (byte) (n >>> 8);
			b[start + 3] = (byte) n;
			size = at;
		}

		void number(long v) {
			integer((int) (v >>> 32));
			integer((int) v);
		}

		void date(java.time.LocalDate d) {
			if (d == null) {
				integer(-1);
				return;
			}
			integer(d.getYear());
			integer(d.getDayOfYear());
		}

		/** The identity of a referenced object, built once per object and pass. */
		private final java.util.Map<EObject, String> identities = new java.util.IdentityHashMap<>();

		void reference(EObject o) {
			text(o == null ? null : identities.computeIfAbsent(o, ContentDigest::identity));
		}

		void integer(int v) {
			ensure(4);
			buffer[size++] = (byte) (v >>> 24);
			buffer[size++] = (byte) (v >>> 16);
			buffer[size++] = (byte) (v >>> 8);
			buffer[size++] = (byte) v;
		}

		private void ensure(int more) {
			if (size + more > buffer.length) {
				buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
			}
		}

		/**
		 * A report row, by hand for speed (no text built per row: ASCII goes straight into the buffer, identities
		 * of the vendor and organisations are built once per pass), field by field in the model's order; a test
		 * changes every stored feature of a row in turn and holds the digest to it.
		 */
		void action(ContractAction a) {
			text("ContractAction");
			text(a.getTransactionKey());
			text(a.getAwardKey());
			text(a.getPiid());
			text(a.getModification());
			date(a.getActionDate());
			text(a.getObligation() == null ? null : a.getObligation().toString());
			text(a.getDescription());
			text(a.getPscCode());
			text(a.getPscDescription());
			text(a.getNaicsCode());
			text(a.getNaicsDescription());
			text(a.getOriginCountryCode());
			text(a.getOriginCountryName());
			text(a.getPlaceOfManufactureCode());
			text(a.getPlaceOfManufactureName());
			text(a.getDomesticOrForeignEntityCode());
			reference(a.getVendor());
			reference(a.getDepartment());
			reference(a.getComponent());
			reference(a.getOffice());
			text(a.getSourceSheet());
			number(a.getSourceRow());
			integer(a.getExtraValues().size());
			for (String v : a.getExtraValues()) {
				text(v);
			}
		}

		/** Any object, through its class's stored features; {@code skip} leaves one feature out. */
		void object(EObject o, EStructuralFeature skip) {
			text(o.eClass().getName());
			for (EStructuralFeature f : o.eClass().getEAllStructuralFeatures()) {
				if (f == skip || f.isTransient() || f.isDerived() || f.isVolatile()) {
					continue;
				}
				if (!o.eIsSet(f)) {
					integer(-2);
					continue;
				}
				text(f.getName());
				Object value = o.eGet(f);
				List<?> values = f.isMany() ? (List<?>) value : List.of(value);
				integer(values.size());
				for (Object v : values) {
					if (f instanceof EAttribute a) {
						text(EcoreUtil.convertToString(a.getEAttributeType(), v));
					} else if (((EReference) f).isContainment()) {
						object((EObject) v, null);
					} else {
						text(identity((EObject) v));
					}
				}
			}
		}
	}
}
