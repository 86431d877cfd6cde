package procurement.review.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportException;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.ContractAction;
import procurement.review.model.MatchKind;
import procurement.review.model.Vendor;
import procurement.review.screening.HitRow.TableColumns;

/**
 * Screens one input file on an executor, as the workbench would: the importer reads it into a review of its own
 * (every format and column generation it knows, ZIP downloads included), the executor's matcher plans the hits, and
 * each hit is written out for each row it concerns, with the row's cells as the file holds them. A NAME, IDENTIFIER
 * or PARENT hit concerns every action of its vendor, a DESCRIPTION hit its one action, as on a removal order.
 */
final class FileScreener {

	private FileScreener() {
	}

	/**
	 * @param file  the file
	 * @param rules the rule set file's bytes, or null for the built-in rule set
	 * @return what it gave; a file the importer cannot read gives its one-sentence reason
	 */
	static FileOutcome screen(String file, byte[] rules) {
		Path path = Path.of(file);
		ReviewSession session = ReviewSession.create(String.valueOf(path.getFileName()));
		ReviewImporter importer = new ReviewImporter(session.review());
		RawRows raw = new RawRows();
		ImportResult result;
		try {
			result = importer.read(path, null, null, raw);
		} catch (ImportException e) {
			return FileOutcome.unreadable(file, e.getMessage());
		}
		session.commandStack().execute(importer.command(session.editingDomain(), result));
		ReviewMatcher.Plan plan = ExecutorMatcher.plan(session.review(), rules);

		Map<Vendor, List<ContractAction>> byVendor = new HashMap<>();
		for (ContractAction action : result.report().getActions()) {
			if (action.getVendor() != null) {
				byVendor.computeIfAbsent(action.getVendor(), v -> new ArrayList<>()).add(action);
			}
		}
		List<HitRow> hits = new ArrayList<>();
		Set<String> vendors = new LinkedHashSet<>();
		for (ReviewMatcher.Hit hit : plan.hits()) {
			boolean vendorLevel = hit.kind() != MatchKind.DESCRIPTION && hit.vendor() != null;
			List<ContractAction> actions = vendorLevel ? byVendor.getOrDefault(hit.vendor(), List.of())
					: hit.action() == null ? List.of() : List.of(hit.action());
			for (ContractAction action : actions) {
				String sheet = action.getSourceSheet();
				TableColumns columns = raw.columns(sheet);
				String[] cells = raw.cells(sheet, action.getSourceRow());
				if (columns == null || cells == null) {
					// The importer locates the rows of a screening's own hits.csv at their original rows.
					return FileOutcome.unreadable(file, path.getFileName() + ": its rows are located elsewhere ("
							+ sheet + " row " + action.getSourceRow() + "): a screening's hits file is not screened"
							+ " again");
				}
				Vendor vendor = action.getVendor();
				String vendorKey = vendor == null || vendor.getKey() == null ? "" : vendor.getKey();
				if (vendorLevel && !vendorKey.isEmpty()) {
					vendors.add(vendorKey);
				}
				hits.add(new HitRow(file, sheet, action.getSourceRow(), columns, cells,
						hit.rule() == null ? "" : hit.rule().getId(), hit.entity().getId(), hit.entity().getName(),
						hit.kind().getName(), hit.score(), hit.explanation(), vendorKey));
			}
		}
		hits.sort(Comparator.comparing(HitRow::sourceSheet).thenComparingLong(HitRow::sourceRow));
		return FileOutcome.read(file, result.rows(), hits, vendors);
	}
}
