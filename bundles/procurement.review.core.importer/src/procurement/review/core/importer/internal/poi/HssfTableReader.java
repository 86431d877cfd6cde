package procurement.review.core.importer.internal.poi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.eventusermodel.dummyrecord.MissingCellDummyRecord;
import org.apache.poi.hssf.eventusermodel.dummyrecord.MissingRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.NumberToTextConverter;

import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableFormat;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableFormatException.Reason;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.internal.ExcelValues;
import procurement.review.model.Severity;

/**
 * Streams the worksheets of a BIFF8 workbook with POI's event API; memory holds the shared strings table and one
 * row.
 */
public final class HssfTableReader implements TableReader {

	private static final String[] WORKBOOK_STREAMS = {"Workbook", "WORKBOOK", "BOOK", "Book"};

	private final Path file;
	private final POIFSFileSystem fs;
	private final long streamSize;

	private HssfTableReader(Path file, POIFSFileSystem fs, long streamSize) {
		this.file = file;
		this.fs = fs;
		this.streamSize = streamSize;
	}

	/**
	 * Opens an OLE2 file, refusing encrypted workbooks and OLE2 files that are no workbook with a clear message.
	 *
	 * @param file an OLE2 compound file
	 * @return the reader
	 */
	public static TableReader open(Path file) throws IOException {
		String name = String.valueOf(file.getFileName());
		POIFSFileSystem fs;
		try {
			fs = new POIFSFileSystem(file.toFile(), true);
		} catch (IOException | RuntimeException e) {
			throw new TableFormatException(Reason.MALFORMED, name
					+ " starts like an Excel 97-2003 workbook (OLE2) but cannot be opened: " + detail(e), e);
		}
		try {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
				throw passwordProtected(name);
			}
			for (String stream : WORKBOOK_STREAMS) {
				if (root.hasEntry(stream) && root.getEntry(stream) instanceof DocumentEntry entry) {
					return new HssfTableReader(file, fs, entry.getSize());
				}
			}
			String kind = root.hasEntry("WordDocument") ? "a Word 97-2003 document"
					: root.hasEntry("PowerPoint Document") ? "a PowerPoint 97-2003 presentation"
							: root.hasEntry("__properties_version1.0") ? "an Outlook message"
									: "an OLE2 compound file";
			throw new TableFormatException(Reason.UNSUPPORTED, name + " is " + kind + ", not an Excel workbook.");
		} catch (IOException | RuntimeException e) {
			fs.close();
			throw e;
		}
	}

	/** POI's own words for the damage; some of its errors have none, which must not read as "null". */
	private static String detail(Exception e) {
		return e.getMessage() == null || e.getMessage().isBlank() ? "its internal structure is inconsistent"
				: e.getMessage().replaceAll("\\s*[\r\n]+\\s*", " ").strip();
	}

	private static TableFormatException passwordProtected(String name) {
		return new TableFormatException(Reason.PASSWORD_PROTECTED, name + " is a password-protected Excel workbook."
				+ " Open it in Excel, remove the password (File > Info > Protect Workbook) and import it again.");
	}

	@Override
	public TableFormat format() {
		return TableFormat.XLS;
	}

	@Override
	public long totalWork() {
		return streamSize;
	}

	@Override
	public void read(TableHandler handler, LongConsumer progress) throws IOException {
		Listener listener = new Listener(handler, progress);
		FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener);
		listener.formats = formats;
		HSSFRequest request = new HSSFRequest();
		request.addListenerForAllRecords(new MissingRecordAwareHSSFListener(formats));
		try {
			new HSSFEventFactory().processWorkbookEvents(request, fs);
		} catch (Stop stop) {
			// the handler asked to stop
		} catch (EncryptedDocumentException e) {
			throw passwordProtected(String.valueOf(file.getFileName()));
		} catch (OldExcelFormatException e) {
			throw new TableFormatException(Reason.UNSUPPORTED, file.getFileName()
					+ " is an Excel 5.0/95 workbook, which is not supported. Open it in Excel and save it as .xlsx.");
		} catch (RuntimeException e) {
			throw new TableFormatException(Reason.MALFORMED, file.getFileName()
					+ " is a damaged Excel 97-2003 workbook: " + detail(e), e);
		} finally {
			listener.finish();
		}
	}

	@Override
	public void close() throws IOException {
		fs.close();
	}

	/** Unwinds POI's record loop when the handler cancels; POI has no other way to stop a listener. */
	private static final class Stop extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Stop() {
			super(null, null, false, false);
		}
	}

	private static final class Listener implements HSSFListener {

		private static final long PROGRESS_BATCH = 1L << 20;

		private final TableHandler handler;
		private final LongConsumer progress;
		FormatTrackingHSSFListener formats;
		private final List<BoundSheetRecord> boundSheets = new ArrayList<>();
		private BoundSheetRecord[] sheetOrder;
		private SSTRecord sst;
		private boolean date1904;
		private int depth;
		private int sheetIndex = -1;
		private String sheet;
		private String[] cells = new String[64];
		private int maxColumn = -1;
		private int pendingStringRow = -1;
		private int pendingStringColumn = -1;
		private long pendingProgress;

		Listener(TableHandler handler, LongConsumer progress) {
			this.handler = handler;
			this.progress = progress;
		}

		@Override
		public void processRecord(Record record) {
			if (!(record instanceof LastCellOfRowDummyRecord || record instanceof MissingCellDummyRecord
					|| record instanceof MissingRowDummyRecord)) {
				pendingProgress += record.getRecordSize();
				if (pendingProgress >= PROGRESS_BATCH && progress != null) {
					progress.accept(pendingProgress);
					pendingProgress = 0;
				}
			}
			switch (record) {
				case BOFRecord bof -> {
					depth++;
					if (depth == 1 && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
						if (sheetOrder == null) {
							sheetOrder = BoundSheetRecord.orderByBofPosition(boundSheets);
						}
						sheetIndex++;
						sheet = sheetIndex < sheetOrder.length ? sheetOrder[sheetIndex].getSheetname()
								: "Sheet" + (sheetIndex + 1);
						handler.startSheet(sheet);
					}
				}
				case EOFRecord eof -> {
					depth--;
					if (depth == 0 && sheet != null) {
						endSheet();
					}
				}
				case BoundSheetRecord bound -> boundSheets.add(bound);
				case SSTRecord table -> sst = table;
				case DateWindow1904Record window -> date1904 = window.getWindowing() == 1;
				default -> {
					if (sheet != null && depth == 1) {
						cell(record);
					}
				}
			}
		}

		private void cell(Record record) {
			switch (record) {
				case NumberRecord number -> put(number, number(number.getValue(), number));
				case LabelSSTRecord label -> put(label,
						sst == null ? null : sst.getString(label.getSSTIndex()).getString());
				case LabelRecord label -> put(label, label.getValue());
				case BoolErrRecord boolErr -> {
					if (boolErr.isBoolean()) {
						put(boolErr, boolErr.getBooleanValue() ? "TRUE" : "FALSE");
					} else {
						errorValue(boolErr, boolErr.getErrorValue());
					}
				}
				case FormulaRecord formula -> {
					CellType type = formula.getCachedResultTypeEnum();
					switch (type) {
						case NUMERIC -> put(formula, number(formula.getValue(), formula));
						case STRING -> {
							pendingStringRow = formula.getRow();
							pendingStringColumn = formula.getColumn();
						}
						case BOOLEAN -> put(formula, formula.getCachedBooleanValue() ? "TRUE" : "FALSE");
						case ERROR -> errorValue(formula, formula.getCachedErrorValue());
						default -> problem(Severity.WARNING, formula.getRow() + 1L, formula.getColumn(),
								"Formula has no cached value; read as empty.");
					}
				}
				case StringRecord string -> {
					if (pendingStringRow >= 0) {
						putAt(pendingStringColumn, string.getString());
						pendingStringRow = -1;
					}
				}
				case LastCellOfRowDummyRecord last -> emit(last.getRow() + 1L);
				default -> {
					// blanks, missing-cell markers and formatting records carry no value
				}
			}
		}

		private String number(double value, CellValueRecordInterface cell) {
			int index = formats.getFormatIndex(cell);
			String format = formats.getFormatString(cell);
			if (DateUtil.isADateFormat(index, format)) {
				String iso = ExcelValues.serialToIso(value, date1904);
				if (iso != null) {
					return iso;
				}
			}
			return ExcelValues.plainNumber(NumberToTextConverter.toText(value));
		}

		private void errorValue(CellValueRecordInterface cell, int code) {
			String text;
			try {
				text = FormulaError.forInt(code).getString();
			} catch (IllegalArgumentException e) {
				text = "#" + code;
			}
			problem(Severity.WARNING, cell.getRow() + 1L, cell.getColumn(),
					"Cell holds the error value " + text + "; read as empty.");
		}

		private void put(CellValueRecordInterface cell, String value) {
			putAt(cell.getColumn(), value);
		}

		private void putAt(int column, String value) {
			if (value == null || value.isEmpty()) {
				return;
			}
			if (column >= cells.length) {
				cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
			}
			cells[column] = value;
			maxColumn = Math.max(maxColumn, column);
		}

		private void emit(long rowNumber) {
			if (maxColumn < 0) {
				return;
			}
			String[] row = Arrays.copyOf(cells, maxColumn + 1);
			Arrays.fill(cells, 0, maxColumn + 1, null);
			maxColumn = -1;
			if (!handler.row(rowNumber, row)) {
				endSheet();
				throw new Stop();
			}
		}

		private void endSheet() {
			sheet = null;
			handler.endSheet();
		}

		private void problem(Severity severity, long row, int column, String message) {
			handler.problem(new ReadProblem(severity, sheet, row, column, message));
		}

		void finish() {
			if (sheet != null) {
				endSheet(); // a truncated stream ended inside a sheet
			}
			if (pendingProgress > 0 && progress != null) {
				progress.accept(pendingProgress);
			}
		}
	}
}
