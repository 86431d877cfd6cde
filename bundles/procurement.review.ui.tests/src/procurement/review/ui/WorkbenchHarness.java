package procurement.review.ui;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;

/**
 * Starts the real e4 workbench of the product (the same Application.e4xmi, life cycle and renderers that
 * ./procurement-review starts) on the test's display thread, runs a scenario inside its event loop and closes it.
 * The scenario's failure is rethrown after the workbench is down, so JUnit reports it.
 */
final class WorkbenchHarness {

	private WorkbenchHarness() {
	}

	/** The product's branding, as the product extension in procurement.review.ui's plugin.xml declares it. */
	private static final Map<String, String> BRANDING = Map.of( //
			"applicationXMI", "procurement.review.ui/Application.e4xmi", //
			"lifeCycleURI", "bundleclass://procurement.review.ui/procurement.review.ui.LifeCycle", //
			"applicationCSS", "platform:/plugin/procurement.review.ui/css/default.css", //
			"clearPersistedState", "true", //
			"persistState", "false");

	static void run(String[] args, Consumer<IEclipseContext> scenario) throws Throwable {
		// every run starts as the product starts for a new reviewer: no review left open by an earlier test (the
		// life cycle would reopen it) and no recovery copy (the life cycle would ask about it)
		procurement.review.ui.ReviewPreferences.rememberLastReview(null);
		procurement.review.ui.Autosave.clear();
		runAsIs(args, scenario);
	}

	/**
	 * Like {@link #run}, but with the preferences as they are: the review open when the workbench last closed is
	 * reopened.
	 */
	static void runAsIs(String[] args, Consumer<IEclipseContext> scenario) throws Throwable {
		Display display = Display.getDefault();
		E4Application application = new E4Application();
		E4Workbench workbench = application.createE4Workbench(context(args), display);
		IEclipseContext appContext = workbench.getContext();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.asyncExec(() -> {
			try {
				scenario.accept(appContext);
			} catch (Throwable t) {
				failure.set(t);
			} finally {
				workbench.close();
			}
		});
		workbench.createAndRunUI(appContext.get(MApplication.class).getChildren().get(0));
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	/**
	 * Lets SWT process pending events until the condition holds, and fails with the message when the time is up.
	 *
	 * @param display the display
	 * @param condition what must come true
	 * @param millis how long to wait
	 * @param message what did not happen, for the failure
	 */
	static void await(Display display, java.util.function.BooleanSupplier condition, long millis,
			java.util.function.Supplier<String> message) {
		spin(display, condition, millis);
		if (!condition.getAsBoolean()) {
			throw new AssertionError("after " + millis + " ms: " + message.get());
		}
	}

	/**
	 * Lets SWT process pending events until the condition holds; fails when the time is up, naming the test line
	 * that waited (a wait that times out silently lets the next assertion fail for the wrong reason, or pass).
	 */
	static void waitUntil(Display display, java.util.function.BooleanSupplier condition, long millis) {
		if (!spin(display, condition, millis)) {
			StackTraceElement caller = StackWalker.getInstance().walk(frames -> frames
					.filter(f -> !f.getClassName().equals(WorkbenchHarness.class.getName())).findFirst()
					.map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
			throw new AssertionError("waited " + millis + " ms in vain for the condition at " + caller);
		}
	}

	/** Lets SWT process events for a while: layouts, repaints and the asynchronous work they trigger. */
	static void pump(Display display, long millis) {
		spin(display, () -> false, millis);
	}

	private static boolean spin(Display display, java.util.function.BooleanSupplier condition, long millis) {
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() >= end) {
				return false;
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
		return true;
	}

	/**
	 * Answers a modal dialog the code under test is about to open: a modal dialog runs its own event loop, in which
	 * this polls every 50 ms for a visible shell with the title and hands it to the answer (which reads its widgets
	 * and presses a button). Call {@link Answer#check()} after the code under test has returned.
	 *
	 * @param display the display
	 * @param title   the dialog's shell text
	 * @param millis  how long to wait for it
	 * @param answer  what to do with the shell; it must close the dialog
	 * @return the pending answer
	 */
	static Answer whenShellOpens(Display display, String title, long millis,
			Consumer<org.eclipse.swt.widgets.Shell> answer) {
		Answer pending = new Answer(title, millis);
		long end = System.currentTimeMillis() + millis;
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			for (org.eclipse.swt.widgets.Shell shell : display.getShells()) {
				if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
					pending.answered = true;
					try {
						answer.accept(shell);
					} catch (Throwable t) {
						pending.failure = t;
						shell.close();
					}
					return;
				}
			}
			if (System.currentTimeMillis() < end) {
				display.timerExec(50, poll[0]);
			}
		};
		display.timerExec(50, poll[0]);
		return pending;
	}

