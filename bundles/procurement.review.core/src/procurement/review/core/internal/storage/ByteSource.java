package procurement.review.core.internal.storage;

/** Reads what a {@link ByteSink} wrote; a read past the end is a damaged file, said so with the column's name. */
final class ByteSource {

	private final byte[] bytes;
	private final String what;
	private int position;

	ByteSource(byte[] bytes, String what) {
		this.bytes = bytes;
		this.what = what;
	}

	boolean atEnd() {
		return position == bytes.length;
	}

	int remaining() {
		return bytes.length - position;
	}

	int readByte() {
		if (position >= bytes.length) {
			throw truncated();
		}
		return bytes[position++] & 0xFF;
	}

	long readVarLong() {
		long value = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (position >= bytes.length) {
				throw truncated();
			}
			byte b = bytes[position++];
			value |= (long) (b & 0x7F) << shift;
			if (b >= 0) {
				return value;
			}
		}
		throw new IllegalStateException("The review file is damaged: a number in " + what + " is too long");
	}

	/** @return a non-negative int: a count, a length or a code */
	int readVarInt() {
		long value = readVarLong();
		if (value < 0 || value > Integer.MAX_VALUE) {
			throw new IllegalStateException("The review file is damaged: a count in " + what + " is out of range");
		}
		return (int) value;
	}

	long readZigZag() {
		long v = readVarLong();
		return (v >>> 1) ^ -(v & 1);
	}

	/** Copies the next bytes into the target. */
	void read(byte[] target, int offset, int length) {
		if (length > bytes.length - position) {
			throw truncated();
		}
		System.arraycopy(bytes, position, target, offset, length);
		position += length;
	}

	private IllegalStateException truncated() {
		return new IllegalStateException("The review file is damaged: " + what + " ends early");
	}
}
