package procurement.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.orders.review.OrderGenerator;

/**
 * A saved review edited outside the workbench, in its bytes, and what {@code info} says of it: an audit entry
 * changed, removed or moved breaks the chain at that entry; entries cut off after an order was made leave the order
 * pointing at a state the log no longer holds. Each is exit 2 with one line on standard error.
 */
class TamperedReviewTest {

	private static final Pattern ENTRY = Pattern.compile("<auditLog [^>]*/>");

	@TempDir
	Path dir;

	private Path file;
	private String saved;

	private record Run(int code, String out, String err) {
	}

	private static Run info(Path review) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] { "info", review.toString() });
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** A review with four audit entries: import, matching, orders, and a decision made after the orders. */
	@BeforeEach
	void save() throws Exception {
		ReviewSession session = ReviewSession.create("tampered");
		ImportCommand.importAll(session, List.of(CliTest.SAMPLES.resolve("made-up-covered-vendor-rows.csv")));
		ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
		new OrderGenerator(session).reviewer("alice").generate(
				OrderGenerator.findRule(session.review(), "BOD-17-01"), java.time.LocalDate.of(2017, 9, 13));
		procurement.review.core.matching.review.Decisions.decide(session, session.review().getMatches().get(0),
				procurement.review.model.DecisionState.UNSURE, "alice", "after the orders");
		file = dir.resolve("tampered.review");
		session.saveAs(file);
		saved = Files.readString(file, StandardCharsets.UTF_8);
		assertEquals(0, info(file).code(), "the untouched file is intact");
	}

	private List<String> entries() {
		List<String> out = new ArrayList<>();
		Matcher m = ENTRY.matcher(saved);
		while (m.find()) {
			out.add(m.group());
		}
		return out;
	}

	private Run infoOf(String text) throws Exception {
		Path edited = dir.resolve("edited.review");
		Files.writeString(edited, text, StandardCharsets.UTF_8);
		return info(edited);
	}

	@Test
	void anEditedEntryBreaksTheChainThere() throws Exception {
		String second = entries().get(1);
		Run run = infoOf(saved.replace(second, second.replace("author=\"alice\"", "author=\"mallory\"")));
		assertEquals(2, run.code());
		assertTrue(run.out().contains("Audit log:   BROKEN at entry 2 of " + entries().size()), run.out());
		assertEquals("procurement-review info: edited.review: the audit log breaks at entry 2 of " + entries().size()
				+ " (" + actionOf(second) + "): an entry was changed, removed or moved outside the workbench",
				run.err().strip());
	}

	@Test
	void aRemovedEntryBreaksTheChainAtTheNextOne() throws Exception {
		Run run = infoOf(saved.replace(entries().get(1), ""));
		assertEquals(2, run.code());
		assertTrue(run.err().contains("breaks at entry 2 of " + (entries().size() - 1)), run.err());
	}

	@Test
	void reorderedEntriesBreakTheChain() throws Exception {
		List<String> e = entries();
		String swapped = saved.replace(e.get(1), "\u0000").replace(e.get(2), e.get(1)).replace("\u0000", e.get(2));
		Run run = infoOf(swapped);
		assertEquals(2, run.code());
		assertTrue(run.err().contains("breaks at entry 2 of " + e.size()), run.err());
	}

	@Test
	void entriesCutOffAfterAnOrderAreFound() throws Exception {
		List<String> e = entries();
		// Cut the log after the matching: the orders entry and the decision after it are gone, the chain that is
		// left is intact, and only the orders say that the review went further.
		String cut = saved.replace(e.get(e.size() - 1), "").replace(e.get(e.size() - 2), "");
		Run run = infoOf(cut);
		assertEquals(2, run.code(), run.out());
		assertTrue(run.out().contains("Audit log:   CUT OFF after entry " + (e.size() - 2)), run.out());
		assertTrue(run.err().strip().matches("procurement-review info: edited\\.review: the audit log ends at entry "
				+ (e.size() - 2) + ", but order BOD-17-01-\\S+ was made from a later state of the review: entries were"
				+ " cut off outside the workbench"), run.err());
	}

	private static String actionOf(String entry) {
		Matcher m = Pattern.compile("action=\"([^\"]*)\"").matcher(entry);
		return m.find() ? m.group(1) : "";
	}
}
