package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reads the unedited public files in data/real end to end: reader, column mapping and value parsing. */
class RealFilesTest {

	private static final Path REAL = Path.of("data/real");

	private static String[] find(Collected c, ColumnMapping m, ContractField field, String value) {
		for (Object[] row : c.only()) {
			String[] cells = (String[]) row[1];
			if (value.equals(m.value(cells, field))) {
				return cells;
			}
		}
		throw new AssertionError("no row with " + field + " = " + value);
	}

	@Test
	void legacyTreasuryExport() throws IOException {
		Path file = REAL.resolve("usaspending_legacy_treasury_contracts_2016.csv");
		Collected c = Collected.read(file);
		assertEquals(TableFormat.CSV, c.format);
		assertEquals(127, c.only().size(), "header + 126 rows");
		assertEquals(Files.size(file), c.progress);
		ColumnMapping m = ColumnMapping.detect(c.cells(0));
		assertEquals(ColumnGeneration.LEGACY, m.generation());
		assertTrue(m.hasHeaderRow());
		assertEquals(1.0, m.confidence(), 1e-9);
		String[] sicpa = find(c, m, ContractField.piid, "TEPZ1613057");
		assertEquals("SICPA SECURINK, CORP.", m.value(sicpa, ContractField.vendorName));
		assertEquals("SICPA HOLDING SA", m.value(sicpa, ContractField.parentName));
		assertEquals("487722621", m.value(sicpa, ContractField.parentDuns));
		Values.CodeName dept = Values.splitCodeName(m.value(sicpa, ContractField.departmentName)).orElseThrow();
		assertEquals(new Values.CodeName("2000", "Department of the Treasury"), dept);
		Values.CodeName component = Values.splitCodeName(m.value(sicpa, ContractField.componentCode)).orElseThrow();
		assertEquals("2041", component.code());
		assertEquals(new BigDecimal("17349.9000"), Values.parseMoney(m.value(sicpa, ContractField.obligation)).get());
		assertEquals(LocalDate.of(2016, 9, 8), Values.parseDate(m.value(sicpa, ContractField.actionDate)).get());
		assertEquals("USA", Values.splitCodeName(m.value(sicpa, ContractField.originCountryCode)).get().code());
		String[] pmx = c.only().stream().map(r -> (String[]) r[1])
				.filter(r -> m.value(r, ContractField.vendorName).startsWith("PMX")).findFirst().orElseThrow();
		assertEquals("POONGSAN CORPORATION", m.value(pmx, ContractField.parentName).toUpperCase());
	}

	@Test
	void download2019Sample() throws IOException {
		Collected c = Collected.read(REAL.resolve("usaspending_contract_prime_transactions_sample_with_header.csv"));
		assertEquals(100, c.only().size(), "header + 99 rows");
		ColumnMapping m = ColumnMapping.detect(c.cells(0));
		assertEquals(ColumnGeneration.DOWNLOAD_2019, m.generation());
		assertEquals(277, m.columnCount());
		assertTrue(m.unknownColumns().isEmpty());
		String[] first = c.cells(1);
		assertEquals("N0017804D4039", m.value(first, ContractField.piid));
		assertEquals("DYNAMICS RESEARCH CORPORATION", m.value(first, ContractField.vendorName));
		assertEquals("DYNAMICS RESEARCH CORPORATION", m.value(first, ContractField.parentName));
		assertEquals("001014182", m.value(first, ContractField.vendorDuns));
		assertEquals("DEPARTMENT OF DEFENSE (DOD)", m.value(first, ContractField.departmentName));
		assertEquals("DEPT OF THE NAVY", m.value(first, ContractField.componentName));
		assertEquals(LocalDate.of(2004, 4, 5), Values.parseDate(m.value(first, ContractField.actionDate)).get());
		assertEquals("W58RGZ04G0023", m.value(c.cells(99), ContractField.piid));
		assertEquals("THE BOEING COMPANY", m.value(c.cells(99), ContractField.parentName));
		assertEquals(-1, m.indexOf(ContractField.vendorUei), "the 2019 download has no UEI");
	}

