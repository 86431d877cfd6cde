package procurement.review.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderBatchTest {

	@Test
	void writesOneFilePerOrderAndFormatPlusIndex(@TempDir Path dir) throws IOException {
		List<OrderDocument> orders = List.of(
				SampleOrders.order("RO-2017-001", 12),
				SampleOrders.order("RO/2017/002", 30),
				SampleOrders.order("ro/2017/002", 3), // same stem, other case: must not overwrite
				SampleOrders.order("../evil", 1));
		OrderBatch.Result result;
		try (OrderRenderer r = new OrderRenderer()) {
			result = OrderBatch.render(orders, dir, EnumSet.of(OrderFormat.PDF, OrderFormat.XLSX), r);
		}
		assertEquals(4, result.orders().size());
		try (Stream<Path> files = Files.list(dir)) {
			List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
			assertEquals(List.of("RO-2017-001.pdf", "RO-2017-001.xlsx", "RO_2017_002.pdf", "RO_2017_002.xlsx",
					"evil.pdf", "evil.xlsx", "orders-index.xlsx", "ro_2017_002-2.pdf", "ro_2017_002-2.xlsx"),
					names);
		}
		for (OrderBatch.RenderedOrder ro : result.orders()) {
			for (Path p : ro.files().values()) {
				assertTrue(p.startsWith(dir));
				assertTrue(Files.size(p) > 1000, p.toString());
			}
			try (InputStream in = Files.newInputStream(ro.files().get(OrderFormat.PDF))) {
				assertEquals("%PDF-", new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII));
			}
		}
		try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(result.index()))) {
			Sheet sh = wb.getSheet("Orders");
			assertEquals(4, sh.getLastRowNum());
			assertEquals("RO/2017/002", sh.getRow(2).getCell(0).getStringCellValue());
			assertEquals("RO_2017_002.pdf", sh.getRow(2).getCell(0).getHyperlink().getAddress());
			assertEquals(12, (int) sh.getRow(1).getCell(9).getNumericCellValue()
					+ (int) sh.getRow(1).getCell(11).getNumericCellValue());
		}
	}

	@Test
	void parallelBatchWritesTheSameFilesAsASequentialOne(@TempDir Path dir) throws IOException {
		List<OrderDocument> orders = List.of(
				SampleOrders.order("RO-P-1", 40), SampleOrders.order("RO-P-2", 0), SampleOrders.order("RO-P-3", 5),
				SampleOrders.order("RO-P-4", 25));
		OrderBatch.Result result = OrderBatch.render(orders, dir, EnumSet.allOf(OrderFormat.class), 2);
		assertEquals(4, result.orders().size());
		for (int i = 0; i < orders.size(); i++) {
			OrderBatch.RenderedOrder ro = result.orders().get(i);
			assertEquals(orders.get(i).orderNumber(), ro.orderNumber());
			assertEquals(3, ro.files().size());
			for (Path p : ro.files().values()) {
				assertTrue(Files.size(p) > 1000, p.toString());
			}
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(13, files.count(), "4 orders x 3 formats + index, no temporary files left");
		}
		try (org.apache.pdfbox.pdmodel.PDDocument doc =
				org.apache.pdfbox.Loader.loadPDF(result.orders().get(1).files().get(OrderFormat.PDF).toFile())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertTrue(text.contains("No affected contract actions were found."));
		}
	}
}
