package procurement.review.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;

import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.provider.ReviewItemProviderAdapterFactory;

/**
 * One open review: its resource, the editing domain and command stack every change goes through (so each import,
 * tagging run or order batch is one undoable step) and the file it is saved to.
 * <p>
 * Saving is atomic: the review is written to a temporary file next to the target, forced to disk, checked against
 * the digest of what was written, and only then renamed over the target. A crash at any point leaves the previous
 * file intact, and a failed save leaves the session dirty.
 */
public final class ReviewSession {

	private final ComposedAdapterFactory adapterFactory;
	private final AdapterFactoryEditingDomain editingDomain;
	private Resource resource;
	private Path file;
	private List<String> problems = List.of();

	private ReviewSession(Resource resource, Path file, ComposedAdapterFactory adapterFactory,
			AdapterFactoryEditingDomain editingDomain) {
		this.resource = resource;
		this.file = file;
		this.adapterFactory = adapterFactory;
		this.editingDomain = editingDomain;
	}

	/**
	 * Creates a session for a new, empty, unsaved review.
	 *
	 * @param name the review's name
	 * @return the session
	 */
	public static ReviewSession create(String name) {
		ReviewSession session = newSession(URI.createFileURI("untitled." + ReviewResources.XMI_EXTENSION), null);
		ReviewProject review = ReviewFactory.eINSTANCE.createReviewProject();
		review.setName(name);
		review.setCreatedAt(Instant.now());
		session.resource.getContents().add(review);
		return session;
	}

	/**
	 * Opens a review file (XMI or binary, by extension).
	 *
	 * @param file the file
	 * @return the session
	 * @throws IOException when the file cannot be read or is not a review
	 */
	public static ReviewSession open(Path file) throws IOException {
		Path absolute = file.toAbsolutePath();
		ReviewSession session = newSession(URI.createFileURI(absolute.toString()), absolute);
		try (InputStream in = Files.newInputStream(absolute)) {
			session.resource.load(in, session.resource.getResourceSet().getLoadOptions());
		} catch (NoSuchFileException | AccessDeniedException e) {
			throw e;
		} catch (IOException | RuntimeException e) {
			throw new IOException(absolute.getFileName() + " is not a readable review file: " + e.getMessage(), e);
		}
		if (session.resource.getContents().isEmpty()
				|| !(session.resource.getContents().get(0) instanceof ReviewProject)) {
			throw new IOException(absolute.getFileName() + " does not contain a review");
		}
		// A save killed before this open left its temporary file beside the review; one older than any save takes
		// is an orphan (a younger one may belong to a save running in another process right now).
		removeLeftovers(Objects.requireNonNullElse(absolute.getParent(), Path.of(".")), absolute,
				Instant.now().minus(ORPHAN_AGE));
		return session;
	}

	/** How old a save's temporary file must be before an open takes it for an orphan. */
	private static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

	/**
	 * Loads a review from a stream into a new untitled session (a template or a bundled sample): saving it asks for
	 * a file.
	 *
	 * @param in the review's bytes
	 * @param name a file name whose extension tells the format
	 * @return the session
	 * @throws IOException when the bytes are not a review
	 */
	public static ReviewSession load(InputStream in, String name) throws IOException {
		ReviewSession session = newSession(URI.createFileURI(name), null);
		try {
			session.resource.load(in, session.resource.getResourceSet().getLoadOptions());
		} catch (RuntimeException e) {
			throw new IOException(name + " is not a readable review: " + e.getMessage(), e);
		}
		if (session.resource.getContents().isEmpty()
				|| !(session.resource.getContents().get(0) instanceof ReviewProject)) {
			throw new IOException(name + " does not contain a review");
		}
		return session;
	}

	/**
	 * Wraps a review built elsewhere (read from a shared review's database) in a new untitled session: saving it
	 * asks for a file.
	 *
	 * @param review the review, in no resource yet
	 * @param name   a file name whose extension tells the format a save would use
	 * @return the session
	 */
	public static ReviewSession of(ReviewProject review, String name) {
		ReviewSession session = newSession(URI.createFileURI(name), null);
		session.resource.getContents().add(review);
		return session;
	}

