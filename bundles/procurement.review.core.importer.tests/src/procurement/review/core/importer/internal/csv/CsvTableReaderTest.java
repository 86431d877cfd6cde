package procurement.review.core.importer.internal.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import procurement.review.core.importer.Collected;
import procurement.review.core.importer.TableFormat;
import procurement.review.model.Severity;

class CsvTableReaderTest {

	@TempDir
	Path dir;

	private Path write(String name, byte[] bytes) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, bytes);
		return file;
	}

	@ParameterizedTest
	@ValueSource(chars = {',', ';', '\t', '|'})
	void detectsDelimiter(char d) throws IOException {
		String text = "piid" + d + "vendor" + d + "amount\nA1" + d + "\"ACME, INC.; LTD|X\"" + d + "12.50\nA2" + d + d
				+ "-3\n";
		Path file = write("d.csv", text.getBytes(StandardCharsets.UTF_8));
		try (CsvTableReader reader = new CsvTableReader(file)) {
			assertEquals(d, reader.delimiter());
		}
		Collected c = Collected.read(file);
		assertEquals(3, c.only().size());
		assertArrayEquals(new String[] {"A1", "ACME, INC.; LTD|X", "12.50"}, c.cells(1));
		assertArrayEquals(new String[] {"A2", null, "-3"}, c.cells(2), "empty field is null");
	}

	@Test
	void utf8BomIsSkipped() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
		out.write("piid,vendor\nA1,SOCIÉTÉ GÉNÉRALE\n".getBytes(StandardCharsets.UTF_8));
		Collected c = Collected.read(write("bom.csv", out.toByteArray()));
		assertEquals("piid", c.cells(0)[0], "no BOM glued to the first header");
		assertEquals("SOCIÉTÉ GÉNÉRALE", c.cells(1)[1]);
		assertTrue(c.problems.isEmpty(), c.problems.toString());
	}

	@ParameterizedTest
	@ValueSource(strings = {"sep=;\r\n", "\"sep=;\"\n", "SEP=;\n"})
	void excelSeparatorLineNamesTheDelimiterAndIsNoRecord(String line) throws IOException {
		Path file = write("sep.csv",
				(line + "piid;vendor;amount\nA1;ACME, INC.;1,5\n").getBytes(StandardCharsets.UTF_8));
		try (CsvTableReader reader = new CsvTableReader(file)) {
			assertEquals(';', reader.delimiter());
		}
		Collected c = Collected.read(file);
		assertEquals(2, c.only().size());
		assertArrayEquals(new String[] {"piid", "vendor", "amount"}, c.cells(0));
		assertEquals(1L, c.only().get(0)[0], "the header is record 1");
		assertArrayEquals(new String[] {"A1", "ACME, INC.", "1,5"}, c.cells(1));
		assertTrue(c.problems.isEmpty(), c.problems.toString());
	}

	@Test
	void windows1252IsRecognised() throws IOException {
		byte[] bytes = "piid;vendor\nA1;SOCIÉTÉ – “QUOTED”\n".getBytes(Charset.forName("windows-1252"));
		Path file = write("cp.csv", bytes);
		try (CsvTableReader reader = new CsvTableReader(file)) {
			assertEquals(Charset.forName("windows-1252"), reader.charset());
		}
		Collected c = Collected.read(file);
		assertEquals("SOCIÉTÉ – “QUOTED”", c.cells(1)[1]);
		assertEquals(Severity.INFO, c.problems.get(0).severity());
		assertTrue(c.problems.get(0).message().contains("Windows-1252"));
	}

	@Test
	void invalidUtf8LaterInTheFileFallsBackPerByte() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write("piid,vendor\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 20000; i++) {
			out.write(("A" + i + ",ÉLAN\n").getBytes(StandardCharsets.UTF_8));
		}
		long offset = out.size() + 6;
		out.write("B1,CAF".getBytes(StandardCharsets.US_ASCII));
		out.write(0xC9); // É in Windows-1252, invalid as UTF-8
		out.write('\n');
		Collected c = Collected.read(write("mixed.csv", out.toByteArray()));
		assertEquals(20002, c.only().size());
		assertEquals("ÉLAN", c.cells(1)[1]);
		assertEquals("CAFÉ", c.cells(20001)[1]);
		assertTrue(c.problems.get(0).message().contains("byte offset " + offset), c.problems.get(0).message());
		assertEquals(Severity.WARNING, c.problems.get(0).severity());
	}

	@Test
	void quotedFieldsMayHoldNewlinesAndQuotes() throws IOException {
		String text = "piid,description,amount\r\nA1,\"LINE ONE\r\nLINE \"\"TWO\"\"\",5\r\nA2,plain,6\r\n";
		Collected c = Collected.read(write("q.csv", text.getBytes(StandardCharsets.UTF_8)));
		assertEquals(3, c.only().size());
		assertEquals("LINE ONE\r\nLINE \"TWO\"", c.cells(1)[1]);
		assertEquals(3L, c.rowNumber("q.csv", 2), "row numbers count records, not lines");
	}

	@Test
	void emptyLinesAreNotReportedButCountAsTheRowsASpreadsheetShows() throws IOException {
		String text = "piid,amount\n\nA1,5\n\n\nA2,6\n";
		Collected bytes = Collected.read(write("e.csv", text.getBytes(StandardCharsets.UTF_8)));
		ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
		utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
		utf16.write(text.getBytes(StandardCharsets.UTF_16LE));
		Collected chars = Collected.read(write("e16.csv", utf16.toByteArray()));
		for (Collected c : List.of(bytes, chars)) {
			assertEquals(3, c.only().size(), "the empty lines are not rows of cells");
			assertEquals(List.of(1L, 3L, 6L), c.only().stream().map(r -> (Long) r[0]).toList());
		}
	}

	@Test
	void utf16FromExcelUnicodeText() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
		out.write("piid\tvendor\r\nA1\tÅSA\r\n".getBytes(StandardCharsets.UTF_16LE));
		Collected c = Collected.read(write("u.txt", out.toByteArray()));
		assertEquals(TableFormat.CSV, c.format);
		assertArrayEquals(new String[] {"A1", "ÅSA"}, c.cells(1));
	}

	@Test
	void handlerCanStop() throws IOException {
		StringBuilder text = new StringBuilder("a,b\n");
		for (int i = 0; i < 1000; i++) {
			text.append(i).append(",x\n");
		}
		Path file = write("stop.csv", text.toString().getBytes(StandardCharsets.UTF_8));
		int[] rows = {0};
		boolean[] ended = {false};
		try (CsvTableReader reader = new CsvTableReader(file)) {
			reader.read(new procurement.review.core.importer.TableHandler() {
				@Override
				public boolean row(long rowNumber, String[] cells) {
					return ++rows[0] < 10;
				}

				@Override
				public void endSheet() {
					ended[0] = true;
				}
			}, null);
		}
		assertEquals(10, rows[0]);
		assertTrue(ended[0]);
	}
}
