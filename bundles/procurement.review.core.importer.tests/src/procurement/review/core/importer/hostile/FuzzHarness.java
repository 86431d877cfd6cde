package procurement.review.core.importer.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipOutputStream;

import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.GuardedZip;
import procurement.review.core.importer.internal.csv.CsvTableReader;
import procurement.review.core.importer.internal.fpds.FpdsAtomReader;
import procurement.review.core.importer.internal.html.HtmlTableReader;
import procurement.review.core.importer.internal.xlsx.XlsxTableReader;
import procurement.review.core.importer.internal.xml.SpreadsheetMlReader;
import procurement.review.core.importer.internal.zip.ArchiveTableReader;

/**
 * The fuzzing contract shared by the Jazzer fuzz tests and the plain mutation fuzz test: bytes written as a file
 * and read by one reader either read or fail with an {@link IOException} (a {@code TableFormatException} for
 * content); any other throwable escapes to the caller as the finding. The readers are called directly, not through
 * format detection, so CSV bytes keep reaching the CSV parser however the fuzzer mangles them.
 */
public final class FuzzHarness {

	/** The readers under fuzzing. */
	public enum Target {
		/** {@link CsvTableReader}. */
		CSV(".csv"),
		/** {@link XlsxTableReader}. */
		XLSX(".xlsx"),
		/** {@link FpdsAtomReader}. */
		FPDS(".xml"),
		/** {@link HtmlTableReader}. */
		HTML(".xls"),
		/** {@link ArchiveTableReader}, and through it the readers of the entries. */
		ZIP(".zip"),
		/** {@link SpreadsheetMlReader}. */
		XMLSS(".xls");

		private final String extension;

		Target(String extension) {
			this.extension = extension;
		}

		/** @return the file extension, which the readers ignore but a person looking at findings does not */
		public String extension() {
			return extension;
		}
	}

	/** Counts cells so the work is not optimised away and a handler never returns early. */
	private static final class Counting implements TableHandler {
		long cells;

		@Override
		public boolean row(long rowNumber, String[] row) {
			cells += row.length;
			return true;
		}
	}

	private FuzzHarness() {
	}

	/**
	 * Writes the bytes to the scratch file and reads it completely.
	 *
	 * @param target  the reader
	 * @param data    the file content
	 * @param scratch a file to (over)write
	 * @return null when the file was read, else the message of the {@link IOException} it was refused with
	 */
	public static String read(Target target, byte[] data, Path scratch) {
		try {
			Files.write(scratch, data);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write the fuzzing input", e);
		}
		try (TableReader reader = open(target, scratch)) {
			Counting counting = new Counting();
			reader.read(counting, null);
			if (counting.cells < 0) {
				throw new IllegalStateException("a negative number of cells"); // and the count is used
			}
			return null;
		} catch (IOException expected) {
			return String.valueOf(expected.getMessage());
		}
	}

	private static TableReader open(Target target, Path file) throws IOException {
		return switch (target) {
			case CSV -> new CsvTableReader(file);
			case XLSX -> new XlsxTableReader(file);
			case FPDS -> new FpdsAtomReader(file);
			case HTML -> new HtmlTableReader(file);
			case ZIP -> new ArchiveTableReader(new GuardedZip(file));
			case XMLSS -> new SpreadsheetMlReader(file);
		};
	}