	@Test
	void headerlessVaFile() throws IOException {
		Collected c = Collected.read(REAL.resolve("usaspending_contract_transactions_va_fy2019_noheader.csv"));
		assertEquals(3, c.only().size());
		ColumnMapping m = ColumnMapping.detect(c.cells(0));
		assertFalse(m.hasHeaderRow());
		assertEquals(ColumnGeneration.DOWNLOAD_2019, m.generation());
		String[] first = c.cells(0);
		assertEquals("VA26216C0018", m.value(first, ContractField.piid));
		assertEquals("P00003", m.value(first, ContractField.modification));
		assertEquals("BLUE SKY ENTERPRISES, INC.", m.value(first, ContractField.vendorName));
		assertEquals("BLUE SKY ENTERPRISES INC", m.value(first, ContractField.parentName));
		assertEquals("1F3V5", m.value(first, ContractField.vendorCage));
		assertEquals("VETERANS AFFAIRS, DEPARTMENT OF", m.value(first, ContractField.componentName));
		assertEquals("DEPARTMENT OF VETERANS AFFAIRS (VA)", m.value(first, ContractField.departmentName));
		assertEquals(new BigDecimal("8693.00"), Values.parseMoney(m.value(first, ContractField.obligation)).get());
		assertEquals(LocalDate.of(2018, 10, 1), Values.parseDate(m.value(first, ContractField.actionDate)).get());
		assertEquals("USA", m.value(first, ContractField.originCountryCode));
		assertEquals("2018-10-01 13:09:30", m.value(first, ContractField.lastModified));
		String[] third = c.cells(2);
		assertEquals("36C24419F0011", m.value(third, ContractField.piid));
		assertEquals("VA24415G0021", m.value(third, ContractField.parentAwardPiid));
		assertEquals("DANAHER CORPORATION", m.value(third, ContractField.parentName));
		assertEquals("334516", m.value(third, ContractField.naicsCode));
	}

	@Test
	void fpdsAtomFeed() throws IOException {
		Collected c = Collected.read(REAL.resolve("fpds_atom_feed_gsa_pbs_fy2014_sample.xml"));
		assertEquals(TableFormat.FPDS_ATOM, c.format);
		assertEquals(11, c.only().size(), "header + 10 entries");
		ColumnMapping m = ColumnMapping.detect(c.cells(0));
		assertEquals(ColumnGeneration.FPDS, m.generation());
		String[] first = c.cells(1);
		assertEquals("1B3G02670", m.value(first, ContractField.piid));
		assertEquals("PA09", m.value(first, ContractField.modification));
		assertEquals("MC ALLEN CITY OF", m.value(first, ContractField.vendorName));
		assertEquals("LNLJPLNR7GF5", m.value(first, ContractField.vendorUei));
		assertEquals("CITY OF MC ALLEN", m.value(first, ContractField.parentName));
		assertEquals("GENERAL SERVICES ADMINISTRATION", m.value(first, ContractField.departmentName));
		assertEquals("4700", m.value(first, ContractField.departmentCode));
		assertEquals("PUBLIC BUILDINGS SERVICE", m.value(first, ContractField.componentName));
		assertEquals("GSA, PBS, ACQ MGT SVC BR", m.value(first, ContractField.officeName));
		assertEquals("S114", m.value(first, ContractField.pscCode));
		assertEquals("UTILITIES- WATER", m.value(first, ContractField.pscDescription));
		assertEquals("USA", m.value(first, ContractField.originCountryCode));
		assertEquals("UNITED STATES", m.value(first, ContractField.vendorCountryName));
		assertEquals(new BigDecimal("8392.90"), Values.parseMoney(m.value(first, ContractField.obligation)).get());
		assertEquals(LocalDate.of(2012, 10, 1), Values.parseDate(m.value(first, ContractField.actionDate)).get());
		List<String> piids = c.only().stream().skip(1).map(r -> m.value((String[]) r[1], ContractField.piid)).toList();
		assertTrue(piids.contains("GS00P95BSD0006") || c.only().stream().skip(1)
				.anyMatch(r -> "GS00P95BSD0006".equals(m.value((String[]) r[1], ContractField.parentAwardPiid))));
	}

	@Test
	void crosswalkWorkbook() throws IOException {
		Collected c = Collected.read(REAL.resolve("usaspending_Data_Dictionary_Crosswalk.xlsx"));
		assertEquals(TableFormat.XLSX, c.format);
		assertEquals(List.of("Title", "DEC Overview", "Change Log", "Public"), List.copyOf(c.sheets.keySet()));
		String[] header = c.cells("Public", 1);
		assertEquals("Element", header[0]);
		assertEquals("FPDS Data Dictionary Element", header[2]);
		boolean piid = c.sheets.get("Public").stream().map(r -> (String[]) r[1])
				.anyMatch(r -> "PIID".equals(r[0]) && "award_id_piid".equals(r[7]) && "piid".equals(r[15]));
		assertTrue(piid, "crosswalk row PIID -> award_id_piid -> piid");
		String[] version2 = c.sheets.get("Change Log").stream().filter(r -> (Long) r[0] == 6L).map(r -> (String[]) r[1])
				.findFirst().orElseThrow();
		assertEquals("2", version2[0], "version 2 is a plain number, not 2.0");
	}
}
