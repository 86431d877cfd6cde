package procurement.review.ui.internal;

import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;

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
	 * @param type the row type (a viewer's elements are objects; each is cast to it)
	 * @param title the column header
	 * @param width the initial width in pixels
	 * @param rightAligned true for amounts
	 * @param text the cell text of a row
	 * @return the column
	 */
	public static <T> TableViewerColumn add(TableViewer viewer, Class<T> type, String title, int width,
			boolean rightAligned, Function<T, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, rightAligned ? SWT.RIGHT : SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.getColumn().setMoveable(true);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String value = element == null ? null : text.apply(type.cast(element));
				return value == null ? "" : value;
			}
		});
		return column;
	}

	/**
	 * Adds a column that sorts the rows on a click of its header: the first click sorts up, the next one down.
	 *
	 * @param <T> the row type
	 * @param <C> the sort key type
	 * @param viewer the table viewer
	 * @param type the row type
	 * @param title the column header
	 * @param width the initial width in pixels
	 * @param rightAligned true for amounts
	 * @param text the cell text of a row
	 * @param key the sort key of a row; nulls first
	 * @param sortBy receives the order the reviewer asked for (the part sorts off the UI thread)
	 * @return the column
	 */
	public static <T, C extends Comparable<C>> TableViewerColumn sortable(TableViewer viewer, Class<T> type,
			String title, int width, boolean rightAligned, Function<T, String> text, Function<T, C> key,
			Consumer<Comparator<T>> sortBy) {
		TableViewerColumn column = add(viewer, type, title, width, rightAligned, text);
		column.getColumn().addListener(SWT.Selection, e -> {
			Table table = viewer.getTable();
			boolean up = table.getSortColumn() != column.getColumn() || table.getSortDirection() == SWT.DOWN;
			table.setSortColumn(column.getColumn());
			table.setSortDirection(up ? SWT.UP : SWT.DOWN);
			Comparator<T> byKey = Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
			sortBy.accept(up ? byKey : byKey.reversed());
		});
		return column;
	}
}
