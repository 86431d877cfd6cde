package procurement.review.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap use during one phase: the highest total heap in use, sampled every few milliseconds (young garbage
 * included, which is what a heap limit has to hold), and the highest use of the old generation according to the
 * JVM's own peak counters (what survives collections: the data a phase builds).
 * <p>
 * Peaks are reset at {@link #start}, so each phase is measured on its own.
 */
final class HeapProbe implements AutoCloseable {

	private static final long MB = 1 << 20;

	private final Thread sampler;
	private volatile boolean running = true;
	private volatile long peakUsed;

	private HeapProbe() {
		sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").unstarted(this::sample);
	}

	/**
	 * Resets the JVM's peak counters and starts sampling.
	 *
	 * @return the running probe; close it when the phase ends
	 */
	static HeapProbe start() {
		for (MemoryPoolMXBean pool : heapPools()) {
			pool.resetPeakUsage();
		}
		HeapProbe probe = new HeapProbe();
		probe.peakUsed = used();
		probe.sampler.start();
		return probe;
	}

	private void sample() {
		while (running) {
			long used = used();
			if (used > peakUsed) {
				peakUsed = used;
			}
			try {
				Thread.sleep(5);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	/** @return the highest sampled heap use, in MB */
	double peakMb() {
		return Math.max(peakUsed, used()) / (double) MB;
	}

	/** @return the old generation's peak use since {@link #start}, in MB (0 when the collector has none) */
	double oldGenPeakMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : heapPools()) {
			String name = pool.getName();
			if (name.contains("Old") || name.contains("Tenured")) {
				peak = Math.max(peak, pool.getPeakUsage().getUsed());
			}
		}
		return peak / (double) MB;
	}

	@Override
	public void close() {
		running = false;
		sampler.interrupt();
		try {
			sampler.join(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Collects garbage until the heap stops shrinking, then tells what is left.
	 *
	 * @return the heap in use after collection, in MB
	 */
	static double retainedMb() {
		long before = Long.MAX_VALUE;
		long now = used();
		for (int i = 0; i < 5 && now < before; i++) {
			before = now;
			System.gc();
			now = used();
		}
		return now / (double) MB;
	}

	/** @return the heap limit (-Xmx) in MB */
	static double maxMb() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (double) MB;
	}

	private static long used() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
				.toList();
	}
}
