package procurement.review.ui.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Keeps a table's column widths in its part's persisted state, which the workbench saves with the window layout, so
 * the widths a reviewer chose come back after a restart.
 */
public final class ColumnWidths {

	/** The persisted-state key: widths in pixels, comma-separated, in column creation order. */
	public static final String KEY = "columnWidths";

	private ColumnWidths() {
	}

	/**
	 * Applies the saved widths and saves them again on every column resize.
	 *
	 * @param part  the part owning the table, may be null (then nothing is kept)
	 * @param table the table, with its columns created
	 */
	public static void keep(MPart part, Table table) {
		if (part == null) {
			return;
		}
		TableColumn[] columns = table.getColumns();
		String saved = part.getPersistedState().get(KEY);
		if (saved != null) {
			String[] widths = saved.split(",");
			for (int i = 0; i < Math.min(widths.length, columns.length); i++) {
				try {
					int width = Integer.parseInt(widths[i].trim());
					if (width > 0 && width < 10_000) {
						columns[i].setWidth(width);
					}
				} catch (NumberFormatException e) {
					// a damaged entry keeps the column's default width
				}
			}
		}
		Listener store = e -> part.getPersistedState().put(KEY, Arrays.stream(table.getColumns())
				.map(c -> Integer.toString(c.getWidth())).collect(Collectors.joining(",")));
		for (TableColumn column : columns) {
			column.addListener(SWT.Resize, store);
		}
	}
}
