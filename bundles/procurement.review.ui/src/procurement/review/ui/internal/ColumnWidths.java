package procurement.review.ui.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Keeps a table's column widths in its part's persisted state, which the workbench saves with the window layout, so
 * the widths a reviewer chose come back after a restart; and sizes the columns of values (enum words, money, dates)
 * to their widest value ({@link #fit}) as long as the reviewer has not resized them.
 * <p>
 * A width the reviewer set is told from one the workbench set: {@link #fit} sets widths under a guard, and GTK's
 * widening of the last column to the table's edge is not a resize by the reviewer either. The columns the reviewer
 * resized are kept with the widths ({@link #BY_REVIEWER}); a layout saved before that key existed counts as the
 * reviewer's throughout.
 */
public final class ColumnWidths {

	/** The persisted-state key: widths in pixels, comma-separated, in column creation order. */
	public static final String KEY = "columnWidths";

	/** The persisted-state key: the positions of the columns the reviewer resized, comma-separated. */
	public static final String BY_REVIEWER = "columnWidthsByReviewer";

	/** Pixels beside a cell's text: the cell's padding and a margin. */
	static final int PADDING = 24;
	/** Pixels beside a header's text: the padding and the sort arrow. */
	static final int HEADER_PADDING = 36;

	private static final String TRACKED = ColumnWidths.class.getName() + ".tracked";
	private static final String SIZING = ColumnWidths.class.getName() + ".sizing";
	private static final String REVIEWER = ColumnWidths.class.getName() + ".reviewer";
	private static final String DEFAULT = ColumnWidths.class.getName() + ".default";
	private static final String SET = ColumnWidths.class.getName() + ".set";

	private ColumnWidths() {
	}

	/**
	 * Applies the saved widths and saves them again on every column resize.
	 *
	 * @param part  the part owning the table, may be null (then nothing is kept, but resizes by the reviewer are
	 *              still told apart)
	 * @param table the table, with its columns created
	 */
	public static void keep(MPart part, Table table) {
		TableColumn[] columns = table.getColumns();
		for (TableColumn column : columns) {
			column.setData(DEFAULT, column.getWidth());
		}
		if (part != null) {
			String saved = part.getPersistedState().get(KEY);
			String reviewer = part.getPersistedState().get(BY_REVIEWER);
			Set<Integer> byReviewer = reviewer == null ? null : positions(reviewer);
			if (saved != null) {
				String[] widths = saved.split(",");
				for (int i = 0; i < Math.min(widths.length, columns.length); i++) {
					try {
						int width = Integer.parseInt(widths[i].trim());
						if (width > 0 && width < 10_000) {
							guarded(columns[i], width);
							if (byReviewer == null || byReviewer.contains(i)) {
								columns[i].setData(REVIEWER, Boolean.TRUE);
							}
						}
					} catch (NumberFormatException e) {
						// a damaged entry keeps the column's default width
					}
				}
			}
		}
		track(table, part);
	}

	private static Set<Integer> positions(String text) {
		Set<Integer> out = new HashSet<>();
		for (String p : text.split(",")) {
			try {
				if (!p.isBlank()) {
					out.add(Integer.parseInt(p.trim()));
				}
			} catch (NumberFormatException e) {
				// left out
			}
		}
		return out;
	}

	/** Listens to the columns' resizes once: marks the reviewer's and stores the widths in the part. */
	private static void track(Table table, MPart part) {
		if (table.getData(TRACKED) != null) {
			return;
		}
		table.setData(TRACKED, Boolean.TRUE);
		TableColumn[] columns = table.getColumns();
		for (TableColumn column : columns) {
			if (column.getData(DEFAULT) == null) {
				column.setData(DEFAULT, column.getWidth());
			}
			column.setData(SET, column.getWidth());
		}
		Listener listener = e -> {
			TableColumn column = (TableColumn) e.widget;
			int width = column.getWidth();
			Object set = column.getData(SET);
			boolean ours = column.getData(SIZING) != null;
			// GTK widens the last column to the table's edge: that is no width the reviewer chose
			boolean filled = column == last(table) && set instanceof Integer known && width >= known;
			if (!ours && !filled && !(set instanceof Integer known && known == width)) {
				column.setData(REVIEWER, Boolean.TRUE);
				column.setData(SET, width);
			}
			if (part != null) {
				TableColumn[] all = table.getColumns();
				part.getPersistedState().put(KEY,
						Arrays.stream(all).map(c -> Integer.toString(c.getWidth())).collect(Collectors.joining(",")));
				part.getPersistedState().put(BY_REVIEWER, IntStream.range(0, all.length)
						.filter(i -> setByReviewer(all[i])).mapToObj(Integer::toString).collect(Collectors.joining(",")));
			}
		};
		for (TableColumn column : columns) {
			column.addListener(SWT.Resize, listener);
		}
	}

	private static TableColumn last(Table table) {
		int[] order = table.getColumnOrder();
		return order.length == 0 ? null : table.getColumn(order[order.length - 1]);
	}

	private static void guarded(TableColumn column, int width) {
		column.setData(SIZING, Boolean.TRUE);
		try {
			column.setData(SET, width);
			column.setWidth(width);
		} finally {
			column.setData(SIZING, null);
		}
	}

	/**
	 * @param column a table column
	 * @return true when the reviewer resized it (now or in a saved layout)
	 */
	public static boolean setByReviewer(TableColumn column) {
		return column.getData(REVIEWER) != null;
	}

	/**
	 * Sizes a column to its widest value, unless the reviewer has resized it: the widest of its header, the known
	 * values (the words of an enum, the extremes of an amount) and the cells of the given rows (those on screen, not
	 * a million), never narrower than the column's initial width. Call it after a reload, on the UI thread.
	 *
	 * @param viewer the table viewer, its columns made by {@link Columns}
	 * @param column the column's position in creation order
	 * @param rows   rows whose cells to measure through the column's label provider; may be empty
	 * @param known  texts the column may show; may be empty
	 * @return the column's width afterwards
	 */
	public static int fit(TableViewer viewer, int column, Collection<?> rows, Collection<String> known) {
		Table table = viewer.getTable();
		track(table, null);
		TableColumn target = table.getColumn(column);
		if (setByReviewer(target)) {
			return target.getWidth();
		}
		CellLabelProvider provider = viewer.getLabelProvider(column);
		GC gc = new GC(table);
		int needed;
		try {
			gc.setFont(table.getFont());
			needed = gc.textExtent(target.getText()).x + HEADER_PADDING;
			for (String text : known) {
				if (text != null) {
					needed = Math.max(needed, gc.textExtent(text).x + PADDING);
				}
			}
			if (provider instanceof ColumnLabelProvider labels) {
				for (Object row : rows) {
					String text = labels.getText(row);
					if (text != null && !text.isEmpty()) {
						needed = Math.max(needed, gc.textExtent(text).x + PADDING);
					}
				}
			}
		} finally {
			gc.dispose();
		}
		Object initial = target.getData(DEFAULT);
		int width = Math.max(needed, initial instanceof Integer w ? w : 0);
		if (width != target.getWidth()) {
			guarded(target, width);
		}
		return target.getWidth();
	}
}
