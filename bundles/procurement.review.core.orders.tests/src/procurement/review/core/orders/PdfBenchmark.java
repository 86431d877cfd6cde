package procurement.review.core.orders;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Renders 25 orders of 2,000 lines each to PDF and prints the time: the size of a 1M-action review's order
 * batch. Not a test (it runs for seconds); run it by hand with the test class path.
 */
public final class PdfBenchmark {

	private PdfBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 *
	 * @param args optional: number of orders, lines per order, output folder
	 * @throws IOException when writing fails
	 */
	public static void main(String[] args) throws IOException {
		int orders = args.length > 0 ? Integer.parseInt(args[0]) : 25;
		int lines = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
		Path dir = Path.of(args.length > 2 ? args[2] : "target/benchmark");
		Files.createDirectories(dir);
		List<OrderDocument> docs = new ArrayList<>();
		for (int i = 0; i < orders; i++) {
			docs.add(SampleOrders.order("RO-BENCH-" + (i + 1), lines));
		}
		// One warm-up order, as a long-running workbench would be warm after its first print.
		try (OrderRenderer r = new OrderRenderer()) {
			long t0 = System.nanoTime();
			try (OutputStream out = OutputStream.nullOutputStream()) {
				r.writePdf(SampleOrders.order("WARMUP", 200), out);
			}
			long t1 = System.nanoTime();
			// CPU time as well as wall time: on a shared 2-core machine the wall time depends on the load.
			java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
			long c1 = mx.getCurrentThreadCpuTime();
			long bytes = 0;
			for (OrderDocument d : docs) {
				Path p = dir.resolve(d.orderNumber() + ".pdf");
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
					r.writePdf(d, out);
				}
				bytes += Files.size(p);
			}
			long t2 = System.nanoTime();
			long c2 = mx.getCurrentThreadCpuTime();
			System.out.printf("first order incl. font parsing: %.2f s%n", (t1 - t0) / 1e9);
			System.out.printf("sequential, %d orders x %d lines: %.2f s wall, %.2f s CPU, %.1f MB%n", orders,
					lines, (t2 - t1) / 1e9, (c2 - c1) / 1e9, bytes / 1e6);
		}
		int threads = Runtime.getRuntime().availableProcessors();
		long t3 = System.nanoTime();
		OrderBatch.render(docs, dir.resolve("batch"), EnumSet.of(OrderFormat.PDF), threads);
		long t4 = System.nanoTime();
		System.out.printf("OrderBatch on %d threads (fonts parsed per thread, index included): %.2f s wall%n",
				threads, (t4 - t3) / 1e9);
	}
}