	/** A dialog answer scheduled by {@link WorkbenchHarness#whenShellOpens}. */
	static final class Answer {
		private final String title;
		private final long millis;
		volatile boolean answered;
		volatile Throwable failure;

		Answer(String title, long millis) {
			this.title = title;
			this.millis = millis;
		}

		/** Fails when the dialog never opened or the answer failed. */
		void check() {
			if (failure instanceof Error e) {
				throw e;
			}
			if (failure != null) {
				throw new AssertionError(failure);
			}
			if (!answered) {
				throw new AssertionError("no dialog '" + title + "' opened within " + millis + " ms");
			}
		}
	}

	/**
	 * @param root a composite
	 * @param type the widget type
	 * @return every widget of the type below the composite, depth first
	 */
	static <T extends org.eclipse.swt.widgets.Control> java.util.List<T> find(org.eclipse.swt.widgets.Composite root,
			Class<T> type) {
		java.util.List<T> out = new java.util.ArrayList<>();
		for (org.eclipse.swt.widgets.Control child : root.getChildren()) {
			if (type.isInstance(child)) {
				out.add(type.cast(child));
			}
			if (child instanceof org.eclipse.swt.widgets.Composite composite) {
				out.addAll(find(composite, type));
			}
		}
		return out;
	}

	/**
	 * Presses a dialog's button as a click does.
	 *
	 * @param shell the dialog's shell
	 * @param text  the button's text
	 */
	static void press(org.eclipse.swt.widgets.Shell shell, String text) {
		org.eclipse.swt.widgets.Button button = find(shell, org.eclipse.swt.widgets.Button.class).stream()
				.filter(b -> text.equals(b.getText())).findFirst()
				.orElseThrow(() -> new AssertionError("no button '" + text + "' in " + shell.getText()));
		if (!button.isEnabled()) {
			throw new AssertionError("the button '" + text + "' is disabled in " + shell.getText());
		}
		button.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
	}

	/**
	 * Saves what the shell shows as a PNG, read back from the screen (the X server of Xvfb in CI).
	 *
	 * @param shell the window
	 * @param file the PNG to write
	 */
	static void screenshot(org.eclipse.swt.widgets.Shell shell, java.nio.file.Path file) {
		Display display = shell.getDisplay();
		pump(display, 300);
		org.eclipse.swt.graphics.Rectangle bounds = shell.getBounds();
		org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, bounds.width,
				bounds.height);
		org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			java.nio.file.Files.createDirectories(file.getParent());
			loader.save(file.toString(), org.eclipse.swt.SWT.IMAGE_PNG);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	private static IApplicationContext context(String[] args) {
		return new IApplicationContext() {
			@Override
			public Map<String, String[]> getArguments() {
				return Map.of(IApplicationContext.APPLICATION_ARGS, args);
			}

			@Override
			public void applicationRunning() {
			}

			@Override
			public String getBrandingApplication() {
				return "org.eclipse.e4.ui.workbench.swt.E4Application";
			}

			@Override
			public String getBrandingName() {
				return "Procurement Review Workbench";
			}

			@Override
			public String getBrandingDescription() {
				return null;
			}

			@Override
			public String getBrandingId() {
				return "procurement.review.ui.product";
			}

			@Override
			public String getBrandingProperty(String key) {
				return BRANDING.get(key);
			}

			@Override
			public Bundle getBrandingBundle() {
				return null;
			}

			@Override
			public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
			}
		};
	}
}
