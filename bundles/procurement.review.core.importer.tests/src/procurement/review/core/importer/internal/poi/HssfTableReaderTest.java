package procurement.review.core.importer.internal.poi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.importer.Collected;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableReaders;
import procurement.review.core.importer.internal.xlsx.XlsxTableReaderTest;

class HssfTableReaderTest {

	@TempDir
	Path dir;

	@Test
	void readsTheSameValuesAsXlsx() throws IOException {
		Path file = dir.resolve("awards.xls");
		try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XlsxTableReaderTest.fill(wb);
			wb.write(out);
		}
		Collected c = Collected.read(file);
		assertEquals(TableFormat.XLS, c.format);
		assertEquals(List.of("Awards", "Second sheet"), List.copyOf(c.sheets.keySet()));
		// HSSF always stores a cached formula result (0 until calculated), unlike XLSX.
		assertArrayEquals(new String[] {"W91QUZ06D0010", "2016-09-08", "-1234.5", "ACME, INC.", "TRUE",
			"2018-10-01T13:09:30", "0"}, c.cells("Awards", 1));
		assertEquals(4L, c.rowNumber("Awards", 2));
		assertArrayEquals(new String[] {"12345678901", null, null, "0.3"}, c.cells("Awards", 2));
		assertArrayEquals(new String[] {null, null, "only C1"}, c.cells("Second sheet", 0));
		assertTrue(c.progress > 0);
	}

	@Test
	void encryptedXlsIsRefused() throws IOException {
		Path file = dir.resolve("secret.xls");
		Biff8EncryptionKey.setCurrentUserPassword("secret");
		try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			wb.createSheet("S").createRow(0).createCell(0).setCellValue("hidden");
			wb.write(out);
		} finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}
		TableFormatException e = assertThrows(TableFormatException.class, () -> Collected.read(file));
		assertEquals(TableFormatException.Reason.PASSWORD_PROTECTED, e.reason());
		assertTrue(e.getMessage().contains("secret.xls is a password-protected Excel workbook"), e.getMessage());
	}

	@Test
	void encryptedXlsxIsRefused() throws Exception {
		Path plain = dir.resolve("plain.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
			wb.createSheet("S").createRow(0).createCell(0).setCellValue("hidden");
			wb.write(out);
		}
		Path file = dir.resolve("secret.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
			Encryptor enc = info.getEncryptor();
			enc.confirmPassword("secret");
			try (OutputStream os = enc.getDataStream(fs)) {
				Files.copy(plain, os);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}
		TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.open(file));
		assertEquals(TableFormatException.Reason.PASSWORD_PROTECTED, e.reason());
		assertTrue(e.getMessage().contains("password-protected"), e.getMessage());
	}
}
