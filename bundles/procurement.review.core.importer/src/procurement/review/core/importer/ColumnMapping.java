package procurement.review.core.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import procurement.review.core.importer.internal.columns.ColumnTable;
import procurement.review.core.importer.internal.columns.ColumnTable.Layout;

/**
 * Which {@link ContractField} sits in which column of a report, recognised from its header row whatever the
 * column order, letter case or punctuation ("Award ID PIID", "award_id_piid"), or, for a file without header
 * row, from the column count and the shape of the values. Immutable.
 */
public final class ColumnMapping {

	/** Below this share of matching headers a layout is not considered recognised. */
	private static final double RECOGNISED = 0.6;

	/** The fewest recognised fields that make a row the header of a table of contract actions. */
	public static final int MIN_FIELDS = 3;

	/**
	 * How many rows at the top of a sheet are searched for its header: agencies put a title, a date or a note above
	 * it.
	 */
	public static final int HEADER_SEARCH_ROWS = 20;

	private final ColumnGeneration generation;
	private final double confidence;
	private final boolean headerRow;
	private final int columnCount;
	private final Map<ContractField, Integer> indexes;
	private final List<Integer> unknownColumns;

	private ColumnMapping(ColumnGeneration generation, double confidence, boolean headerRow, int columnCount,
			Map<ContractField, Integer> indexes, List<Integer> unknownColumns) {
		this.generation = generation;
		this.confidence = confidence;
		this.headerRow = headerRow;
		this.columnCount = columnCount;
		this.indexes = Collections.unmodifiableMap(indexes);
		this.unknownColumns = List.copyOf(unknownColumns);
	}

	/**
	 * Maps a header row.
	 *
	 * @param header the header cells; {@code null} cells are allowed
	 * @return the mapping, generation {@link ColumnGeneration#CUSTOM} if no known layout matches well
	 */
	public static ColumnMapping fromHeader(String[] header) {
		ColumnTable table = ColumnTable.get();
		List<String> normalized = new ArrayList<>(header.length);
		for (String h : header) {
			normalized.add(ColumnTable.normalize(h));
		}
		Set<String> present = new HashSet<>(normalized);
		Layout best = null;
		double bestScore = 0;
		for (Layout layout : table.layouts().values()) {
			Set<String> known = new HashSet<>(layout.normalizedHeaders());
			long matched = present.stream().filter(known::contains).count();
			double score = (double) matched / Math.max(present.size(), known.size());
			if (score > bestScore) {
				bestScore = score;
				best = layout;
			}
		}
		boolean recognised = best != null && bestScore >= RECOGNISED;
		Map<ContractField, Integer> indexes = new EnumMap<>(ContractField.class);
		List<Integer> unknown = new ArrayList<>();
		int knownCount = 0;
		for (int i = 0; i < normalized.size(); i++) {
			String n = normalized.get(i);
			if (n.isEmpty()) {
				continue;
			}
			Set<ContractField> fields = null;
			if (recognised) {
				int at = best.normalizedHeaders().indexOf(n);
				fields = at >= 0 ? best.fields().get(at) : null;
			}
			if (fields == null) {
				fields = table.anyFields(n);
			}
			if (table.isKnown(n)) {
				knownCount++;
			} else {
				unknown.add(i);
			}
			for (ContractField f : fields) {
				indexes.putIfAbsent(f, i);
			}
		}
		ColumnGeneration generation = recognised ? best.generation() : ColumnGeneration.CUSTOM;
		double confidence = recognised ? bestScore : header.length == 0 ? 0 : (double) knownCount / header.length;
		return new ColumnMapping(generation, confidence, true, header.length, indexes, unknown);
	}

