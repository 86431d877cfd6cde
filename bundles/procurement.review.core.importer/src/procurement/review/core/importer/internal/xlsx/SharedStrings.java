package procurement.review.core.importer.internal.xlsx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import procurement.review.core.importer.internal.GuardedZip;
import procurement.review.core.importer.internal.xml.SecureStax;

/** Reads the shared strings table; rich-text runs are joined, phonetic guides (rPh) are left out. */
final class SharedStrings {

	private SharedStrings() {
	}

	static String[] read(XlsxTableReader workbook, String part) throws IOException {
		XMLStreamReader r = workbook.openPart(part, GuardedZip.MAX_INDEX_PART_BYTES);
		if (r == null) {
			return new String[0];
		}
		List<String> strings = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		boolean phonetic = false;
		try {
			String count = XlsxTableReader.attribute(r, "uniqueCount");
			if (count != null && !count.isEmpty() && count.length() < 9
					&& count.chars().allMatch(c -> c >= '0' && c <= '9')) {
				// Only a hint: a crafted count must not reserve hundreds of MB before a single string is read.
				strings = new ArrayList<>(Math.min(Integer.parseInt(count), 1 << 16));
			}
			while (r.hasNext()) {
				int event = r.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = r.getLocalName();
					if (name.equals("si")) {
						text.setLength(0);
					} else if (name.equals("rPh")) {
						phonetic = true;
					} else if (name.equals("t") && !phonetic) {
						text.append(r.getElementText());
					}
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					String name = r.getLocalName();
					if (name.equals("si")) {
						strings.add(unescape(text.toString()));
					} else if (name.equals("rPh")) {
						phonetic = false;
					}
				}
			}
		} catch (XMLStreamException e) {
			throw SecureStax.malformed(workbook.what(part), e);
		}
		return strings.toArray(String[]::new);
	}

	/** Decodes Excel's {@code _xHHHH_} escapes for characters XML cannot hold (such as control characters). */
	static String unescape(String s) {
		int at = s.indexOf("_x");
		if (at < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length());
		int from = 0;
		for (; at >= 0; at = s.indexOf("_x", from)) {
			if (at + 7 <= s.length() && s.charAt(at + 6) == '_' && isHex(s, at + 2, at + 6)) {
				out.append(s, from, at).append((char) Integer.parseInt(s.substring(at + 2, at + 6), 16));
				from = at + 7;
			} else {
				out.append(s, from, at + 2);
				from = at + 2;
			}
		}
		return out.append(s, from, s.length()).toString();
	}

	private static boolean isHex(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Character.digit(s.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}
}
