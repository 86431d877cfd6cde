package procurement.review.core.importer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One String per distinct value of a column, found by the bytes of a cell, so that a repeated cell costs neither
 * a new String nor hashing one. Most columns of a contracting report repeat their values across a million rows
 * (codes, agencies, products, the description of every modification of an award); sharing them keeps the review
 * small and makes the matcher's later passes answer a shared value once per copy.
 * <p>
 * Columns that do not repeat (keys, amounts) stop being pooled: past {@link #LIMIT} distinct values, when fewer than
 * half of the lookups of a window of {@link #WINDOW} found a copy; or at {@link #CAP} distinct values, or
 * {@link #MAX_BYTES} bytes of them.
 * <p>
 * A lookup is bound by memory latency, not by work: the table is open addressing over one {@code long[]} with four
 * longs per slot (hash and length, the first sixteen bytes of the value, where the rest sits in the arena), so a
 * probe touches one cache line, and a value of up to sixteen bytes (codes, identifiers, dates) is compared without
 * touching the arena at all.
 */
public final class BytePool {

	static final int LIMIT = 4096;
	static final int WINDOW = 1 << 16;
	static final int CAP = 1 << 16;
	static final int MAX_BYTES = 8 << 20;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);
	private static final long K = 0x9E3779B97F4A7C15L;
	private static final int INLINE = 16;

	/** Per slot: hash (high 32 bits) and length (low 32 bits), 0 when empty; bytes 0-7; bytes 8-15; arena offset. */
	// small at first: a file may have thousands of columns, most of them never repeating a value
	private long[] slots = new long[4 * 16];
	private String[] values = new String[16];
	private byte[] arena = new byte[256];
	private int used;
	private int size;
	private int lookups;
	private int hits;
	private boolean active = true;

	/**
	 * The policy of every column pool, decided at the end of each window of {@link #WINDOW} lookups.
	 *
	 * @param size the distinct values pooled
	 * @param hits how many lookups of the window found a copy
	 * @return whether the column should stop being pooled
	 */
	static boolean stopsPaying(int size, int hits) {
		return size > CAP || size > LIMIT && hits * 2 < WINDOW;
	}

	/** @return false once the column stopped being pooled */
	public boolean active() {
		return active;
	}

	/**
	 * A hash of a byte range, eight bytes at a time; never 0.
	 *
	 * @return the hash
	 */
	public static int hash(byte[] b, int start, int end) {
		long h = K ^ (end - start);
		int i = start;
		for (; i + 8 <= end; i += 8) {
			h = (h ^ (long) LONGS.get(b, i)) * K;
			h ^= h >>> 29;
		}
		long tail = 0;
		for (; i < end; i++) {
			tail = tail << 8 | b[i] & 0xFF;
		}
		h = (h ^ tail) * K;
		int r = (int) (h ^ h >>> 32);
		return r == 0 ? 1 : r;
	}

	/** Eight bytes from {@code at} (zeros past {@code end}), little-endian. */
	private static long word(byte[] b, int at, int end) {
		if (at + 8 <= end) {
			return (long) LONGS.get(b, at);
		}
		long w = 0;
		for (int i = Math.min(end, at + 8) - 1; i >= at; i--) {
			w = w << 8 | b[i] & 0xFF;
		}
		return w;
	}

	/**
	 * Looks a value up, and counts the lookup for the decision to keep pooling.
	 *
	 * @return the shared String, or null if the value is new
	 */
	public String find(byte[] b, int start, int end, int hash) {
		int length = end - start;
		long head = (long) hash << 32 | length;
		long w0 = word(b, start, end);
		long w1 = word(b, start + 8, end);
		String found = null;
		long[] t = slots;
		int mask = values.length - 1;
		for (int slot = hash & mask;; slot = slot + 1 & mask) {
			int at = slot << 2;
			long h = t[at];
			if (h == 0) {
				break;
			}
			if (h == head && t[at + 1] == w0 && t[at + 2] == w1 && (length <= INLINE || Arrays.equals(arena,
					(int) t[at + 3], (int) t[at + 3] + length - INLINE, b, start + INLINE, end))) {
				found = values[slot];
				hits++;
				break;
			}
		}
		if (++lookups == WINDOW) {
			if (stopsPaying(size, hits)) {
				release();
			}
			lookups = 0;
			hits = 0;
		}
		return found;
	}

	/** Adds a value that {@link #find} did not find. */
	public void add(byte[] b, int start, int end, int hash, String value) {
		if (!active) {
			return;
		}
		int length = end - start;
		int rest = Math.max(0, length - INLINE);
		if (size >= CAP || used + rest > MAX_BYTES) {
			release();
			return;
		}
		if (used + rest > arena.length) {
			arena = Arrays.copyOf(arena, Math.min(MAX_BYTES, Math.max(used + rest, arena.length * 2)));
		}
		if (rest > 0) {
			System.arraycopy(b, start + INLINE, arena, used, rest);
		}
		if ((size + 1) * 2 > values.length) {
			rehash(values.length * 2);
		}
		int slot = put(slots, values.length - 1, (long) hash << 32 | length);
		int at = slot << 2;
		slots[at + 1] = word(b, start, end);
		slots[at + 2] = word(b, start + 8, end);
		slots[at + 3] = used;
		values[slot] = value;
		used += rest;
		size++;
	}

	/** Claims the first free slot for a head; @return the slot. */
	private static int put(long[] t, int mask, long head) {
		int slot = (int) (head >>> 32) & mask;
		while (t[slot << 2] != 0) {
			slot = slot + 1 & mask;
		}
		t[slot << 2] = head;
		return slot;
	}

	private void rehash(int capacity) {
		long[] old = slots;
		String[] oldValues = values;
		slots = new long[4 * capacity];
		values = new String[capacity];
		for (int i = 0; i < oldValues.length; i++) {
			int at = i << 2;
			if (old[at] != 0) {
				int slot = put(slots, capacity - 1, old[at]);
				System.arraycopy(old, at + 1, slots, (slot << 2) + 1, 3);
				values[slot] = oldValues[i];
			}
		}
	}

	private void release() {
		active = false;
		slots = new long[4];
		values = new String[1];
		arena = new byte[0];
		size = 0;
	}
}
