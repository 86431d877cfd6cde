package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format comes from the content, never from the extension. */
class FormatDetectionTest {

    @TempDir
    Path dir;

    @Test
    void csvRenamedToXlsIsReadAsCsv() throws IOException {
        Path file = dir.resolve("report.xls");
        Files.copy(Path.of("data/real/usaspending_contract_transactions_va_fy2019_noheader.csv"), file);
        Collected c = Collected.read(file);
        assertEquals(TableFormat.CSV, c.format);
        assertEquals(3, c.only().size());
    }

    @Test
    void htmlRenamedToXlsIsRefused() throws IOException {
        Path file = dir.resolve("Contracts.xls");
        Files.writeString(file, "\n<html><body><table><tr><td>PIID</td></tr></table></body></html>");
        TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.open(file));
        assertEquals(TableFormatException.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("Contracts.xls is an HTML page saved with an .xls extension"),
                e.getMessage());
    }

    @Test
    void pngRenamedToXlsxIsRefused() throws IOException {
        Path file = dir.resolve("chart.xlsx");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D});
        TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.open(file));
        assertTrue(e.getMessage().contains("chart.xlsx is an image (PNG)"), e.getMessage());
    }

    @Test
    void pdfIsRefused() throws IOException {
        Path file = dir.resolve("order.csv");
        Files.writeString(file, "%PDF-1.7\n...");
        TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.detect(file));
        assertTrue(e.getMessage().contains("is a PDF document"), e.getMessage());
    }

    @Test
    void zipThatIsNoWorkbookIsRefused() throws IOException {
        Path file = dir.resolve("archive.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        TableFormatException e = assertThrows(TableFormatException.class, () -> TableReaders.open(file));
        assertTrue(e.getMessage().contains("is a ZIP archive, not an Excel workbook"), e.getMessage());
    }

    @Test
    void xmlWithDtdIsRefused() throws IOException {
        Path file = dir.resolve("feed.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&x;</title></entry></feed>");
        assertEquals(TableFormat.FPDS_ATOM, TableReaders.detect(file));
        try (TableReader reader = TableReaders.open(file)) {
            TableFormatException e = assertThrows(TableFormatException.class, () -> reader.read((n, c) -> true, null));
            assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
        }
    }

    @Test
    void problemToStringNamesTheCell() {
        ImportProblem p = new ImportProblem(Severity.WARNING, "Sheet1", 7, 2, "formula has no cached value");
        assertEquals("WARNING Sheet1!C7: formula has no cached value", p.toString());
        assertEquals("AA", ImportProblem.columnLetters(26));
    }
}
