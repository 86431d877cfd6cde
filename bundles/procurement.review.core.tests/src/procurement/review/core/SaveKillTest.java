package procurement.review.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.model.ReviewProject;
import procurement.review.model.provider.ReviewItemProviderAdapterFactory;

/**
 * Nothing is lost when the process dies while saving: a child JVM ({@link SaveLoop}) saves a large review again
 * and again and is killed (SIGKILL, no shutdown hooks) at several points during a save; after each kill the review
 * file still opens, is one complete generation, not older than the last one reported saved, and the next child
 * continues from it.
 * <p>
 * The child's class path is built from the code sources of the classes it needs (EMF, model, model.edit, core and
 * this fragment), so it works on a plain class path and, where those are jars or class folders, inside OSGi too;
 * when a location cannot be turned into a class path entry the test is skipped, saying which.
 */
class SaveKillTest {

	/** Vendors of the first generation: an XMI file of several MB, so a save takes long enough to be hit. */
	private static final int VENDORS = 40_000;
	/**
	 * When the child is killed, as a share of how long its previous save took: at the start, inside serialisation,
	 * around fsync, digest check and rename at the end, and just after.
	 */
	private static final double[] KILL_AT = { 0, 0.2, 0.5, 0.8, 0.9, 0.95, 1.0, 1.1 };

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void killedWhileSavingXmiLeavesTheLastGoodFile() throws Exception {
		killWhileSaving("large.review");
	}

	/** The binary file, whose actions are written column by column on several threads while the rest is written. */
	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void killedWhileSavingBinaryLeavesTheLastGoodFile() throws Exception {
		killWhileSaving("large.reviewb");
	}

	private void killWhileSaving(String name) throws Exception {
		String classPath = childClassPath();
		Path file = dir.resolve(name);
		int lastSaved = 0;
		for (double share : KILL_AT) {
			Process child = new ProcessBuilder(javaExecutable(), "-Xmx512m", "-cp", classPath,
					SaveLoop.class.getName(), file.toString(), String.valueOf(VENDORS))
					.redirectError(ProcessBuilder.Redirect.INHERIT).start();
			int inFlight;
			long killAfter;
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				// Let one save complete in this child, then kill during the next one.
				String[] saved = waitFor(out, "saved ", child).split(" ");
				assertTrue(Integer.parseInt(saved[0]) > lastSaved, "the child continued from generation " + lastSaved);
				lastSaved = Integer.parseInt(saved[0]);
				killAfter = Math.round(share * Long.parseLong(saved[1]));
				inFlight = Integer.parseInt(waitFor(out, "saving ", child));
				Thread.sleep(killAfter);
				child.destroyForcibly();
				assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
				// Lines printed between the sleep and the kill tell what completed, if the pipe still has them
				// (destroying a process may close it); if not, the in-flight generation is accepted too.
				try {
					for (String line; (line = out.readLine()) != null;) {
						if (line.startsWith("saved ")) {
							lastSaved = Integer.parseInt(line.split(" ")[1]);
						}
					}
				} catch (IOException closed) {
					// nothing more to learn
				}
			}

			ReviewProject review = ReviewSession.open(file).review();
			int generation = Integer.parseInt(review.getName().substring("gen-".length()));
			System.out.println("SaveKillTest: killed " + killAfter + " ms into saving generation " + inFlight
					+ ", the file holds generation " + generation);
			// The child goes straight on to the next save, so a late kill may find one or two more generations
			// complete than were reported; never fewer, and never a partial one (checked below).
			assertTrue(generation >= lastSaved, "generation " + generation + " after a kill " + killAfter
					+ " ms into saving " + inFlight + ", but " + lastSaved + " was reported saved");
			assertEquals(VENDORS + generation, review.getVendors().size(), "generation " + generation
					+ " is complete");
			assertEquals("MARK " + generation, review.getVendors().get(review.getVendors().size() - 1).getName());
			assertEquals(name.endsWith(".reviewb") ? SaveLoop.actions(VENDORS) : 0, review.getReports().stream()
					.mapToInt(r -> r.getActions().size()).sum(), "every action of generation " + generation);
			lastSaved = generation;
			try (var files = Files.list(dir)) {
				// A kill leaves the temporary file of the interrupted save; it never takes the review's name.
				Set<String> others = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(name))
						.collect(Collectors.toSet());
				assertTrue(others.stream().allMatch(n -> n.startsWith("." + name) && n.endsWith(".saving")),
						"only temporary files besides the review: " + others);
			}
		}
	}

	/** @return the rest of the first line starting with the prefix */
	private static String waitFor(BufferedReader out, String prefix, Process child) throws IOException {
		for (String line; (line = out.readLine()) != null;) {
			if (line.startsWith(prefix)) {
				return line.substring(prefix.length());
			}
		}
		return fail("the child ended (exit " + exitValue(child) + ") before printing \"" + prefix + "\"");
	}

	private static String exitValue(Process child) {
		try {
			return String.valueOf(child.waitFor(10, TimeUnit.SECONDS) ? child.exitValue() : "none");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command()
				.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/**
	 * The class path entries of the classes the child needs. On a plain class path these are the jars and class
	 * folders of {@code java.class.path}; inside OSGi they are the bundles' jars or folders, where a folder bundle
	 * keeps its classes in {@code target/classes} or {@code bin}.
	 */
	private static String childClassPath() {
		List<Class<?>> needed = List.of(SaveLoop.class, ReviewSession.class, ReviewProject.class,
				ReviewItemProviderAdapterFactory.class, EObject.class, URI.class, XMIResourceImpl.class,
				AdapterFactoryEditingDomain.class);
		Set<String> entries = new LinkedHashSet<>();
		List<String> unresolved = new ArrayList<>();
		for (Class<?> type : needed) {
			Optional<Path> entry = classPathEntry(type);
			if (entry.isPresent()) {
				entries.add(entry.get().toString());
			} else {
				unresolved.add(type.getName() + " (" + location(type) + ")");
			}
		}
		assumeTrue(unresolved.isEmpty(), "Skipped: no class path entry for " + unresolved
				+ "; the child JVM needs plain jars or class folders (inside OSGi: bundles installed from jars or"
				+ " folders, not from a stream)");
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static Optional<Path> classPathEntry(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		URL url = source == null ? null : source.getLocation();
		if (url == null || !"file".equals(url.getProtocol())) {
			return Optional.empty();
		}
		Path location;
		try {
			location = Path.of(url.toURI());
		} catch (URISyntaxException | IllegalArgumentException e) {
			return Optional.empty();
		}
		if (Files.isRegularFile(location)) {
			return Optional.of(location); // a jar
		}
		String classFile = type.getName().replace('.', '/') + ".class";
		for (Path candidate : List.of(location, location.resolve("target/classes"), location.resolve("bin"))) {
			if (Files.isRegularFile(candidate.resolve(classFile))) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static String location(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		return source == null ? "no code source" : String.valueOf(source.getLocation());
	}
}
