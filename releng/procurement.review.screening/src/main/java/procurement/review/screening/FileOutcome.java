package procurement.review.screening;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What screening one input file gave, as plain values.
 *
 * @param file    the file, as the run found it
 * @param rows    the data rows read (0 for an unreadable file)
 * @param problem why the file could not be read (one sentence naming it), or null
 * @param hits    one per hit and row
 * @param vendors the keys of the vendors matched (by identifier, name or parent)
 * @param tables  the tables its hits are of, in the order first hit
 * @param hitRows the rows with at least one hit
 * @param hitCount the hits (the size of {@code hits} until {@link #counts()} drops them)
 */
public record FileOutcome(String file, long rows, String problem, List<HitRow> hits, Set<String> vendors,
		List<HitRow.TableColumns> tables, long hitRows, long hitCount) implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * @param file    the file
	 * @param problem why it could not be read
	 * @return the outcome of a file that could not be read
	 */
	static FileOutcome unreadable(String file, String problem) {
		return new FileOutcome(file, 0, problem, List.of(), Set.of(), List.of(), 0, 0);
	}

	/**
	 * @param file    the file
	 * @param rows    the data rows read
	 * @param hits    its hits
	 * @param vendors the keys of the vendors matched
	 * @return the outcome of a file read
	 */
	static FileOutcome read(String file, long rows, List<HitRow> hits, Set<String> vendors) {
		List<HitRow.TableColumns> tables = hits.stream().map(HitRow::table).distinct().toList();
		long hitRows = hits.stream().map(h -> h.sourceSheet() + '\n' + h.sourceRow()).distinct().count();
		return new FileOutcome(file, rows, null, List.copyOf(hits), Set.copyOf(vendors), tables, hitRows,
				hits.size());
	}

	/** @return the same without its hits: what the driver needs for the summary */
	FileOutcome counts() {
		return new FileOutcome(file, rows, problem, List.of(), vendors, tables, hitRows, hitCount);
	}
}