	private static ReviewSession newSession(URI uri, Path file) {
		ComposedAdapterFactory adapterFactory = new ComposedAdapterFactory(
				ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
		adapterFactory.addAdapterFactory(new ResourceItemProviderAdapterFactory());
		adapterFactory.addAdapterFactory(new ReviewItemProviderAdapterFactory());
		adapterFactory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
		ResourceSet resourceSet = ReviewResources.createResourceSet();
		AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(adapterFactory,
				new CountingCommandStack(), resourceSet);
		domain.setResourceToReadOnlyMap(new java.util.HashMap<>());
		Resource resource = resourceSet.createResource(uri);
		domain.getResourceToReadOnlyMap().put(resource, false);
		return new ReviewSession(resource, file, adapterFactory, domain);
	}

	/**
	 * Holds the review to its audit log, as opening it in the workbench does: the chain, and the content against
	 * the digest of the newest entry ({@link AuditLog#problems}). A review that fails is read-only (every command
	 * made through the editing domain cannot execute) until the reviewer {@link #acceptAsBaseline accepts} it.
	 *
	 * @return what is wrong, one sentence each; empty when the review is as its log vouches
	 */
	public List<String> check() {
		problems = AuditLog.problems(review());
		setReadOnly(!problems.isEmpty());
		return problems;
	}

	/** @return what the last {@link #check()} found, empty after an accepted baseline */
	public List<String> problems() {
		return problems;
	}

	/** @return true while a review that failed its check is not yet accepted: nothing in it can be changed */
	public boolean isReadOnly() {
		return editingDomain.isReadOnly(resource);
	}

	/**
	 * Accepts a review that failed its check as it is now: one audit entry (with what was found) that the chain and
	 * the content are held to from then on, undoable like any change; the review can be changed again.
	 *
	 * @param author who accepts it
	 */
	public void acceptAsBaseline(String author) {
		setReadOnly(false);
		commandStack().execute(AuditLog.acceptBaseline(editingDomain, review(), author, problems));
		problems = List.of();
	}

	private void setReadOnly(boolean readOnly) {
		// Always an explicit entry: without one the domain asks the file system, and would make a review whose
		// file is write-protected read-only too.
		editingDomain.getResourceToReadOnlyMap().put(resource, readOnly);
	}

	/** @return the review */
	public ReviewProject review() {
		return (ReviewProject) resource.getContents().get(0);
	}

	/** @return the editing domain all changes go through */
	public AdapterFactoryEditingDomain editingDomain() {
		return editingDomain;
	}

	/** @return the adapter factory of the EMF.Edit item providers, for viewers */
	public ComposedAdapterFactory adapterFactory() {
		return adapterFactory;
	}

	/** @return the command stack */
	public CommandStack commandStack() {
		return editingDomain.getCommandStack();
	}

	/** @return the file this review is saved to, or null while it is untitled */
	public Path file() {
		return file;
	}

	/** @return true when there are changes not yet saved */
	public boolean isDirty() {
		return ((BasicCommandStack) commandStack()).isSaveNeeded();
	}

	/**
	 * Saves to the current file.
	 *
	 * @throws IOException when the save failed; the previous file is then untouched and the session stays dirty
	 */
	public void save() throws IOException {
		if (file == null) {
			throw new IOException("The review has no file yet: use Save As");
		}
		saveAs(file);
	}

	/**
	 * Saves to the given file, atomically, and makes it the current file. The format follows the file extension.
	 *
	 * @param target the file to write
	 * @throws IOException when the save failed; an existing file is then untouched and the session stays dirty
	 */
	public void saveAs(Path target) throws IOException {
		Path absolute = target.toAbsolutePath();
		URI uri = URI.createFileURI(absolute.toString());
		if (ReviewResources.isBinary(uri) != ReviewResources.isBinary(resource.getURI())) {
			// A resource's format is its class: saving XMI as binary (or back) moves the objects into a resource of
			// the other kind. Adapters and references move with them.
			ResourceSet resourceSet = resource.getResourceSet();
			Resource other = resourceSet.getResourceFactoryRegistry().getFactory(uri).createResource(uri);
			resourceSet.getResources().add(other);
			other.getContents().addAll(resource.getContents());
			resourceSet.getResources().remove(resource);
			boolean readOnly = isReadOnly();
			setReadOnly(false);
			resource = other;
			setReadOnly(readOnly);
		}
		resource.setURI(uri);
		// A review named after its file is renamed with it, so that "Save As" gives the file's name everywhere
		// (title, info, orders); a name the reviewer chose is kept. Part of the save, not an undoable change.
		String oldName = review().getName();
		String newName = stem(absolute);
		boolean rename = file != null && !absolute.equals(file) && Objects.equals(oldName, stem(file));
		if (rename) {
			review().setName(newName);
		}
		try {
			writeIndex();
			writeAtomically(resource, absolute);
		} catch (IOException | RuntimeException e) {
			if (rename) {
				review().setName(oldName);
			}
			throw saveFailure(absolute, e);
		}
		file = absolute;
		((BasicCommandStack) commandStack()).saveIsDone();
	}

	/**
	 * A command stack that counts twice per command executed, undone or redone: once before it changes the review,
	 * once after. An odd count means a command is running.
	 */
	private static final class CountingCommandStack extends BasicCommandStack {

		final AtomicLong changes = new AtomicLong();

		@Override
		public void execute(Command command) {
			changes.incrementAndGet();
			try {
				super.execute(command);
			} finally {
				changes.incrementAndGet();
			}
		}

		@Override
		public void undo() {
			changes.incrementAndGet();
			try {
				super.undo();
			} finally {
				changes.incrementAndGet();
			}
		}

		@Override
		public void redo() {
			changes.incrementAndGet();
			try {
				super.redo();
			} finally {
				changes.incrementAndGet();
			}
		}
	}

	private static IOException saveFailure(Path absolute, Exception e) {
		if (e instanceof RuntimeException) {
			return new IOException("Saving " + absolute.getFileName() + " failed: " + e.getMessage(), e);
		}
		IOException io = (IOException) e;
		return io.getMessage() != null && io.getMessage().contains(absolute.getFileName().toString()) ? io
				: new IOException("Saving " + absolute + " failed: " + io.getMessage(), io);
	}

	/** The file name without its extension: how a review named after its file is named. */
	private static String stem(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/**
	 * Writes a copy of the review (for autosave and recovery) without changing the session: its file, format and
	 * dirty state stay as they are. The copy is written atomically like a save.
	 *
	 * @param target the copy's file; its extension should match the session's format
	 * @throws IOException when the copy cannot be written
	 */
	public void saveCopy(Path target) throws IOException {
		try {
			writeIndex();
			writeAtomically(resource, target.toAbsolutePath());
		} catch (RuntimeException e) {
			throw new IOException("Writing a copy to " + target.getFileName() + " failed: " + e.getMessage(), e);
		}
	}

	/**
	 * Writes a copy like {@link #saveCopy}, from a thread other than the one that changes the review (autosave,
	 * which must not hold the workbench up while a large review is written). The copy replaces the target only when
	 * no command ran while it was written; otherwise, or when such a command made the writing fail, the target is
	 * left as it was and the method says so, and the caller tries again later.
	 *
	 * @param target the copy's file; its extension should match the session's format
	 * @return true when the copy was written, false when the review changed meanwhile
	 * @throws IOException when the copy cannot be written for another reason
	 */
	public boolean saveCopyUnlessChanged(Path target) throws IOException {
		AtomicLong changes = ((CountingCommandStack) commandStack()).changes;
		long before = changes.get();
		if (before % 2 != 0) {
			return false; // a command is running
		}
		try {
			writeIndex();
			return writeAtomically(resource, target.toAbsolutePath(), () -> changes.get() == before);
		} catch (RuntimeException e) {
			if (changes.get() != before) {
				return false;
			}
			throw new IOException("Writing a copy to " + target.getFileName() + " failed: " + e.getMessage(), e);
		}
	}

	/**
	 * Puts the fingerprints of the content as it is into the review before it is written (not a change of the
	 * review: no notification, no undo step), so that an edit made to the file later can be located.
	 */
	private void writeIndex() {
		ReviewProject review = review();
		byte[] index = ContentTracker.of(review).index();
		boolean deliver = review.eDeliver();
		review.eSetDeliver(false);
		try {
			review.setContentIndex(index);
		} finally {
			review.eSetDeliver(deliver);
		}
	}

	/** @return the extension of the session's current format ("review" or "reviewb") */
	public String formatExtension() {
		return ReviewResources.isBinary(resource.getURI()) ? ReviewResources.BINARY_EXTENSION
				: ReviewResources.XMI_EXTENSION;
	}

	private static void writeAtomically(Resource resource, Path target) throws IOException {
		writeAtomically(resource, target, () -> true);
	}

	/**
	 * @return true when the file was replaced, false when {@code keep} said no just before (the file is untouched)
	 */
	private static boolean writeAtomically(Resource resource, Path target, BooleanSupplier keep) throws IOException {
		Path directory = Objects.requireNonNullElse(target.getParent(), Path.of("."));
		Files.createDirectories(directory);
		removeLeftovers(directory, target);
		Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".saving");
		keepPermissions(target, temporary);
		try {
			// CRC-32C (computed by the processor) is enough to catch a short or damaged write; it costs
			// milliseconds where a cryptographic digest of a large review took seconds twice per save.
			CRC32C written = new CRC32C();
			try (OutputStream out = new CheckedOutputStream(new BufferedOutputStream(
					Files.newOutputStream(temporary), 1 << 16), written)) {
				resource.save(out, ReviewResources.saveOptions());
			}
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			// Read back what reached the disk: a short write or a full disk must not replace the last good file.
			if (written.getValue() != crc32c(temporary)) {
				throw new IOException("The saved file does not match what was written; the previous file is kept");
			}
			if (!keep.getAsBoolean()) {
				return false;
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			forceDirectory(directory);
			return true;
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Flushes a folder's entries to disk: the rename that replaced the last good file lives in the folder, and
	 * until the folder is flushed a power loss (not only a killed process) can bring back the old name or none.
	 * Where a folder cannot be opened for that (Windows), the rename is left to the file system's own journal.
	 */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException | UnsupportedOperationException e) {
			// Not every platform lets a folder be opened as a channel; the file itself was forced before the rename.
		}
	}

	private static void removeLeftovers(Path directory, Path target) {
		removeLeftovers(directory, target, null);
	}

	private static void removeLeftovers(Path directory, Path target, Instant olderThan) {
		// A save killed half-way leaves its temporary file; the target itself was never touched. Clear such files
		// before the next save (and old ones on open) so they do not pile up.
		String prefix = "." + target.getFileName();
		try (var stale = Files.newDirectoryStream(directory, entry -> {
			String name = entry.getFileName().toString();
			return name.startsWith(prefix) && name.endsWith(".saving");
		})) {
			for (Path file : stale) {
				if (olderThan == null || Files.getLastModifiedTime(file).toInstant().isBefore(olderThan)) {
					Files.deleteIfExists(file);
				}
			}
		} catch (IOException e) {
			// Only housekeeping: the save itself goes on.
		}
	}

	private static void keepPermissions(Path target, Path temporary) throws IOException {
		// A temporary file is private to its owner; the saved review keeps the permissions the file had, or gets
		// the usual ones for a new document.
		if (!Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
				: PosixFilePermissions.fromString("rw-r--r--");
		Files.setPosixFilePermissions(temporary, permissions);
	}

	/**
	 * @param file a file
	 * @return the SHA-256 of its content, in lower-case hex
	 * @throws IOException when the file cannot be read
	 */
	public static String sha256Hex(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static long crc32c(Path file) throws IOException {
		CRC32C crc = new CRC32C();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
			while (channel.read(buffer) > 0 || buffer.position() > 0) {
				buffer.flip();
				crc.update(buffer);
				buffer.clear();
			}
		}
		return crc.getValue();
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
