package procurement.review.core.importer;

import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * A file opened for streaming its rows, obtained from {@link TableReaders#open(java.nio.file.Path)}. Memory use
 * does not grow with the number of rows (only with the number of distinct strings of a workbook). Not thread-safe;
 * {@link #read(TableHandler, LongConsumer)} may be called once.
 */
public interface TableReader extends AutoCloseable {

	/**
	 * Tells the format recognised from the file content.
	 *
	 * @return the format
	 */
	TableFormat format();

	/**
	 * Gives the amount of work {@link #read(TableHandler, LongConsumer)} reports as progress, so it can be mapped
	 * to a progress monitor.
	 *
	 * @return the total in the same unit as the progress callback (bytes of the file or of its sheet parts)
	 */
	long totalWork();

	/**
	 * Streams all sheets and rows to the handler.
	 *
	 * @param handler  receives sheets, rows and problems; returning {@code false} from a row stops reading
	 * @param progress receives the amount of work done since the previous call (increments, not totals), at
	 *                 most a few hundred times per second; may be {@code null}
	 * @throws TableFormatException if the content turns out to be unreadable or unsafe
	 * @throws IOException          if the file cannot be read
	 */
	void read(TableHandler handler, LongConsumer progress) throws IOException;

	/**
	 * Tells whether equal cells of a column come as one shared String, so that the caller need not share them itself.
	 *
	 * @return true when the reader shares repeated values
	 */
	default boolean sharesRepeatedValues() {
		return false;
	}

	/**
	 * Releases the file.
	 *
	 * @throws IOException if closing fails
	 */
	@Override
	void close() throws IOException;
}
