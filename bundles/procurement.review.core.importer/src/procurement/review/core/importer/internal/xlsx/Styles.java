package procurement.review.core.importer.internal.xlsx;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import procurement.review.core.importer.internal.GuardedZip;
import procurement.review.core.importer.internal.xml.SecureStax;

/** Reads which cell styles (cellXfs entries) format numbers as dates. */
final class Styles {

	private Styles() {
	}

	static boolean[] readDateStyles(XlsxTableReader workbook, String part) throws IOException {
		XMLStreamReader r = workbook.openPart(part, GuardedZip.MAX_INDEX_PART_BYTES);
		if (r == null) {
			return new boolean[0];
		}
		Map<Integer, String> formats = new HashMap<>();
		java.util.List<Integer> xfFormats = new java.util.ArrayList<>();
		boolean inCellXfs = false;
		try {
			while (r.hasNext()) {
				int event = r.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = r.getLocalName();
					if (name.equals("numFmt")) {
						String id = XlsxTableReader.attribute(r, "numFmtId");
						if (id != null) {
							formats.put(Integer.valueOf(id.trim()), XlsxTableReader.attribute(r, "formatCode"));
						}
					} else if (name.equals("cellXfs")) {
						inCellXfs = true;
					} else if (name.equals("xf") && inCellXfs) {
						String id = XlsxTableReader.attribute(r, "numFmtId");
						xfFormats.add(id == null ? 0 : Integer.valueOf(id.trim()));
					}
				} else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
					inCellXfs = false;
				}
			}
		} catch (XMLStreamException e) {
			throw SecureStax.malformed(workbook.what(part), e);
		} catch (NumberFormatException e) {
			throw new procurement.review.core.importer.TableFormatException(
					procurement.review.core.importer.TableFormatException.Reason.MALFORMED,
					workbook.what(part) + " has a bad number format id: " + e.getMessage(), e);
		}
		boolean[] dates = new boolean[xfFormats.size()];
		for (int i = 0; i < dates.length; i++) {
			int id = xfFormats.get(i);
			dates[i] = DateFormats.isDate(id, formats.get(id));
		}
		return dates;
	}
}
