package procurement.review.core.importer.internal.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * The byte scanner against FastCSV, the character-level parser it replaced for UTF-8 and Windows-1252: on random
 * texts made of the characters that matter (delimiters, quotes, both line ends, blanks, non-ASCII), with buffers from
 * one byte up and a stream that hands out a few bytes at a time, both give the same records.
 */
class CsvScannerTest {

	private static final String ALPHABET = "ab,,\"\"\n\r é€;";

	@Test
	void agreesWithFastCsvOnRandomTexts() throws IOException {
		Random random = new Random(20261128);
		int compared = 0;
		for (int round = 0; round < 40_000; round++) {
			String text = randomText(random, 1 + random.nextInt(40));
			List<List<String>> expected = fastCsv(text);
			if (expected == null || endsInsideQuotes(text)) {
				// FastCSV refuses characters after a closing quote; the scanner keeps them (below). Where an unclosed
				// quote meets the end of the file, a doubled quote right before it is read differently.
				continue;
			}
			int buffer = 1 + random.nextInt(round % 2 == 0 ? 8 : 4096);
			assertEquals(expected, scan(text, buffer, random), () -> "text: " + visible(text) + ", buffer " + buffer);
			compared++;
		}
		assertTrue(compared > 15_000, "enough random texts are compared: " + compared);
	}

	@Test
	void charactersAfterAClosingQuoteAreKeptAndReported() throws IOException {
		CsvScanner scanner = scanner("a,\"b\"c d,e\n\"x\" ,y", 4, new Random(1));
		scanner.next();
		assertEquals(1, scanner.junkAfterQuote());
		assertEquals("bc d", scanner.field(1));
		scanner.next();
		assertEquals(0, scanner.junkAfterQuote());
		assertEquals("x ", scanner.field(0));
	}

	@Test
	void anUnclosedQuoteRunsToTheEnd() throws IOException {
		assertEquals(List.of(List.of("x"), List.of("a\"\nb,c")), scan("x\n\"a\"\"\nb,c", 3, new Random(2)));
	}

	@Test
	void repeatedCellsOfAColumnShareOneString() throws IOException {
		CsvScanner scanner = scanner("ACME,1\nACME,2\n\"ACME\",3\n", 1 << 10, new Random(3));
		List<String> first = new ArrayList<>();
		while (scanner.next()) {
			first.add(scanner.field(0));
		}
		assertEquals(List.of("ACME", "ACME", "ACME"), first);
		assertSame(first.get(0), first.get(1));
		assertSame(first.get(0), first.get(2));
	}

	@Test
	void invalidUtf8BytesAreReadAsWindows1252() throws IOException {
		byte[] bytes = { 'a', ',', 'C', 'A', 'F', (byte) 0xC9, '\n', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, '\n' };
		CsvScanner scanner = new CsvScanner(new ByteArrayInputStream(bytes), ',', true, 3, 2);
		scanner.next();
		assertEquals("CAFÉ", scanner.field(1));
		assertEquals(8, scanner.firstFallbackOffset(), "offset in the file, after a 3-byte BOM");
		scanner.next();
		assertEquals("€", scanner.field(0));
		assertEquals(1, scanner.fallbackBytes());
	}

	@Test
	void aRecordLongerThanTheLimitIsRefused() {
		byte[] bytes = new byte[CsvScanner.MAX_RECORD + 10];
		java.util.Arrays.fill(bytes, (byte) 'x');
		bytes[0] = '"';
		CsvScanner scanner = new CsvScanner(new ByteArrayInputStream(bytes), ',', true, 0, 1 << 16);
		assertThrows(CsvScanner.RecordTooLongException.class, scanner::next);
	}

	/** Whether the text ends inside a quoted field, by RFC 4180. */
	private static boolean endsInsideQuotes(String text) {
		boolean fieldStart = true;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						i++;
					} else {
						quoted = false;
					}
				}
			} else if (fieldStart && c == '"') {
				quoted = true;
				fieldStart = false;
			} else {
				fieldStart = c == ',' || c == '\n' || c == '\r';
			}
		}
		return quoted;
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	/** FastCSV's records with empty fields as null; null when it refuses the text. */
	private static List<List<String>> fastCsv(String text) throws IOException {
		List<List<String>> records = new ArrayList<>();
		try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(',').quoteCharacter('"')
				.skipEmptyLines(true).extraFieldStrategy(FieldMismatchStrategy.IGNORE)
				.missingFieldStrategy(FieldMismatchStrategy.IGNORE).detectBomHeader(false)
				.ofCsvRecord(new StringReader(text))) {
			for (CsvRecord record : csv) {
				List<String> fields = new ArrayList<>();
				for (String field : record.getFields()) {
					fields.add(field.isEmpty() ? null : field);
				}
				records.add(fields);
			}
		} catch (CsvParseException e) {
			return null;
		}
		return records;
	}

	private static List<List<String>> scan(String text, int buffer, Random random) throws IOException {
		CsvScanner scanner = scanner(text, buffer, random);
		List<List<String>> records = new ArrayList<>();
		while (scanner.next()) {
			List<String> fields = new ArrayList<>();
			for (int i = 0; i < scanner.fields(); i++) {
				fields.add(scanner.field(i));
			}
			records.add(fields);
		}
		return records;
	}

	private static CsvScanner scanner(String text, int buffer, Random random) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		InputStream trickle = new ByteArrayInputStream(bytes) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 1 + random.nextInt(5)));
			}
		};
		return new CsvScanner(trickle, ',', true, 0, buffer);
	}

	private static String visible(String text) {
		return text.replace("\r", "\\r").replace("\n", "\\n");
	}

	@Test
	void sameRecordsForEveryBufferSize() throws IOException {
		String text = "k,v\r\n1,\"two\r\nlines\"\r\n\r\n2,\"say \"\"hi\"\"\"\n3,é€\n";
		List<List<String>> reference = scan(text, 1 << 16, new Random(4));
		assertEquals(4, reference.size());
		for (int buffer = 1; buffer < text.length() + 2; buffer++) {
			assertEquals(reference, scan(text, buffer, new Random(buffer)), "buffer " + buffer);
		}
		assertArrayEquals(new Object[] { "2", "say \"hi\"" }, reference.get(2).toArray());
	}
}
