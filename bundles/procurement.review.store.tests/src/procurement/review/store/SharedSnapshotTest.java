package procurement.review.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.ReviewProject;

/**
 * A workbench reads a shared review back as a review model (its rows, hits and newest decisions, the audit chain
 * checked in the same snapshot), then applies the decisions other reviewers wrote after it.
 */
class SharedSnapshotTest {

	@TempDir
	Path dir;

	@RegisterExtension
	static final TestServer server = new TestServer();

	@Test
	void aSharedReviewIsReadBackAndFollowsLaterDecisions() throws Exception {
		DatabaseAddress db = server.freshDatabase();
		ReviewProject original = ReviewSession.open(ReviewFiles.tagged(dir, 3)).review();
		try (ReviewStore store = ReviewStore.open(db)) {
			long id = store.share(original, "covered.review", "lead");
			String zte = ReviewFiles.COVERED.get(4);
			store.decide(store.read(id, zte), DecisionState.SAME, "alice", "same UEI");

			SharedSnapshot snapshot = store.load(id);
			ReviewProject shared = snapshot.review();
			assertNull(snapshot.auditProblem());
			assertEquals(original.getReports().get(0).getActions().size(),
					shared.getReports().get(0).getActions().size());
			assertEquals(original.getMatches().stream().map(Match::getKey).sorted().toList(),
					shared.getMatches().stream().map(Match::getKey).sorted().toList());
			List<Match> decided = shared.getMatches().stream().filter(m -> m.getDecision() != null).toList();
			assertTrue(!decided.isEmpty() && decided.stream().allMatch(m -> zte.equals(m.getVendor().getName())
					&& m.getDecision().getState() == DecisionState.SAME && "alice".equals(m.getDecision().getReviewer())
					&& "same UEI".equals(m.getDecision().getNote())), "alice's decision, with who and why");
			java.util.Map<String, Match> originals = new java.util.HashMap<>();
			original.getMatches().forEach(m -> originals.put(m.getKey(), m));
			for (Match m : shared.getMatches()) {
				Match o = originals.get(m.getKey());
				assertEquals(o.getAction() == null ? null : o.getAction().getPiid(),
						m.getAction() == null ? null : m.getAction().getPiid(), "the hit's row: " + m.getKey());
				assertEquals(o.getRule().getId(), m.getRule().getId(), m.getKey());
				assertEquals(o.getKind(), m.getKind(), m.getKey());
			}

			String huawei = ReviewFiles.COVERED.get(2);
			int entry = store.decide(store.read(id, huawei), DecisionState.NOT_SAME, "bob", null);
			store.decide(store.read(id, zte), DecisionState.UNSURE, "bob", "check the parent");
			List<SharedDecision> later = store.decisionsSince(id, snapshot.auditSeq());
			assertTrue(later.stream().allMatch(d -> d.auditSeq() >= entry && "bob".equals(d.reviewer())),
					later::toString);
			List<Match> changed = SharedSnapshot.apply(shared, later);
			assertEquals(later.size(), changed.size());
			assertEquals(decided.size() + store.read(id, huawei).hits().size(), changed.size(),
					"zte's hits once, with their newest decision, and huawei's");
			for (Match m : changed) {
				boolean isZte = zte.equals(m.getVendor().getName());
				assertEquals(isZte ? DecisionState.UNSURE : DecisionState.NOT_SAME, m.getDecision().getState());
				assertEquals(isZte ? "check the parent" : null, m.getDecision().getNote());
			}
			assertEquals(List.of(), store.decisionsSince(id, later.get(later.size() - 1).auditSeq()));

			try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
				s.execute("alter table audit_entry disable trigger audit_entry_append_only");
				s.execute("update audit_entry set detail = 'nothing happened' where seq = " + entry);
			}
			String problem = store.load(id).auditProblem();
			assertTrue(problem != null && problem.contains("breaks at entry " + entry), problem);
		}
	}
}
