package procurement.review.core.importer.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportException;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.core.importer.TableFormatException;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.TableReaders;
import procurement.review.core.importer.hostile.HostileCorpus.Case;
import procurement.review.core.importer.hostile.HostileCorpus.Outcome;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ImportProblem;
import procurement.review.model.ReviewProject;

/**
 * Hostile and broken files against the whole import path: each is either refused with one clear sentence that
 * names the file (and the review keeps exactly what it had), or imported with located problems; none hangs.
 */
class HostileInputTest {

	/** A real download, imported first so a refused file has something to destroy. */
	private static final Path REAL = Path.of("data", "real",
			"usaspending_contract_prime_transactions_sample_with_header.csv");
	/** Per file: far above what any case needs (the slowest, 10 MB and 1 M row files, take about a second). */
	private static final Duration BUDGET = Duration.ofSeconds(10);

	@TempDir
	static Path dir;

	private static List<Case> corpus;

	@BeforeAll
	static void generate() throws IOException {
		corpus = HostileCorpus.generate(dir);
		// A copy for trying the command line on each file (best effort: the fragment may be read-only in OSGi).
		try {
			Files.createDirectories(HostileCorpus.TARGET);
			for (Case c : corpus) {
				Files.copy(c.file(), HostileCorpus.TARGET.resolve(c.name()), StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (IOException e) {
			System.err.println("hostile corpus not copied to " + HostileCorpus.TARGET.toAbsolutePath() + ": " + e);
		}
	}

	static Stream<Case> refused() {
		return corpus.stream().filter(c -> c.outcome() == Outcome.REFUSED);
	}

	static Stream<Case> imported() {
		return corpus.stream().filter(c -> c.outcome() == Outcome.IMPORTED);
	}

	private static ReviewSession reviewWithOneReport() throws ImportException {
		ReviewSession session = ReviewSession.create("Hostile input");
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = importer.read(REAL, new NullProgressMonitor());
		session.commandStack().execute(importer.command(session.editingDomain(), result));
		assertEquals(1, session.review().getReports().size());
		return session;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusedWithOneClearSentenceAndTheReviewUnchanged(Case c) throws Exception {
		ReviewSession session = reviewWithOneReport();
		ReviewProject before = EcoreUtil.copy(session.review());

		ImportException e = assertTimeoutPreemptively(BUDGET, () -> assertThrows(ImportException.class,
				() -> new ReviewImporter(session.review()).read(c.file(), new NullProgressMonitor())));
		String message = e.getMessage();
		assertTrue(message.startsWith(c.name()), "names the file first: " + message);
		assertPlain(message);
		for (String word : c.words()) {
			assertTrue(message.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
					"mentions \"" + word + "\": " + message);
		}
		assertTrue(EcoreUtil.equals(before, session.review()), "the review keeps exactly what it had");

		// The reader API below the importer refuses with the reason callers can react to.
		TableFormatException format = assertTimeoutPreemptively(BUDGET,
				() -> assertThrows(TableFormatException.class, () -> readAll(c.file())));
		assertEquals(c.reason(), format.reason(), format.getMessage());
		assertTrue(format.getMessage().contains(c.name()), "names the file: " + format.getMessage());
		assertPlain(format.getMessage());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("imported")
	void importedWithLocatedProblemsAndNothingLost(Case c) throws Exception {
		ReviewSession session = reviewWithOneReport();
		int actionsBefore = actions(session.review()).size();

		ImportResult result = assertTimeoutPreemptively(BUDGET, () -> {
			ReviewImporter importer = new ReviewImporter(session.review());
			return importer.read(c.file(), new NullProgressMonitor());
		});
		session.commandStack().execute(new ReviewImporter(session.review()).command(session.editingDomain(),
				result));
		assertEquals(c.actions(), result.actionCount(), "actions of " + c.name());
		assertEquals(actionsBefore + c.actions(), actions(session.review()).size(), "nothing lost, nothing twice");

		ContractingReport report = result.report();
		for (ImportProblem problem : report.getProblems()) {
			assertPlain(problem.getMessage());
			assertEquals(c.name(), problem.getFile());
		}
		for (String word : c.words()) {
			ImportProblem problem = report.getProblems().stream()
					.filter(p -> p.getMessage().toLowerCase(Locale.ROOT).contains(word)).findFirst()
					.orElseThrow(() -> new AssertionError("no problem mentions \"" + word + "\" in " + c.name()
							+ ": " + report.getProblems().stream().map(ImportProblem::getMessage).toList()));
			assertTrue(problem.getRow() > 0, "located at a row: " + problem.getMessage());
			assertTrue(problem.getColumn() != null, "located at a column: " + problem.getMessage());
		}
		if (!c.words().isEmpty()) {
			ImportProblem first = report.getProblems().stream()
					.filter(p -> p.getMessage().toLowerCase(Locale.ROOT).contains(c.words().get(0))).findFirst()
					.orElseThrow();
			assertEquals(c.problemRow(), first.getRow(), first.getMessage());
			assertEquals(HostileCorpus.letters(c.problemCol()), first.getColumn(), first.getMessage());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("imported")
	void importedFilesKeepTheirContent(Case c) throws Exception {
		// Spot checks of what the special files must still deliver, beyond not crashing.
		ReviewSession session = ReviewSession.create("Content");
		ReviewImporter importer = new ReviewImporter(session.review());
		ImportResult result = assertTimeoutPreemptively(BUDGET,
				() -> importer.read(c.file(), new NullProgressMonitor()));
		List<ContractAction> actions = result.report().getActions();
		switch (c.name()) {
			case "mixed-line-endings-10mb-cell.csv" -> {
				assertEquals(List.of("K1", "K2", "K3", "K4"),
						actions.stream().map(ContractAction::getTransactionKey).toList());
				assertEquals("two\nlines", actions.get(1).getExtraValues().get(0));
				assertTrue(actions.get(2).getExtraValues().get(0).length() >= 10 << 20, "the 10 MB cell is kept");
				assertEquals("last", actions.get(3).getExtraValues().get(0));
			}
			case "1048576-empty-row-elements.xlsx" -> assertEquals(1_048_576L, actions.get(0).getSourceRow());
			case "ten-thousand-columns.xlsx" -> {
				assertEquals(10_000 - HostileCorpus.HEADER.size(), result.report().getExtraColumns().size());
				assertEquals("v9999", actions.get(0).getExtraValues().get(actions.get(0).getExtraValues().size() - 1));
			}
			case "numbers-and-dates-swapped.xlsx" -> {
				assertEquals(null, actions.get(0).getActionDate(), "a bad date is left empty, not guessed");
				assertEquals(null, actions.get(0).getObligation());
				assertEquals("ACME", actions.get(0).getVendor().getName(), "the rest of the row is kept");
			}
			case "nul-bytes-late.csv" -> assertTrue(actions.stream().anyMatch(a -> a.getVendor() != null
					&& a.getVendor().getName().contains("\0")), "the NUL survives in its cell");
			default -> assertFalse(actions.isEmpty());
		}
	}

	private static void readAll(Path file) throws IOException {
		try (TableReader reader = TableReaders.open(file)) {
			reader.read((row, cells) -> true, null);
		}
	}

	private static List<ContractAction> actions(ReviewProject review) {
		return review.getReports().stream().flatMap(r -> r.getActions().stream()).toList();
	}

	/** One sentence for a reviewer: no stack trace, no Java type names, no line breaks. */
	static void assertPlain(String message) {
		assertFalse(message == null || message.isBlank(), "a message");
		assertFalse(message.contains("Exception"), "no exception type in: " + message);
		assertFalse(message.contains("at java.") || message.contains("java.") || message.contains("javax."),
				"no Java names in: " + message);
		assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
		assertFalse(message.contains(": null"), "no missing detail: " + message);
	}
}
