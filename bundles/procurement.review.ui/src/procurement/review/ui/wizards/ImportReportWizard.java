package procurement.review.ui.wizards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.lang3.StringUtils;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import procurement.review.core.importer.ColumnGeneration;
import procurement.review.core.importer.ColumnMapping;
import procurement.review.core.importer.ContractField;
import procurement.review.core.importer.ReadProblem;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableLayout;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.TableReaders;
import procurement.review.core.importer.TableStartDetector;

/**
 * File > Import > Contracting report: choose a file, see its detected format, where its table starts, which
 * column holds which field, and its first rows; correct the start row and the columns when detection is unsure,
 * then import it in the background. The wizard only previews; the import itself runs as a Job (see
 * ImportHandler) with the layout shown here.
 * <p>
 * The preview reads the file's first rows in a Job, never on the UI thread: a workbook's shared strings alone can
 * take seconds. Its table is found by the importer's own {@link TableStartDetector}, so the start shown is where an
 * import starts. A changed file name cancels the preview of the last one, and a result that arrives after it changed
 * is dropped.
 */
public class ImportReportWizard extends Wizard {

	/** The family of the preview's jobs ({@link Job#belongsTo}), for tests that wait for a preview. */
	public static final Object PREVIEW_JOBS = new Object();

	private static final int PREVIEW_ROWS = 20;
	/** A preview starts this long after the file name last changed, so that typing a name reads no file per key. */
	private static final long TYPING_PAUSE_MS = 150;
	/** Rows read at most for the preview, all sheets together. */
	private static final int READ_LIMIT = 400;
	private static final String NOT_IN_FILE = "(not in the file)";
	private static final List<ContractField> VENDOR_FIELDS = List.of(ContractField.vendorName,
			ContractField.vendorUei, ContractField.vendorDuns);
	/** The fields in the mapping table: what matching and the orders need first, then the rest. */
	private static final List<ContractField> FIELD_ORDER;

	static {
		List<ContractField> order = new ArrayList<>(List.of(ContractField.vendorName, ContractField.vendorUei,
				ContractField.vendorDuns, ContractField.piid, ContractField.obligation, ContractField.actionDate,
				ContractField.departmentName, ContractField.componentName, ContractField.officeName,
				ContractField.description, ContractField.parentName));
		for (ContractField field : ContractField.values()) {
			if (!order.contains(field)) {
				order.add(field);
			}
		}
		FIELD_ORDER = List.copyOf(order);
	}

	private final PreviewPage page = new PreviewPage();
	private Path chosen;
	private TableLayout layout;

	/** @param initial a file to preselect, or null */
	public ImportReportWizard(Path initial) {
		setWindowTitle("Import Contracting Report");
		setNeedsProgressMonitor(false);
		chosen = initial;
	}

	@Override
	public void addPages() {
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		layout = page.layout();
		return chosen != null && Files.isRegularFile(chosen);
	}

	/** @return the file to import, after Finish */
	public Path file() {
		return chosen;
	}

	/** @return where the table starts and which column holds which field, as the page shows it, after Finish */
	public TableLayout layout() {
		return layout;
	}

	/** @return the preview page, for tests */
	public PreviewPage previewPage() {
		return page;
	}

	/**
	 * Checks a file name as typed or pasted into the page: some characters no path can hold, and {@link Path#of}
	 * throws on them. Which depends on the platform: NUL anywhere (GTK's text field drops it and what follows),
	 * {@code <>:"|?*} on Windows, on Linux a character the locale's encoding cannot write (an accent under the C
	 * locale).
	 *
	 * @param text the name
	 * @return null when a path can hold it, else the message the page shows instead of a preview
	 */
	public static String problemWithName(String text) {
		try {
			Path.of(text);
			return null;
		} catch (InvalidPathException e) {
			return "Not a file name: " + e.getReason();
		}
	}

	/**
	 * The first non-blank rows of one sheet, with their row numbers, and where its table starts. Filled by the preview
	 * job, then handed to the UI thread and no longer changed.
	 */
	private static final class SheetRows {
		private final String name;
		private final List<Long> numbers = new ArrayList<>();
		private final List<String[]> rows = new ArrayList<>();
		/** The position among {@link #rows} of the row that starts the table; -1 when none does. */
		private int start = -1;
		private ColumnMapping mapping;

		SheetRows(String name) {
			this.name = name;
		}

		String name() {
			return name;
		}

		List<Long> numbers() {
			return numbers;
		}

		List<String[]> rows() {
			return rows;
		}
	}

	/** What the preview job read: the file's format and the sheets that hold rows. */
	private record Preview(String format, List<SheetRows> sheets) {
	}

