package procurement.review.ui.parts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import procurement.review.core.ReviewSession;
import procurement.review.core.VendorTagging;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Match;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.Tag;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;
import procurement.review.ui.ReviewPreferences;
import procurement.review.ui.internal.ColumnWidths;
import procurement.review.ui.internal.Columns;
import procurement.review.ui.internal.Names;
import procurement.review.ui.internal.ReviewPart;
import procurement.review.ui.internal.WindowedTable;

/**
 * The vendors of the review with what a reviewer weighs them by: origin tag, risk level, matches, exposure (the sum
 * of their obligations) and parent. The figures are computed, filtered and sorted in a background job over all
 * actions; the table is windowed ({@link WindowedTable}), so tens of thousands of vendors cost the UI thread the
 * rows on screen. Several vendors can be selected and tagged at once, as one undoable command.
 */
public class VendorsPart extends ReviewPart {

	/** One vendor with its figures. */
	public record VendorRow(Vendor vendor, String origin, RiskLevel risk, int matches, BigDecimal exposure) {
	}

	private WindowedTable<VendorRow> table;
	private TableViewer viewer;
	private Text filter;
	private Label count;
	private Comparator<VendorRow> order;
	private Job computing;
	/** The figures of the current review, computed once per change of the review; null until then. */
	private List<VendorRow> figures;
	private int reloads;

	@Inject
	private ESelectionService selection;