	/**
	 * Small valid and broken files per reader: the seeds the mutation fuzz test starts from, and (written by
	 * {@link SeedCorpus}) the regression inputs of the Jazzer fuzz tests.
	 *
	 * @param target the reader
	 * @return file name to content, in a stable order
	 */
	public static Map<String, byte[]> seeds(Target target) {
		Map<String, byte[]> seeds = new LinkedHashMap<>();
		switch (target) {
			case CSV -> {
				String good = HostileCorpus.csvHeader() + "\r\n" + HostileCorpus.csvRow("K1") + "\r\n"
						+ HostileCorpus.csvRow("K2") + "\r\n";
				seeds.put("valid.csv", bytes(good));
				seeds.put("semicolons-latin1.csv", (HostileCorpus.csvHeader().replace(',', ';') + "\n"
						+ "K1;P1;0;5/1/2019;(1.234,50);SOCI\u00c9T\u00c9 G\u00c9N\u00c9RALE;D\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				seeds.put("quotes-and-line-breaks.csv", bytes(HostileCorpus.csvHeader() + "\n\"K\"\"1\",\"P\n1\","
						+ "0,2019-05-01,\"$1,250.00\",\"ACME, INC\",D\rK2,P2\n"));
				seeds.put("unclosed-quote.csv", bytes(HostileCorpus.csvHeader() + "\nK1,\"P1,0,2019-05-01\n"));
				seeds.put("utf16-tabs.csv", utf16(HostileCorpus.csvHeader().replace(',', '\t') + "\r\nK1\tP1\r\n"));
			}
			case XLSX -> {
				seeds.put("valid.xlsx", HostileCorpus.xlsxBytes(HostileCorpus.sheet(HostileCorpus.headerRow()
						+ HostileCorpus.dataRow(2, "K1") + HostileCorpus.dataRow(3, "K2")), null, null));
				seeds.put("shared-strings-and-dates.xlsx", HostileCorpus.xlsxBytes(HostileCorpus.sheet(
						"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
								+ "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>43586.5</v></c><c r=\"B2\" t=\"b\"><v>1</v>"
								+ "</c><c r=\"C2\" t=\"e\"><v>#N/A</v></c><c r=\"D2\"><f>A2</f></c></row>"),
						"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"2\">"
								+ "<si><t>action_date</t></si><si><r><t>rich</t></r><rPh><t>x</t></rPh></si></sst>",
						HostileCorpus.STYLES));
				byte[] valid = seeds.get("valid.xlsx");
				seeds.put("truncated.xlsx", java.util.Arrays.copyOf(valid, valid.length / 2));
				seeds.put("doctype.xlsx", HostileCorpus.xlsxBytes(HostileCorpus.xmlDecl()
						+ "<!DOCTYPE worksheet [<!ENTITY e \"x\">]>" + HostileCorpus.sheet(""), null, null));
			}
			case FPDS -> {
				seeds.put("valid.xml", bytes(HostileCorpus.xmlDecl() + HostileCorpus.fpdsFeed("ACME")));
				seeds.put("two-entries-namespaced.xml", bytes("<ns0:feed xmlns:ns0=\"http://www.w3.org/2005/Atom\">"
						+ "<ns0:entry><ns1:PIID xmlns:ns1=\"x\">A1</ns1:PIID><vendorLocation><countryCode name=\"U\">"
						+ "USA</countryCode></vendorLocation></ns0:entry><ns0:entry><referencedIDVID><PIID>B</PIID>"
						+ "</referencedIDVID><agencyID name=\" \">1</agencyID></ns0:entry></ns0:feed>"));
				seeds.put("truncated.xml", bytes(HostileCorpus.fpdsFeed("ACME").substring(0, 200)));
				seeds.put("doctype.xml", bytes(HostileCorpus.xmlDecl() + HostileCorpus.billionLaughs("feed")
						+ HostileCorpus.fpdsFeed("&lol3;")));
			}
			case HTML -> {
				seeds.put("excel-export.xls", ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head>"
						+ "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"><style>td"
						+ " {mso-number-format:\"\\@\";}</style></head><body><table><tr><td colspan=2>Report</td>"
						+ "</tr><tr><th>Vendor<th>PIID<th>Amount</tr><tr><td>SOCI\u00c9T\u00c9 &amp; CO<br>PARIS"
						+ "<td>P1<td x:num=\"1.5\">$1.50</tr></table></body></html>")
						.getBytes(StandardCharsets.ISO_8859_1));
				seeds.put("nested-unclosed.xls", bytes("<table><tr><td>a<td><table><tr><td>b</table><tr><td"
						+ " colspan=\"x\">c&#x41;&#65;&bogus;<script>var t = '<table>';</script>"));
				seeds.put("no-table.xls", bytes("<!DOCTYPE html><html><body><p>Session expired</p></body></html>"));
			}
			case XMLSS -> {
				String ns = "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" xmlns:ss=\""
						+ "urn:schemas-microsoft-com:office:spreadsheet\">";
				seeds.put("valid.xls", bytes("<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?>" + ns
						+ "<Worksheet ss:Name=\"A\"><Table><Row><Cell><Data ss:Type=\"String\">PIID</Data></Cell>"
						+ "<Cell ss:MergeAcross=\"1\"><Data ss:Type=\"String\">Vendor</Data></Cell></Row><Row"
						+ " ss:Index=\"3\"><Cell ss:Index=\"2\"><Data ss:Type=\"Number\">1.5E3</Data></Cell><Cell>"
						+ "<Data ss:Type=\"DateTime\">2017-09-13T00:00:00.000</Data><Comment><ss:Data>x</ss:Data>"
						+ "</Comment></Cell></Row></Table></Worksheet></Workbook>"));
				seeds.put("rich-and-truncated.xls", bytes(ns + "<Worksheet><Table><Row><Cell><ss:Data"
						+ " ss:Type=\"String\" xmlns=\"http://www.w3.org/TR/REC-html40\"><B>A</B><I>&amp;B</I>"
						+ "</ss:Data></Cell><Cell ss:Index=\"-1\"><Data ss:Type=\"Boolean\">1</Data></Cell>"
						+ "</Row><Row"));
			}
			case ZIP -> {
				Map<String, byte[]> csv = seeds(Target.CSV);
				seeds.put("download.zip", zip(Map.of("Contracts_1.csv", csv.get("valid.csv"), "Contracts_2.csv",
						csv.get("quotes-and-line-breaks.csv"))));
				seeds.put("mixed.zip", zip(Map.of("export/book.xlsx", seeds(Target.XLSX).get("valid.xlsx"),
						"export/feed.xml", seeds(Target.FPDS).get("valid.xml"), "export/page.xls",
						seeds(Target.HTML).get("excel-export.xls"), "readme.pdf", bytes("%PDF-1.4"))));
			}
		}
		return seeds;
	}

	/** @return a ZIP archive of the entries, in name order */
	private static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String name : new TreeSet<>(entries.keySet())) {
				zip.putNextEntry(HostileCorpus.entry(name)); // dated, so that the seeds are the same bytes
				zip.write(entries.get(name));
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] utf16(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
		byte[] withBom = new byte[body.length + 2];
		withBom[0] = (byte) 0xFF;
		withBom[1] = (byte) 0xFE;
		System.arraycopy(body, 0, withBom, 2, body.length);
		return withBom;
	}
}
