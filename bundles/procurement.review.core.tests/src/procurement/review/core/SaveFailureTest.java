package procurement.review.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.model.Vendor;

/**
 * Saves that fail in ways {@code ReviewSessionTest} does not cover (it has the XMI save whose serialisation throws):
 * the binary format, an error instead of an exception half-way (as an out-of-memory or a dying disk driver gives),
 * and a target folder that turned into a file. Each reports, keeps the session dirty and the last good file as it
 * was, leaves no temporary file, and a later save to a good place still works.
 */
class SaveFailureTest {

	@TempDir
	Path dir;

	@Test
	void failingBinarySaveKeepsTheLastGoodFile() throws IOException {
		ReviewSession session = ReviewSession.create("Binary");
		TestReviews.addVendors(session, "FIRST");
		Path file = dir.resolve("binary.reviewb");
		session.saveAs(file);
		byte[] good = Files.readAllBytes(file);

		TestReviews.addVendors(session, "SECOND");
		EObject failing = FailingObjects.failingObject(() -> new IllegalStateException("No space left on device"));
		session.review().eResource().getContents().add(failing);
		IOException failure = assertThrows(IOException.class, session::save);
		assertTrue(failure.getMessage().contains("binary.reviewb"), failure.getMessage());
		assertKept(session, file, good);

		session.review().eResource().getContents().remove(failing);
		session.save();
		assertFalse(session.isDirty());
		assertEquals(2, ReviewSession.open(file).review().getVendors().size(), "the retried save has the change");
	}

	@Test
	void errorHalfWayThroughSavingKeepsTheLastGoodFile() throws IOException {
		ReviewSession session = ReviewSession.create("Error");
		TestReviews.addVendors(session, "FIRST");
		Path file = dir.resolve("error.review");
		session.saveAs(file);
		byte[] good = Files.readAllBytes(file);

		TestReviews.addVendors(session, "SECOND");
		session.review().eResource().getContents().add(FailingObjects.failingObject(() -> new OutOfMemoryError("Java heap space")));
		// Errors are not turned into IOExceptions (nothing should catch them), but they must not cost the file.
		assertThrows(OutOfMemoryError.class, session::save);
		assertKept(session, file, good);
	}

	@Test
	void targetFolderReplacedByAFileFailsTheSave() throws IOException {
		ReviewSession session = ReviewSession.create("Folder");
		TestReviews.addVendors(session, "FIRST");
		Path folder = dir.resolve("share");
		Path file = folder.resolve("review.review");
		session.saveAs(file);

		TestReviews.addVendors(session, "SECOND");
		// The network share was unmounted and something else now has its name.
		Files.delete(file);
		Files.delete(folder);
		Files.writeString(folder, "not a folder");
		assertThrows(IOException.class, session::save);
		assertTrue(session.isDirty(), "the unsaved change is still marked unsaved");
		assertEquals("not a folder", Files.readString(folder));

		Path elsewhere = dir.resolve("rescued.review");
		session.saveAs(elsewhere);
		assertFalse(session.isDirty());
		assertEquals(List.of("FIRST", "SECOND"),
				ReviewSession.open(elsewhere).review().getVendors().stream().map(Vendor::getName).toList());
	}

	@Test
	void anOrphanOfAKilledSaveIsRemovedOnOpenButAYoungOneIsLeftToItsSave() throws IOException {
		Path file = dir.resolve("kept.review");
		ReviewSession.create("kept").saveAs(file);
		Path orphan = dir.resolve(".kept.review12345.saving");
		Path running = dir.resolve(".kept.review67890.saving");
		Files.writeString(orphan, "half a review");
		Files.writeString(running, "a save in progress elsewhere");
		Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		ReviewSession.open(file);
		assertFalse(Files.exists(orphan), "an hour-old temporary file is an orphan of a killed save");
		assertTrue(Files.exists(running), "a fresh one may belong to a save in another process");
	}

	private void assertKept(ReviewSession session, Path file, byte[] good) throws IOException {
		assertArrayEquals(good, Files.readAllBytes(file), "the last good file is untouched");
		assertTrue(session.isDirty(), "the unsaved change is still marked unsaved");
		try (var files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
		}
		assertEquals(1, ReviewSession.open(file).review().getVendors().size());
	}
}
