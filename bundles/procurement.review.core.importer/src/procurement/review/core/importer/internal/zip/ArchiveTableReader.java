package procurement.review.core.importer.internal.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.FormatSniffer;
import procurement.review.core.importer.internal.GuardedZip;
import procurement.review.core.importer.internal.ProgressStream;
import procurement.review.core.importer.internal.ReaderFactory;
import procurement.review.core.importer.internal.Source;
import procurement.review.core.importer.internal.csv.CsvTableReader;
import procurement.review.core.importer.internal.fpds.FpdsAtomReader;
import procurement.review.core.importer.internal.html.HtmlTableReader;
import procurement.review.core.importer.internal.xml.SpreadsheetMlReader;
import procurement.review.model.Severity;

/**
 * Reads the reports inside a ZIP archive, as USAspending and many agency systems hand out their downloads: each
 * entry that holds a table is read by the reader of its format, one entry after the other, as sheets of one report
 * named after the entry (a workbook's own sheets as "entry: sheet"). Text formats (CSV, HTML, FPDS ATOM) are read
 * straight from the inflating entry; a workbook inside (XLSX, XLS) needs random access, so it is inflated to a
 * temporary file first, deleted when read. Entries that are no table (a PDF, an image, an archive inside the archive,
 * macOS metadata) are skipped with a note; every entry is inflated under the zip-bomb limits of {@link GuardedZip}.
 */
public final class ArchiveTableReader implements TableReader {

	private final GuardedZip zip;
	private final List<Member> members = new ArrayList<>();
	private final List<ReadProblem> skipped = new ArrayList<>();

	/** An entry holding a table, with the format its first bytes show. */
	record Member(ZipEntry entry, TableFormat format) {
	}

