package procurement.review.ui.tests;

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

	/** Lets SWT process pending events until the condition holds or the time is up. */
	static void waitUntil(Display display, java.util.function.BooleanSupplier condition, long millis) {
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}

	/**
	 * Saves what the shell shows as a PNG, read back from the screen (the X server of Xvfb in CI).
	 *
	 * @param shell the window
	 * @param file the PNG to write
	 */
	static void screenshot(org.eclipse.swt.widgets.Shell shell, java.nio.file.Path file) {
		Display display = shell.getDisplay();
		waitUntil(display, () -> false, 300);
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
			public Map getArguments() {
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
