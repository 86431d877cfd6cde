package procurement.review.core.importer.internal.xlsx;

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
 * The lower bound for reading a worksheet: inflate its XML and pass over it with StAX, counting elements and
 * building nothing. Benchmarks divide the reader's time by this one, measured in the same run.
 */
public final class StaxFloor {

    private StaxFloor() {
    }

    /**
     * @param xlsx    the workbook
     * @param factory the StAX implementation to measure
     * @return the number of elements in all worksheets
     */
    public static long countElements(Path xlsx, XMLInputFactory factory) throws IOException {
        long count = 0;
        try (XlsxTableReader workbook = new XlsxTableReader(xlsx, factory); GuardedZip zip = new GuardedZip(xlsx)) {
            for (XlsxTableReader.SheetRef sheet : workbook.sheets()) {
                ZipEntry entry = zip.entry(sheet.part());
                try (InputStream in = new BufferedInputStream(zip.open(entry, GuardedZip.MAX_ENTRY_BYTES), 1 << 16)) {
                    XMLStreamReader r = factory.createXMLStreamReader(in);
                    while (r.hasNext()) {
                        if (r.next() == XMLStreamConstants.START_ELEMENT) {
                            count++;
                        }
                    }
                    r.close();
                } catch (XMLStreamException e) {
                    throw SecureStax.malformed(sheet.part(), e);
                }
            }
        }
        return count;
    }
}
