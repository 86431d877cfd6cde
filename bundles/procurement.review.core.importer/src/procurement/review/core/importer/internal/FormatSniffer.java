package procurement.review.core.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;

/** Recognises a file's format from its first bytes. */
public final class FormatSniffer {

	/** Enough for an XML prolog, comments and the root element of an ATOM feed, or the head of an HTML page. */
	public static final int PROBE_BYTES = 8192;

	private FormatSniffer() {
	}

	public static TableFormat detect(Path file) throws IOException {
		byte[] head = readHead(file, PROBE_BYTES);
		return detect(head, file.getFileName() == null ? file.toString() : file.getFileName().toString());
	}

	static byte[] readHead(Path file, int max) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(max);
		}
	}

	public static TableFormat detect(byte[] b, String name) throws TableFormatException {
		if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
			return TableFormat.XLSX; // opening it tells workbooks, other office files and archives of reports apart
		}
		if (startsWith(b, 0x50, 0x4B, 0x05, 0x06) || startsWith(b, 0x50, 0x4B, 0x07, 0x08)) {
			throw refuse(name + " is an empty or split ZIP archive, not a workbook.");
		}
		if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return TableFormat.XLS; // OLE2: the XLS reader tells encrypted XLSX and Word files apart
		}
		if (startsWith(b, '%', 'P', 'D', 'F')) {
			throw refuse(name + " is a PDF document, not a table. Export the data from its source as CSV or XLSX.");
		}
		if (startsWith(b, 0x89, 'P', 'N', 'G') || startsWith(b, 0xFF, 0xD8, 0xFF) || startsWith(b, 'G', 'I', 'F', '8')
				|| startsWith(b, 'B', 'M') && b.length > 14 && b[6] == 0 && b[7] == 0
				|| startsWith(b, 'I', 'I', 0x2A, 0) || startsWith(b, 'M', 'M', 0, 0x2A)) {
			throw refuse(name + " is an image (" + imageKind(b) + "), not a table.");
		}
		if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
			// Excel's "Unicode Text" export (UTF-16 with BOM, tab delimited), or a page or feed saved in UTF-16
			String text = new String(b, 0, b.length & ~1, StandardCharsets.UTF_16).strip();
			return text.startsWith("<") ? detectMarkup(text, name) : TableFormat.CSV;
		}
		if (startsWith(b, 0x1F, 0x8B)) {
			throw refuse(name + " is a gzip-compressed file: uncompress it first.");
		}
		int start = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		while (start < b.length && isXmlSpace(b[start])) {
			start++;
		}
		if (start < b.length && b[start] == '<') {
			return detectMarkup(new String(b, start, b.length - start, StandardCharsets.ISO_8859_1), name);
		}
		for (int i = start; i < b.length; i++) {
			if (b[i] == 0) {
				throw refuse(name + " is a binary file of an unknown kind, not a CSV table or a workbook.");
			}
		}
		return TableFormat.CSV;
	}

	private static TableFormat detectMarkup(String text, String name) throws TableFormatException {
		String lower = text.toLowerCase(Locale.ROOT);
		// before HTML: a spreadsheet's <Table> would pass for a page's table
		if (indexOfElement(lower, "workbook") >= 0 && (lower.contains("urn:schemas-microsoft-com:office:spreadsheet")
				|| lower.contains("progid=\"excel.sheet\""))) {
			return TableFormat.XML_SPREADSHEET;
		}
		if (lower.startsWith("<!doctype html") || lower.contains("<html") || lower.contains("<table")) {
			return TableFormat.HTML; // its tables are read; a page without one is refused by the reader
		}
		int feed = indexOfElement(lower, "feed");
		if (feed >= 0 && (lower.contains("http://www.w3.org/2005/atom") || lower.contains("fpds"))) {
			return TableFormat.FPDS_ATOM;
		}
		throw refuse(name + " is an XML document but not an FPDS ATOM feed (no <feed> root element found).");
	}

	/** Finds {@code <feed} or {@code <prefix:feed} followed by a delimiter. */
	private static int indexOfElement(String lower, String local) {
		for (int i = lower.indexOf(local); i > 0; i = lower.indexOf(local, i + 1)) {
			int end = i + local.length();
			boolean delimited = end >= lower.length() || " \t\r\n>/".indexOf(lower.charAt(end)) >= 0;
			char before = lower.charAt(i - 1);
			if (delimited && (before == '<' || before == ':' && lower.lastIndexOf('<', i) > lower.lastIndexOf('>', i))) {
				return i;
			}
		}
		return -1;
	}

	private static String imageKind(byte[] b) {
		if (b[0] == (byte) 0x89) {
			return "PNG";
		}
		if (b[0] == (byte) 0xFF) {
			return "JPEG";
		}
		if (b[0] == 'G') {
			return "GIF";
		}
		return b[0] == 'B' ? "BMP" : "TIFF";
	}

	private static boolean isXmlSpace(byte c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

	private static boolean startsWith(byte[] b, int... magic) {
		if (b.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((b[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static TableFormatException refuse(String message) {
		return new TableFormatException(Reason.UNSUPPORTED, message);
	}
}
