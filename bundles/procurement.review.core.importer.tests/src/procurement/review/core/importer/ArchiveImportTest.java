package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procurement.review.core.importer.ReviewImporterTest.DOWNLOAD_2019;
import static procurement.review.core.importer.ReviewImporterTest.FPDS;
import static procurement.review.core.importer.ReviewImporterTest.LEGACY;
import static procurement.review.core.importer.ReviewImporterTest.actions;
import static procurement.review.core.importer.ReviewImporterTest.importInto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ImportProblem;
import procurement.review.model.ReportFormat;

/** Downloads that come as ZIP archives of reports (USAspending's own, and agency systems'). */
class ArchiveImportTest {

	@TempDir
	Path dir;

	private Path zip(String name, Map<String, byte[]> entries) throws IOException {
		Path file = dir.resolve(name);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return file;
	}

	@Test
	void eachReportOfADownloadIsASheetOfOneReport() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("Contracts_PrimeTransactions_2024-01-01_H10M00S00_1.csv", Files.readAllBytes(DOWNLOAD_2019));
		entries.put("Contracts_PrimeTransactions_2024-01-01_H10M00S00_2.csv", Files.readAllBytes(LEGACY));
		entries.put("__MACOSX/._Contracts_PrimeTransactions_2024-01-01_H10M00S00_1.csv", new byte[] { 0, 5, 22, 7 });
		entries.put("Data Dictionary.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII));
		Path file = zip("PrimeAwardSummariesAndSubawards_2024.zip", entries);

		ReviewSession session = ReviewSession.create("Download");
		ImportResult result = importInto(session, file);

		assertEquals(99 + 126, result.actionCount(), "every row of both reports");
		ContractingReport report = result.report();
		assertEquals(ReportFormat.CSV, report.getFormat());
		assertEquals(64, report.getSha256().length());
		List<String> sheets = actions(session.review()).stream().map(ContractAction::getSourceSheet).distinct()
				.toList();
		assertEquals(List.of("Contracts_PrimeTransactions_2024-01-01_H10M00S00_1.csv",
				"Contracts_PrimeTransactions_2024-01-01_H10M00S00_2.csv"), sheets);
		ContractAction pmx = actions(session.review()).stream().filter(a -> "0058".equals(a.getPiid())
				&& a.getVendor() != null && a.getVendor().getName().startsWith("PMX")).findFirst().orElseThrow();
		assertEquals("UNITED STATES MINT", pmx.getComponent().getName(), "the legacy CODE: NAME cells are split");

		List<ImportProblem> notes = report.getProblems().stream()
				.filter(p -> p.getMessage().startsWith("Archive entry skipped")).toList();
		assertEquals(1, notes.size(), "the PDF is noted, the macOS metadata is not: " + notes);
		assertEquals("Data Dictionary.pdf", notes.get(0).getSheet());
		assertTrue(notes.get(0).getMessage().contains("is a PDF document"), notes.get(0).getMessage());

		assertEquals(0, importInto(session, file).actionCount(), "the same download again adds nothing");
	}

