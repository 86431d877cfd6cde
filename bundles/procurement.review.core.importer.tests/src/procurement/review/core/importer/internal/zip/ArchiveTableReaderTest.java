package procurement.review.core.importer.internal.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.internal.zip.ArchiveTableReader.Member;

class ArchiveTableReaderTest {

	private static String fileName(String entry, TableFormat format) {
		return ArchiveTableReader.fileName(new Member(new ZipEntry(entry), format));
	}

	@Test
	void aWorkbookEntryGetsAPlainFileNameOfItsOwn() {
		assertEquals("Report (1).xlsx", fileName("export/2017/Report (1).xlsx", TableFormat.XLSX));
		assertEquals("Contrats_Soci\u00e9t\u00e9.xls", fileName("Contrats\\Soci\u00e9t\u00e9.xls", TableFormat.XLS));
		assertEquals("a_b_c.xlsx", fileName("a:b*c.xlsx", TableFormat.XLSX));
	}

	@Test
	void aNameOfDotsOnlyCannotLeaveTheTemporaryFolder() {
		assertEquals("report.xlsx", fileName("evil/..", TableFormat.XLSX));
		assertEquals("report.xls", fileName(".", TableFormat.XLS));
		assertEquals("report.xlsx", fileName("dir/...", TableFormat.XLSX));
	}
}
