package procurement.review.core.orders;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import procurement.review.core.orders.internal.office.DocxOrderWriter;
import procurement.review.core.orders.internal.office.XlsxOrderWriter;
import procurement.review.core.orders.internal.pdf.FontLibrary;
import procurement.review.core.orders.internal.pdf.PdfOrderRenderer;

/**
 * Renders orders as PDF memoranda, DOCX memoranda and XLSX lists of affected actions.
 * <p>
 * A renderer parses the bundled fonts on its first PDF and reuses them for every later one, so create one
 * renderer per batch (or per thread), not per order. Instances are not thread-safe; close them when done.
 */
public final class OrderRenderer implements AutoCloseable {

	private FontLibrary fonts;
	private PdfOrderRenderer pdf;
	private final DocxOrderWriter docx = new DocxOrderWriter();
	private final XlsxOrderWriter xlsx = new XlsxOrderWriter();

	/** Creates a renderer; fonts are loaded when the first PDF is written. */
	public OrderRenderer() {
	}

	/**
	 * Writes an order in a format.
	 *
	 * @param order  the order
	 * @param format the format
	 * @param out    where to write; not closed
	 * @throws IOException when writing fails or the bundled fonts cannot be read
	 */
	public void write(OrderDocument order, OrderFormat format, OutputStream out) throws IOException {
		Objects.requireNonNull(order, "order");
		Objects.requireNonNull(out, "out");
		switch (format) {
			case PDF -> writePdf(order, out);
			case DOCX -> writeDocx(order, out);
			case XLSX -> writeXlsx(order, out);
		}
	}

	/**
	 * Writes the order as a PDF memorandum.
	 *
	 * @param order the order
	 * @param out   where to write; not closed
	 * @throws IOException when writing fails or the bundled fonts cannot be read
	 */
	public void writePdf(OrderDocument order, OutputStream out) throws IOException {
		if (pdf == null) {
			fonts = new FontLibrary();
			pdf = new PdfOrderRenderer(fonts);
		}
		pdf.render(order, out);
	}

	/**
	 * Writes the order as an editable DOCX memorandum.
	 *
	 * @param order the order
	 * @param out   where to write; not closed
	 * @throws IOException when writing fails
	 */
	public void writeDocx(OrderDocument order, OutputStream out) throws IOException {
		docx.write(order, out);
	}

	/**
	 * Writes the order's lines as an XLSX workbook.
	 *
	 * @param order the order
	 * @param out   where to write; not closed
	 * @throws IOException when writing fails
	 */
	public void writeXlsx(OrderDocument order, OutputStream out) throws IOException {
		xlsx.write(order, out);
	}

	/**
	 * Releases the parsed fonts.
	 *
	 * @throws IOException never in practice
	 */
	@Override
	public void close() throws IOException {
		if (fonts != null) {
			fonts.close();
			fonts = null;
			pdf = null;
		}
	}
}
