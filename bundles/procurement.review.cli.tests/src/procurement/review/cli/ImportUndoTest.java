package procurement.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.model.ReviewProject;

/**
 * Undo and redo of an import on a review that already holds data: a second file that overlaps the first (two of its
 * transactions are already in the review, one vendor and the department are shared) is imported after matching;
 * undo gives back exactly the review before it, audit log included, and redo exactly the review after it.
 */
class ImportUndoTest {

	@TempDir
	Path dir;

	@Test
	void undoAndRedoOfAnOverlappingImportRestoreTheSnapshots() throws Exception {
		ReviewSession session = ReviewSession.create("undo");
		ImportCommand.importAll(session, List.of(CliTest.SAMPLES.resolve("made-up-covered-vendor-rows.csv")));
		ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
		ReviewProject review = session.review();
		ReviewProject before = EcoreUtil.copy(review);
		int actionsBefore = review.getReports().stream().mapToInt(r -> r.getActions().size()).sum();

		// The first two data rows of the sample again (same transactions), and one new one.
		List<String> lines = Files.readAllLines(CliTest.SAMPLES.resolve("made-up-covered-vendor-rows.csv"),
				StandardCharsets.UTF_8);
		Path overlap = dir.resolve("overlap.csv");
		Files.writeString(overlap, String.join("\n", lines.get(0), lines.get(1), lines.get(2),
				lines.get(1).replaceFirst("^[^,]*", "NEW-TRANSACTION-1")) + "\n", StandardCharsets.UTF_8);
		ImportCommand.importAll(session, List.of(overlap));
		int actionsAfter = review.getReports().stream().mapToInt(r -> r.getActions().size()).sum();
		assertEquals(actionsBefore + 1, actionsAfter, "the two known transactions are duplicates, one is new");
		ReviewProject after = EcoreUtil.copy(review);
		assertFalse(EcoreUtil.equals(before, after));

		session.commandStack().undo();
		assertTrue(EcoreUtil.equals(before, review), "undo restores the review, audit log included");
		assertTrue(AuditLog.problem(review).isEmpty());
		session.commandStack().redo();
		assertTrue(EcoreUtil.equals(after, review), "redo restores the import, audit log included");
		assertTrue(AuditLog.problem(review).isEmpty());
	}
}
