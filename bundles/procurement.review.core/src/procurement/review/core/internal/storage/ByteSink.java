package procurement.review.core.internal.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer with the variable-length integers of the column format (unsigned LEB128, zigzag). */
final class ByteSink {

	private byte[] bytes;
	private int size;

	ByteSink(int capacity) {
		bytes = new byte[Math.max(16, capacity)];
	}

	int size() {
		return size;
	}

	void writeByte(int b) {
		if (size == bytes.length) {
			grow(1);
		}
		bytes[size++] = (byte) b;
	}

	void writeVarLong(long value) {
		if (bytes.length - size < 10) {
			grow(10);
		}
		long v = value;
		while ((v & ~0x7FL) != 0) {
			bytes[size++] = (byte) ((v & 0x7F) | 0x80);
			v >>>= 7;
		}
		bytes[size++] = (byte) v;
	}

	void writeVarInt(int value) {
		writeVarLong(value & 0xFFFF_FFFFL);
	}

	void writeZigZag(long value) {
		writeVarLong((value << 1) ^ (value >> 63));
	}

	void write(byte[] source, int offset, int length) {
		if (bytes.length - size < length) {
			grow(length);
		}
		System.arraycopy(source, offset, bytes, size, length);
		size += length;
	}

	byte[] array() {
		return bytes;
	}

	void writeTo(OutputStream out) throws IOException {
		out.write(bytes, 0, size);
	}

	private void grow(int needed) {
		long capacity = Math.max((long) bytes.length * 2, (long) size + needed);
		if (capacity > Integer.MAX_VALUE - 16) {
			throw new IllegalStateException("A column of more than 2 GB cannot be written");
		}
		bytes = Arrays.copyOf(bytes, (int) capacity);
	}
}
