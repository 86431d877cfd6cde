package procurement.review.ui.parts;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import jakarta.annotation.PostConstruct;
import procurement.review.core.ReviewSession;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.Match;
import procurement.review.model.Vendor;
import procurement.review.ui.internal.ColumnWidths;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.Names;
import procurement.review.ui.internal.ReviewPart;

/**
 * Exposure per department: the obligations of actions with hits, one bar per department with hits, stacked by
 * decision state, and the same numbers as a table. JFreeChart draws into an image (its SWT module is not on Maven
 * Central), redrawn when the part is resized.
 */
public class DashboardPart extends ReviewPart {

	/** One department's row of the dashboard. */
	public record Row(String department, int hits, int same, int notSame, int unsure, int open, BigDecimal exposure,
			int actions) {
	}

	private Canvas canvas;
	private TableViewer table;
	private Image image;
	private List<Row> rows = List.of();

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().applyTo(parent);
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
		canvas.addListener(SWT.Paint, e -> {
			if (image != null) {
				e.gc.drawImage(image, 0, 0);
			}
		});
		canvas.addListener(SWT.Resize, e -> render());
		canvas.addDisposeListener(e -> disposeImage());
		table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 160).applyTo(table.getTable());
		table.setContentProvider(ArrayContentProvider.getInstance());
		Columns.add(table, Row.class, "Department", 260, false, Row::department);
		Columns.add(table, Row.class, "Actions hit", 90, true, r -> String.valueOf(r.actions()));
		Columns.add(table, Row.class, "Exposure", 130, true, r -> Names.money(r.exposure()));
		Columns.add(table, Row.class, "Hits", 60, true, r -> String.valueOf(r.hits()));
		Columns.add(table, Row.class, "Same", 60, true, r -> String.valueOf(r.same()));
		Columns.add(table, Row.class, "Not same", 70, true, r -> String.valueOf(r.notSame()));
		Columns.add(table, Row.class, "Unsure", 60, true, r -> String.valueOf(r.unsure()));
		Columns.add(table, Row.class, "Open", 60, true, r -> String.valueOf(r.open()));
		keepWidths(table.getTable());
		follow(canvas, initial);
	}


	/**
	 * @param review the review's matches and actions
	 * @return one row per department with hits, largest exposure first
	 */
	public static List<Row> rows(procurement.review.model.ReviewProject review) {
		Map<Vendor, List<Match>> vendorMatches = new LinkedHashMap<>();
		Map<ContractAction, List<Match>> actionMatches = new LinkedHashMap<>();
		for (Match match : review.getMatches()) {
			if (match.getAction() != null) {
				actionMatches.computeIfAbsent(match.getAction(), a -> new ArrayList<>()).add(match);
			} else if (match.getVendor() != null) {
				vendorMatches.computeIfAbsent(match.getVendor(), v -> new ArrayList<>()).add(match);
			}
		}
		Map<String, int[]> counts = new TreeMap<>();
		Map<String, BigDecimal> exposure = new TreeMap<>();
		Map<String, Set<Match>> seen = new TreeMap<>();
		for (ContractingReport report : review.getReports()) {
			for (ContractAction action : report.getActions()) {
				List<Match> hits = new ArrayList<>(actionMatches.getOrDefault(action, List.of()));
				hits.addAll(vendorMatches.getOrDefault(action.getVendor(), List.of()));
				if (hits.isEmpty()) {
					continue;
				}
				Department department = action.getDepartment();
				String name = department == null ? "(no department)" : department.getName();
				int[] c = counts.computeIfAbsent(name, n -> new int[6]);
				c[5]++;
				if (action.getObligation() != null) {
					exposure.merge(name, action.getObligation(), BigDecimal::add);
				}
				Set<Match> done = seen.computeIfAbsent(name, n -> new HashSet<>());
				for (Match hit : hits) {
					if (done.add(hit)) {
						c[0]++;
						int state = hit.getDecision() == null ? 4 : 1 + hit.getDecision().getState().getValue();
						c[state]++;
					}
				}
			}
		}
		List<Row> rows = new ArrayList<>();
		counts.forEach((name, c) -> rows.add(new Row(name, c[0], c[1], c[2], c[3], c[4],
				exposure.getOrDefault(name, BigDecimal.ZERO), c[5])));
		rows.sort((a, b) -> b.exposure().compareTo(a.exposure()));
		return rows;
	}

	@Override
	protected void reload() {
		rows = session == null ? List.of() : rows(session.review());
		table.setInput(rows);
		ColumnWidths.fit(table, 2, rows, List.of());
		render();
	}

	private void render() {
		if (canvas.isDisposed()) {
			return;
		}
		int width = Math.max(200, canvas.getClientArea().width);
		int height = Math.max(150, canvas.getClientArea().height);
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (Row row : rows) {
			data.addValue(row.same(), "Same", row.department());
			data.addValue(row.unsure(), "Unsure", row.department());
			data.addValue(row.open(), "Awaiting decision", row.department());
			data.addValue(row.notSame(), "Not same", row.department());
		}
		JFreeChart chart = ChartFactory.createStackedBarChart("Hits per department", null, "Hits", data,
				PlotOrientation.HORIZONTAL, true, false, false);
		// Colours say what a state means: confirmed covered in red, open in amber, unsure in blue, cleared in grey.
		var renderer = chart.getCategoryPlot().getRenderer();
		renderer.setSeriesPaint(0, new java.awt.Color(0xB0, 0x1E, 0x1E));
		renderer.setSeriesPaint(1, new java.awt.Color(0x3A, 0x6E, 0xA5));
		renderer.setSeriesPaint(2, new java.awt.Color(0xE0, 0x9A, 0x1B));
		renderer.setSeriesPaint(3, new java.awt.Color(0xB8, 0xB8, 0xB8));
		chart.getCategoryPlot().setBackgroundPaint(java.awt.Color.WHITE);
		BufferedImage awt = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
		disposeImage();
		image = new Image(canvas.getDisplay(), toSwt(awt));
		canvas.redraw();
	}

	/** @return the number of bars (departments) last drawn, for tests */
	public int barCount() {
		return rows.size();
	}

	/** @return the dashboard rows last shown, for tests */
	public List<Row> rows() {
		return rows;
	}

	static ImageData toSwt(BufferedImage awt) {
		PaletteData palette = new PaletteData(0xFF0000, 0x00FF00, 0x0000FF);
		ImageData data = new ImageData(awt.getWidth(), awt.getHeight(), 24, palette);
		int[] pixels = awt.getRGB(0, 0, awt.getWidth(), awt.getHeight(), null, 0, awt.getWidth());
		for (int y = 0; y < awt.getHeight(); y++) {
			data.setPixels(0, y, awt.getWidth(), pixels, y * awt.getWidth());
		}
		return data;
	}

	private void disposeImage() {
		if (image != null) {
			image.dispose();
			image = null;
		}
	}

	@Focus
	void focus() {
		canvas.setFocus();
	}
}
