package procurement.review.core.orders.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.orders.OrderFormat;
import procurement.review.core.orders.PointOfContact;
import procurement.review.model.OrderStatus;
import procurement.review.model.RemovalOrder;

class OrderExportTest {

	@TempDir
	Path dir;

	private final ReviewFixture fx = new ReviewFixture();

	private static String text(Path pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(doc);
		}
	}

	@Test
	void renderedPdfCarriesNumberDeadlinesAndEveryPiid() throws IOException {
		new OrderGenerator(fx.session)
				.pointOfContact(new PointOfContact("John Doe", "202-555-0100", "john.doe@example.gov"))
				.generate(fx.bod, ReviewFixture.BOD_ISSUED);
		OrderExport.Result r = OrderExport.renderAll(fx.review, fx.bod, dir,
				EnumSet.of(OrderFormat.PDF, OrderFormat.XLSX));
		assertEquals(2, r.orders().size());
		assertTrue(Files.size(r.index()) > 0);

		OrderExport.Exported doj = r.orders().get(0);
		assertEquals("BOD-17-01-1500", doj.order().getNumber());
		assertTrue(Files.size(doj.files().get(OrderFormat.XLSX)) > 0);
		String t = text(doj.files().get(OrderFormat.PDF));
		assertTrue(t.contains("BOD-17-01-1500"), "order number");
		for (String date : List.of("2017-10-13", "2017-11-12", "2017-12-12", "2018-01-11", "2018-02-10",
				"2018-03-12")) {
			assertTrue(t.contains(date), "deadline " + date);
		}
		for (String piid : List.of("DJF-17-0001", "DJD-17-0002", "DJF-17-0003")) {
			assertTrue(t.contains(piid), "PIID " + piid);
		}
		assertTrue(t.contains("Department of Justice"));
		assertTrue(t.contains("John Doe"));
		assertFalse(t.contains("TIR-17-0004"), "another department's action");

		String treasury = text(r.orders().get(1).files().get(OrderFormat.PDF));
		assertTrue(treasury.contains("BOD-17-01-2000"));
		assertTrue(treasury.contains("TIR-17-0004"));
		assertTrue(treasury.contains("TIR-17-0006"), "the unsure action is listed to be confirmed");
		assertFalse(treasury.contains("TIR-17-0005"), "the rejected action is not listed");
	}

	@Test
	void onlyCurrentRevisionsAreRendered() throws IOException {
		OrderGenerator g = new OrderGenerator(fx.session);
		g.generate(fx.bod, ReviewFixture.BOD_ISSUED);
		RemovalOrder doj = OrderGenerator.currentOrders(fx.review, fx.bod).get(0);
		OrderLifecycle.advance(fx.session, doj, OrderStatus.ISSUED, "Jane Roe");
		fx.action("a9", fx.justice, 1, fx.kasperskyVendor, "DJD-18-0009", "", "2018-01-05", "100.00", "AV");
		g.generate(fx.bod, ReviewFixture.BOD_ISSUED);

		OrderExport.Result r = OrderExport.renderAll(fx.review, fx.bod, dir, EnumSet.of(OrderFormat.PDF));
		assertEquals(List.of("BOD-17-01-1500-R1", "BOD-17-01-2000"),
				r.orders().stream().map(e -> e.order().getNumber()).toList());
		Path pdf = r.orders().get(0).files().get(OrderFormat.PDF);
		assertEquals("BOD-17-01-1500-R1.pdf", pdf.getFileName().toString());
		String t = text(pdf);
		assertTrue(t.contains("Revision 1"));
		assertTrue(t.contains("DJD-18-0009"));
	}
}
