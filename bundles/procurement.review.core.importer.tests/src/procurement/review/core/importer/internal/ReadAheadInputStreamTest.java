package procurement.review.core.importer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.zip.ZipException;

import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

	@Test
	void givesTheSameBytes() throws IOException {
		byte[] data = new byte[1_000_003];
		new Random(7).nextBytes(data);
		try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 4096, "test")) {
			assertArrayEquals(data, in.readAllBytes());
			assertEquals(-1, in.read());
		}
	}

	@Test
	void readsByteByByteToo() throws IOException {
		byte[] data = { 1, (byte) 0xFF, 3, 4, 5 };
		try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 2, "test")) {
			for (byte b : data) {
				assertEquals(b & 0xFF, in.read());
			}
			assertEquals(-1, in.read());
		}
	}

	@Test
	void anErrorArrivesAfterTheBytesBeforeIt() throws IOException {
		InputStream failing = new InputStream() {
			private int left = 10_000;

			@Override
			public int read() throws IOException {
				if (left-- == 0) {
					throw new ZipException("invalid stored block lengths");
				}
				return 'x';
			}
		};
		ByteArrayOutputStream got = new ByteArrayOutputStream();
		try (InputStream in = new ReadAheadInputStream(failing, 1000, "test")) {
			ZipException e = assertThrows(ZipException.class, () -> {
				byte[] buffer = new byte[333];
				for (int n; (n = in.read(buffer)) > 0;) {
					got.write(buffer, 0, n);
				}
			});
			assertEquals("invalid stored block lengths", e.getMessage());
		}
		assertEquals(10_000, got.size());
	}

	@Test
	void closingEarlyStopsTheReadingThread() throws Exception {
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 0;
			}
		};
		ReadAheadInputStream in = new ReadAheadInputStream(endless, 64, "test-endless");
		assertEquals(0, in.read());
		in.close();
		for (int i = 0; i < 100 && Thread.getAllStackTraces().keySet().stream()
				.anyMatch(t -> t.getName().equals("test-endless")); i++) {
			Thread.sleep(20);
		}
		assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-endless")),
				"the reading thread has ended");
	}
}
