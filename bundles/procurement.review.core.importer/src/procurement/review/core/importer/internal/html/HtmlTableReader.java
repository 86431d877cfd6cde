package procurement.review.core.importer.internal.html;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.swing.text.MutableAttributeSet;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;

import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.Encodings;
import procurement.review.core.importer.internal.ProgressStream;
import procurement.review.core.importer.internal.Source;

/**
 * Reads the tables of an HTML page: agencies' web applications export "Excel" files that are HTML pages with an
 * {@code .xls} extension, which Excel opens, so reviewers expect them to import. Each {@code <table>} is a sheet
 * named "Table N" (in document order), each {@code <tr>} a row numbered from 1 within its table, each {@code <td>}
 * or {@code <th>} a cell: its text with whitespace collapsed, blank as {@code null}, a {@code colspan} followed by
 * blank cells so the columns stay aligned. A table inside a table (page layout) is a sheet of its own; the outer
 * table's later rows continue in another sheet of its name.
 * <p>
 * Parsed with the JDK's HTML parser ({@link ParserDelegator}), which accepts the unclosed tags and the Office
 * markup of such pages, streams, and never fetches anything. The charset is the page's {@code <meta>} charset, else
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
public final class HtmlTableReader implements TableReader {

	private static final int PROBE = 1 << 14;
	private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]*charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]+");

	private final Source source;
	private final Charset charset;

	public HtmlTableReader(Path file) throws IOException {
		this(Source.of(file));
	}

	/**
	 * @param source a file, or an entry of an archive
	 * @throws IOException if its first bytes cannot be read
	 */
	public HtmlTableReader(Source source) throws IOException {
		this.source = source;
		byte[] head = source.head(PROBE);
		this.charset = charset(head, head.length == source.size());
	}

	static Charset charset(byte[] head, boolean complete) {
		Encodings.ByteOrderMark mark = Encodings.byteOrderMark(head);
		if (mark != null) {
			return mark.charset();
		}
		Matcher meta = META_CHARSET.matcher(new String(head, StandardCharsets.ISO_8859_1));
		if (meta.find()) {
			try {
				return Charset.forName(meta.group(1));
			} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
				// an unknown name: judge by the bytes
			}
		}
		return Encodings.utf8OrWindows1252(head, complete);
	}

	/** @return the charset the page is read in, for tests */
	public Charset charset() {
		return charset;
	}

	@Override
	public TableFormat format() {
		return TableFormat.HTML;
	}

	@Override
	public long totalWork() {
		return source.size();
	}

	@Override
	public void read(TableHandler handler, LongConsumer progress) throws IOException {
		Tables tables = new Tables(handler);
		try (InputStream in = new ProgressStream(source.open(), progress);
				Reader text = new Stoppable(new BufferedReader(new InputStreamReader(in, charset), 1 << 16), tables)) {
			new ParserDelegator().parse(text, tables, true);
			tables.closeAll();
		} catch (RuntimeException e) {
			// the parser keeps its own exceptions; this is one of the callbacks', raised while it winds down
			throw new TableFormatException(TableFormatException.Reason.MALFORMED, source.name()
					+ " cannot be read as an HTML page: " + e, e);
		}
		if (tables.failure != null) {
			throw tables.failure; // the handler's own, a cancel for one: not the page's fault
		}
		tables.finish();
		if (tables.count == 0) {
			throw new TableFormatException(TableFormatException.Reason.UNSUPPORTED, source.name()
					+ " is an HTML page without a table, not a workbook. Download the data again as CSV or XLSX.");
		}
	}

	@Override
	public void close() {
		// The file is opened and closed within read().
	}

	/**
	 * The page's text until the handler stopped the reading. The JDK parser catches (and prints) whatever a callback
	 * throws and reads on, so stopping is an early end of the text: the parser then winds down as at the end of a
	 * page, and its last callbacks are ignored.
	 */
	private static final class Stoppable extends FilterReader {
		private final Tables tables;

		Stoppable(Reader in, Tables tables) {
			super(in);
			this.tables = tables;
		}

		@Override
		public int read() throws IOException {
			return tables.stopped ? -1 : super.read();
		}

		@Override
		public int read(char[] b, int off, int len) throws IOException {
			return tables.stopped ? -1 : super.read(b, off, len);
		}
	}

	/** One open table: its row being read and the cell being read. */
	private static final class Table {
		/** Which table of the page, counting from 1 in the order they start. */
		final int index;
		final String name;
		final List<String> row = new ArrayList<>();
		/**
		 * The rows of a table nested in the table the handler is in, held until that one ends (a sheet cannot be
		 * interrupted and resumed); null for a table whose rows go to the handler as they end.
		 */
		final List<Row> held;
		StringBuilder cell;
		int span;
		boolean inRow;
		long rows;

		Table(int index, boolean held) {
			this.index = index;
			this.name = "Table " + index;
			this.held = held ? new ArrayList<>() : null;
		}
	}

	private record Row(long number, String[] cells) {
	}

	/** The parser's callback: turns table markup into sheets, rows and cells. */
	private static final class Tables extends HTMLEditorKit.ParserCallback {
		private final TableHandler handler;
		private final Deque<Table> open = new ArrayDeque<>();
		/** The table whose sheet the handler is in, or null. */
		private Table sheet;
		/** Ended tables whose rows were held, in the order they started. */
		private final List<Table> ended = new ArrayList<>();
		int count;
		/** Set when the handler stopped the reading or failed; nothing more reaches it then. */
		boolean stopped;
		/** What the handler threw, rethrown once the parser has returned. */
		RuntimeException failure;

		Tables(TableHandler handler) {
			this.handler = handler;
		}

		@Override
		public void handleStartTag(HTML.Tag tag, MutableAttributeSet attributes, int pos) {
			if (stopped) {
				return;
			}
			Table table = open.peek();
			if (tag == HTML.Tag.TABLE) {
				boolean held = table != null && (table.held != null || open.contains(sheet));
				open.push(new Table(++count, held));
			} else if (table == null) {
				return;
			} else if (tag == HTML.Tag.TR) {
				endRow(table);
				table.inRow = true;
			} else if (tag == HTML.Tag.TD || tag == HTML.Tag.TH) {
				endCell(table);
				table.inRow = true;
				table.cell = new StringBuilder();
				table.span = span(attributes.getAttribute(HTML.Attribute.COLSPAN));
			}
		}

		@Override
		public void handleSimpleTag(HTML.Tag tag, MutableAttributeSet attributes, int pos) {
			Table table = open.peek();
			if (table != null && table.cell != null && (tag == HTML.Tag.BR || tag == HTML.Tag.P)) {
				table.cell.append(' ');
			}
		}

		@Override
		public void handleEndTag(HTML.Tag tag, int pos) {
			if (stopped) {
				return;
			}
			Table table = open.peek();
			if (table == null) {
				return;
			}
			if (tag == HTML.Tag.TD || tag == HTML.Tag.TH) {
				endCell(table);
			} else if (tag == HTML.Tag.TR) {
				endRow(table);
			} else if (tag == HTML.Tag.TABLE) {
				endRow(table);
				open.pop();
				if (table.held != null) {
					ended.add(table);
					return;
				}
				if (sheet == table) {
					sheet = null;
					deliver(handler::endSheet);
				}
				deliverHeld();
			}
		}

		/** The tables held inside the one that just ended, each now a sheet of its own. */
		private void deliverHeld() {
			ended.sort(Comparator.comparingInt(t -> t.index));
			for (Table table : ended) {
				if (table.held.isEmpty()) {
					continue;
				}
				deliver(() -> handler.startSheet(table.name));
				for (Row row : table.held) {
					deliver(() -> stopped = !handler.row(row.number(), row.cells()));
				}
				deliver(handler::endSheet);
			}
			ended.clear();
		}

		@Override
		public void handleText(char[] data, int pos) {
			Table table = open.peek();
			if (table != null && table.cell != null) {
				table.cell.append(data);
			}
		}

		private static int span(Object colspan) {
			try {
				return colspan == null ? 1 : Math.max(1, Math.min(1000, Integer.parseInt(colspan.toString().trim())));
			} catch (NumberFormatException e) {
				return 1;
			}
		}

		private void endCell(Table table) {
			if (table.cell == null) {
				return;
			}
			String text = SPACE.matcher(table.cell).replaceAll(" ").strip();
			table.row.add(text.isEmpty() ? null : text);
			for (int i = 1; i < table.span; i++) {
				table.row.add(null);
			}
			table.cell = null;
		}

		private void endRow(Table table) {
			endCell(table);
			if (!table.inRow) {
				return;
			}
			table.inRow = false;
			long number = ++table.rows;
			int last = table.row.size();
			while (last > 0 && table.row.get(last - 1) == null) {
				last--;
			}
			String[] cells = table.row.subList(0, last).toArray(String[]::new);
			table.row.clear();
			if (cells.length == 0) {
				return; // TableHandler: rows without a cell are not reported
			}
			if (table.held != null) {
				table.held.add(new Row(number, cells));
				return;
			}
			if (sheet != table) {
				if (sheet != null) {
					deliver(handler::endSheet);
				}
				sheet = table;
				deliver(() -> handler.startSheet(table.name));
			}
			deliver(() -> stopped = !handler.row(number, cells));
		}

		/** Calls the handler from inside the parser, keeping what it throws for {@link #read} to rethrow. */
		private void deliver(Runnable call) {
			if (stopped) {
				return;
			}
			try {
				call.run();
			} catch (RuntimeException e) {
				failure = e;
				stopped = true;
			}
		}

		/** Ends the rows and tables a truncated page leaves open. */
		void closeAll() {
			if (stopped) {
				open.clear();
			}
			while (!open.isEmpty()) {
				handleEndTag(HTML.Tag.TABLE, -1);
			}
		}

		/** Ends the last sheet, also when the handler stopped the reading. */
		void finish() {
			if (sheet != null) {
				sheet = null;
				stopped = false;
				deliver(handler::endSheet);
				if (failure != null) {
					throw failure;
				}
			}
		}
	}
}
