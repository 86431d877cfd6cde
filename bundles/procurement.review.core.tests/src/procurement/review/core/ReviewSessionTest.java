package procurement.review.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.emf.common.command.CompoundCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/** Saving, reopening, undo and the audit chain of a review session. */
class ReviewSessionTest {

	@TempDir
	Path dir;

	@Test
	void savesAndReopensInBothFormats() throws IOException {
		for (String name : List.of("review.review", "review.reviewb")) {
			ReviewSession session = ReviewSession.create("Formats");
			TestReviews.addVendors(session, "KASPERSKY LAB  INC", "ACME CORP");
			assertTrue(session.isDirty());
			Path file = dir.resolve(name);
			session.saveAs(file);
			assertFalse(session.isDirty());

			ReviewSession reopened = ReviewSession.open(file);
			ReviewProject review = reopened.review();
			assertEquals("Formats", review.getName());
			assertEquals(List.of("KASPERSKY LAB  INC", "ACME CORP"),
					review.getVendors().stream().map(Vendor::getName).toList());
			assertEquals(OptionalInt.empty(), AuditLog.verify(review));
		}
	}

	@Test
	void savingXmiAsBinaryConvertsAndKeepsEditing() throws IOException {
		ReviewSession session = ReviewSession.create("Convert");
		TestReviews.addVendors(session, "ZTE USA INC");
		session.saveAs(dir.resolve("a.review"));
		session.saveAs(dir.resolve("a.reviewb"));
		TestReviews.addVendors(session, "HIKVISION USA INC");
		session.save();
		assertEquals(2, ReviewSession.open(dir.resolve("a.reviewb")).review().getVendors().size());
		assertEquals(1, ReviewSession.open(dir.resolve("a.review")).review().getVendors().size());
	}

	@Test
	void undoRestoresTheStateBeforeACompoundCommand() {
		ReviewSession session = ReviewSession.create("Undo");
		TestReviews.addVendors(session, "A", "B", "C");
		assertEquals(3, session.review().getVendors().size());
		assertEquals(1, session.review().getAuditLog().size());
		session.commandStack().undo();
		assertTrue(session.review().getVendors().isEmpty());
		assertTrue(session.review().getAuditLog().isEmpty());
		assertFalse(session.isDirty());
		session.commandStack().redo();
		assertEquals(3, session.review().getVendors().size());
	}

	@Test
	void failedSaveKeepsLastGoodFileAndStaysDirty() throws IOException {
		ReviewSession session = ReviewSession.create("Atomic");
		TestReviews.addVendors(session, "FIRST");
		Path file = dir.resolve("atomic.review");
		session.saveAs(file);
		byte[] good = Files.readAllBytes(file);

		TestReviews.addVendors(session, "SECOND");
		// An object whose serialisation fails half-way through the file, as a full disk or a crash would.
		session.review().eResource().getContents()
				.add(FailingObjects.failingObject(() -> new IllegalStateException("No space left on device")));
		IOException failure = assertThrows(IOException.class, session::save);
		assertTrue(failure.getMessage().contains("atomic.review"), failure.getMessage());

		assertArrayEquals(good, Files.readAllBytes(file), "the last good file is untouched");
		assertTrue(session.isDirty(), "the unsaved change is still marked unsaved");
		try (var files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
		}
		assertEquals(1, ReviewSession.open(file).review().getVendors().size());
	}

	@Test
	void auditChainDetectsAnEditedEntry() {
		ReviewSession session = ReviewSession.create("Audit");
		TestReviews.addVendors(session, "A");
		TestReviews.addVendors(session, "B");
		TestReviews.addVendors(session, "C");
		assertEquals(OptionalInt.empty(), AuditLog.verify(session.review()));
		session.review().getAuditLog().get(1).setDetail("someone else");
		assertEquals(OptionalInt.of(1), AuditLog.verify(session.review()));
	}

	@Test
	void chainHoldsForSeveralEntriesInOneCommand() {
		ReviewSession session = ReviewSession.create("Chain");
		CompoundCommand batch = new CompoundCommand("Batch");
		for (String step : List.of("import a", "import b", "tag")) {
			batch.append(AuditLog.append(session.editingDomain(), session.review(), "tester", step, step));
		}
		session.commandStack().execute(batch);
		assertEquals(3, session.review().getAuditLog().size());
		assertEquals(OptionalInt.empty(), AuditLog.verify(session.review()));
		assertEquals(session.review().getAuditLog().get(2).getHash(), AuditLog.head(session.review()));
	}
}
