package procurement.review.screening;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import procurement.review.core.importer.ColumnMapping;
import procurement.review.core.importer.ContractField;
import procurement.review.screening.HitRow.TableColumns;

/**
 * Writes {@code hits.csv}: every hit with its row's original columns, then the screening's own columns. Files of
 * different column generations share one header: a column the importer reads a contract field from is one column
 * whatever each generation calls it (named as the first file with a header row names it), every other column is
 * one column per name. So the file imports into the workbench like any report, each row with the fields its source
 * row had.
 */
final class HitsCsv {

	/** The screening's own columns, after the original ones. */
	static final List<String> OWN_COLUMNS = List.of("rule", "entity", "score", "explanation", "source_file",
			"source_sheet", "source_row");

	private final List<String> header = new ArrayList<>();
	private final Map<TableColumns, int[]> positions = new HashMap<>();

	/**
	 * @param tables the tables of the rows to write, in the order their columns should come
	 */
	HitsCsv(List<TableColumns> tables) {
		Map<String, Integer> union = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		for (TableColumns table : tables) {
			int[] at = new int[table.keys().size()];
			Map<String, Integer> seen = new HashMap<>();
			for (int column = 0; column < at.length; column++) {
				String key = table.keys().get(column);
				int repeat = seen.merge(key, 1, Integer::sum);
				String unique = repeat == 1 ? key : key + "#" + repeat;
				Integer position = union.get(unique);
				if (position == null) {
					position = union.size();
					union.put(unique, position);
				}
				at[column] = position;
				if (table.named() && !names.containsKey(unique)) {
					names.put(unique, table.names().get(column));
				} else if (!table.named() && unique.startsWith("column:")) {
					names.putIfAbsent(unique, table.names().get(column));
				}
			}
			positions.put(table, at);
		}
		Set<String> used = new HashSet<>(OWN_COLUMNS);
		for (String key : union.keySet()) {
			String name = names.containsKey(key) ? names.get(key) : fieldHeader(key);
			String unique = name;
			for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
				unique = name + " (" + n + ")";
			}
			header.add(unique);
		}
		header.addAll(OWN_COLUMNS);
	}

	/** @return the header: the original columns, then {@link #OWN_COLUMNS} */
	List<String> header() {
		return header;
	}

	/**
	 * @param hits the hits, each of a table given to the constructor
	 * @param file where to write
	 * @return the number of hits written
	 * @throws IOException when the file cannot be written
	 */
	long write(Iterator<HitRow> hits, Path file) throws IOException {
		long count = 0;
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
			line(out, header);
			int original = header.size() - OWN_COLUMNS.size();
			String[] values = new String[header.size()];
			while (hits.hasNext()) {
				HitRow hit = hits.next();
				Arrays.fill(values, null);
				int[] at = positions.get(hit.table());
				if (at == null) {
					throw new IllegalArgumentException(hit.sourceFile() + ": a hit of a table not announced");
				}
				for (int column = 0; column < at.length; column++) {
					values[at[column]] = hit.cell(column);
				}
				values[original] = hit.rule();
				values[original + 1] = hit.entity();
				values[original + 2] = Double.toString(hit.score());
				values[original + 3] = hit.explanation();
				values[original + 4] = hit.sourceFile();
				values[original + 5] = hit.sourceSheet();
				values[original + 6] = Long.toString(hit.sourceRow());
				line(out, Arrays.asList(values));
				count++;
			}
		}
		return count;
	}

	/**
	 * A header the importer reads the field from, for a field only header-less files had: the field's label when
	 * the importer knows it as a heading, else its name.
	 */
	private static String fieldHeader(String key) {
		ContractField field = ContractField.valueOf(key.substring("field:".length()).replaceFirst("#\\d+$", ""));
		for (String candidate : List.of(field.label(), field.name())) {
			if (ColumnMapping.fromHeader(new String[] { candidate }).indexOf(field) == 0) {
				return candidate;
			}
		}
		return field.label();
	}

	private static void line(Writer out, List<String> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			String value = values.get(i);
			if (value == null) {
				continue;
			}
			if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
					|| value.indexOf('\r') >= 0) {
				out.write('"');
				out.write(value.replace("\"", "\"\""));
				out.write('"');
			} else {
				out.write(value);
			}
		}
		out.write("\r\n");
	}
}
