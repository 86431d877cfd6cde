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

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.core.matching.review.ReviewMatcher;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.AuditEntry;
import procurement.review.model.ContractAction;
import procurement.review.model.Match;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Vendor;

/**
 * A saved review edited outside the workbench, in its bytes, and what {@code info} says of it: an audit entry
 * changed, removed or moved breaks the chain at that entry; entries cut off after an order was made leave the order
 * pointing at a state the log no longer holds; content edited (an amount, a decision's note, a vendor's name, an
 * order's footer) no longer matches the digest of the newest entry and is named with where it changed. Each is exit
 * 2 with one line on standard error; a baseline accepted by a reviewer (itself an entry) makes the file whole again.
 */
class TamperedReviewTest {

	private static final Pattern ENTRY = Pattern.compile("<auditLog [^>]*/>");

	@TempDir
	Path dir;

	private Path file;
	private String saved;
	private ReviewSession session;

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
		session = ReviewSession.create("tampered");
		ImportCommand.importAll(session, List.of(CliTest.SAMPLES.resolve("made-up-covered-vendor-rows.csv")));
		ReviewMatcher.forSession(session, NameMatcher.DEFAULT_THRESHOLD).run(session, "alice");
		new OrderGenerator(session).reviewer("alice").generate(
				OrderGenerator.findRule(session.review(), "BOD-17-01"), java.time.LocalDate.of(2017, 9, 13));
		procurement.review.core.matching.review.Decisions.decide(session, session.review().getMatches().get(0),
				procurement.review.model.DecisionState.UNSURE, "alice", "after the orders");
		file = dir.resolve("tampered.review");
		session.saveAs(file);
		saved = Files.readString(file, StandardCharsets.UTF_8);
		Run untouched = info(file);
		assertEquals(0, untouched.code(), "the untouched file is intact");
		assertTrue(untouched.out().contains("Content:     as recorded by entry " + entries().size() + " (digest "
				+ session.review().getAuditLog().get(entries().size() - 1).getContentDigest().substring(0, 16) + ")"),
				untouched.out());
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
				+ " cut off outside the workbench \\(and \\d+ more, listed above\\)"), run.err());
		// The content says the same: the orders and the decision came after the entry that is now the newest.
		assertTrue(run.out().contains("  the orders changed after entry " + (e.size() - 2))
				|| run.out().contains(" was added after entry " + (e.size() - 2)), run.out());
	}

	@Test
	void theLastEntryCutOffLeavesContentItDoesNotCover() throws Exception {
		List<String> e = entries();
		Run run = infoOf(saved.replace(e.get(e.size() - 1), ""));
		assertEquals(2, run.code(), run.out());
		assertTrue(run.out().contains("Audit log:   " + (e.size() - 1) + " entries, chain intact"), run.out());
		// The file was saved after the decision, so its fingerprints cannot say which: the part is named, and why.
		assertTrue(run.out().contains("  the decisions changed after entry " + (e.size() - 1) + " (the file's"
				+ " fingerprints agree with its content: the audit entries after entry " + (e.size() - 1)
				+ " that recorded the change are missing)"), run.out());
		assertTrue(run.err().startsWith("procurement-review info: edited.review: the matches changed after entry "
				+ (e.size() - 1)), run.err());
	}

	@Test
	void anEditedAmountIsFoundInItsRow() throws Exception {
		ContractAction first = session.review().getReports().get(0).getActions().get(0);
		String amount = "obligation=\"" + first.getObligation().toString() + "\"";
		assertTrue(saved.contains(amount), amount);
		Run run = infoOf(saved.replaceFirst(java.util.regex.Pattern.quote(amount), "obligation=\"1.00\""));
		assertEquals(2, run.code(), run.out());
		assertTrue(run.out().contains("Content:     CHANGED outside the workbench:"), run.out());
		assertEquals("procurement-review info: edited.review: action row " + first.getSourceRow()
				+ " of report 1 (made-up-covered-vendor-rows.csv) changed after entry " + entries().size(),
				run.err().strip());
	}

	@Test
	void anEditedDecisionAndVendorAreNamed() throws Exception {
		Match match = session.review().getMatches().get(0);
		String note = "note=\"after the orders\"";
		Vendor vendor = session.review().getVendors().get(0);
		String name = "name=\"" + vendor.getName() + "\"";
		assertTrue(saved.contains(note) && saved.contains(name));
		Run run = infoOf(saved.replace(note, "note=\"before the orders\"").replaceFirst(
				java.util.regex.Pattern.quote(name), "name=\"Someone Else Inc\""));
		assertEquals(2, run.code(), run.out());
		assertTrue(run.out().contains("  vendor " + vendor.getKey() + " changed after entry " + entries().size()),
				run.out());
		assertTrue(run.out().contains("  decision on " + match.getKey() + " changed after entry "
				+ entries().size()), run.out());
	}

	@Test
	void withoutItsIndexAChangeIsStillFoundButNotPlaced() throws Exception {
		ContractAction first = session.review().getReports().get(0).getActions().get(0);
		String amount = "obligation=\"" + first.getObligation().toString() + "\"";
		String edited = saved.replaceFirst(java.util.regex.Pattern.quote(amount), "obligation=\"1.00\"")
				.replaceFirst(" contentIndex=\"[0-9A-F]*\"", "");
		assertTrue(edited.length() < saved.length() - 100, "the index was in the file and is gone");
		Run run = infoOf(edited);
		assertEquals(2, run.code(), run.out());
		assertEquals("procurement-review info: edited.review: report 1 (made-up-covered-vendor-rows.csv) changed"
				+ " after entry " + entries().size(), run.err().strip());
	}

	@Test
	void anOrdersContentDigestEditedIsFound() throws Exception {
		RemovalOrder order = session.review().getOrders().get(0);
		String digest = "contentDigest=\"" + order.getContentDigest() + "\"";
		assertTrue(saved.contains(digest), "the order records the content it was made from");
		Matcher tag = Pattern.compile("<orders [^>]*" + Pattern.quote(digest)).matcher(saved);
		assertTrue(tag.find(), "the order's element");
		String edited = saved.substring(0, tag.start()) + tag.group().replace(digest, "contentDigest=\""
				+ "0".repeat(64) + "\"") + saved.substring(tag.end());
		Run run = infoOf(edited);
		assertEquals(2, run.code(), run.out());
		assertTrue(run.out().contains("  order " + order.getNumber() + " changed after entry " + entries().size()),
				run.out());
		assertTrue(run.out().contains("  order " + order.getNumber() + " names content 000000000000..."),
				run.out());
	}

	@Test
	void aBaselineAcceptsTheChangeAndIsItselfAnEntry() throws Exception {
		ContractAction first = session.review().getReports().get(0).getActions().get(0);
		String amount = "obligation=\"" + first.getObligation().toString() + "\"";
		Path edited = dir.resolve("edited.review");
		Files.writeString(edited, saved.replaceFirst(java.util.regex.Pattern.quote(amount), "obligation=\"1.00\""),
				StandardCharsets.UTF_8);
		ReviewSession reopened = ReviewSession.open(edited);
		List<String> problems = AuditLog.problems(reopened.review());
		assertEquals(1, problems.size(), problems.toString());
		reopened.commandStack().execute(
				AuditLog.acceptBaseline(reopened.editingDomain(), reopened.review(), "bob", problems));
		reopened.save();
		Run run = info(edited);
		assertEquals(0, run.code(), run.out() + run.err());
		int n = entries().size() + 1;
		assertTrue(run.out().contains("Audit log:   " + n + " entries, chain intact, since the baseline accepted at"
				+ " entry " + n), run.out());
		assertTrue(run.out().contains("Content:     as recorded by entry " + n), run.out());
		AuditEntry baseline = reopened.review().getAuditLog().get(n - 1);
		assertEquals("bob", baseline.getAuthor());
		assertTrue(baseline.getDetail().endsWith(problems.get(0)), baseline.getDetail());
	}

	private static String actionOf(String entry) {
		Matcher m = Pattern.compile("action=\"([^\"]*)\"").matcher(entry);
		return m.find() ? m.group(1) : "";
	}
}
