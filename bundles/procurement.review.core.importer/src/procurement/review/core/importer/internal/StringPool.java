package procurement.review.core.importer.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One String per distinct value of each column, for cells that arrive as new Strings (readers that cannot share them
 * by their bytes: POI's HSSF records, FPDS XML, UTF-16 text, inline strings of a workbook). Same policy as
 * {@link BytePool}: a column stops being pooled when, past {@link BytePool#LIMIT} distinct values, fewer than half of
 * the lookups of a window of {@link BytePool#WINDOW} found a copy, or at {@link BytePool#CAP} distinct values.
 */
public final class StringPool {

	private final List<Map<String, String>> pools = new ArrayList<>();
	private int[] lookups = new int[32];
	private int[] hits = new int[32];

	/**
	 * The shared copy of a value of a column.
	 *
	 * @param column the 0-based column
	 * @param value  the value, not null
	 * @return the copy kept for equal values, or the value itself
	 */
	public String intern(int column, String value) {
		while (pools.size() <= column) {
			pools.add(new HashMap<>());
		}
		if (lookups.length <= column) {
			lookups = Arrays.copyOf(lookups, Math.max(column + 1, lookups.length * 2));
			hits = Arrays.copyOf(hits, lookups.length);
		}
		Map<String, String> pool = pools.get(column);
		if (pool == null) {
			return value;
		}
		String shared = pool.putIfAbsent(value, value);
		if (shared != null) {
			hits[column]++;
		}
		if (++lookups[column] == BytePool.WINDOW) {
			if (BytePool.stopsPaying(pool.size(), hits[column])) {
				pools.set(column, null);
			}
			lookups[column] = 0;
			hits[column] = 0;
		}
		return shared != null ? shared : value;
	}
}
