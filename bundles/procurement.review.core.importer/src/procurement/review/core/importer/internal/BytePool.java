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
 * {@link #MAX_BYTES} bytes of them. Open addressing over parallel arrays, the keys' bytes in one arena.
 */
public final class BytePool {

    static final int LIMIT = 4096;
    static final int WINDOW = 1 << 16;
    static final int CAP = 1 << 16;
    static final int MAX_BYTES = 8 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long K = 0x9E3779B97F4A7C15L;

    private int[] hashes = new int[256];
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    private String[] values = new String[256];
    private byte[] arena = new byte[4096];
    private int used;
    private int size;
    private int lookups;
    private int hits;
    private boolean active = true;

    /** @return false once the column stopped being pooled */
    public boolean active() {
        return active;
    }

    /**
     * A hash of a byte range, eight bytes at a time; never 0 (an empty slot).
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

    /**
     * Looks a value up, and counts the lookup for the decision to keep pooling.
     *
     * @return the shared String, or null if the value is new
     */
    public String find(byte[] b, int start, int end, int hash) {
        String found = null;
        int mask = hashes.length - 1;
        for (int slot = hash & mask;; slot = slot + 1 & mask) {
            int h = hashes[slot];
            if (h == 0) {
                break;
            }
            if (h == hash) {
                int offset = offsets[slot];
                if (lengths[slot] == end - start
                        && Arrays.equals(arena, offset, offset + end - start, b, start, end)) {
                    found = values[slot];
                    hits++;
                    break;
                }
            }
        }
        if (++lookups == WINDOW) {
            if (size > LIMIT && hits * 2 < WINDOW) {
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
        if (size >= CAP || used + length > MAX_BYTES) {
            release();
            return;
        }
        if (used + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.min(MAX_BYTES, Math.max(used + length, arena.length * 2)));
        }
        System.arraycopy(b, start, arena, used, length);
        if ((size + 1) * 2 > hashes.length) {
            rehash(hashes.length * 2);
        }
        int mask = hashes.length - 1;
        int slot = hash & mask;
        while (hashes[slot] != 0) {
            slot = slot + 1 & mask;
        }
        hashes[slot] = hash;
        offsets[slot] = used;
        lengths[slot] = length;
        values[slot] = value;
        used += length;
        size++;
    }

    private void rehash(int capacity) {
        int[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        int[] oldLengths = lengths;
        String[] oldValues = values;
        hashes = new int[capacity];
        offsets = new int[capacity];
        lengths = new int[capacity];
        values = new String[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                hashes[slot] = oldHashes[i];
                offsets[slot] = oldOffsets[i];
                lengths[slot] = oldLengths[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private void release() {
        active = false;
        hashes = new int[1];
        offsets = lengths = hashes;
        values = new String[1];
        arena = new byte[0];
        size = 0;
    }
}
