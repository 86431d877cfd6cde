package procurement.review.ui.internal;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;

/**
 * A virtual JFace table over a long list of rows that holds only the rows on screen.
 * <p>
 * GTK's tree view, under SWT's virtual table, adds, removes and clears rows one at a time, at microseconds each:
 * seconds on the UI thread whenever a million-row table is filtered, sorted or refilled. Here the SWT table (still
 * {@code SWT.VIRTUAL}, filled by a lazy content provider) has as many items as fit, and shows the window of rows
 * that starts at {@link #top()}; a slider of its own scrolls the window, and the mouse wheel and the navigation keys
 * (arrows, Page Up/Down, Home, End) move it. Filtering, sorting and scrolling cost the UI thread the few dozen rows on
 * screen, whatever the length of the list. The selected row is kept as a position in the list, so it survives
 * scrolling out of the window and back.
 *
 * @param <T> the row type
 */
public final class WindowedTable<T> {

	private final Composite control;
	private final TableViewer viewer;
	private final Table table;
	private final Slider slider;
	private List<T> rows = List.of();
	private int top;
	private int visible = 1;
	private int selected = -1;
	private Function<T, Object> identity = row -> row;

	/**
	 * @param parent the parent, laid out by the caller through {@link #control()}
	 * @param style extra table style bits, such as {@code SWT.MULTI}
	 */
	public WindowedTable(Composite parent, int style) {
		control = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(0, 0).applyTo(control);
		viewer = new TableViewer(control, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.BORDER | style);
		table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		// the table asks for no height of its own: the window is as long as the part is high
		GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 60).applyTo(table);
		slider = new Slider(control, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(false, true).applyTo(slider);
		viewer.setUseHashlookup(false);
		viewer.setContentProvider((ILazyContentProvider) index -> {
			List<T> current = rows;
			int row = top + index;
			if (row < current.size()) {
				viewer.replace(current.get(row), index);
			}
		});
		viewer.setInput(rows);
		slider.addListener(SWT.Selection, e -> scrollTo(slider.getSelection()));
		table.addListener(SWT.MouseVerticalWheel, e -> {
			e.doit = false;
			scrollTo(top - e.count);
		});
		table.addListener(SWT.KeyDown, this::key);
		table.addListener(SWT.Selection, e -> {
			int index = table.getSelectionIndex();
			selected = index < 0 ? -1 : top + index;
		});
		table.addListener(SWT.Resize, e -> fit());
	}

	/**
	 * @param rowIdentity what a row stands for, compared by reference to find the selected row again among new
	 *                    rows (rows that are computed afresh stand for a model object)
	 */
	public void setIdentity(Function<T, Object> rowIdentity) {
		identity = rowIdentity;
	}

	/** @return the composite holding table and slider, for layout */
	public Composite control() {
		return control;
	}

	/** @return the JFace viewer: columns, label providers and selection listeners go here */
	public TableViewer viewer() {
		return viewer;
	}

	/** @return the slider that scrolls the window */
	public Slider slider() {
		return slider;
	}

	/** @return the rows, in display order */
	public List<T> rows() {
		return rows;
	}

	/** @return the rows on screen, for measuring their cells (a view of {@link #rows()}) */
	public List<T> onScreen() {
		int from = Math.min(top, rows.size());
		return rows.subList(from, Math.min(rows.size(), from + Math.max(visible, table.getItemCount())));
	}

	/** @return the position in {@link #rows()} of the first row on screen */
	public int top() {
		return top;
	}

	/**
	 * Shows other rows (a new filter or order, or the same rows after an edit). The window stays where it was, as
	 * far as the new rows reach, and the selected row stays selected wherever it moved (one scan by identity).
	 *
	 * @param newRows the rows; not copied, must not change afterwards
	 */
	public void setRows(List<T> newRows) {
		Object current = selected >= 0 && selected < rows.size() ? identity.apply(rows.get(selected)) : null;
		rows = newRows;
		selected = -1;
		if (current != null) {
			for (int i = 0, n = newRows.size(); i < n; i++) {
				if (identity.apply(newRows.get(i)) == current) {
					selected = i;
					break;
				}
			}
		}
		top = Math.max(0, Math.min(top, rows.size() - visible));
		refresh();
		fit(); // the first rows tell where rows start
	}

	/**
	 * Moves the window.
	 *
	 * @param row the position in {@link #rows()} to show first; clamped
	 */
	public void scrollTo(int row) {
		int clamped = Math.max(0, Math.min(row, rows.size() - visible));
		if (clamped != top) {
			top = clamped;
			refresh();
		}
	}

	/**
	 * Selects a row, scrolling it into view, and tells the viewer's selection listeners.
	 *
	 * @param row the position in {@link #rows()}
	 */
	public void select(int row) {
		if (row < 0 || row >= rows.size()) {
			return;
		}
		selected = row;
		if (row < top) {
			scrollTo(row);
		} else if (row >= top + visible) {
			scrollTo(row - visible + 1);
		}
		showSelection();
		Event event = new Event();
		event.item = table.getItem(row - top);
		table.notifyListeners(SWT.Selection, event);
	}

	/** @return the position in {@link #rows()} of the selected row, -1 for none */
	public int selectedRow() {
		return selected;
	}

	private void key(Event e) {
		if (rows.isEmpty()) {
			return;
		}
		int current = selected >= 0 ? selected : top;
		int target;
		switch (e.keyCode) {
		case SWT.ARROW_DOWN -> target = current + 1;
		case SWT.ARROW_UP -> target = current - 1;
		case SWT.PAGE_DOWN -> target = current + visible;
		case SWT.PAGE_UP -> target = current - visible;
		case SWT.HOME -> target = 0;
		case SWT.END -> target = rows.size() - 1;
		default -> {
			return;
		}
		}
		e.doit = false;
		select(Math.max(0, Math.min(target, rows.size() - 1)));
	}

	/** Recounts the rows that fit after a resize. */
	private void fit() {
		int itemHeight = Math.max(1, table.getItemHeight());
		Rectangle area = table.getClientArea();
		// rows start below the header; whether the client area includes the header differs between platforms, so
		// measure from where the first row actually is
		int firstRow = table.getItemCount() > 0 ? table.getItem(0).getBounds().y
				: area.y + (table.getHeaderVisible() ? table.getHeaderHeight() : 0);
		int fits = Math.max(1, (area.y + area.height - firstRow) / itemHeight);
		if (fits != visible) {
			visible = fits;
			top = Math.max(0, Math.min(top, rows.size() - visible));
			refresh();
		}
	}

	private void refresh() {
		if (table.isDisposed()) {
			return;
		}
		int count = Math.max(0, Math.min(visible, rows.size() - top));
		table.setRedraw(false);
		try {
			if (table.getItemCount() != count) {
				viewer.setItemCount(count);
			}
			// the same items now show other rows: forget their texts; the lazy provider fills them in again
			table.clearAll();
			showSelection();
		} finally {
			table.setRedraw(true);
		}
		int size = Math.max(rows.size(), visible);
		slider.setValues(top, 0, size, visible, 1, Math.max(1, visible - 1));
		slider.setEnabled(rows.size() > visible);
	}

	private void showSelection() {
		table.deselectAll();
		if (selected >= top && selected < top + table.getItemCount()) {
			table.select(selected - top);
		}
	}
}
