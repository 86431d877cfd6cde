package procurement.review.core;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EContentAdapter;

import procurement.review.core.ContentDigest.Part;
import procurement.review.model.AuditEntry;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ImportProblem;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.ReviewProject;

/**
 * Keeps a review's {@link ContentDigest content digest} up to date as it changes, so that an audit entry can record
 * it without a pass over a million rows: each element's digest is kept until a notification says the element (or
 * something inside it) changed, each part's until one of its elements did, and a report's rows are hashed once (rows
 * are the file as imported; nothing edits them).
 * <p>
 * Attached to the review as an adapter, so it lives and dies with the review; it listens to everything but the rows
 * of reports and the audit log, which keeps it off the million objects that never change.
 */
public final class ContentTracker extends EContentAdapter {

	private final ReviewProject review;
	private final Map<EObject, byte[]> elements = new IdentityHashMap<>();
	private final Map<ContractingReport, byte[]> rows = new IdentityHashMap<>();
	private final Map<ContractingReport, byte[]> headers = new IdentityHashMap<>();
	private final Map<EReference, byte[]> sets = new IdentityHashMap<>();
	private byte[] own;

	ContentTracker(ReviewProject review, boolean attach) {
		this.review = review;
		if (attach) {
			review.eAdapters().add(this);
		}
	}

	/**
	 * The tracker of a review, attached on first use.
	 *
	 * @param review a review
	 * @return its tracker
	 */
	public static ContentTracker of(ReviewProject review) {
		for (Object adapter : review.eAdapters()) {
			if (adapter instanceof ContentTracker t) {
				return t;
			}
		}
		return new ContentTracker(review, true);
	}

	/** @return the content's parts as they are now */
	public synchronized List<Part> parts() {
		List<Part> parts = new ArrayList<>();
		if (own == null) {
			own = ContentDigest.reviewDigest(review);
		}
		parts.add(new Part("review", own));
		List<ContractingReport> reports = review.getReports();
		for (int i = 0; i < reports.size(); i++) {
			ContractingReport r = reports.get(i);
			parts.add(new Part(ContentDigest.reportPart(i), ContentDigest.reportDigest(header(r), rows(r))));
		}
		for (EReference feature : ContentDigest.SETS) {
			byte[] digest = sets.get(feature);
			if (digest == null) {
				List<?> list = (List<?>) review.eGet(feature);
				byte[][] each = new byte[list.size()][];
				for (int i = 0; i < each.length; i++) {
					each[i] = element((EObject) list.get(i));
				}
				digest = ContentDigest.setDigest(each);
				sets.put(feature, digest);
			}
			parts.add(new Part(ContentDigest.setPart(feature), digest));
		}
		return parts;
	}

	/** @return the text of {@link #parts()}, as an audit entry records it */
	public String partsText() {
		return ContentDigest.text(parts());
	}

	/** @return the digest of a report's header */
	synchronized byte[] header(ContractingReport report) {
		return headers.computeIfAbsent(report, ContentDigest::reportHeader);
	}

	/** @return the digests of a report's rows, 32 bytes each in row order */
	synchronized byte[] rows(ContractingReport report) {
		return rows.computeIfAbsent(report, ContentDigest::rowDigests);
	}

	/** @return the digest of an element of a set */
	synchronized byte[] element(EObject o) {
		return elements.computeIfAbsent(o, ContentDigest::elementDigest);
	}

	/**
	 * The fingerprints saved with a review ({@link ReviewProject#getContentIndex()}): 8 bytes of each row's digest
	 * per report, and of each element's identity and digest per set. Only for saying where content changed.
	 *
	 * @return the index
	 */
	public synchronized byte[] index() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(ContentIndex.MAGIC);
			List<ContractingReport> reports = review.getReports();
			out.writeInt(reports.size() + ContentDigest.SETS.size());
			for (int i = 0; i < reports.size(); i++) {
				byte[] r = rows(reports.get(i));
				out.writeUTF(ContentDigest.reportPart(i));
				out.writeByte(ContentIndex.ROWS);
				out.writeLong(ContentIndex.first8(header(reports.get(i)), 0));
				out.writeInt(r.length / 32);
				for (int k = 0; k < r.length; k += 32) {
					out.writeLong(ContentIndex.first8(r, k));
				}
			}
			for (EReference feature : ContentDigest.SETS) {
				List<?> list = (List<?>) review.eGet(feature);
				out.writeUTF(ContentDigest.setPart(feature));
				out.writeByte(ContentIndex.KEYED);
				out.writeInt(list.size());
				for (Object o : list) {
					EObject e = (EObject) o;
					out.writeLong(ContentIndex.idHash(ContentDigest.identity(e)));
					out.writeLong(ContentIndex.first8(element(e), 0));
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	@Override
	public synchronized void notifyChanged(Notification notification) {
		super.notifyChanged(notification);
		Object notifier = notification.getNotifier();
		if (notifier == review) {
			Object feature = notification.getFeature();
			if (feature == Literals.REVIEW_PROJECT__REPORTS) {
				rows.keySet().retainAll(identities(review.getReports()));
				headers.keySet().retainAll(identities(review.getReports()));
			} else if (feature instanceof EReference r && ContentDigest.SETS.contains(r)) {
				sets.remove(r);
				if (notification.getEventType() == Notification.REMOVE) {
					elements.remove(notification.getOldValue());
				} else if (notification.getEventType() == Notification.REMOVE_MANY) {
					((List<?>) notification.getOldValue()).forEach(elements::remove);
				}
			} else if (feature == Literals.REVIEW_PROJECT__REVIEWER
					|| feature == Literals.REVIEW_PROJECT__CREATED_AT) {
				own = null;
			}
			return;
		}
		if (notifier instanceof EObject o && !notification.isTouch()) {
			changed(o);
		}
	}

	/** An element changed (or something inside it): forget its digest and its part's. */
	private void changed(EObject o) {
		EObject top = o;
		while (top.eContainer() != null && top.eContainer() != review) {
			top = top.eContainer();
		}
		if (top.eContainer() != review) {
			return;
		}
		if (top instanceof ContractingReport r) {
			headers.remove(r);
			if (o == r) {
				rows.remove(r);
			}
			return;
		}
		elements.remove(top);
		sets.remove(top.eContainmentFeature());
	}

	private static java.util.Set<Object> identities(List<?> list) {
		java.util.Set<Object> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		set.addAll(list);
		return set;
	}

	@Override
	protected void setTarget(EObject target) {
		if (target instanceof ContractingReport report) {
			// Not the rows: a million objects that never change.
			basicSetTarget(report);
			for (ImportProblem p : report.getProblems()) {
				addAdapter(p);
			}
			return;
		}
		super.setTarget(target);
	}

	@Override
	protected void unsetTarget(EObject target) {
		if (target instanceof ContractingReport report) {
			basicUnsetTarget(report);
			for (ImportProblem p : report.getProblems()) {
				removeAdapter(p);
			}
			return;
		}
		super.unsetTarget(target);
	}

	@Override
	protected void addAdapter(Notifier notifier) {
		if (!(notifier instanceof ContractAction) && !(notifier instanceof AuditEntry)) {
			super.addAdapter(notifier);
		}
	}

	@Override
	protected void removeAdapter(Notifier notifier, boolean checkContainer, boolean checkResource) {
		if (!(notifier instanceof ContractAction) && !(notifier instanceof AuditEntry)) {
			super.removeAdapter(notifier, checkContainer, checkResource);
		}
	}
}
