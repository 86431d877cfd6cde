package procurement.review.core.internal.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of text: a value seen before is its number in the column's dictionary, a new one is written once, as
 * the bytes it does not share with the column's previous new value (keys of one award differ only at their ends).
 * Codes: 0 null, 1 a new value follows, 2 + n the dictionary's n-th value. The dictionary stops growing at
 * {@link #DICTIONARY_LIMIT} values, so a column of unique keys costs no more memory than its values.
 * <p>
 * Reading gives equal values of a column one shared instance, as the importer's string pool did.
 */
final class StringColumn {

	/** The most values a column's dictionary holds. */
	static final int DICTIONARY_LIMIT = 1 << 18;

	private StringColumn() {
	}

	/** Writes one column's values. Not thread-safe: one writer per column. */
	static final class Writer {

		private final Map<String, Integer> codes = new HashMap<>();
		private byte[] previous = new byte[0];

		void write(String value, ByteSink out) {
			if (value == null) {
				out.writeByte(0);
				return;
			}
			Integer code = codes.get(value);
			if (code != null) {
				out.writeVarInt(code + 2);
				return;
			}
			if (codes.size() < DICTIONARY_LIMIT) {
				codes.put(value, codes.size());
			}
			out.writeByte(1);
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			int shared = 0;
			int max = Math.min(bytes.length, previous.length);
			while (shared < max && bytes[shared] == previous[shared]) {
				shared++;
			}
			out.writeVarInt(shared);
			out.writeVarInt(bytes.length - shared);
			out.write(bytes, shared, bytes.length - shared);
			previous = bytes;
		}
	}

	/** Reads one column's values in the order they were written. */
	static final class Reader {

		private final List<String> values = new ArrayList<>();
		private byte[] previous = new byte[0];

		String read(ByteSource in) {
			int code = in.readVarInt();
			if (code == 0) {
				return null;
			}
			if (code >= 2) {
				if (code - 2 >= values.size()) {
					throw new IllegalStateException("The review file is damaged: a text refers to an unknown value");
				}
				return values.get(code - 2);
			}
			int shared = in.readVarInt();
			int rest = in.readVarInt();
			if (shared > previous.length || rest > in.remaining()) {
				throw new IllegalStateException("The review file is damaged: a text shares more than it can");
			}
			byte[] bytes = new byte[shared + rest];
			System.arraycopy(previous, 0, bytes, 0, shared);
			in.read(bytes, shared, rest);
			previous = bytes;
			String value = new String(bytes, StandardCharsets.UTF_8);
			if (values.size() < DICTIONARY_LIMIT) {
				values.add(value);
			}
			return value;
		}
	}
}
