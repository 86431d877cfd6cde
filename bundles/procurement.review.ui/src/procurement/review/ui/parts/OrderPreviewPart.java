package procurement.review.ui.parts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.printing.PrintDialog;
import org.eclipse.swt.printing.Printer;
import org.eclipse.swt.printing.PrinterData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import procurement.review.core.orders.OrderRenderer;
import procurement.review.core.orders.review.OrderDocuments;
import procurement.review.model.RemovalOrder;

/**
 * Shows the pages of an order as they are printed: the PDF the order renderer writes, drawn page by page by
 * PDFBox. Print sends the same pages to a printer chosen in the system dialog, so screen, PDF and paper agree.
 */
public class OrderPreviewPart {

	/** Screen resolution of the preview pages. */
	private static final float PREVIEW_DPI = 72f;

	private Composite pages;
	private ScrolledComposite scroller;
	private Label title;
	private final List<Image> images = new ArrayList<>();
	private byte[] pdf;

	@PostConstruct
	void create(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 2).applyTo(parent);
		title = new Label(parent, SWT.NONE);
		title.setText("Open an order from the Orders part to preview it.");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
		Button print = new Button(parent, SWT.PUSH);
		print.setText("Print...");
		print.addListener(SWT.Selection, e -> print());
		scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(scroller);
		pages = new Composite(scroller, SWT.NONE);
		pages.setLayout(new GridLayout(1, false));
		scroller.setContent(pages);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		parent.addDisposeListener(e -> disposeImages());
	}

	/**
	 * Renders an order as PDF and shows its pages. The rendering runs in a Job; the pages appear when it is done.
	 *
	 * @param order the order
	 */
	public void show(RemovalOrder order) {
		String number = order.getNumber();
		title.setText("Rendering order " + number + "...");
		var display = pages.getDisplay();
		Job job = Job.create("Rendering order " + number, monitor -> {
			try (OrderRenderer renderer = new OrderRenderer()) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				renderer.writePdf(OrderDocuments.of(order), bytes);
				List<BufferedImage> rendered = render(bytes.toByteArray(), PREVIEW_DPI);
				display.asyncExec(() -> showPages(number, bytes.toByteArray(), rendered));
				return Status.OK_STATUS;
			} catch (IOException | RuntimeException | LinkageError e) {
				display.asyncExec(() -> title.setText("Order " + number + " could not be rendered: " + e));
				return Status.OK_STATUS;
			}
		});
		job.setUser(true);
		job.schedule();
	}

	private void showPages(String number, byte[] pdfBytes, List<BufferedImage> rendered) {
		if (pages.isDisposed()) {
			return;
		}
		pdf = pdfBytes;
		disposeImages();
		for (var child : pages.getChildren()) {
			child.dispose();
		}
		for (BufferedImage page : rendered) {
			Image image = new Image(pages.getDisplay(), DashboardPart.toSwt(page));
			images.add(image);
			Label label = new Label(pages, SWT.BORDER);
			label.setImage(image);
		}
		title.setText("Order " + number + ": " + images.size() + " pages, as printed");
		Point size = pages.computeSize(SWT.DEFAULT, SWT.DEFAULT);
		scroller.setMinSize(size);
		pages.layout(true);
		title.getParent().layout(true);
	}

	/** @return what the part's title line says (the order and its page count, or why it could not render) */
	public String status() {
		return title.getText();
	}

	/** @return the number of pages shown, for tests */
	public int pageCount() {
		return images.size();
	}

	static List<BufferedImage> render(byte[] pdfBytes, float dpi) throws IOException {
		List<BufferedImage> out = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdfBytes)) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int i = 0; i < document.getNumberOfPages(); i++) {
				out.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
			}
		}
		return out;
	}

	private void print() {
		if (pdf == null) {
			return;
		}
		PrinterData data = new PrintDialog(pages.getShell()).open();
		if (data == null) {
			return;
		}
		Printer printer = new Printer(data);
		try {
			Point dpi = printer.getDPI();
			List<BufferedImage> sheets = render(pdf, dpi.x);
			if (printer.startJob("Removal order")) {
				Rectangle area = printer.getClientArea();
				for (BufferedImage sheet : sheets) {
					printer.startPage();
					GC gc = new GC(printer);
					Image image = new Image(printer, DashboardPart.toSwt(sheet));
					gc.drawImage(image, 0, 0, sheet.getWidth(), sheet.getHeight(), 0, 0,
							Math.min(area.width, sheet.getWidth()), Math.min(area.height, sheet.getHeight()));
					image.dispose();
					gc.dispose();
					printer.endPage();
				}
				printer.endJob();
			}
		} catch (IOException e) {
			title.setText("Printing failed: " + e.getMessage());
		} finally {
			printer.dispose();
		}
	}

	private void disposeImages() {
		images.forEach(Image::dispose);
		images.clear();
	}

	@Focus
	void focus() {
		scroller.setFocus();
	}
}