	/**
	 * Whether a ZIP file is an archive of reports rather than an office document (an XLSX workbook, a Word file,
	 * an OpenDocument file), which are ZIP files too and are told apart by the XLSX reader.
	 *
	 * @param zip the opened file
	 * @return true when no entry is a part of Office Open XML or OpenDocument
	 */
	public static boolean isArchive(GuardedZip zip) {
		for (ZipEntry entry : zip.entries()) {
			String name = entry.getName();
			if (name.equals("[Content_Types].xml") || name.startsWith("_rels/") || name.startsWith("xl/")
					|| name.startsWith("word/") || name.startsWith("ppt/") || name.equals("mimetype")
					|| name.equals("content.xml") || name.equals("META-INF/manifest.xml")) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Opens an archive and finds the entries that hold tables.
	 *
	 * @param zip the opened archive; closed by this reader
	 * @throws TableFormatException when no entry holds a table: the message lists what it holds
	 * @throws IOException if the archive cannot be read
	 */
	public ArchiveTableReader(GuardedZip zip) throws IOException {
		this.zip = zip;
		try {
			List<String> others = new ArrayList<>();
			for (ZipEntry entry : zip.entries()) {
				String name = entry.getName();
				if (entry.isDirectory() || isMetadata(name)) {
					continue;
				}
				TableFormat format = sniff(entry);
				if (format != null) {
					members.add(new Member(entry, format));
				} else {
					others.add(name);
				}
			}
			if (members.isEmpty()) {
				String holds = others.isEmpty() ? "; it is empty." : "; it holds " + others.stream().limit(5)
						.collect(Collectors.joining(", ")) + (others.size() > 5 ? " and " + (others.size() - 5)
								+ " more." : ".");
				throw new TableFormatException(Reason.UNSUPPORTED, zip.fileName() + " is a ZIP archive without a"
						+ " table in it (CSV, XLSX, XLS, HTML, FPDS ATOM XML or XML spreadsheet)" + holds);
			}
		} catch (IOException | RuntimeException e) {
			zip.close();
			throw e;
		}
	}

	/** macOS resource forks and Finder files that archivers add: never reports, not worth a note. */
	private static boolean isMetadata(String name) {
		String base = name.substring(name.lastIndexOf('/') + 1);
		return name.startsWith("__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store");
	}

	/** @return the entry's format, or null (and a note) when it holds no table */
	private TableFormat sniff(ZipEntry entry) throws IOException {
		byte[] head;
		try (InputStream in = zip.open(entry, GuardedZip.MAX_ENTRY_BYTES)) {
			head = in.readNBytes(FormatSniffer.PROBE_BYTES);
		} catch (TableFormatException e) {
			throw e;
		} catch (IOException e) {
			throw damaged(entry, e);
		}
		String name = entry.getName();
		try {
			TableFormat format = FormatSniffer.detect(head, name);
			if (format == TableFormat.XLSX && !name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
				skipped.add(note(name, name + " is an archive inside the archive: unpack it and import what it"
						+ " holds."));
				return null;
			}
			return format;
		} catch (TableFormatException e) {
			skipped.add(note(name, e.getMessage()));
			return null;
		}
	}

	private static ReadProblem note(String entry, String message) {
		return new ReadProblem(Severity.INFO, entry, 0, -1, "Archive entry skipped: " + message);
	}

	/** @return the format of the first entry that holds a table (a download's entries share one) */
	@Override
	public TableFormat format() {
		return members.get(0).format();
	}

	/** @return the inflated bytes of the entries read */
	@Override
	public long totalWork() {
		long total = 0;
		for (Member member : members) {
			total += Math.max(0, member.entry().getSize());
		}
		return total;
	}

	@Override
	public void read(TableHandler handler, LongConsumer progress) throws IOException {
		skipped.forEach(handler::problem);
		Entries entries = new Entries(handler);
		for (Member member : members) {
			entries.name = member.entry().getName();
			entries.singleTable = member.format() == TableFormat.CSV || member.format() == TableFormat.FPDS_ATOM;
			read(member, entries, progress);
			if (entries.stopped) {
				return;
			}
		}
	}

	private void read(Member member, Entries entries, LongConsumer progress) throws IOException {
		ZipEntry entry = member.entry();
		// A workbook is inflated to disk, under the tighter limit of the parts held whole: a real one is far smaller.
		long limit = member.format() == TableFormat.XLSX || member.format() == TableFormat.XLS
				? GuardedZip.MAX_INDEX_PART_BYTES : GuardedZip.MAX_ENTRY_BYTES;
		Source source = new Source(entry.getName(), Math.max(0, entry.getSize()), () -> zip.open(entry, limit));
		try {
			switch (member.format()) {
				case CSV -> read(new CsvTableReader(source), entries, progress);
				case HTML -> read(new HtmlTableReader(source), entries, progress);
				case FPDS_ATOM -> read(new FpdsAtomReader(source), entries, progress);
				case XML_SPREADSHEET -> read(new SpreadsheetMlReader(source), entries, progress);
				case XLSX, XLS -> readWorkbook(member, source, entries, progress);
			}
		} catch (TableFormatException e) {
			throw e;
		} catch (IOException e) {
			throw damaged(entry, e);
		}
	}

	/** A read error of the archive itself (a damaged entry), naming the entry. */
	private static TableFormatException damaged(ZipEntry entry, IOException e) {
		return new TableFormatException(Reason.MALFORMED, "its entry " + entry.getName() + " cannot be read ("
				+ e.getMessage() + "); the archive is damaged", e);
	}

	/** A streamed member, read by its reader and closed with it. */
	private static void read(TableReader reader, Entries entries, LongConsumer progress) throws IOException {
		try (reader) {
			reader.read(entries, progress);
		}
	}

	/**
	 * A workbook inside the archive: inflated to a temporary file of the entry's name, for random access. The entry's
	 * share of the progress goes half to inflating it and half to reading it, in the reader's own units scaled.
	 */
	private void readWorkbook(Member member, Source source, Entries entries, LongConsumer progress)
			throws IOException {
		Path dir = Files.createTempDirectory("procurement-review-");
		Path file = dir.resolve(fileName(member));
		long half = source.size() / 2;
		LongConsumer done = progress == null ? bytes -> {
		} : progress;
		try {
			ProgressStream inflating = new ProgressStream(source.open(), bytes -> done.accept(bytes / 2));
			try (InputStream in = inflating) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			} finally {
				inflating.flush();
			}
			try (TableReader reader = ReaderFactory.open(file, member.format())) {
				double scale = (double) (source.size() - half) / Math.max(1, reader.totalWork());
				double[] carried = { 0 };
				reader.read(entries, units -> {
					carried[0] += units * scale;
					long whole = (long) carried[0];
					carried[0] -= whole;
					done.accept(whole);
				});
			}
		} finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(dir);
		}
	}

	/**
	 * @return the entry's own name as a plain file name, which the workbook reader's messages show: characters a
	 *         file name should not hold replaced, and a name of dots only ("..", as a crafted archive may hold)
	 *         replaced whole, so that the file stays in its temporary folder
	 */
	static String fileName(Member member) {
		String name = member.entry().getName();
		String base = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_");
		String extension = member.format() == TableFormat.XLS ? ".xls" : ".xlsx";
		return base.replace(".", "").isBlank() ? "report" + extension : base;
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	/** Passes an entry's rows on, its sheets named after the entry, and remembers a stop. */
	private static final class Entries implements TableHandler {
		private final TableHandler handler;
		String name;
		boolean singleTable;
		boolean stopped;

		Entries(TableHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startSheet(String sheetName) {
			handler.startSheet(singleTable ? name : name + ": " + sheetName);
		}

		@Override
		public boolean row(long rowNumber, String[] cells) {
			if (!handler.row(rowNumber, cells)) {
				stopped = true;
				return false;
			}
			return true;
		}

		@Override
		public void endSheet() {
			handler.endSheet();
		}

		@Override
		public void problem(ReadProblem problem) {
			String sheet = problem.sheet() == null || singleTable ? name : name + ": " + problem.sheet();
			handler.problem(new ReadProblem(problem.severity(), sheet, problem.row(), problem.column(),
					problem.message()));
		}
	}
}
