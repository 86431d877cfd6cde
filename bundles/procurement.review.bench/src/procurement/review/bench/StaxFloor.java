package procurement.review.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import procurement.review.core.importer.internal.GuardedZip;
import procurement.review.core.importer.internal.xml.SecureStax;

/**
 * The lower bound for reading a workbook's worksheets: inflate their XML the way the importer does (through
 * {@link GuardedZip}, so the same limits and CRC check) and pass over it with StAX, counting elements and building
 * nothing. Benchmarks divide the reader's time by this one, measured in the same run.
 * <p>
 * The worksheets are the parts under {@code xl/worksheets/}, where Excel, POI and {@link ReportFiles} put them;
 * the workbook's own list of sheets is not read, which costs a few kilobytes of XML and would need the importer's
 * internals.
 */
final class StaxFloor {

	private static final String WORKSHEETS = "xl/worksheets/";

	private StaxFloor() {
	}

	/**
	 * @param xlsx    the workbook
	 * @param factory the StAX implementation to measure
	 * @return the number of elements in all worksheets
	 * @throws IOException when the workbook cannot be read
	 */
	static long countElements(Path xlsx, XMLInputFactory factory) throws IOException {
		long count = 0;
		try (GuardedZip zip = new GuardedZip(xlsx)) {
			for (ZipEntry entry : zip.entries()) {
				String name = entry.getName();
				if (!name.startsWith(WORKSHEETS) || name.indexOf('/', WORKSHEETS.length()) >= 0
						|| !name.endsWith(".xml")) {
					continue;
				}
				try (InputStream in = new BufferedInputStream(zip.open(entry, GuardedZip.MAX_ENTRY_BYTES), 1 << 16)) {
					XMLStreamReader r = factory.createXMLStreamReader(in);
					while (r.hasNext()) {
						if (r.next() == XMLStreamConstants.START_ELEMENT) {
							count++;
						}
					}
					r.close();
				} catch (XMLStreamException e) {
					throw SecureStax.malformed(name, e);
				}
			}
		}
		return count;
	}
}