	/**
	 * Maps a file without header row, when its first row has the column count of a known header-less layout
	 * (the 2019 download, 277 or 261 columns) and its values have the expected shapes (a PIID, an ISO action
	 * date, a decimal obligation).
	 *
	 * @param firstRow the first data row
	 * @return the mapping with {@link #hasHeaderRow()} false, or empty if no layout fits
	 */
	public static Optional<ColumnMapping> forHeaderless(String[] firstRow) {
		for (Layout layout : ColumnTable.get().layouts().values()) {
			if (layout.generation() != ColumnGeneration.DOWNLOAD_2019
					|| layout.normalizedHeaders().size() != firstRow.length) {
				continue;
			}
			Map<ContractField, Integer> positions = ColumnTable.positions(layout);
			int checks = 0;
			int passed = 0;
			for (ContractField f : List.of(ContractField.piid, ContractField.actionDate, ContractField.obligation)) {
				Integer at = positions.get(f);
				if (at == null) {
					continue;
				}
				checks++;
				String v = firstRow[at];
				boolean ok = switch (f) {
					case actionDate -> v != null && v.matches("\\d{4}-\\d{2}-\\d{2}.*");
					case obligation -> v != null && v.matches("-?\\d+(\\.\\d+)?");
					default -> v != null && !v.isBlank() && !ColumnTable.get().isKnown(ColumnTable.normalize(v));
				};
				passed += ok ? 1 : 0;
			}
			if (checks > 0 && passed == checks) {
				return Optional.of(new ColumnMapping(layout.generation(), 0.9, false, firstRow.length, positions,
						List.of()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Maps a table from its first row: as a header row when at least half its cells are known column names,
	 * else as a header-less layout when one fits, else as a custom header.
	 *
	 * @param firstRow the first row of the table
	 * @return the mapping; check {@link #hasHeaderRow()} to know whether the first row holds data
	 */
	public static ColumnMapping detect(String[] firstRow) {
		ColumnTable table = ColumnTable.get();
		int known = 0;
		for (String cell : firstRow) {
			if (table.isKnown(ColumnTable.normalize(cell))) {
				known++;
			}
		}
		if (firstRow.length > 0 && known * 2 >= firstRow.length) {
			return fromHeader(firstRow);
		}
		return forHeaderless(firstRow).orElseGet(() -> fromHeader(firstRow));
	}

	/**
	 * Looks at one of the first rows of a sheet for the start of its table: the first row may be a header or the
	 * data of a header-less layout ({@link #detect}), a later one (below a title) only a header. A row starts the
	 * table when it maps at least {@link #MIN_FIELDS} fields. {@link TableStartDetector} asks this of the first rows
	 * of each sheet.
	 *
	 * @param index the 0-based position of the row in its sheet
	 * @param row   its cells
	 * @return the mapping, or empty when the row starts no table
	 */
	public static Optional<ColumnMapping> startingAt(int index, String[] row) {
		ColumnMapping mapping = index == 0 ? detect(row) : fromHeader(row);
		return mapping.fields().size() >= MIN_FIELDS ? Optional.of(mapping) : Optional.empty();
	}

	/**
	 * The same mapping with one field in another column, as a reviewer corrects it. Other fields of that column
	 * stay (a legacy "CODE: NAME" column holds two).
	 *
	 * @param field  the field
	 * @param column its 0-based column, or -1 when the file does not have it
	 * @return the corrected mapping, fully trusted (confidence 1)
	 */
	public ColumnMapping with(ContractField field, int column) {
		Map<ContractField, Integer> changed = new EnumMap<>(ContractField.class);
		changed.putAll(indexes);
		changed.remove(field);
		if (column >= 0) {
			changed.put(field, column);
		}
		return new ColumnMapping(generation, 1, headerRow, Math.max(columnCount, column + 1), changed,
				unknownColumns);
	}

	/** @return the recognised layout generation */
	public ColumnGeneration generation() {
		return generation;
	}

	/**
	 * @return between 0 and 1: the share of the header that matches the recognised layout (for
	 *         {@link ColumnGeneration#CUSTOM}: the share of known column names)
	 */
	public double confidence() {
		return confidence;
	}

	/** @return whether the first row of the table is a header row, not data */
	public boolean hasHeaderRow() {
		return headerRow;
	}

	/** @return the number of columns of the header (or of the first row of a header-less file) */
	public int columnCount() {
		return columnCount;
	}

	/**
	 * @param field a canonical field
	 * @return the 0-based column index of the field, or -1 if the file does not have it
	 */
	public int indexOf(ContractField field) {
		Integer at = indexes.get(field);
		return at == null ? -1 : at;
	}

	/**
	 * Reads a field from a row.
	 *
	 * @param row   the cells of a data row
	 * @param field a canonical field
	 * @return the cell, or {@code null} if the file does not have the field or the row is shorter
	 */
	public String value(String[] row, ContractField field) {
		int at = indexOf(field);
		return at >= 0 && at < row.length ? row[at] : null;
	}

	/** @return the recognised fields and their column indexes */
	public Map<ContractField, Integer> fields() {
		return indexes;
	}

	/** @return indexes of header columns whose name is in no known layout; the caller keeps them as extra data */
	public List<Integer> unknownColumns() {
		return unknownColumns;
	}

	@Override
	public String toString() {
		return "ColumnMapping[" + generation + ", confidence " + Math.round(confidence * 100) + "%, "
				+ indexes.size() + " fields, " + unknownColumns.size() + " unknown columns"
				+ (headerRow ? "" : ", no header row") + "]";
	}
}
