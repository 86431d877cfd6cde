package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procurement.review.core.importer.ReviewImporterTest.actions;
import static procurement.review.core.importer.ReviewImporterTest.importInto;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ReportFormat;

/** Excel 2003 XML spreadsheets, as reporting tools write "Excel" exports. */
class XmlSpreadsheetTest {

	/** What Excel writes, styles first: far more than the format sniffer's look at the head in a real file. */
	private static final String HEAD = """
            <?xml version="1.0"?>
            <?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
             xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"
             xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
             xmlns:html="http://www.w3.org/TR/REC-html40">
             <Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>
              <Style ss:ID="s21"><NumberFormat ss:Format="Short Date"/></Style></Styles>
            """;

	@TempDir
	Path dir;

	private Path write(String name, String body) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, HEAD + body + "</Workbook>\n", StandardCharsets.UTF_8);
		return file;
	}

	@Test
	void cellsRowsAndTypesAsExcelShowsThem() throws IOException {
		Path file = write("Awards.xls", """
                 <Worksheet ss:Name="Contract actions"><Table>
                  <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Awards FY2017</Data></Cell></Row>
                  <Row ss:Index="3"><Cell><Data ss:Type="String">Vendor</Data></Cell><Cell><Data ss:Type="String">PIID\
                </Data></Cell><Cell><Data ss:Type="String">Amount</Data></Cell><Cell><Data ss:Type="String">Signed\
                </Data></Cell><Cell><Data ss:Type="String">Agency</Data></Cell><Cell><Data ss:Type="String">Active\
                </Data></Cell></Row>
                  <Row><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>KASPERSKY</B> LAB\
                </ss:Data><Comment><ss:Data>checked by J.D.</ss:Data></Comment></Cell><Cell><Data ss:Type="String">\
                HSHQ-17-1</Data></Cell><Cell><Data ss:Type="Number">1234.5000000000002</Data></Cell><Cell\
                 ss:StyleID="s21"><Data ss:Type="DateTime">2017-09-13T00:00:00.000</Data></Cell><Cell><Data\
                 ss:Type="String">Department of Homeland Security</Data></Cell><Cell><Data ss:Type="Boolean">1</Data>\
                </Cell></Row>
                  <Row><Cell ss:Index="2"><Data ss:Type="String">HSHQ-17-2</Data></Cell><Cell><Data\
                 ss:Type="Number">-7</Data></Cell><Cell><Data ss:Type="DateTime">2017-09-14T13:30:05.000</Data></Cell>\
                <Cell ss:Index="999999"><Data ss:Type="String">far</Data></Cell></Row>
                 </Table></Worksheet>
                 <Worksheet ss:Name="Notes"><Table><Row><Cell><Data ss:Type="String">Source: FPDS</Data></Cell></Row>\
                </Table></Worksheet>
                """);
		assertEquals(TableFormat.XML_SPREADSHEET, TableReaders.detect(file));
		Collected c = Collected.read(file);
		assertEquals(List.of("Contract actions", "Notes"), List.copyOf(c.sheets.keySet()));
		assertArrayEquals(new String[] { "Awards FY2017" }, c.cells("Contract actions", 0));
		assertEquals(3L, c.rowNumber("Contract actions", 1), "ss:Index skips row 2");
		assertArrayEquals(new String[] { "KASPERSKY LAB", "HSHQ-17-1", "1234.5", "2017-09-13",
				"Department of Homeland Security", "TRUE" }, c.cells("Contract actions", 2),
				"formatted text run together, the comment left out, Excel's 15 digits, a date, a boolean");
		assertArrayEquals(new String[] { null, "HSHQ-17-2", "-7", "2017-09-14T13:30:05", "far" },
				c.cells("Contract actions", 3), "an index past Excel's last column is ignored, the cell kept next");
		assertEquals(5L, c.rowNumber("Contract actions", 3));
		assertTrue(c.problems.stream().anyMatch(p -> p.message().contains("999999")), c.problems.toString());
	}

	@Test
	void anAgencyExportImportsWithItsHeadings() throws IOException {
		Path file = write("export.xml", """
                 <Worksheet ss:Name="Sheet1"><Table>
                  <Row><Cell><Data ss:Type="String">Vendor</Data></Cell><Cell><Data ss:Type="String">PO Number</Data>\
                </Cell><Cell><Data ss:Type="String">Obligated Amount</Data></Cell><Cell><Data ss:Type="String">\
                Award Date</Data></Cell><Cell><Data ss:Type="String">Agency</Data></Cell></Row>
                  <Row><Cell><Data ss:Type="String">ZTE USA INC</Data></Cell><Cell><Data ss:Type="String">PO-9</Data>\
                </Cell><Cell><Data ss:Type="Number">250000</Data></Cell><Cell><Data ss:Type="DateTime">\
                2019-08-13T00:00:00.000</Data></Cell><Cell><Data ss:Type="String">Department of Commerce</Data></Cell>\
                </Row>
                 </Table></Worksheet>
                """);
		ReviewSession session = ReviewSession.create("2003");
		ImportResult result = importInto(session, file);
		assertEquals(1, result.actionCount());
		assertEquals(ReportFormat.XML_SPREADSHEET, result.report().getFormat());
		ContractAction action = actions(session.review()).get(0);
		assertEquals("ZTE USA INC", action.getVendor().getName());
		assertEquals("PO-9", action.getPiid());
		assertEquals(new BigDecimal("250000"), action.getObligation());
		assertEquals(LocalDate.of(2019, 8, 13), action.getActionDate());
		assertEquals("Department of Commerce", action.getDepartment().getName());
		assertEquals("Sheet1", action.getSourceSheet());
		assertEquals(2L, action.getSourceRow());
	}

	@Test
	void aDocumentTypeDeclarationIsRefused() throws IOException {
		Path file = dir.resolve("entities.xls");
		Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE Workbook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table><Row><Cell>"
				+ "<Data ss:Type=\"String\">&x;</Data></Cell></Row></Table></Worksheet></Workbook>");
		ReviewSession session = ReviewSession.create("DTD");
		ImportException e = assertThrows(ImportException.class, () -> importInto(session, file));
		assertTrue(e.getMessage().contains("document type declaration"), e.getMessage());
		assertTrue(session.review().getReports().isEmpty());
	}
}
