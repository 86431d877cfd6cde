package procurement.review.core.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes a streaming reader (CSV, HTML, FPDS ATOM) reads: a file, or an entry of a downloaded ZIP archive.
 *
 * @param name   what messages call it: the file's name, or the entry's name in its archive
 * @param size   its length in bytes, the unit of the reader's progress
 * @param opener opens it from the start, as often as asked
 */
public record Source(String name, long size, Opener opener) {

	/** Opens the bytes of a source. */
	@FunctionalInterface
	public interface Opener {
		InputStream open() throws IOException;
	}

	/**
	 * @param file a file
	 * @return the file as a source, named by its file name
	 * @throws IOException if its size cannot be read
	 */
	public static Source of(Path file) throws IOException {
		return new Source(String.valueOf(file.getFileName()), Files.size(file), () -> Files.newInputStream(file));
	}

	/** @return its bytes from the start; close them after use */
	public InputStream open() throws IOException {
		return opener.open();
	}

	/**
	 * @param max the most bytes wanted
	 * @return its first bytes, at most {@code max}
	 * @throws IOException if it cannot be read
	 */
	public byte[] head(int max) throws IOException {
		try (InputStream in = open()) {
			return in.readNBytes(max);
		}
	}
}
