package procurement.review.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.ui.internal.ReviewPart;
import procurement.review.ui.internal.RuleSetFreshness;

/**
 * The status line at the bottom of the window. On the left, a notice about the open review that stays while it
 * holds: a rule set older than the reviewer's preference allows ({@link RuleSetFreshness}). Then the running job (import, matching, rendering) with its task, a
 * progress bar and a Cancel button. It is the job manager's progress provider, so every user job reports here
 * without knowing the UI; system jobs (filtering, figures) stay silent. Updates reach the UI thread at most every
 * 100 ms per job, whatever the job reports.
 */
public class StatusLine extends ReviewPart {

	private static final long UPDATE_NANOS = 100_000_000L;

	/**
	 * The application context key of the message the status line shows after a command (what a matching run or an
	 * import did, what a decision also decided); set through {@link #say}.
	 */
	public static final String MESSAGE = "procurement.review.ui.statusMessage";

	private final List<Monitor> running = new ArrayList<>();
	private Display display;
	private Label task;
	private ProgressBar bar;
	private Button cancel;
	private Label notice;
	private Label message;
	private Runnable stopListening;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		display = parent.getDisplay();
		Composite line = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(5).margins(4, 1).applyTo(line);
		notice = new Label(line, SWT.NONE);
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(notice);
		message = new Label(line, SWT.NONE);
		GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(message);
		task = new Label(line, SWT.NONE);
		GridDataFactory.fillDefaults().hint(420, SWT.DEFAULT).align(SWT.BEGINNING, SWT.CENTER).applyTo(task);
		bar = new ProgressBar(line, SWT.HORIZONTAL | SWT.SMOOTH);
		GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).align(SWT.BEGINNING, SWT.CENTER).applyTo(bar);
		cancel = new Button(line, SWT.PUSH);
		cancel.setText("Cancel");
		cancel.setToolTipText("Cancel the running task; the review stays as it was before it");
		cancel.addListener(SWT.Selection, e -> {
			Monitor current = current();
			if (current != null) {
				current.job.cancel();
			}
		});
		show();
		stopListening = ReviewPreferences.listen(() -> {
			if (!display.isDisposed()) {
				display.asyncExec(this::showNotice);
			}
		});
		follow(notice, initial);
		Job.getJobManager().setProgressProvider(new ProgressProvider() {
			@Override
			public IProgressMonitor createMonitor(Job job) {
				return job.isSystem() ? new NullProgressMonitor() : new Monitor(job);
			}
		});
	}

	@PreDestroy
	void dispose() {
		Job.getJobManager().setProgressProvider(null);
		if (stopListening != null) {
			stopListening.run();
		}
	}

	/**
	 * Shows a message in the status line of every window until the next one or until another review opens.
	 *
	 * @param any a context of the workbench (a handler's, a part's)
	 * @param text the message, or null to clear it
	 */
	public static void say(org.eclipse.e4.core.contexts.IEclipseContext any, String text) {
		OpenReview.applicationContext(any).set(MESSAGE, text);
	}

	@Inject
	void setMessage(@Optional @jakarta.inject.Named(MESSAGE) String text) {
		if (message == null || message.isDisposed()) {
			return;
		}
		message.setText(text == null ? "" : text);
		message.setToolTipText(text);
		message.getParent().layout(true);
		message.getParent().getParent().layout(true);
	}

	/** @return the message after the last command, for tests; empty when there is none */
	public String message() {
		return message.getText();
	}

	@Override
	protected void reload() {
		showNotice();
	}

	/** Shows what the reviewer should know about the open review (a rule set out of date), or nothing. */
	private void showNotice() {
		if (notice.isDisposed()) {
			return;
		}
		String warning = RuleSetFreshness.warning(session == null ? null : session.review(), LocalDate.now());
		notice.setText(warning == null ? "" : warning + ".");
		notice.setToolTipText(warning == null ? null : "File > Import > Rule Set... brings in a newer rule set;"
				+ " Edit > Preferences sets the age that warrants this warning");
		notice.setForeground(warning == null ? null : display.getSystemColor(SWT.COLOR_DARK_RED));
		notice.getParent().layout(true);
	}

	/** @return the notice about the open review the status line shows, for tests; empty when there is none */
	public String notice() {
		return notice.getText();
	}

	private synchronized Monitor current() {
		return running.isEmpty() ? null : running.get(running.size() - 1);
	}

	/** Shows the most recently started running job, or nothing. Runs on the UI thread. */
	private void show() {
		if (task.isDisposed()) {
			return;
		}
		Monitor current = current();
		if (current == null) {
			task.setText("");
			bar.setSelection(0);
			bar.setVisible(false);
			cancel.setVisible(false);
			return;
		}
		String text = current.name == null || current.name.isBlank() ? current.job.getName() : current.name;
		if (current.subTask != null && !current.subTask.isBlank()) {
			text += ": " + current.subTask;
		}
		task.setText(current.isCanceled() ? text + " (cancelling)" : text);
		bar.setVisible(true);
		bar.setMaximum(1000);
		bar.setSelection(current.total <= 0 ? 0 : (int) Math.min(1000, current.worked * 1000 / current.total));
		cancel.setVisible(true);
		cancel.setEnabled(!current.isCanceled());
	}

	/** @return the text the status line shows, for tests */
	public String text() {
		return task.getText();
	}

	/** @return the Cancel button, for tests */
	public Button cancelButton() {
		return cancel;
	}

	/** A user job's monitor: counts its work and asks the UI thread to show it, at most every 100 ms. */
	private final class Monitor extends NullProgressMonitor {
		final Job job;
		volatile String name;
		volatile String subTask;
		volatile double total;
		volatile double worked;
		private final AtomicBoolean posted = new AtomicBoolean();
		private volatile long last;

		Monitor(Job job) {
			this.job = job;
		}

		@Override
		public void beginTask(String taskName, int totalWork) {
			name = taskName;
			total = totalWork == UNKNOWN ? 0 : totalWork;
			worked = 0;
			synchronized (StatusLine.this) {
				running.add(this);
			}
			post(true);
		}

		@Override
		public void setTaskName(String taskName) {
			name = taskName;
			post(false);
		}

		@Override
		public void subTask(String subTaskName) {
			subTask = subTaskName;
			post(false);
		}

		@Override
		public void worked(int work) {
			internalWorked(work);
		}

		@Override
		public void internalWorked(double work) {
			worked += work;
			post(false);
		}

		@Override
		public void setCanceled(boolean cancelled) {
			super.setCanceled(cancelled);
			post(true);
		}

		@Override
		public void done() {
			synchronized (StatusLine.this) {
				running.remove(this);
			}
			post(true);
		}

		private void post(boolean now) {
			long time = System.nanoTime();
			if (!now && time - last < UPDATE_NANOS) {
				return;
			}
			last = time;
			if (posted.compareAndSet(false, true) && !display.isDisposed()) {
				display.asyncExec(() -> {
					posted.set(false);
					show();
				});
			}
		}
	}
}
