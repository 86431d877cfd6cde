package procurement.review.core.internal.storage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * The rows of one class (a report's actions) stored feature by feature: each persistent feature is a column of its
 * own, encoded by its type, so that the values of a column lie together (a dictionary per column of text, dates,
 * deltas of row numbers) and the columns are written and read in parallel. References are numbers into a table of
 * the referenced objects, which the EMF part of the file carries.
 */
public final class Columns {

	/** How a column is encoded; the ordinal is written to the file. */
	enum Kind {
		/** single text: {@link StringColumn} */
		TEXT,
		/** a list of texts: its size, then each value in the column of its position */
		TEXTS,
		/** a date: a dictionary of days since 1970 */
		DATE,
		/** an amount: unscaled value and scale, or its text beyond 64 bits */
		DECIMAL,
		/** a primitive long: the difference to the previous row's (row numbers grow by one) */
		LONG,
		/** a reference: its number in the column's object table, 0 for none */
		OBJECT,
		/** any other data type: its literal, as EMF converts it, in a text column */
		LITERAL
	}

	/**
	 * One column.
	 *
	 * @param feature   the feature stored
	 * @param featureId its id in the row class
	 * @param kind      how it is encoded
	 */
	public record Column(EStructuralFeature feature, int featureId, Kind kind) {

		/** @return the feature's name, which the file records so that columns are found by name */
		public String name() {
			return feature.getName();
		}

		/** @return true for a reference, whose values the EMF part of the file carries in a table */
		public boolean isReference() {
			return kind == Kind.OBJECT;
		}
	}

	private Columns() {
	}

	/**
	 * @param eClass the class of the rows
	 * @return its persistent features as columns
	 * @throws IllegalArgumentException when a feature cannot be a column (containment, many references, unsettable
	 *                                  attributes, many attributes other than text): such rows are stored as EMF
	 *                                  stores them
	 */
	public static List<Column> of(EClass eClass) {
		List<Column> columns = new ArrayList<>();
		for (EStructuralFeature feature : eClass.getEAllStructuralFeatures()) {
			if (feature.isTransient() || feature.isDerived()) {
				continue;
			}
			columns.add(new Column(feature, eClass.getFeatureID(feature), kindOf(feature)));
		}
		return List.copyOf(columns);
	}

	private static Kind kindOf(EStructuralFeature feature) {
		if (feature instanceof EReference reference) {
			if (reference.isContainment() || reference.isContainer() || reference.isMany()) {
				throw new IllegalArgumentException(feature.getName() + " cannot be a column");
			}
			return Kind.OBJECT;
		}
		EDataType type = ((EAttribute) feature).getEAttributeType();
		Class<?> instance = type.getInstanceClass();
		if (feature.isUnsettable()) {
			throw new IllegalArgumentException(feature.getName() + " is unsettable and cannot be a column");
		}
		if (feature.isMany()) {
			if (instance != String.class) {
				throw new IllegalArgumentException(feature.getName() + " is a list of " + type.getName());
			}
			return Kind.TEXTS;
		}
		if (instance == String.class) {
			return Kind.TEXT;
		}
		if (instance == LocalDate.class) {
			return Kind.DATE;
		}
		if (instance == BigDecimal.class) {
			return Kind.DECIMAL;
		}
		if (instance == long.class) {
			return Kind.LONG;
		}
		return Kind.LITERAL;
	}

	/**
	 * Encodes one column of the rows.
	 *
	 * @param column the column
	 * @param rows   the rows
	 * @param table  for a reference, the number of each referenced object in its table
	 * @return the column's bytes
	 */
	static byte[] encode(Column column, List<? extends EObject> rows, Map<EObject, Integer> table) {
		ByteSink out = new ByteSink(rows.size() * 4);
		int id = column.featureId();
		switch (column.kind()) {
			case TEXT -> {
				StringColumn.Writer writer = new StringColumn.Writer();
				for (EObject row : rows) {
					writer.write((String) ((InternalEObject) row).eGet(id, false, true), out);
				}
			}
			case TEXTS -> {
				List<StringColumn.Writer> writers = new ArrayList<>();
				for (EObject row : rows) {
					// an empty list is not asked for: its getter would create it, and a copy may be written on
					// another thread than the one that changes the review
					List<?> values = row.eIsSet(column.feature())
							? (List<?>) ((InternalEObject) row).eGet(id, false, true) : List.of();
					out.writeVarInt(values.size());
					for (int i = 0; i < values.size(); i++) {
						if (i == writers.size()) {
							writers.add(new StringColumn.Writer());
						}
						writers.get(i).write((String) values.get(i), out);
					}
				}
			}
			case DATE -> {
				Map<LocalDate, Integer> codes = new HashMap<>();
				for (EObject row : rows) {
					LocalDate date = (LocalDate) ((InternalEObject) row).eGet(id, false, true);
					if (date == null) {
						out.writeByte(0);
						continue;
					}
					Integer code = codes.get(date);
					if (code != null) {
						out.writeVarInt(code + 2);
					} else {
						codes.put(date, codes.size());
						out.writeByte(1);
						out.writeZigZag(date.toEpochDay());
					}
				}
			}
			case DECIMAL -> {
				for (EObject row : rows) {
					writeDecimal((BigDecimal) ((InternalEObject) row).eGet(id, false, true), out);
				}
			}
			case LONG -> {
				long previous = 0;
				for (EObject row : rows) {
					long value = (Long) ((InternalEObject) row).eGet(id, false, true);
					out.writeZigZag(value - previous);
					previous = value;
				}
			}
			case OBJECT -> {
				for (EObject row : rows) {
					Object target = ((InternalEObject) row).eGet(id, false, true);
					out.writeVarInt(target == null ? 0 : table.get(target) + 1);
				}
			}
			case LITERAL -> {
				StringColumn.Writer writer = new StringColumn.Writer();
				EDataType type = ((EAttribute) column.feature()).getEAttributeType();
				for (EObject row : rows) {
					Object value = ((InternalEObject) row).eGet(id, false, true);
					writer.write(value == null ? null : EcoreUtil.convertToString(type, value), out);
				}
			}
		}
		byte[] bytes = new byte[out.size()];
		System.arraycopy(out.array(), 0, bytes, 0, out.size());
		return bytes;
	}

	private static void writeDecimal(BigDecimal value, ByteSink out) {
		if (value == null) {
			out.writeByte(0);
		} else if (value.unscaledValue().bitLength() < 64) {
			out.writeByte(1);
			out.writeZigZag(value.unscaledValue().longValue());
			out.writeZigZag(value.scale());
		} else {
			out.writeByte(2);
			byte[] text = value.unscaledValue().toString().getBytes(StandardCharsets.US_ASCII);
			out.writeVarInt(text.length);
			out.write(text, 0, text.length);
			out.writeZigZag(value.scale());
		}
	}

	/**
	 * Decodes one column's values. Setting them on the rows is a separate step ({@link #apply}), done by row ranges:
	 * two threads setting different columns of the same rows would write to the same cache lines all the time.
	 *
	 * @param column the column
	 * @param bytes  its bytes
	 * @param rows   how many rows it has
	 * @param table  for a reference, the referenced objects by number
	 * @param what   where the column is, for a message about a damaged file
	 * @return the values: a {@code long[]} for a primitive long, else an {@code Object[]} (for a list of texts,
	 *         each row's values as an {@code Object[]}, or null when it has none)
	 */
	static Object decode(Column column, byte[] bytes, int rows, List<? extends EObject> table, String what) {
		ByteSource in = new ByteSource(bytes, what);
		Object result;
		switch (column.kind()) {
			case TEXT -> {
				StringColumn.Reader reader = new StringColumn.Reader();
				Object[] values = new Object[rows];
				for (int r = 0; r < rows; r++) {
					values[r] = reader.read(in);
				}
				result = values;
			}
			case TEXTS -> {
				List<StringColumn.Reader> readers = new ArrayList<>();
				Object[] values = new Object[rows];
				for (int r = 0; r < rows; r++) {
					int size = in.readVarInt();
					if (size > in.remaining()) {
						throw new IllegalStateException("The review file is damaged: a list in " + what
								+ " is longer than the file");
					}
					if (size == 0) {
						continue;
					}
					Object[] list = new Object[size];
					for (int i = 0; i < size; i++) {
						if (i == readers.size()) {
							readers.add(new StringColumn.Reader());
						}
						list[i] = readers.get(i).read(in);
					}
					values[r] = list;
				}
				result = values;
			}
			case DATE -> {
				List<LocalDate> dates = new ArrayList<>();
				Object[] values = new Object[rows];
				for (int r = 0; r < rows; r++) {
					int code = in.readVarInt();
					if (code == 1) {
						dates.add(LocalDate.ofEpochDay(in.readZigZag()));
						values[r] = dates.get(dates.size() - 1);
					} else if (code >= 2) {
						if (code - 2 >= dates.size()) {
							throw new IllegalStateException("The review file is damaged: a date in " + what
									+ " refers to an unknown value");
						}
						values[r] = dates.get(code - 2);
					}
				}
				result = values;
			}
			case DECIMAL -> {
				Object[] values = new Object[rows];
				for (int r = 0; r < rows; r++) {
					values[r] = readDecimal(in, what);
				}
				result = values;
			}
			case LONG -> {
				long[] values = new long[rows];
				long value = 0;
				for (int r = 0; r < rows; r++) {
					value += in.readZigZag();
					values[r] = value;
				}
				result = values;
			}
			case OBJECT -> {
				Object[] values = new Object[rows];
				for (int r = 0; r < rows; r++) {
					int code = in.readVarInt();
					if (code > table.size()) {
						throw new IllegalStateException("The review file is damaged: a reference in " + what
								+ " points past its table");
					}
					values[r] = code == 0 ? null : table.get(code - 1);
				}
				result = values;
			}
			case LITERAL -> {
				StringColumn.Reader reader = new StringColumn.Reader();
				EDataType type = ((EAttribute) column.feature()).getEAttributeType();
				Object[] values = new Object[rows];
				for (int r = 0; r < rows; r++) {
					String literal = reader.read(in);
					values[r] = literal == null ? null : EcoreUtil.createFromString(type, literal);
				}
				result = values;
			}
			default -> throw new IllegalStateException("Unknown column kind " + column.kind());
		}
		if (!in.atEnd()) {
			throw new IllegalStateException("The review file is damaged: " + what + " has more values than rows");
		}
		return result;
	}

	/**
	 * Sets the decoded values of columns on a range of rows, row by row (each row is written while it is in the
	 * cache).
	 *
	 * @param columns the columns
	 * @param values  what {@link #decode} gave for each column
	 * @param rows    all rows
	 * @param from    the first row of the range
	 * @param to      the row after the range
	 */
	static void apply(List<Column> columns, List<Object> values, List<? extends EObject> rows, int from, int to) {
		int n = columns.size();
		int[] ids = new int[n];
		boolean[] lists = new boolean[n];
		for (int c = 0; c < n; c++) {
			ids[c] = columns.get(c).featureId();
			lists[c] = columns.get(c).kind() == Kind.TEXTS;
		}
		Object[] columnValues = values.toArray();
		for (int r = from; r < to; r++) {
			InternalEObject row = (InternalEObject) rows.get(r);
			for (int c = 0; c < n; c++) {
				Object column = columnValues[c];
				if (column instanceof long[] longs) {
					row.eSet(ids[c], longs[r]);
					continue;
				}
				Object value = ((Object[]) column)[r];
				if (value == null) {
					continue;
				}
				if (lists[c]) {
					@SuppressWarnings("unchecked")
					InternalEList<Object> list = (InternalEList<Object>) row.eGet(ids[c], false, true);
					list.addAllUnique(Arrays.asList((Object[]) value));
				} else {
					row.eSet(ids[c], value);
				}
			}
		}
	}

	private static BigDecimal readDecimal(ByteSource in, String what) {
		int form = in.readByte();
		return switch (form) {
			case 0 -> null;
			case 1 -> BigDecimal.valueOf(in.readZigZag(), scale(in, what));
			case 2 -> {
				int length = in.readVarInt();
				if (length > in.remaining()) {
					throw new IllegalStateException("The review file is damaged: an amount in " + what
							+ " is longer than the file");
				}
				byte[] text = new byte[length];
				in.read(text, 0, length);
				yield new BigDecimal(new BigInteger(new String(text, StandardCharsets.US_ASCII)), scale(in, what));
			}
			default -> throw new IllegalStateException("The review file is damaged: an amount in " + what
					+ " has an unknown form");
		};
	}

	private static int scale(ByteSource in, String what) {
		long scale = in.readZigZag();
		if (scale < Integer.MIN_VALUE || scale > Integer.MAX_VALUE) {
			throw new IllegalStateException("The review file is damaged: an amount in " + what + " has no scale");
		}
		return (int) scale;
	}
}
