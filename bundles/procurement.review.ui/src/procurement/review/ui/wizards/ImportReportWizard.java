package procurement.review.ui.wizards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import procurement.review.core.importer.ColumnMapping;
import procurement.review.core.importer.ContractField;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.TableReaders;

/**
 * File > Import > Contracting report: choose a file, see its detected format, column layout and first rows, then
 * import it in the background. The wizard only previews; the import itself runs as a Job (see ImportHandler).
 */
public class ImportReportWizard extends Wizard {

	private static final int PREVIEW_ROWS = 20;

	private final PreviewPage page = new PreviewPage();
	private Path chosen;

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
		return chosen != null && Files.isRegularFile(chosen);
	}

	/** @return the file to import, after Finish */
	public Path file() {
		return chosen;
	}

	/** @return the preview page, for tests */
	public PreviewPage previewPage() {
		return page;
	}

	/** The one page: file field, detection summary, mapping and preview tables. */
	public final class PreviewPage extends WizardPage {
		private Text fileText;
		private Label detected;
		private TableViewer mappingViewer;
		private TableViewer previewViewer;

		PreviewPage() {
			super("preview", "Contracting report", null);
			setDescription("USAspending or FPDS data as CSV, XLSX, XLS or FPDS ATOM XML; the format is read from the "
					+ "content, whatever the extension.");
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
				dialog.setFilterExtensions(new String[] { "*.csv;*.xlsx;*.xls;*.xml;*.txt", "*.*" });
				String file = dialog.open();
				if (file != null) {
					fileText.setText(file);
				}
			});
			detected = new Label(root, SWT.WRAP);
			GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(detected);

			mappingViewer = new TableViewer(root, SWT.BORDER | SWT.FULL_SELECTION);
			mappingViewer.getTable().setHeaderVisible(true);
			mappingViewer.setContentProvider(ArrayContentProvider.getInstance());
			column(mappingViewer, "Field", 200, 0);
			column(mappingViewer, "Column", 260, 1);
			GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(500, 140).applyTo(mappingViewer.getTable());

			previewViewer = new TableViewer(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
			previewViewer.getTable().setHeaderVisible(true);
			previewViewer.getTable().setLinesVisible(true);
			previewViewer.setContentProvider(ArrayContentProvider.getInstance());
			GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(700, 220).applyTo(previewViewer.getTable());

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

		private void preview(String text) {
			chosen = null;
			setPageComplete(false);
			mappingViewer.setInput(new Object[0]);
			previewViewer.setInput(new Object[0]);
			if (text.isEmpty()) {
				setErrorMessage(null);
				return;
			}
			Path file = Path.of(text);
			if (!Files.isRegularFile(file)) {
				setErrorMessage("No such file: " + text);
				return;
			}
			List<String[]> rows = new ArrayList<>();
			String format;
			try (TableReader reader = TableReaders.open(file)) {
				format = reader.format().name();
				reader.read(new TableHandler() {
					@Override
					public boolean row(long rowNumber, String[] cells) {
						rows.add(cells);
						return rows.size() < PREVIEW_ROWS;
					}
				}, null);
			} catch (IOException | RuntimeException e) {
				setErrorMessage(e.getMessage());
				return;
			}
			if (rows.isEmpty()) {
				setErrorMessage(file.getFileName() + " holds no rows");
				return;
			}
			ColumnMapping mapping = ColumnMapping.detect(rows.get(0));
			String[] header = rows.get(0);
			detected.setText("Format " + format + ", columns " + mapping.generation() + " ("
					+ Math.round(mapping.confidence() * 100) + "% sure), " + mapping.fields().size()
					+ " fields recognised" + (mapping.hasHeaderRow() ? "" : ", no header row"));
			List<String[]> fields = new ArrayList<>();
			for (Map.Entry<ContractField, Integer> entry : mapping.fields().entrySet()) {
				int index = entry.getValue();
				String name = mapping.hasHeaderRow() && index < header.length ? header[index] : "#" + (index + 1);
				fields.add(new String[] { entry.getKey().name(), name });
			}
			mappingViewer.setInput(fields);
			showPreview(rows);
			setErrorMessage(null);
			setMessage(mapping.fields().size() < 3
					? "Few columns recognised: check the preview before importing"
					: null, WARNING);
			chosen = file;
			setPageComplete(true);
			getShell().layout(true, true);
		}

		private void showPreview(List<String[]> rows) {
			while (previewViewer.getTable().getColumnCount() > 0) {
				previewViewer.getTable().getColumn(0).dispose();
			}
			int columns = Math.min(40, rows.stream().mapToInt(r -> r.length).max().orElse(0));
			for (int i = 0; i < columns; i++) {
				column(previewViewer, String.valueOf(i + 1), 110, i);
			}
			previewViewer.setInput(rows);
		}

		private static void column(TableViewer viewer, String title, int width, int index) {
			TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
			column.getColumn().setText(title);
			column.getColumn().setWidth(width);
			column.setLabelProvider(new ColumnLabelProvider() {
				@Override
				public String getText(Object element) {
					String[] row = (String[]) element;
					return index < row.length && row[index] != null ? row[index] : "";
				}
			});
		}
	}
}
