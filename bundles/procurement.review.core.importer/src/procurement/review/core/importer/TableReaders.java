package procurement.review.core.importer;

import java.io.IOException;
import java.nio.file.Path;

import procurement.review.core.importer.internal.FormatSniffer;
import procurement.review.core.importer.internal.ReaderFactory;

/**
 * Opens contracting reports for reading. The format is recognised from the first bytes of the file, never from its
 * extension: agencies rename CSV files to {@code .xls} and save HTML pages as {@code .xls}.
 */
public final class TableReaders {

	private TableReaders() {
	}

	/**
	 * Recognises the format of a file from its content. A ZIP file is opened to tell an XLSX workbook from a
	 * download of reports, whose format is that of the first report in it.
	 *
	 * @param file the file
	 * @return the format
	 * @throws TableFormatException if the file is of a kind the importer refuses (HTML page, PDF, image, Word
	 *                              document, other binary file); the message says what the file is
	 * @throws IOException          if the file cannot be read
	 */
	public static TableFormat detect(Path file) throws IOException {
		TableFormat format = FormatSniffer.detect(file);
		if (format != TableFormat.XLSX) {
			return format;
		}
		try (TableReader reader = open(file)) {
			return reader.format();
		}
	}

	/**
	 * Opens a file for streaming its rows.
	 *
	 * @param file the file
	 * @return a reader; close it after use
	 * @throws TableFormatException if the file is of a kind the importer refuses, is password protected or its
	 *                              structure is broken; the message says which and names the file
	 * @throws IOException          if the file cannot be read
	 */
	public static TableReader open(Path file) throws IOException {
		return ReaderFactory.open(file, FormatSniffer.detect(file));
	}
}