	/**
	 * Reads the first rows of every sheet, as far as a preview shows them, and finds where each table starts as an
	 * import does.
	 *
	 * @param file the file
	 * @param monitor stops the reading when cancelled
	 * @return what was read, or null when cancelled
	 * @throws IOException when the file cannot be read
	 */
	private static Preview read(Path file, IProgressMonitor monitor) throws IOException {
		List<SheetRows> sheets = new ArrayList<>();
		String format;
		try (TableReader reader = TableReaders.open(file)) {
			format = reader.format().name();
			TableStartDetector detector = new TableStartDetector(null, note -> {
				// the preview shows the rows themselves, not notes on them
			});
			reader.read(new TableHandler() {
				private int read;

				@Override
				public void startSheet(String name) {
					sheets.add(new SheetRows(name));
					detector.startSheet(name);
				}

				@Override
				public void endSheet() {
					detector.endSheet();
				}

				@Override
				public boolean row(long rowNumber, String[] cells) {
					if (monitor.isCanceled()) {
						return false;
					}
					// blank rows are passed over here as by the detector, so that a row's position among the rows
					// kept is its position among the rows the detector looked at
					if (TableStartDetector.isBlank(cells)) {
						return true;
					}
					SheetRows sheet = sheets.get(sheets.size() - 1);
					ColumnMapping found = detector.row(rowNumber, cells);
					if (found != null) {
						sheet.start = sheet.rows.size();
						sheet.mapping = found;
					}
					if (sheet.rows.size() < ColumnMapping.HEADER_SEARCH_ROWS + PREVIEW_ROWS) {
						sheet.numbers.add(rowNumber);
						sheet.rows.add(cells);
					}
					return ++read < READ_LIMIT;
				}
			}, null);
		}
		if (monitor.isCanceled()) {
			return null;
		}
		sheets.removeIf(s -> s.rows.isEmpty());
		return new Preview(format, sheets);
	}

	/** A row that may start the table: the sheet and the row's position among its rows read. */
	private record Start(SheetRows sheet, int index) {

		String[] row() {
			return sheet.rows().get(index);
		}
	}

	/** The one page: file field, detection summary, start row, mapping and preview tables. */
	public final class PreviewPage extends WizardPage {
		private Text fileText;
		private Label detected;
		private Combo startCombo;
		private TableViewer mappingViewer;
		private TableViewer previewViewer;
		private final List<Start> starts = new ArrayList<>();
		private Start start;
		private ColumnMapping mapping;
		private String format;
		/** The preview being read; null when none is. */
		private Job previewing;

		PreviewPage() {
			super("preview", "Contracting report", null);
			setDescription("USAspending or FPDS data as CSV, XLSX, XLS or FPDS ATOM XML (a ZIP download too), an"
					+ " HTML or Excel 2003 XML export, or an agency's own spreadsheet; the format is read from the"
					+ " content, whatever the extension.");
		}

