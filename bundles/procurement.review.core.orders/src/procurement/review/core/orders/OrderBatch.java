package procurement.review.core.orders;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import procurement.review.core.orders.internal.office.XlsxIndexWriter;

/**
 * Renders a list of orders into a folder: one file per order and format, named after the order number, and
 * an index workbook listing all orders.
 * <p>
 * Each file is written under a temporary name and then moved into place, so a folder never holds a
 * half-written order that looks complete.
 */
public final class OrderBatch {

	/** The index workbook's file name. */
	public static final String INDEX_FILE = "orders-index.xlsx";

	private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
	private static final Set<String> WINDOWS_RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2",
			"COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
			"LPT7", "LPT8", "LPT9");
	private static final int MAX_NAME = 100;

	/**
	 * The files written for one order.
	 *
	 * @param orderNumber the order's number
	 * @param files       the file per format
	 */
	public record RenderedOrder(String orderNumber, Map<OrderFormat, Path> files) {

		/**
		 * Copies the map, in the formats' order (PDF, DOCX, XLSX), so that listings and the JSON summary do not
		 * change from run to run.
		 *
		 * @param orderNumber order number
		 * @param files       files per format
		 */
		public RenderedOrder {
			files = files.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(files));
		}
	}

	/**
	 * What a batch wrote.
	 *
	 * @param orders the orders, in the order given
	 * @param index  the index workbook
	 */
	public record Result(List<RenderedOrder> orders, Path index) {

		/**
		 * Copies the list.
		 *
		 * @param orders orders
		 * @param index  index
		 */
		public Result {
			orders = List.copyOf(orders);
		}
	}

	private OrderBatch() {
	}

	/**
	 * Turns an order number into a safe file name stem: only ASCII letters, digits, dot, dash and
	 * underscore; no leading dot; no Windows device name; at most 100 characters.
	 *
	 * @param orderNumber the order number
	 * @return the stem; "order" when nothing usable is left
	 */
	public static String fileStem(String orderNumber) {
		String s = orderNumber == null ? "" : UNSAFE.matcher(orderNumber.strip()).replaceAll("_");
		s = s.replaceAll("^[._]+", "").replaceAll("[._]+$", "");
		if (s.length() > MAX_NAME) {
			s = s.substring(0, MAX_NAME);
		}
		if (s.isEmpty()) {
			s = "order";
		}
		String base = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
		if (WINDOWS_RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
			s = "_" + s;
		}
		return s;
	}

	/**
	 * Renders orders into a folder, creating it if needed, on the calling thread. Orders whose numbers
	 * sanitise to the same stem get "-2", "-3", ... appended, so no order overwrites another.
	 *
	 * @param orders   the orders
	 * @param folder   the target folder
	 * @param formats  the formats to write for each order
	 * @param renderer the renderer to use (its fonts are reused across the batch)
	 * @return the files written
	 * @throws IOException when writing fails
	 */
	public static Result render(List<OrderDocument> orders, Path folder, Set<OrderFormat> formats,
			OrderRenderer renderer) throws IOException {
		Plan plan = plan(orders, folder, formats);
		for (int i = 0; i < orders.size(); i++) {
			renderOne(orders.get(i), plan.targets.get(i), renderer);
		}
		return finish(orders, folder, plan);
	}

	/**
	 * Renders orders into a folder like {@link #render(List, Path, Set, OrderRenderer)}, on several threads.
	 * Each thread has its own renderer, since parsed fonts cannot be shared between threads.
	 *
	 * @param orders      the orders
	 * @param folder      the target folder
	 * @param formats     the formats to write for each order
	 * @param parallelism the number of threads; 1 renders on the calling thread
	 * @return the files written
	 * @throws IOException when writing fails (the first failure; the other threads finish their order)
	 */
	public static Result render(List<OrderDocument> orders, Path folder, Set<OrderFormat> formats,
			int parallelism) throws IOException {
		if (parallelism <= 1 || orders.size() <= 1) {
			try (OrderRenderer r = new OrderRenderer()) {
				return render(orders, folder, formats, r);
			}
		}
		Plan plan = plan(orders, folder, formats);
		AtomicInteger next = new AtomicInteger();
		List<Callable<Void>> workers = new ArrayList<>();
		for (int t = 0; t < Math.min(parallelism, orders.size()); t++) {
			workers.add(() -> {
				try (OrderRenderer r = new OrderRenderer()) {
					for (int i = next.getAndIncrement(); i < orders.size(); i = next.getAndIncrement()) {
						renderOne(orders.get(i), plan.targets.get(i), r);
					}
				}
				return null;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers.size());
		try {
			for (Future<Void> f : pool.invokeAll(workers)) {
				f.get();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("order batch interrupted");
		} catch (ExecutionException e) {
			if (e.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IOException("rendering an order failed", e.getCause());
		} finally {
			pool.shutdownNow();
		}
		return finish(orders, folder, plan);
	}

	/** File names are chosen up front, in input order, so they do not depend on thread timing. */
	private record Plan(List<Map<OrderFormat, Path>> targets) {
	}

	private static Plan plan(List<OrderDocument> orders, Path folder, Set<OrderFormat> formats)
			throws IOException {
		Files.createDirectories(folder);
		Set<OrderFormat> fmts = formats.isEmpty() ? EnumSet.noneOf(OrderFormat.class) : EnumSet.copyOf(formats);
		Set<String> used = new HashSet<>();
		used.add(INDEX_FILE.substring(0, INDEX_FILE.indexOf('.')).toLowerCase(Locale.ROOT));
		List<Map<OrderFormat, Path>> targets = new ArrayList<>();
		for (OrderDocument o : orders) {
			String stem = fileStem(o.orderNumber());
			String unique = stem;
			// Case-insensitive file systems (Windows, macOS) would merge names that differ only in case.
			for (int k = 2; !used.add(unique.toLowerCase(Locale.ROOT)); k++) {
				unique = stem + "-" + k;
			}
			Map<OrderFormat, Path> files = new LinkedHashMap<>();
			for (OrderFormat f : fmts) {
				files.put(f, folder.resolve(unique + "." + f.extension()));
			}
			targets.add(files);
		}
		return new Plan(targets);
	}

	private static void renderOne(OrderDocument o, Map<OrderFormat, Path> files, OrderRenderer r)
			throws IOException {
		for (Map.Entry<OrderFormat, Path> e : files.entrySet()) {
			writeAtomically(e.getValue(), out -> r.write(o, e.getKey(), out));
		}
	}

	private static Result finish(List<OrderDocument> orders, Path folder, Plan plan) throws IOException {
		List<RenderedOrder> rendered = new ArrayList<>();
		List<XlsxIndexWriter.Entry> entries = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			Map<OrderFormat, Path> files = plan.targets.get(i);
			rendered.add(new RenderedOrder(orders.get(i).orderNumber(), files));
			entries.add(new XlsxIndexWriter.Entry(orders.get(i),
					files.values().stream().map(p -> p.getFileName().toString()).toList()));
		}
		Path index = folder.resolve(INDEX_FILE);
		writeAtomically(index, out -> new XlsxIndexWriter().write(entries, out));
		return new Result(rendered, index);
	}

	private interface Writer {
		void write(OutputStream out) throws IOException;
	}

	private static void writeAtomically(Path target, Writer writer) throws IOException {
		Path tmp = target.resolveSibling(target.getFileName() + ".part");
		try {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
				writer.write(out);
			}
			try {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
