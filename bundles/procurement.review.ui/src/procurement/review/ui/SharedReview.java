package procurement.review.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;

import procurement.review.core.ReviewResources;
import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.store.ChangeListener;
import procurement.review.store.ConflictException;
import procurement.review.store.DatabaseAddress;
import procurement.review.store.ReviewStore;
import procurement.review.store.SharedDecision;
import procurement.review.store.SharedSnapshot;
import procurement.review.store.StoreException;
import procurement.review.store.VendorHits;

/**
 * The open review when it is a shared review (File > Open Shared Review, File > Share Review): the workbench shows
 * a copy read from the database ({@link ReviewStore#load}), kept in the application context beside its
 * {@link ReviewSession}. Decisions go to the database, never to the copy's command stack; what other reviewers
 * decide arrives through LISTEN/NOTIFY ({@link ChangeListener}), is read in a Job and applied on the UI thread, and
 * the parts reload through the {@link #CHANGED} event, keeping their selection. A step of an order's status taken by
 * another member is told in the status line (the copy holds no orders).
 * <p>
 * A shared review is only changed in its database: when the connection is lost the review goes offline, says so,
 * and refuses decisions until it is opened again. A decision on a hit that changed since the workbench showed it is
 * refused, and the hit shows who decided it in between.
 */
public final class SharedReview {

	/** The event posted (with the {@link ReviewSession}) after decisions from the database were applied. */
	public static final String CHANGED = "procurement/review/shared/changed";

	/** What a decision refused while offline, and the status line while offline, say. */
	public static final String OFFLINE = "Offline: the connection to the shared review's database was lost;"
			+ " a shared review is only changed in its database, so nothing is decided until it is opened again"
			+ " (File > Open Shared Review)";

	/** The action of the audit entry a step of an order's status writes ({@link ReviewStore#advanceOrder}). */
	private static final String ORDER_STATUS = "order-status";

	private final ReviewStore store;
	private final long id;
	private final ReviewSession session;
	private final String auditProblem;
	/** The newest audit entry whose decisions were read (written by the catch-up Job only). */
	private final AtomicInteger fetched;
	private final Job catchUp;
	private volatile IEclipseContext application;
	private volatile UISynchronize sync;
	private volatile ChangeListener listener;
	private volatile boolean offline;
	private volatile boolean closed;

	private SharedReview(ReviewStore store, long id, SharedSnapshot snapshot) {
		this.store = store;
		this.id = id;
		this.auditProblem = snapshot.auditProblem();
		this.fetched = new AtomicInteger(snapshot.auditSeq());
		this.session = ReviewSession.of(snapshot.review(),
				"shared-review-" + id + "." + ReviewResources.XMI_EXTENSION);
		// One Job, rescheduled: notifications that arrive while it reads are covered by its next run.
		this.catchUp = Job.create("Reading other reviewers' decisions", monitor -> {
			readLater();
			return Status.OK_STATUS;
		});
		catchUp.setSystem(true);
	}

	/**
	 * Opens a shared review: connects, reads it with its audit chain checked. Runs outside the UI thread.
	 *
	 * @param address the database
	 * @param id      the shared review
	 * @return the review, not shown yet ({@link #show})
	 * @throws StoreException when the database cannot be reached or has no such review
	 */
	public static SharedReview open(DatabaseAddress address, long id) throws StoreException {
		ReviewStore store = ReviewStore.open(address);
		try {
			return new SharedReview(store, id, store.load(id));
		} catch (StoreException | RuntimeException e) {
			store.close();
			throw e;
		}
	}

	/**
	 * Makes this the open review of the workbench and starts listening to other reviewers. On the UI thread.
	 *
	 * @param any a context of the workbench
	 * @throws StoreException when the database cannot be reached to listen; the open review then stays
	 */
	public void show(IEclipseContext any) throws StoreException {
		IEclipseContext top = OpenReview.applicationContext(any);
		// Set before listening: the listener's thread uses them from its first notification on.
		application = top;
		sync = top.get(UISynchronize.class);
		listener = store.listen(id, this::heard);
		OpenReview.set(top, session);
		top.set(SharedReview.class, this);
		StatusLine.say(top, auditProblem == null
				? "Shared review " + id + " of " + store.address().url() + ": the audit chain is intact"
				: "Shared review " + id + ": its audit chain is broken: " + auditProblem);
		// Decisions committed between the read and the LISTEN
		catchUp.schedule();
	}

	/** @return the shared review's id */
	public long id() {
		return id;
	}

	/** @return the database's address (never the password) */
	public String address() {
		return store.address().toString();
	}

	/** @return the session that shows it */
	public ReviewSession session() {
		return session;
	}

	/** @return the first broken audit entry found on open, as a sentence, or null when the chain was intact */
	public String auditProblem() {
		return auditProblem;
	}