		@Override
		public void createControl(Composite parent) {
			Composite root = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().numColumns(3).applyTo(root);
			new Label(root, SWT.NONE).setText("File:");
			fileText = new Text(root, SWT.BORDER);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(fileText);
			Button browse = new Button(root, SWT.PUSH);
			browse.setText("Browse...");
			browse.addListener(SWT.Selection, e -> {
				FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
				dialog.setFilterExtensions(
						new String[] { "*.csv;*.xlsx;*.xls;*.xml;*.txt;*.htm;*.html;*.zip", "*.*" });
				dialog.setFilterPath(procurement.review.ui.ReviewPreferences.folder("import").toString());
				String file = dialog.open();
				if (file != null) {
					procurement.review.ui.ReviewPreferences.rememberFolder("import", java.nio.file.Path.of(file));
					fileText.setText(file);
				}
			});
			detected = new Label(root, SWT.WRAP);
			GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(detected);

			new Label(root, SWT.NONE).setText("Table starts at:");
			startCombo = new Combo(root, SWT.READ_ONLY);
			GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(startCombo);
			startCombo.addListener(SWT.Selection, e -> chooseStart(startCombo.getSelectionIndex()));

			mappingViewer = new TableViewer(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
			mappingViewer.getTable().setHeaderVisible(true);
			mappingViewer.getTable().setLinesVisible(true);
			mappingViewer.setContentProvider(ArrayContentProvider.getInstance());
			TableViewerColumn field = new TableViewerColumn(mappingViewer, SWT.LEFT);
			field.getColumn().setText("Field");
			field.getColumn().setWidth(220);
			field.setLabelProvider(ColumnLabelProvider.createTextProvider(f -> ((ContractField) f).label()));
			TableViewerColumn column = new TableViewerColumn(mappingViewer, SWT.LEFT);
			column.getColumn().setText("Column (click to change)");
			column.getColumn().setWidth(300);
			column.setLabelProvider(ColumnLabelProvider.createTextProvider(f -> columnText((ContractField) f)));
			column.setEditingSupport(new ColumnEditing(mappingViewer));
			GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(520, 170).applyTo(mappingViewer.getTable());

			previewViewer = new TableViewer(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
			previewViewer.getTable().setHeaderVisible(true);
			previewViewer.getTable().setLinesVisible(true);
			previewViewer.setContentProvider(ArrayContentProvider.getInstance());
			GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(700, 200).applyTo(previewViewer.getTable());

			fileText.addModifyListener(e -> preview(fileText.getText().trim()));
			setControl(root);
			if (chosen != null) {
				fileText.setText(chosen.toString());
			} else {
				setPageComplete(false);
			}
		}

		/** @param file the file to preview (tests set it directly) */
		public void setFile(String file) {
			fileText.setText(file);
		}

		/** @return the preview table viewer, for tests */
		public TableViewer previewViewer() {
			return previewViewer;
		}

		/** @return the field-to-column table (one row per field, in {@link #fields()} order), for tests */
		public TableViewer mappingViewer() {
			return mappingViewer;
		}

		/** @return the fields of the mapping table, in its order */
		public List<ContractField> fields() {
			return FIELD_ORDER;
		}

		/** @return the start-row chooser, for tests */
		public Combo startCombo() {
			return startCombo;
		}

		/** @return whether a preview is being read or waits to be shown, for tests */
		public boolean isPreviewing() {
			return previewing != null;
		}

		/** @return the layout shown, or null when no table is chosen */
		public TableLayout layout() {
			return start == null || mapping == null ? null
					: new TableLayout(start.sheet().name(), start.sheet().numbers().get(start.index()), mapping);
		}

		private void preview(String text) {
			if (previewing != null) {
				previewing.cancel();
				previewing = null;
			}
			chosen = null;
			start = null;
			mapping = null;
			starts.clear();
			startCombo.removeAll();
			setPageComplete(false);
			mappingViewer.setInput(new Object[0]);
			previewViewer.setInput(new Object[0]);
			detected.setText("");
			if (text.isEmpty()) {
				setErrorMessage(null);
				return;
			}
			String problem = problemWithName(text);
			if (problem != null) {
				setErrorMessage(problem);
				return;
			}
			Path file = Path.of(text);
			if (!Files.isRegularFile(file)) {
				setErrorMessage("No such file: " + text);
				return;
			}
			setErrorMessage(null);
			detected.setText("Reading " + file.getFileName() + "...");
			detected.requestLayout();
			previewing = new PreviewJob(file, fileText.getDisplay());
			previewing.schedule(TYPING_PAUSE_MS);
		}

		/** Shows what a preview job read, unless the file changed since it started. */
		private void showRead(PreviewJob job, Preview preview, String error) {
			if (job != previewing || getControl() == null || getControl().isDisposed()) {
				return;
			}
			previewing = null;
			detected.setText("");
			if (error != null) {
				setErrorMessage(error);
				return;
			}
			format = preview.format();
			Start found = null;
			for (SheetRows sheet : preview.sheets()) {
				for (int i = 0; i < Math.min(ColumnMapping.HEADER_SEARCH_ROWS, sheet.rows().size()); i++) {
					starts.add(new Start(sheet, i));
					startCombo.add((preview.sheets().size() > 1 ? sheet.name() + ", row " : "Row ")
							+ sheet.numbers().get(i) + ": " + StringUtils.abbreviate(String.join(" | ",
									Arrays.stream(sheet.rows().get(i)).map(c -> c == null ? "" : c).toList()), 60));
				}
				if (found == null && sheet.start >= 0) {
					found = new Start(sheet, sheet.start);
					mapping = sheet.mapping;
				}
			}
			if (starts.isEmpty()) {
				setErrorMessage(job.file.getFileName() + " holds no rows");
				return;
			}
			chosen = job.file;
			if (found == null) {
				found = starts.get(0);
				mapping = ColumnMapping.fromHeader(found.row());
			}
			show(found);
			startCombo.select(starts.indexOf(found));
			setErrorMessage(null);
			getShell().layout(true, true);
		}

		@Override
		public void dispose() {
			if (previewing != null) {
				previewing.cancel();
				previewing = null;
			}
			super.dispose();
		}

		/** Reads the preview of a file and hands it to the UI thread. */
		private final class PreviewJob extends Job {
			private final Path file;
			private final Display display;

			PreviewJob(Path file, Display display) {
				super("Previewing " + file.getFileName());
				this.file = file;
				this.display = display;
				setSystem(true);
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == PREVIEW_JOBS;
			}

			@Override
			protected IStatus run(IProgressMonitor monitor) {
				Preview preview;
				String error = null;
				try {
					preview = read(file, monitor);
				} catch (IOException | RuntimeException e) {
					preview = null;
					error = e.getMessage() == null ? file.getFileName() + " cannot be read" : e.getMessage();
				}
				if (monitor.isCanceled()) {
					return Status.CANCEL_STATUS;
				}
				Preview read = preview;
				String failure = error;
				if (!display.isDisposed()) {
					display.asyncExec(() -> showRead(this, read, failure));
				}
				return Status.OK_STATUS;
			}
		}

		/**
		 * Lets the table start at another row, as the start chooser does.
		 *
		 * @param index the chooser's item
		 */
		public void chooseStart(int index) {
			if (index < 0 || index >= starts.size()) {
				return;
			}
			Start chosenStart = starts.get(index);
			mapping = ColumnMapping.startingAt(chosenStart.index(), chosenStart.row())
					.orElseGet(() -> ColumnMapping.fromHeader(chosenStart.row()));
			show(chosenStart);
		}

		private void show(Start shown) {
			start = shown;
			detected.setText("Format " + format + ", columns "
					+ (mapping.generation() == ColumnGeneration.CUSTOM ? "under the file's own headings"
							: mapping.generation() + " (" + Math.round(mapping.confidence() * 100) + "% sure)")
					+ ", " + mapping.fields().size() + " fields recognised"
					+ (mapping.hasHeaderRow() ? "" : ", no header row")
					+ (shown.sheet().numbers().get(shown.index()) > 1 ? ", table starts at row "
							+ shown.sheet().numbers().get(shown.index()) : ""));
			mappingViewer.setInput(FIELD_ORDER);
			List<String[]> rows = shown.sheet().rows();
			showPreview(rows.subList(shown.index(), Math.min(rows.size(), shown.index() + PREVIEW_ROWS)));
			validate();
		}

		private void validate() {
			boolean vendor = VENDOR_FIELDS.stream().anyMatch(f -> mapping.indexOf(f) >= 0);
			setPageComplete(vendor);
			setErrorMessage(vendor ? null
					: "Choose the column of the vendor's name, UEI or DUNS: the review is about vendors.");
			setMessage(vendor && mapping.confidence() < 0.6 ? "Few columns recognised: check the mapping and the"
					+ " preview before importing" : null, WARNING);
		}

		/** "C: Vendor Name", the column of a field; the first row's value stands in for a header when none. */
		private String columnText(ContractField field) {
			int index = mapping == null ? -1 : mapping.indexOf(field);
			return index < 0 ? NOT_IN_FILE : columnName(index);
		}

		private String columnName(int index) {
			String[] row = start.row();
			String cell = index < row.length && row[index] != null ? row[index] : "";
			return ReadProblem.columnLetters(index) + ": " + StringUtils.abbreviate(cell, 60);
		}

		private void showPreview(List<String[]> rows) {
			while (previewViewer.getTable().getColumnCount() > 0) {
				previewViewer.getTable().getColumn(0).dispose();
			}
			int columns = Math.min(40, rows.stream().mapToInt(r -> r.length).max().orElse(0));
			for (int i = 0; i < columns; i++) {
				int index = i;
				TableViewerColumn column = new TableViewerColumn(previewViewer, SWT.LEFT);
				column.getColumn().setText(ReadProblem.columnLetters(i));
				column.getColumn().setWidth(110);
				column.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> {
					String[] row = (String[]) element;
					return index < row.length && row[index] != null ? row[index] : "";
				}));
			}
			previewViewer.setInput(rows);
		}

		/** The column of a field, chosen from the columns of the start row. */
		private final class ColumnEditing extends EditingSupport {

			ColumnEditing(TableViewer viewer) {
				super(viewer);
			}

			private int columnCount() {
				return Math.max(start.row().length, mapping.columnCount());
			}

			@Override
			protected CellEditor getCellEditor(Object element) {
				String[] items = new String[columnCount() + 1];
				items[0] = NOT_IN_FILE;
				for (int i = 0; i < columnCount(); i++) {
					items[i + 1] = columnName(i);
				}
				return new ComboBoxCellEditor(mappingViewer.getTable(), items, SWT.READ_ONLY);
			}

			@Override
			protected boolean canEdit(Object element) {
				return start != null && mapping != null;
			}

			@Override
			protected Object getValue(Object element) {
				return mapping.indexOf((ContractField) element) + 1;
			}

			@Override
			protected void setValue(Object element, Object value) {
				int item = (Integer) value;
				if (item < 0) {
					return;
				}
				mapping = mapping.with((ContractField) element, item - 1);
				mappingViewer.update(element, null);
				validate();
			}
		}
	}
}
