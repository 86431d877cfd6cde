package procurement.review.core.importer.internal;

import java.io.IOException;
import java.nio.file.Path;

import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.csv.CsvTableReader;
import procurement.review.core.importer.internal.fpds.FpdsAtomReader;
import procurement.review.core.importer.internal.html.HtmlTableReader;
import procurement.review.core.importer.internal.xlsx.XlsxTableReader;
import procurement.review.core.importer.internal.xml.SecureStax;
import procurement.review.core.importer.internal.xml.SpreadsheetMlReader;
import procurement.review.core.importer.internal.zip.ArchiveTableReader;

/** Creates the reader for a recognised format. */
public final class ReaderFactory {

	private ReaderFactory() {
	}

	public static TableReader open(Path file, TableFormat format) throws IOException {
		return switch (format) {
			case CSV -> new CsvTableReader(file);
			case XLSX -> openZip(file);
			// Only reached for OLE2 files, so POI is loaded only when an old workbook is actually opened.
			case XLS -> procurement.review.core.importer.internal.poi.HssfTableReader.open(file);
			case FPDS_ATOM -> new FpdsAtomReader(file);
			case HTML -> new HtmlTableReader(file);
			case XML_SPREADSHEET -> new SpreadsheetMlReader(file);
		};
	}

	/** A ZIP file: an XLSX workbook (or another office document, which that reader refuses), or a download. */
	private static TableReader openZip(Path file) throws IOException {
		GuardedZip zip = new GuardedZip(file);
		boolean archive;
		try {
			archive = ArchiveTableReader.isArchive(zip);
		} catch (RuntimeException e) {
			zip.close();
			throw e;
		}
		return archive ? new ArchiveTableReader(zip) : new XlsxTableReader(zip, SecureStax.factory());
	}
}