	/** @return true once the connection was lost: decisions are refused */
	public boolean isOffline() {
		return offline;
	}

	/**
	 * Decides a hit and the other hits of its vendor's identities in the database, as the store does for every
	 * reviewer: refused when one of them changed since the workbench showed it. On the UI thread; the database
	 * work runs in a Job, and the outcome is reported on the UI thread.
	 *
	 * @param match    the hit
	 * @param state    the answer
	 * @param reviewer who answers
	 * @param note     why, may be null
	 * @param report   receives what happened, one sentence, on the UI thread
	 * @return the Job, scheduled; null when refused at once (offline, or a hit without a vendor)
	 */
	public Job decide(Match match, DecisionState state, String reviewer, String note, Consumer<String> report) {
		if (offline || closed) {
			report.accept("Not decided: " + OFFLINE);
			return null;
		}
		if (match.getVendor() == null || match.getVendor().getName() == null) {
			report.accept("Not decided: the hit " + match.getKey() + " names no vendor");
			return null;
		}
		String vendor = match.getVendor().getName();
		// What the reviewer saw: the decision of every hit, to hold the database's to
		Map<String, String> shown = new HashMap<>();
		for (Match m : session.review().getMatches()) {
			shown.put(m.getKey(), version(m.getDecision() == null ? null : m.getDecision().getState().getName(),
					m.getDecision() == null ? null : m.getDecision().getReviewer()));
		}
		Job job = Job.create("Deciding " + vendor, monitor -> {
			String outcome;
			try {
				VendorHits read = store.read(id, vendor);
				VendorHits.Hit changed = read.hits().stream()
						.filter(h -> !Objects.equals(shown.get(h.matchKey()), version(h.state(), h.reviewer())))
						.findFirst().orElse(null);
				if (changed != null) {
					outcome = "Not decided: the hit " + changed.matchKey() + " changed since it was shown"
							+ (changed.reviewer() == null ? "" : ": " + changed.reviewer() + " decided it "
									+ changed.state().toLowerCase(Locale.ROOT).replace('_', ' '))
							+ "; look at it again and decide again";
				} else {
					store.decide(read, state, reviewer, note);
					outcome = "Decided in the shared review: " + vendor + " " + procurement.review.ui.internal.Names
							.of(state).toLowerCase(Locale.ROOT) + " (" + read.hits().size()
							+ (read.hits().size() == 1 ? " hit)" : " hits of its identities)");
				}
			} catch (ConflictException e) {
				outcome = "Not decided: " + e.getMessage();
			} catch (StoreException e) {
				outcome = "Not decided: " + e.getMessage();
				if (e.getMessage().contains("working offline is not possible")) {
					wentOffline();
				}
			}
			String said = outcome;
			catchUp.schedule();
			sync.asyncExec(() -> report.accept(said));
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
		return job;
	}

	private static String version(String state, String reviewer) {
		return state == null ? null : state + " by " + reviewer;
	}

	/** On the listener's thread. */
	private void heard(ChangeListener.Change change) {
		if (ChangeListener.Change.LOST.equals(change.action())) {
			wentOffline();
		} else if (ORDER_STATUS.equals(change.action())) {
			// The copy holds no orders: the step another member took is told in the status line.
			Job tell = Job.create("Reading an order's new status", monitor -> {
				try {
					String detail = store.auditDetail(id, change.entry());
					if (detail != null) {
						sync.asyncExec(() -> {
							if (!closed) {
								StatusLine.say(application, "Order " + detail);
							}
						});
					}
				} catch (StoreException e) {
					wentOffline();
				}
				return Status.OK_STATUS;
			});
			tell.setSystem(true);
			tell.schedule();
		} else {
			catchUp.schedule();
		}
	}

	private void wentOffline() {
		if (offline || closed) {
			return;
		}
		offline = true;
		sync.asyncExec(() -> {
			if (!closed) {
				StatusLine.say(application, OFFLINE);
				changed();
			}
		});
	}

	/** In the catch-up Job. */
	private void readLater() {
		if (closed || offline) {
			return;
		}
		List<SharedDecision> later;
		try {
			later = store.decisionsSince(id, fetched.get());
		} catch (StoreException e) {
			wentOffline();
			return;
		}
		if (later.isEmpty()) {
			return;
		}
		fetched.set(later.get(later.size() - 1).auditSeq());
		sync.asyncExec(() -> {
			if (!closed && !SharedSnapshot.apply(session.review(), later).isEmpty()) {
				changed();
			}
		});
	}

	private void changed() {
		IEventBroker broker = application.get(IEventBroker.class);
		if (broker != null) {
			broker.send(CHANGED, session);
		}
	}

	/** Stops listening and closes the connections; the review stays as last shown. */
	public void close() {
		closed = true;
		catchUp.cancel();
		if (listener != null) {
			listener.close();
		}
		store.close();
	}
}
