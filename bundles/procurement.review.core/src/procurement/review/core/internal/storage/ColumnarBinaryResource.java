package procurement.review.core.internal.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.impl.BinaryResourceImpl;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * EMF's binary resource with the large lists of rows (a report's actions) stored column by column. The model,
 * commands, undo and validation see an ordinary resource; only the bytes differ:
 * <ul>
 * <li>everything but the rows' values is written by EMF's own binary format, in which each row is only a number
 * (so references to rows, from hits and order items, stay EMF's), and each reference column's distinct targets
 * (vendors, offices) are a table in it;</li>
 * <li>after it, each row list's columns ({@link Columns}), encoded and decoded in parallel with each other and, on
 * save, with the EMF part;</li>
 * <li>byte arrays (the content fingerprints) as bytes rather than EMF's hexadecimal text.</li>
 * </ul>
 * A file that starts with EMF's own signature (a review saved before this format) is read by EMF as it was written.
 */
public class ColumnarBinaryResource extends BinaryResourceImpl {

	/** The file's first bytes; EMF's own binary files start with {@code \211emf}. */
	private static final byte[] SIGNATURE = { (byte) 0x89, 'r', 'e', 'v', '\n', '\r', 0x1A, '\n' };

	/** The version of the layout after the signature. */
	private static final int LAYOUT_VERSION = 1;

	private static final int ROWS_AS_EMF = 0;
	private static final int ROWS_AS_COLUMNS = 1;

	private final Set<EReference> rowLists;

	/**
	 * @param uri      the resource's URI
	 * @param rowLists the containment lists whose elements are stored column by column
	 */
	public ColumnarBinaryResource(URI uri, Set<EReference> rowLists) {
		super(uri);
		this.rowLists = Set.copyOf(rowLists);
	}

	/**
	 * @param in the first bytes of a file (at least eight)
	 * @return true when they are this format's signature
	 */
	public static boolean isColumnar(byte[] in) {
		return in.length >= SIGNATURE.length && Arrays.equals(in, 0, SIGNATURE.length, SIGNATURE, 0,
				SIGNATURE.length);
	}

	@Override
	protected void doSave(OutputStream outputStream, Map<?, ?> options) throws IOException {
		ExecutorService workers = workers();
		try {
			ByteArrayOutputStream emf = new ByteArrayOutputStream(1 << 20);
			Output output = new Output(emf, options, workers);
			output.saveResource(this);
			output.flush();
			DataOutputStream out = new DataOutputStream(outputStream);
			out.write(SIGNATURE);
			out.writeInt(LAYOUT_VERSION);
			out.writeLong(emf.size());
			emf.writeTo(out);
			out.writeInt(output.blocks.size());
			for (SavedBlock block : output.blocks) {
				out.writeInt(block.columns.size());
				for (int c = 0; c < block.columns.size(); c++) {
					Columns.Column column = block.columns.get(c);
					byte[] bytes = await(block.encoded.get(c));
					out.writeUTF(column.name());
					out.writeByte(column.kind().ordinal());
					out.writeInt(bytes.length);
					out.write(bytes);
				}
			}
			out.flush();
		} finally {
			workers.shutdownNow();
		}
	}

	@Override
	protected void doLoad(InputStream inputStream, Map<?, ?> options) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(inputStream, 1 << 16);
		buffered.mark(SIGNATURE.length);
		byte[] head = buffered.readNBytes(SIGNATURE.length);
		buffered.reset();
		if (!isColumnar(head)) {
			super.doLoad(buffered, options);
			return;
		}
		DataInputStream in = new DataInputStream(buffered);
		in.skipNBytes(SIGNATURE.length);
		int version = in.readInt();
		if (version != LAYOUT_VERSION) {
			throw new IOException("The review file has layout " + version + "; this version reads layout "
					+ LAYOUT_VERSION + " (a newer version of the workbench wrote it)");
		}
		long emfLength = in.readLong();
		if (emfLength < 0 || emfLength > Integer.MAX_VALUE - 16) {
			throw new IOException("The review file is damaged: its model part has an impossible length");
		}
		byte[] emf = in.readNBytes((int) emfLength);
		if (emf.length != emfLength) {
			throw new IOException("The review file is damaged: it ends inside its model part");
		}
		ExecutorService workers = workers();
		try {
			Input input = new Input(new ByteArrayInputStream(emf), options);
			input.loadResource(this);
			int blockCount = in.readInt();
			if (blockCount != input.blocks.size()) {
				throw new IOException("The review file is damaged: " + blockCount + " column blocks for "
						+ input.blocks.size() + " lists of rows");
			}
			List<List<Columns.Column>> columns = new ArrayList<>();
			List<List<Future<Object>>> decoded = new ArrayList<>();
			for (LoadedBlock block : input.blocks) {
				Map<String, Columns.Column> byName = new HashMap<>();
				for (Columns.Column column : Columns.of(block.rowClass)) {
					byName.put(column.name(), column);
				}
				List<Columns.Column> found = new ArrayList<>();
				List<Future<Object>> values = new ArrayList<>();
				int columnCount = in.readInt();
				for (int c = 0; c < columnCount; c++) {
					String name = in.readUTF();
					int kind = in.readUnsignedByte();
					int length = in.readInt();
					if (length < 0) {
						throw new IOException("The review file is damaged: column " + name + " has a negative length");
					}
					byte[] bytes = in.readNBytes(length);
					if (bytes.length != length) {
						throw new IOException("The review file is damaged: it ends inside column " + name);
					}
					Columns.Column column = byName.get(name);
					if (column == null) {
						continue; // a feature the model no longer has
					}
					if (column.kind().ordinal() != kind) {
						throw new IOException("Column " + name + " of the review file is stored as kind " + kind
								+ ", which this version does not read as " + column.kind());
					}
					String what = "column " + name + " of list " + (block.index + 1);
					List<? extends EObject> table = block.tables.getOrDefault(name, List.of());
					int rows = block.rows.size();
					found.add(column);
					values.add(workers.submit(() -> Columns.decode(column, bytes, rows, table, what)));
				}
				columns.add(found);
				decoded.add(values);
			}
			// Each thread sets every column of its own rows: an object is written by one core only.
			int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
			List<Future<?>> applied = new ArrayList<>();
			for (int b = 0; b < input.blocks.size(); b++) {
				List<InternalEObject> rows = input.blocks.get(b).rows;
				List<Columns.Column> blockColumns = columns.get(b);
				List<Object> values = new ArrayList<>();
				for (Future<Object> value : decoded.get(b)) {
					values.add(await(value));
				}
				int step = Math.max(1, (rows.size() + threads - 1) / threads);
				for (int from = 0; from < rows.size(); from += step) {
					int start = from;
					int end = Math.min(rows.size(), from + step);
					applied.add(workers.submit(() -> Columns.apply(blockColumns, values, rows, start, end)));
				}
			}
			for (Future<?> task : applied) {
				await(task);
			}
		} finally {
			workers.shutdownNow();
		}
	}

	private static ExecutorService workers() {
		return Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), task -> {
			Thread thread = new Thread(task, "review file columns");
			thread.setDaemon(true);
			return thread;
		});
	}

	private static <T> T await(Future<T> task) throws IOException {
		try {
			return task.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while the review file's columns were being processed", e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IOException(cause.getMessage(), cause);
		}
	}

	private boolean isRowList(EStructuralFeature feature) {
		return feature instanceof EReference reference && rowLists.contains(reference);
	}

	/** A list of rows written as columns: the encoding of each column runs while the EMF part goes on. */
	private record SavedBlock(List<Columns.Column> columns, List<Future<byte[]>> encoded) {
	}

	/** A list of rows read from the EMF part as bare objects, to be filled from its columns. */
	private record LoadedBlock(int index, EClass rowClass, List<InternalEObject> rows,
			Map<String, List<EObject>> tables) {
	}

	private final class Output extends EObjectOutputStream {

		final List<SavedBlock> blocks = new ArrayList<>();
		private final ExecutorService workers;

		Output(OutputStream out, Map<?, ?> options, ExecutorService workers) throws IOException {
			super(out, options);
			this.workers = workers;
		}

		@Override
		protected void saveFeatureValue(InternalEObject object, int featureID,
				EStructuralFeatureData data) throws IOException {
			EStructuralFeature feature = object.eClass().getEStructuralFeature(featureID);
			if (isRowList(feature)) {
				if (object.eIsSet(featureID)) {
					writeCompressedInt(featureID + 1);
					if (data.name != null) {
						writeString(data.name);
						data.name = null;
					}
					@SuppressWarnings("unchecked")
					InternalEList<InternalEObject> list = (InternalEList<InternalEObject>) object.eGet(featureID,
							false, true);
					saveRows((EReference) feature, list);
				}
			} else if (data.eDataType == EcorePackage.Literals.EBYTE_ARRAY) {
				if (object.eIsSet(featureID)) {
					writeCompressedInt(featureID + 1);
					if (data.name != null) {
						writeString(data.name);
						data.name = null;
					}
					byte[] bytes = (byte[]) object.eGet(featureID, false, true);
					writeCompressedInt(bytes.length);
					for (byte b : bytes) {
						writeByte(b);
					}
				}
			} else {
				super.saveFeatureValue(object, featureID, data);
			}
		}

		private void saveRows(EReference reference, InternalEList<InternalEObject> list) throws IOException {
			EClass rowClass = reference.getEReferenceType();
			List<InternalEObject> rows = new ArrayList<>(list.basicList());
			boolean columnar = true;
			for (InternalEObject row : rows) {
				// a row written before its list (through a reference) already has its number in the EMF part
				if (row.eClass() != rowClass || eObjectIDMap.containsKey(row)) {
					columnar = false;
					break;
				}
			}
			List<Columns.Column> columns = columnar ? columnsOrNull(rowClass) : null;
			if (columns == null) {
				writeCompressedInt(ROWS_AS_EMF);
				saveEObjects(list, Check.NOTHING);
				return;
			}
			writeCompressedInt(ROWS_AS_COLUMNS);
			writeCompressedInt(rows.size());
			writeCompressedInt(blocks.size());
			for (InternalEObject row : rows) {
				eObjectIDMap.put(row, eObjectIDMap.size());
			}
			List<Columns.Column> references = columns.stream().filter(Columns.Column::isReference).toList();
			writeCompressedInt(references.size());
			Map<String, Map<EObject, Integer>> tables = new HashMap<>();
			for (Columns.Column column : references) {
				Map<EObject, Integer> numbers = new IdentityHashMap<>();
				List<InternalEObject> targets = new ArrayList<>();
				for (InternalEObject row : rows) {
					InternalEObject target = (InternalEObject) row.eGet(column.featureId(), false, true);
					if (target != null && numbers.putIfAbsent(target, targets.size()) == null) {
						targets.add(target);
					}
				}
				writeString(column.name());
				writeCompressedInt(targets.size());
				Check check = ((EReference) column.feature()).isResolveProxies() ? Check.RESOURCE : Check.NOTHING;
				for (InternalEObject target : targets) {
					saveEObject(target, check);
				}
				tables.put(column.name(), numbers);
			}
			List<Future<byte[]>> encoded = new ArrayList<>();
			for (Columns.Column column : columns) {
				Map<EObject, Integer> table = tables.get(column.name());
				encoded.add(workers.submit(() -> Columns.encode(column, rows, table)));
			}
			blocks.add(new SavedBlock(columns, encoded));
		}
	}

	private static List<Columns.Column> columnsOrNull(EClass rowClass) {
		try {
			return Columns.of(rowClass);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private final class Input extends EObjectInputStream {

		final List<LoadedBlock> blocks = new ArrayList<>();

		Input(InputStream in, Map<?, ?> options) throws IOException {
			super(in, options);
		}

		@Override
		protected void loadFeatureValue(InternalEObject object, EStructuralFeatureData data) throws IOException {
			if (isRowList(data.eStructuralFeature)) {
				@SuppressWarnings("unchecked")
				InternalEList<InternalEObject> list = (InternalEList<InternalEObject>) object.eGet(data.featureID,
						false, true);
				int layout = readCompressedInt();
				if (layout == ROWS_AS_EMF) {
					loadEObjects(list);
				} else if (layout == ROWS_AS_COLUMNS) {
					loadRows((EReference) data.eStructuralFeature, list);
				} else {
					throw new IOException("The review file is damaged: unknown layout " + layout + " of "
							+ data.eStructuralFeature.getName());
				}
			} else if (data.eDataType == EcorePackage.Literals.EBYTE_ARRAY) {
				int length = readCompressedInt();
				if (length < 0) {
					throw new IOException("The review file is damaged: a byte array has a negative length");
				}
				byte[] bytes = new byte[length];
				for (int i = 0; i < length; i++) {
					bytes[i] = readByte();
				}
				object.eSet(data.featureID, bytes);
			} else {
				super.loadFeatureValue(object, data);
			}
		}

		private void loadRows(EReference reference, InternalEList<InternalEObject> list) throws IOException {
			int size = readCompressedInt();
			int index = readCompressedInt();
			if (size < 0 || index != blocks.size()) {
				throw new IOException("The review file is damaged: list of rows " + index + " is out of order");
			}
			EClass rowClass = reference.getEReferenceType();
			List<InternalEObject> rows = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				InternalEObject row = (InternalEObject) rowClass.getEPackage().getEFactoryInstance().create(rowClass);
				rows.add(row);
				eObjectList.add(row);
			}
			int tableCount = readCompressedInt();
			Map<String, List<EObject>> tables = new HashMap<>();
			for (int t = 0; t < tableCount; t++) {
				String name = readString();
				int count = readCompressedInt();
				List<EObject> targets = new ArrayList<>(Math.max(0, count));
				for (int i = 0; i < count; i++) {
					targets.add(loadEObject());
				}
				tables.put(name, targets);
			}
			list.addAllUnique(rows);
			blocks.add(new LoadedBlock(index, rowClass, rows, tables));
		}
	}
}
