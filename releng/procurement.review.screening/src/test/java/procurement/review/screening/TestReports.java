package procurement.review.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import procurement.review.core.importer.ColumnGeneration;
import procurement.review.core.importer.ContractField;
import procurement.review.core.importer.internal.columns.ColumnTable;
import procurement.review.core.importer.internal.columns.ColumnTable.Layout;

/**
 * Generated contracting reports with known covered rows: a CSV of every column generation the importer knows by its
 * header (the current transactions and award summaries downloads, the legacy export), the 2019 download without
 * header row, an FPDS ATOM feed, a ZIP download, and a file that is no report. The headings are the importer's own
 * column table, so the files are what the importer recognises, generation by generation.
 */
final class TestReports {

	/** Vendors no rule covers. */
	private static final List<String> CLEAN = List.of("AZTEC CORPORATION", "ACME OFFICE SUPPLY LLC",
			"BLUE RIVER SYSTEMS INC", "NORTHWIND TRADERS INC", "CONTOSO LTD");
	/** Rows (1-based, counted among the data rows) that hit, and how. */
	private static final int KASPERSKY_NAME = 5;
	private static final int KASPERSKY_DESCRIPTION = 12;
	private static final int HUAWEI_NAME = 20;
	private static final int ROWS = 30;

	/** The file no importer can read. */
	static final String UNREADABLE = "scanned-report.xlsx";

	private TestReports() {
	}

	/**
	 * Writes the reports.
	 *
	 * @param folder where to write them
	 * @return the covered rows per file name (for the ZIP download: per entry), as the importer numbers them
	 * @throws IOException when a file cannot be written
	 */
	static Map<String, Set<Long>> write(Path folder) throws IOException {
		Map<String, Set<Long>> covered = new TreeMap<>();
		Files.createDirectories(folder.resolve("agencies"));
		covered.put("transactions.csv", csv(folder.resolve("transactions.csv"), "CURRENT_TRANSACTIONS", true, "T"));
		covered.put("awards.csv", csv(folder.resolve("agencies/awards.csv"), "CURRENT_AWARDS", true, "A"));
		covered.put("legacy.csv", csv(folder.resolve("agencies/legacy.csv"), "LEGACY", true, "L"));
		covered.put("fy2019-noheader.csv", csv(folder.resolve("fy2019-noheader.csv"), "DOWNLOAD_2019", false, "D"));
		covered.put("feed.xml", fpds(folder.resolve("feed.xml")));
		Path entry = folder.resolve("entry.csv");
		covered.put("Contracts_PrimeTransactions_1.csv", csv(entry, "CURRENT_TRANSACTIONS", true, "Z"));
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(folder.resolve("download.zip")))) {
			zip.putNextEntry(new ZipEntry("Contracts_PrimeTransactions_1.csv"));
			Files.copy(entry, zip);
			zip.closeEntry();
		}
		Files.delete(entry);
		try (OutputStream out = Files.newOutputStream(folder.resolve("agencies").resolve(UNREADABLE))) {
			out.write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n"
					.getBytes(StandardCharsets.ISO_8859_1));
		}
		return covered;
	}

	/** @return the data rows of each generated table */
	static int rows() {
		return ROWS;
	}

	private static Set<Long> csv(Path file, String layoutName, boolean header, String prefix) throws IOException {
		Layout layout = ColumnTable.get().layouts().get(layoutName);
		if (layout == null || header == (layout.generation() == ColumnGeneration.DOWNLOAD_2019)) {
			throw new IllegalArgumentException(layoutName);
		}
		Set<Long> covered = new TreeSet<>();
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			if (header) {
				line(out, layout.normalizedHeaders());
			}
			for (int i = 1; i <= ROWS; i++) {
				List<String> cells = new ArrayList<>();
				for (Set<ContractField> fields : layout.fields()) {
					cells.add(cell(fields, i, prefix));
				}
				line(out, cells);
				if (covered(i)) {
					covered.add((long) (header ? i + 1 : i));
				}
			}
		}
		return covered;
	}

	private static boolean covered(int row) {
		return row == KASPERSKY_NAME || row == KASPERSKY_DESCRIPTION || row == HUAWEI_NAME;
	}

	private static String vendor(int row) {
		return row == KASPERSKY_NAME ? "KASPERSKY LAB INC" : row == HUAWEI_NAME ? "HUAWEI TECHNOLOGIES CO LTD"
				: CLEAN.get(row % CLEAN.size());
	}

	private static String description(int row) {
		return row == KASPERSKY_DESCRIPTION ? "RENEWAL OF KASPERSKY ENDPOINT SECURITY LICENSES"
				: "OFFICE SUPPLIES AND TONER";
	}

	/** The value of a column that holds these fields in row {@code row}; legacy columns hold "CODE: NAME". */
	private static String cell(Set<ContractField> fields, int row, String prefix) {
		if (fields.isEmpty()) {
			return "";
		}
		ContractField field = fields.iterator().next();
		return switch (field) {
		case transactionKey -> prefix + "_TX_" + row;
		case awardKey -> prefix + "_AWARD_" + row;
		case piid -> "47QTCA19D" + prefix + String.format("%04d", row);
		case modification, transactionNumber -> "0";
		case actionDate -> String.format("2019-05-%02d", row % 28 + 1);
		case obligation -> row * 1000 + ".50";
		case description -> description(row);
		case departmentCode -> fields.contains(ContractField.departmentName) ? "9700: DEPT OF DEFENSE" : "9700";
		case departmentName -> "DEPT OF DEFENSE";
		case componentCode -> fields.contains(ContractField.componentName) ? "1700: DEPT OF THE NAVY" : "1700";
		case componentName -> "DEPT OF THE NAVY";
		case vendorName -> vendor(row);
		case vendorDuns -> String.valueOf(100_000_000 + Math.floorMod(vendor(row).hashCode(), 900_000_000));
		default -> "";
		};
	}

	private static Set<Long> fpds(Path file) throws IOException {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>FPDS-NG</title>");
		for (int i = 1; i <= ROWS; i++) {
			xml.append("<entry><content><award xmlns=\"https://www.fpds.gov/FPDS\"><awardID><awardContractID>")
					.append("<agencyID name=\"GSA\">4740</agencyID><PIID>GS11P").append(i).append("</PIID>")
					.append("<modNumber>0</modNumber><transactionNumber>0</transactionNumber></awardContractID>")
					.append("</awardID><relevantContractDates><signedDate>2019-05-02 00:00:00</signedDate>")
					.append("</relevantContractDates><dollarValues><obligatedAmount>").append(i * 100)
					.append(".00</obligatedAmount></dollarValues><contractData><descriptionOfContractRequirement>")
					.append(description(i)).append("</descriptionOfContractRequirement></contractData><vendor>")
					.append("<vendorHeader><vendorName>").append(vendor(i))
					.append("</vendorName></vendorHeader></vendor></award></content></entry>");
		}
		Files.writeString(file, xml.append("</feed>\n"), StandardCharsets.UTF_8);
		// The FPDS reader's header row is row 1; entry n is row n + 1.
		Set<Long> covered = new TreeSet<>();
		for (int i = 1; i <= ROWS; i++) {
			if (covered(i)) {
				covered.add((long) i + 1);
			}
		}
		return covered;
	}

	private static void line(Writer out, List<String> cells) throws IOException {
		out.write(String.join(",", cells));
		out.write("\r\n");
	}
}
