package procurement.review.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import procurement.review.core.orders.internal.Texts;

class PdfOrderTest {

	private static final String NUMBER = "RO-2017-TREAS-0042";
	private static OrderRenderer renderer;
	private static OrderDocument order;
	private static byte[] pdf;

	@BeforeAll
	static void render() throws IOException {
		renderer = new OrderRenderer();
		order = SampleOrders.order(NUMBER, 160);
		pdf = write(order);
	}

	@AfterAll
	static void close() throws IOException {
		renderer.close();
	}

	private static byte[] write(OrderDocument o) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		renderer.writePdf(o, out);
		return out.toByteArray();
	}

	private static List<String> pageTexts(byte[] bytes) throws IOException {
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			List<String> pages = new ArrayList<>();
			PDFTextStripper s = new PDFTextStripper();
			for (int p = 1; p <= doc.getNumberOfPages(); p++) {
				s.setStartPage(p);
				s.setEndPage(p);
				pages.add(s.getText(doc));
			}
			return pages;
		}
	}

	@Test
	void everyPageCarriesOrderNumberAndPageXofY() throws IOException {
		List<String> pages = pageTexts(pdf);
		int n = pages.size();
		assertTrue(n > 3, "expected several pages, got " + n);
		for (int i = 0; i < n; i++) {
			String t = pages.get(i);
			assertTrue(t.contains(NUMBER), "order number missing on page " + (i + 1));
			assertTrue(t.contains("Page " + (i + 1) + " of " + n), "page footer missing on page " + (i + 1));
		}
		assertTrue(pages.get(0).contains("Page 1 of " + n));
	}

	@Test
	void memorandumCarriesDeadlinesPiidsAndSignature() throws IOException {
		String all = String.join("\n", pageTexts(pdf));
		assertTrue(all.contains("U.S. DEPARTMENT OF THE TREASURY"));
		assertTrue(all.contains("MEMORANDUM FOR:"));
		assertTrue(all.contains("SUBJECT:"));
		for (String date : new String[] {"2017-10-13", "2017-11-12", "2017-12-12", "2018-01-11"}) {
			assertTrue(all.contains(date), date);
		}
		for (OrderLine l : order.lines()) {
			assertTrue(all.contains(l.piid()), l.piid());
		}
		assertTrue(all.contains("John A. Reviewer"));
		assertTrue(all.contains("n. Costs"));
		assertTrue(all.contains(Texts.money(order.totals().total())), "grand total");
	}

	@Test
	void cyrillicAndChineseVendorNamesSurviveIntoTheText() throws IOException {
		String all = String.join("\n", pageTexts(pdf));
		assertTrue(all.contains(SampleOrders.CYRILLIC_VENDOR), "Cyrillic vendor");
		assertTrue(all.contains(SampleOrders.CHINESE_VENDOR), "Chinese vendor");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			// Every font is embedded as a subset: the file does not depend on the reader's fonts.
			for (var name : doc.getPage(2).getResources().getFontNames()) {
				PDFont f = doc.getPage(2).getResources().getFont(name);
				assertTrue(f.isEmbedded(), f.getName());
				assertTrue(f.getName().matches("[A-Z]{6}\\+.*"), "subset prefix: " + f.getName());
			}
		}
	}

	@Test
	void longTableSplitsAcrossPagesWithRepeatedHeader() throws IOException {
		List<String> pages = pageTexts(pdf);
		int tablePages = 0;
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			for (int i = 0; i < pages.size(); i++) {
				var box = doc.getPage(i).getMediaBox();
				// The action tables are attachments on landscape pages.
				if (box.getWidth() > box.getHeight()) {
					tablePages++;
					String t = pages.get(i);
					assertTrue(t.contains("PIID / Mod."), "header row missing on page " + (i + 1));
					assertTrue(t.contains("Description"), "header row missing on page " + (i + 1));
					assertTrue(t.contains("TIRNO17K") || t.contains("Total"), "no rows on page " + (i + 1));
				}
			}
		}
		assertTrue(tablePages >= 3, "the table should span pages: " + tablePages);
		assertTrue(pages.stream().anyMatch(t -> t.contains("Attachment 1 (continued): Affected contract actions")));
	}

	@Test
	void textIsDrawnAsTextAndOverlongCellsDoNotBreakLayout() throws IOException {
		List<OrderLine> lines = new ArrayList<>();
		lines.add(new OrderLine("Component", "PIID-WITHOUT-ANY-BREAK-" + "X".repeat(120), "0",
				SampleOrders.ISSUED, "=CMD()\tvn\u0000", "<b>bold</b>", "%PDF ) Tj (x",
				BigDecimal.ONE, "word ".repeat(1200), "f.csv", 7, LineStatus.CONFIRMED));
		byte[] bytes = write(SampleOrders.order("RO-ODD", lines));
		String all = String.join("\n", pageTexts(bytes));
		assertTrue(all.contains("<b>bold</b>"));
		assertTrue(all.contains("%PDF ) Tj (x"));
		assertTrue(all.contains("=CMD() vn"));
		// A row taller than a page was split over pages instead of being cut.
		long words = all.split("word", -1).length - 1L;
		assertEquals(1200, words);
	}

	@Test
	void samplePagesRenderToPng() throws IOException {
		Path dir = Path.of("target");
		Files.createDirectories(dir);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDFRenderer r = new PDFRenderer(doc);
			int[] pages = {0, 1, doc.getNumberOfPages() - 2, doc.getNumberOfPages() - 1};
			for (int p : pages) {
				BufferedImage img = r.renderImageWithDPI(p, 100);
				Path png = dir.resolve("order-page-" + (p + 1) + ".png");
				ImageIO.write(img, "png", png.toFile());
				assertTrue(Files.size(png) > 10_000, png.toString());
				assertTrue(hasInk(img), "page " + (p + 1) + " is blank");
			}
		}
		Files.write(dir.resolve("sample-order.pdf"), pdf);
	}

	private static boolean hasInk(BufferedImage img) {
		int dark = 0;
		for (int y = 0; y < img.getHeight(); y += 3) {
			for (int x = 0; x < img.getWidth(); x += 3) {
				if ((img.getRGB(x, y) & 0xff) < 128) {
					dark++;
				}
			}
		}
		return dark > 100;
	}
}