	@Test
	void workbooksAndFeedsInsideAnArchiveAreRead() throws IOException {
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = xlsx) {
			Sheet sheet = wb.createSheet("Purchases");
			String[][] rows = { { "Vendor", "PO Number", "Amount", "Award Date", "Agency" },
					{ "KASPERSKY LAB INC", "70CMSD17P0001", "1200.50", "2017-08-01", "Department of Homeland Security" },
					{ "ACME SUPPLY", "70CMSD17P0002", "99", "2017-08-02", "Department of Homeland Security" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			wb.write(out);
		}
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("export/purchases.xlsx", xlsx.toByteArray());
		entries.put("export/feed.xml", Files.readAllBytes(FPDS));
		entries.put("export/nested.zip", Files.readAllBytes(zip("inner.zip", Map.of("a.csv", new byte[] { 'a' }))));
		Path file = zip("agency-export.zip", entries);

		for (Path archive : List.of(file, zip("workbook.zip", Map.of("purchases.xlsx", xlsx.toByteArray())))) {
			long[] done = { 0 };
			long total;
			try (TableReader reader = TableReaders.open(archive)) {
				total = reader.totalWork();
				reader.read((rowNumber, cells) -> true, bytes -> done[0] += bytes);
			}
			assertEquals(total, done[0], total / 100.0, "progress adds up to the work announced: " + archive);
		}

		ReviewSession session = ReviewSession.create("Agency");
		ImportResult result = importInto(session, file);

		assertEquals(2 + 10, result.actionCount());
		assertEquals(ReportFormat.XLSX, result.report().getFormat(), "the format of the first report inside");
		List<ContractAction> actions = actions(session.review());
		assertEquals("export/purchases.xlsx: Purchases", actions.get(0).getSourceSheet());
		assertEquals("KASPERSKY LAB INC", actions.get(0).getVendor().getName());
		assertEquals("export/feed.xml", actions.get(2).getSourceSheet());
		assertTrue(result.report().getProblems().stream().anyMatch(p -> "export/nested.zip".equals(p.getSheet())
				&& p.getMessage().contains("an archive inside the archive")), "nested archives are noted");
	}

	@Test
	void anArchiveWithoutATableIsRefusedSayingWhatItHolds() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("order.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
		entries.put("photo.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
		Path file = zip("scans.zip", entries);
		ReviewSession session = ReviewSession.create("Scans");
		ImportException e = assertThrows(ImportException.class, () -> importInto(session, file));
		assertTrue(e.getMessage().startsWith("scans.zip is a ZIP archive without a table in it"), e.getMessage());
		assertTrue(e.getMessage().contains("order.pdf") && e.getMessage().contains("photo.png"), e.getMessage());
		assertTrue(session.review().getReports().isEmpty());
	}

	@Test
	void aDamagedEntryIsNamedAndTheReviewKeepsWhatItHad() throws IOException {
		// Stored, not compressed: a changed byte reads as another byte without any error but the checksum's.
		byte[] csv = Files.readAllBytes(DOWNLOAD_2019);
		CRC32 crc = new CRC32();
		crc.update(csv);
		ZipEntry entry = new ZipEntry("Contracts_1.csv");
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(csv.length);
		entry.setCrc(crc.getValue());
		Path file = dir.resolve("damaged.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(entry);
			zip.write(csv);
		}
		byte[] bytes = Files.readAllBytes(file);
		int middle = bytes.length / 2; // inside the report, past what the format sniffer reads
		bytes[middle] = (byte) (bytes[middle] == 'A' ? 'B' : 'A');
		Files.write(file, bytes);
		ReviewSession session = ReviewSession.create("Damaged");
		ImportException e = assertThrows(ImportException.class, () -> importInto(session, file));
		assertTrue(e.getMessage().startsWith("damaged.zip: Contracts_1.csv in it is damaged")
				&& e.getMessage().contains("checksum"), e.getMessage());
		assertTrue(session.review().getReports().isEmpty());
	}

	@Test
	void stoppingInOneReportStopsTheArchive() throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("a.csv", Files.readAllBytes(LEGACY));
		entries.put("b.csv", Files.readAllBytes(DOWNLOAD_2019));
		Path file = zip("two.zip", entries);
		List<String> sheets = new ArrayList<>();
		try (TableReader reader = TableReaders.open(file)) {
			assertEquals(TableFormat.CSV, reader.format());
			reader.read(new TableHandler() {
				@Override
				public void startSheet(String sheetName) {
					sheets.add(sheetName);
				}

				@Override
				public boolean row(long rowNumber, String[] cells) {
					return rowNumber < 3;
				}
			}, null);
		}
		assertEquals(1, sheets.size(), "no entry is read after a stop: " + sheets);
	}
}
