package procurement.review.screening;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportException;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.MatchKind;
import procurement.review.model.Vendor;

/**
 * Hits as comparable lines {@code file|sheet|row|rule|entity|score|explanation}: those of a screening's
 * {@code hits.csv}, and those the workbench finds when it imports the same files into one review and matches it.
 */
final class Hits {

	private Hits() {
	}

	/**
	 * @param hitsCsv a screening's hits.csv
	 * @return its hits, the source file by name
	 * @throws IOException when it cannot be read
	 */
	static Set<String> ofCsv(Path hitsCsv) throws IOException {
		Set<String> hits = new TreeSet<>();
		try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(hitsCsv)) {
			List<String> header = null;
			for (CsvRecord record : csv) {
				if (header == null) {
					header = record.getFields();
					continue;
				}
				Map<String, String> row = new HashMap<>();
				for (String column : HitsCsv.OWN_COLUMNS) {
					row.put(column, record.getField(header.indexOf(column)));
				}
				hits.add(String.join("|", Path.of(row.get("source_file")).getFileName().toString(),
						row.get("source_sheet"), row.get("source_row"), row.get("rule"), row.get("entity"),
						row.get("score"), row.get("explanation")));
			}
		}
		return hits;
	}

	/**
	 * @param files the files, each read into one review as the workbench's import does
	 * @return the hits the workbench's matcher finds in that review, one per hit and affected row
	 * @throws ImportException when a file cannot be read
	 */
	static Set<String> ofWorkbench(List<Path> files) throws ImportException {
		ReviewSession session = ReviewSession.create("workbench");
		ReviewImporter importer = new ReviewImporter(session.review());
		for (Path file : files) {
			session.commandStack().execute(importer.command(session.editingDomain(), importer.read(file, null)));
		}
		ReviewMatcher.Plan plan = ReviewMatcher.forReview(session.review()).plan(session.review());
		Map<Vendor, List<ContractAction>> byVendor = new HashMap<>();
		for (ContractingReport report : session.review().getReports()) {
			for (ContractAction action : report.getActions()) {
				byVendor.computeIfAbsent(action.getVendor(), v -> new ArrayList<>()).add(action);
			}
		}
		Set<String> hits = new TreeSet<>();
		for (ReviewMatcher.Hit hit : plan.hits()) {
			List<ContractAction> actions = hit.kind() != MatchKind.DESCRIPTION && hit.vendor() != null
					? byVendor.get(hit.vendor()) : List.of(hit.action());
			for (ContractAction action : actions) {
				hits.add(String.join("|", ((ContractingReport) action.eContainer()).getFileName(),
						action.getSourceSheet(), String.valueOf(action.getSourceRow()),
						hit.rule() == null ? "" : hit.rule().getId(), hit.entity().getId(),
						Double.toString(hit.score()), hit.explanation()));
			}
		}
		return hits;
	}

	/**
	 * @param hits hit lines
	 * @return the distinct {@code file-or-entry|row} of the rows they concern, the ZIP download's by entry
	 */
	static Set<String> rows(Set<String> hits) {
		Set<String> rows = new TreeSet<>();
		for (String hit : hits) {
			String[] parts = hit.split("\\|", -1);
			rows.add((parts[0].endsWith(".zip") ? parts[1] : parts[0]) + "|" + parts[2]);
		}
		return rows;
	}
}
