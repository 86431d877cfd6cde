package procurement.review.core;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fingerprints a review file carries of its content ({@link ContentTracker#index()}), read back. They are not
 * evidence (the audit entries carry the digests, and whoever edits a file can edit these too); they only say where
 * content that no longer matches its digest changed: which row of which report, which vendor or decision.
 */
final class ContentIndex {

	static final int MAGIC = 0x50524349; // "PRCI"
	static final byte ROWS = 0;
	static final byte KEYED = 1;

	/**
	 * One part's fingerprints.
	 *
	 * @param header a report's header fingerprint (0 for a set)
	 * @param ids    the elements' identity fingerprints (null for a report)
	 * @param hashes the rows' or elements' content fingerprints
	 */
	record Entry(long header, long[] ids, long[] hashes) {
	}

	private ContentIndex() {
	}

	/**
	 * @param bytes the index as saved, or null
	 * @return its parts by name; empty when there is none or it cannot be read
	 */
	static Map<String, Entry> read(byte[] bytes) {
		Map<String, Entry> parts = new HashMap<>();
		if (bytes == null || bytes.length < 8) {
			return parts;
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (in.readInt() != MAGIC) {
				return parts;
			}
			int count = in.readInt();
			for (int p = 0; p < count; p++) {
				String name = in.readUTF();
				byte kind = in.readByte();
				long header = kind == ROWS ? in.readLong() : 0;
				int n = in.readInt();
				if (n < 0 || n > bytes.length) {
					return Map.of();
				}
				long[] ids = kind == KEYED ? new long[n] : null;
				long[] hashes = new long[n];
				for (int i = 0; i < n; i++) {
					if (ids != null) {
						ids[i] = in.readLong();
					}
					hashes[i] = in.readLong();
				}
				parts.put(name, new Entry(header, ids, hashes));
			}
		} catch (IOException | RuntimeException e) {
			return Map.of(); // an index cut or garbled by hand only means a change cannot be located
		}
		return parts;
	}

	/** @return the fingerprint of an element's identity */
	static long idHash(String identity) {
		return first8(ReviewSession.sha256().digest(identity.getBytes(StandardCharsets.UTF_8)), 0);
	}

	/** @return the first 8 bytes at an offset as a long */
	static long first8(byte[] digest, int offset) {
		long v = 0;
		for (int i = 0; i < 8; i++) {
			v = v << 8 | (digest[offset + i] & 0xff);
		}
		return v;
	}
}
