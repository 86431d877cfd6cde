package procurement.review.ui.internal;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;

/**
 * Adds text columns to a table viewer from a label function per column: one table of columns per part instead of
 * a label provider class each.
 */
public final class Columns {

	private Columns() {
	}

	/**
	 * @param <T> the row type
	 * @param viewer the table viewer
	 * @param title the column header
	 * @param width the initial width in pixels
	 * @param rightAligned true for amounts
	 * @param text the cell text of a row
	 * @return the column
	 */
	@SuppressWarnings("unchecked")
	public static <T> TableViewerColumn add(TableViewer viewer, String title, int width, boolean rightAligned,
			Function<T, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, rightAligned ? SWT.RIGHT : SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.getColumn().setMoveable(true);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String value = element == null ? null : text.apply((T) element);
				return value == null ? "" : value;
			}
		});
		return column;
	}
}