	@PostConstruct
	void create(Composite parent, @Optional ReviewSession initial) {
		GridLayoutFactory.fillDefaults().numColumns(3).margins(2, 2).applyTo(parent);
		filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filter.setMessage("Filter vendors: name, UEI, DUNS, parent, origin");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
		Button tag = new Button(parent, SWT.PUSH);
		tag.setText("Tag selected...");
		tag.setToolTipText("Tag the selected vendors by origin or risk, with evidence (one undoable command)");
		count = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(count);

		table = new WindowedTable<>(parent, SWT.MULTI);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table.control());
		table.setIdentity(VendorRow::vendor);
		viewer = table.viewer();
		column("Vendor", 240, false, r -> r.vendor().getName(), r -> r.vendor().getName());
		column("Origin", 70, false, VendorRow::origin, VendorRow::origin);
		column("Risk", 110, false, r -> Names.of(r.risk()), VendorRow::risk);
		column("Matches", 70, true, r -> Integer.toString(r.matches()), VendorRow::matches);
		column("Exposure", 130, true, r -> Names.money(r.exposure()), VendorRow::exposure);
		column("Parent", 200, false, r -> r.vendor().getParent() == null ? null : r.vendor().getParent().getName(),
				r -> r.vendor().getParent() == null ? null : r.vendor().getParent().getName());
		column("UEI", 110, false, r -> r.vendor().getUei(), r -> r.vendor().getUei());
		column("DUNS", 90, false, r -> r.vendor().getDuns(), r -> r.vendor().getDuns());
		filter.addModifyListener(e -> recompute());
		tag.addListener(SWT.Selection, e -> tagSelected());
		viewer.addSelectionChangedListener(event -> selection.setSelection(
				java.util.Arrays.stream(((IStructuredSelection) event.getSelection()).toArray())
						.map(r -> ((VendorRow) r).vendor()).toList()));
		follow(viewer.getControl(), initial);
	}

	private <C extends Comparable<C>> void column(String title, int width, boolean right,
			Function<VendorRow, String> label, Function<VendorRow, C> key) {
		Columns.<VendorRow, C>sortable(viewer, VendorRow.class, title, width, right, label, key, sort -> {
			order = sort;
			recompute();
		});
	}

	@Override
	protected void reload() {
		// the review changed: the figures are computed again; a new filter or order reuses them
		figures = null;
		reloads++;
		recompute();
	}

	private void recompute() {
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		if (computing != null) {
			computing.cancel();
		}
		ReviewSession current = session;
		List<VendorRow> known = figures;
		int reload = reloads;
		String text = filter.getText().trim().toUpperCase(Locale.ROOT);
		Comparator<VendorRow> sort = order;
		var display = viewer.getControl().getDisplay();
		computing = Job.create("Computing vendor figures", monitor -> {
			List<VendorRow> rows = known != null ? known
					: current == null ? List.of() : rows(current.review(), monitor);
			if (monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			List<VendorRow> shown = new ArrayList<>(rows.size());
			for (VendorRow r : rows) {
				if (text.isEmpty() || matches(r, text)) {
					shown.add(r);
				}
			}
			if (sort != null) {
				shown.sort(sort);
			}
			List<String> widest = ActionsPart.extremes(shown, VendorRow::exposure, monitor::isCanceled);
			display.asyncExec(() -> {
				if (reload == reloads) {
					figures = rows; // unless the review changed meanwhile
				}
				show(shown, rows.size(), widest);
			});
			return Status.OK_STATUS;
		});
		computing.setSystem(true);
		computing.schedule(text.isEmpty() && sort == null ? 0 : 150);
	}

	/**
	 * The figures of every vendor: one pass over the actions for exposure, one over matches and tags. A reviewer's
	 * origin tag wins over the matcher's; the risk is the highest of the vendor's tags and matches.
	 *
	 * @param review  the review
	 * @param monitor for cancellation
	 * @return one row per vendor, in the review's order
	 */
	public static List<VendorRow> rows(ReviewProject review, IProgressMonitor monitor) {
		Map<Vendor, BigDecimal> exposure = new IdentityHashMap<>();
		for (ContractingReport report : review.getReports()) {
			var actions = report.getActions();
			for (int i = 0, n = actions.size(); i < n; i++) {
				ContractAction a = actions.get(i);
				if (a.getVendor() != null && a.getObligation() != null) {
					exposure.merge(a.getVendor(), a.getObligation(), BigDecimal::add);
				}
				if ((i & 0xffff) == 0 && monitor.isCanceled()) {
					return List.of();
				}
			}
		}
		Map<Vendor, int[]> matches = new IdentityHashMap<>();
		Map<Vendor, RiskLevel> risk = new IdentityHashMap<>();
		for (Match m : review.getMatches()) {
			Vendor v = m.getVendor() != null ? m.getVendor() : m.getAction() == null ? null : m.getAction().getVendor();
			if (v != null) {
				matches.computeIfAbsent(v, k -> new int[1])[0]++;
				raise(risk, v, m.getRiskLevel());
			}
		}
		Map<Vendor, Tag> origin = new IdentityHashMap<>();
		for (Tag t : review.getTags()) {
			if (t.getVendor() == null) {
				continue;
			}
			raise(risk, t.getVendor(), t.getRiskLevel());
			if (t.getKind() == TagKind.ORIGIN) {
				Tag known = origin.get(t.getVendor());
				boolean byReviewer = !ReviewMatcher.TAG_AUTHOR.equals(t.getAuthor());
				if (known == null || byReviewer) {
					origin.put(t.getVendor(), t);
				}
			}
		}
		List<VendorRow> rows = new ArrayList<>(review.getVendors().size());
		for (Vendor v : review.getVendors()) {
			Tag o = origin.get(v);
			int[] n = matches.get(v);
			rows.add(new VendorRow(v, o == null ? null : o.getValue(), risk.get(v), n == null ? 0 : n[0],
					exposure.getOrDefault(v, BigDecimal.ZERO)));
		}
		return rows;
	}

	private static void raise(Map<Vendor, RiskLevel> risk, Vendor v, RiskLevel level) {
		if (level != null) {
			risk.merge(v, level, (a, b) -> a.getValue() >= b.getValue() ? a : b);
		}
	}

	private static boolean matches(VendorRow r, String upperText) {
		Vendor v = r.vendor();
		return contains(v.getName(), upperText) || contains(v.getUei(), upperText) || contains(v.getDuns(), upperText)
				|| contains(r.origin(), upperText)
				|| (v.getParent() != null && contains(v.getParent().getName(), upperText));
	}

	private static boolean contains(String value, String upperText) {
		return value != null && value.toUpperCase(Locale.ROOT).contains(upperText);
	}

	private void show(List<VendorRow> rows, int total, List<String> widestExposures) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		table.setRows(rows);
		// risk from its known words; exposure from the rows on screen and the extremes of all rows
		ColumnWidths.fit(viewer, 2, List.of(), Names.all(RiskLevel.VALUES));
		ColumnWidths.fit(viewer, 4, table.onScreen(), widestExposures);
		count.setText(rows.size() == total ? total + " vendors" : rows.size() + " of " + total + " vendors");
		count.getParent().layout(true);
	}

	private void tagSelected() {
		List<Vendor> vendors = selectedVendors();
		if (session == null || vendors.isEmpty()) {
			return;
		}
		TagVendorsDialog dialog = new TagVendorsDialog(viewer.getControl().getShell(), vendors.size());
		if (dialog.open() != Window.OK) {
			return;
		}
		tag(vendors, dialog.kind(), dialog.value(), dialog.risk(), dialog.evidence());
	}

	/**
	 * Tags vendors as the reviewer, as one command on the review's command stack.
	 *
	 * @param vendors  the vendors
	 * @param kind     origin or risk
	 * @param value    the tag value
	 * @param risk     the risk level
	 * @param evidence the reviewer's evidence
	 */
	public void tag(List<Vendor> vendors, TagKind kind, String value, RiskLevel risk, String evidence) {
		session.commandStack().execute(VendorTagging.tag(session.editingDomain(), session.review(), vendors, kind,
				value, risk, evidence, ReviewPreferences.reviewer()));
	}

	/** @return the vendors of the selected rows */
	public List<Vendor> selectedVendors() {
		List<Vendor> vendors = new ArrayList<>();
		for (Object o : viewer.getStructuredSelection().toList()) {
			vendors.add(((VendorRow) o).vendor());
		}
		return vendors;
	}

	/** @return true while figures, a filter or a sort are still computing, for tests */
	public boolean isComputing() {
		return computing != null && computing.getState() != Job.NONE;
	}

	/** @return the windowed table, for tests */
	public WindowedTable<VendorRow> table() {
		return table;
	}

	/** @return the row count label's text */
	public String countText() {
		return count.getText();
	}

	/** @return the table viewer, for tests */
	public TableViewer viewer() {
		return viewer;
	}

	@Focus
	void focus() {
		viewer.getControl().setFocus();
	}
}
