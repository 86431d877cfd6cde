package procurement.review.core.importer.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;

/**
 * A ZIP file (an XLSX workbook, or an archive of reports as downloaded) whose entries are inflated under limits, so a
 * crafted file (a "zip bomb") cannot fill memory or disk. Limits are generous for real data: a full 1,048,576-row
 * sheet of 300 columns is a few GB of XML, and sheet XML or CSV text compresses 5 to 30 times; a bomb compresses
 * thousands of times.
 */
public final class GuardedZip implements AutoCloseable {

	public static final long MAX_ENTRY_BYTES = 32L << 30;
	/** Smaller parts (workbook, styles, shared strings) are held in memory, so they get a tighter limit. */
	public static final long MAX_INDEX_PART_BYTES = 2L << 30;
	static final int MAX_RATIO = 250;
	/** Below this, ratio checks are meaningless (tiny parts compress extremely well) and harmless. */
	private static final long RATIO_GRACE_BYTES = 32L << 20;

	private final ZipFile zip;
	private final String fileName;

	public GuardedZip(Path file) throws IOException {
		this.fileName = String.valueOf(file.getFileName());
		try {
			this.zip = new ZipFile(file.toFile());
		} catch (ZipException e) {
			throw new TableFormatException(Reason.MALFORMED,
					fileName + " starts like a ZIP archive (an XLSX workbook or a download of reports) but cannot be"
							+ " opened as one: " + e.getMessage(), e);
		}
	}

	public String fileName() {
		return fileName;
	}

	public ZipEntry entry(String name) {
		return zip.getEntry(name);
	}

	/** @return the entries in the order of the archive's directory */
	public List<? extends ZipEntry> entries() {
		return zip.stream().toList();
	}

	/**
	 * Opens an entry for inflating.
	 *
	 * @param entry the entry
	 * @param limit the most bytes it may inflate to
	 * @return its bytes; reading past the limit, or inflating far more than data compresses, throws a
	 *         {@link TableFormatException} naming the entry
	 * @throws IOException if the archive cannot be read
	 */
	public InputStream open(ZipEntry entry, long limit) throws IOException {
		if (entry.getSize() > limit) {
			throw bomb(entry, "it declares " + entry.getSize() + " bytes");
		}
		return new Guarded(zip.getInputStream(entry), entry, limit);
	}

	/**
	 * An entry's bytes, counted against the limits and checked against the entry's CRC-32 when read to the end:
	 * {@link ZipFile} itself does not check it, and a damaged entry can inflate into other bytes without an error.
	 */
	private final class Guarded extends FilterInputStream {
		private final ZipEntry entry;
		private final long limit;
		private final long compressed;
		private final CRC32 crc = new CRC32();
		private long total;

		Guarded(InputStream in, ZipEntry entry, long limit) {
			super(in);
			this.entry = entry;
			this.limit = limit;
			this.compressed = Math.max(1, entry.getCompressedSize());
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				crc.update(b);
				check(1);
			} else {
				verify();
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = in.read(b, off, len);
			if (n > 0) {
				crc.update(b, off, n);
				check(n);
			} else if (n < 0) {
				verify();
			}
			return n;
		}

		/** Skipped bytes are read all the same, for the checksum. */
		@Override
		public long skip(long n) throws IOException {
			byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, n))];
			long skipped = 0;
			while (skipped < n) {
				int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
				if (read < 0) {
					break;
				}
				skipped += read;
			}
			return skipped;
		}

		private void check(int n) throws TableFormatException {
			total += n;
			if (total > limit) {
				throw bomb(entry, "it inflates beyond " + limit + " bytes");
			}
			if (total > RATIO_GRACE_BYTES && total / compressed > MAX_RATIO) {
				throw bomb(entry, "it inflates more than " + MAX_RATIO + " times");
			}
		}

		private void verify() throws TableFormatException {
			if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()
					|| entry.getSize() != -1 && total != entry.getSize()) {
				throw new TableFormatException(Reason.MALFORMED, fileName + ": " + entry.getName() + " in it is"
						+ " damaged (what it inflates to does not match its checksum)");
			}
		}
	}

	private TableFormatException bomb(ZipEntry entry, String why) {
		return new TableFormatException(Reason.MALFORMED, fileName + " is refused: its part " + entry.getName()
				+ " is suspiciously large (" + why + "), as in a \"zip bomb\".");
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}
}
