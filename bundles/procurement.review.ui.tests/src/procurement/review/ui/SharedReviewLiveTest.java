package procurement.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import procurement.review.core.ReviewSession;
import procurement.review.core.orders.review.OrderGenerator;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.OrderStatus;
import procurement.review.store.DatabaseAddress;
import procurement.review.store.LocalServer;
import procurement.review.store.ReviewStore;
import procurement.review.store.SharedOrder;
import procurement.review.ui.handlers.ShareReviewHandler;
import procurement.review.ui.internal.Names;
import procurement.review.ui.parts.HitsPart;

/**
 * Two reviewers on one shared review, against a real PostgreSQL server started for the test: the workbench shares
 * its review and opens it as shared; another client's decision appears in the Hits part within a second, with who
 * made it, while the reviewer's selection stays; the reviewer's own decision goes to the database; a decision on a
 * hit someone else decided meanwhile is refused; an order the lead issues elsewhere is told in the status line; and a
 * lost connection takes the review offline, which refuses decisions and says so.
 */
class SharedReviewLiveTest {

	@TempDir
	static Path state;

	private static LocalServer server;
	private static DatabaseAddress db;

	@BeforeAll
	static void startServer() throws Exception {
		server = new LocalServer(state);
		db = server.start();
		// The credentials as the environment gives them (PROCUREMENT_REVIEW_DB_USER, ..._PASSWORD)
		System.setProperty("procurement.review.db.user", db.user());
		System.setProperty("procurement.review.db.password", db.password());
	}

	@AfterAll
	static void stopServer() throws Exception {
		System.clearProperty("procurement.review.db.user");
		System.clearProperty("procurement.review.db.password");
		if (server != null) {
			server.destroy();
		}
	}

	@Test
	void anotherReviewersDecisionAppearsLiveAndConflictsAndOfflineAreRefused() throws Throwable {
		WorkbenchHarness.run(new String[0], context -> {
			try {
				scenario(context);
			} catch (Exception e) {
				throw new AssertionError(e);
			}
		});
	}

	private static void scenario(IEclipseContext context) throws Exception {
		Display display = Display.getCurrent();
		MApplication application = context.get(MApplication.class);
		UISynchronize sync = context.get(UISynchronize.class);
		ReviewSession local = context.get(ReviewSession.class);
		assertNotNull(local, "the sample review is open");
		List<String> problems = new ArrayList<>();

		// File > Share Review, then File > Open Shared Review, as their handlers run them
		long[] id = { 0 };
		// with a draft order, taken back once shared so that nothing is left unsaved
		new OrderGenerator(local).generate(OrderGenerator.findRule(local.review(), "BOD-17-01"), LocalDate.now());
		assertTrue(!local.review().getOrders().isEmpty(), "a draft order to share");
		ShareReviewHandler.share(local, db.url(), sync, shared -> id[0] = shared, problems::add);
		WorkbenchHarness.await(display, () -> id[0] > 0 || !problems.isEmpty(), 30_000, problems::toString);
		assertEquals(List.of(), problems);
		local.commandStack().undo();
		assertTrue(!local.isDirty());
		// File > Open Shared Review: the command's handler asks for the database and the review in its dialog.
		WorkbenchHarness.Answer answer = WorkbenchHarness.whenShellOpens(display, "Open shared review", 10_000,
				shell -> {
					List<Text> fields = WorkbenchHarness.find(shell, Text.class);
					assertEquals(db.url(), fields.get(0).getText(), "the database last shared to is offered");
					org.eclipse.swt.widgets.Button ok = WorkbenchHarness
							.find(shell, org.eclipse.swt.widgets.Button.class).stream()
							.filter(b -> "OK".equals(b.getText())).findFirst().orElseThrow();
					assertTrue(!ok.isEnabled(), "OK waits for a review id");
					fields.get(1).setText(Long.toString(id[0]));
					WorkbenchHarness.press(shell, "OK");
				});
		IEclipseContext window = application.getChildren().get(0).getContext();
		window.get(EHandlerService.class).executeHandler(
				window.get(ECommandService.class).createCommand("procurement.review.ui.command.openShared", null));
		answer.check();
		// An error would open a message box of the same title: its text becomes the failure.
		WorkbenchHarness.whenShellOpens(display, "Open shared review", 30_000, shell -> {
			problems.add(String.join(" ", WorkbenchHarness.find(shell, org.eclipse.swt.widgets.Label.class).stream()
					.map(org.eclipse.swt.widgets.Label::getText).toList()));
			shell.close();
		});
		WorkbenchHarness.await(display, () -> context.get(SharedReview.class) != null || !problems.isEmpty(), 30_000,
				problems::toString);
		assertEquals(List.of(), problems, "opened, its audit chain intact");
		SharedReview shared = context.get(SharedReview.class);
		ReviewSession session = context.get(ReviewSession.class);
		assertSame(shared.session(), session, "the shared review is the open one");
		assertEquals(local.review().getMatches().size(), session.review().getMatches().size());

		EPartService parts = application.getChildren().get(0).getContext().get(EPartService.class);
		HitsPart hits = RuleSetImportTest.show(context, parts, "procurement.review.ui.part.hits", HitsPart.class);
		Table table = hits.viewer().getTable();
		int total = session.review().getMatches().size();
		WorkbenchHarness.waitUntil(display, () -> table.getItemCount() == total, 5000);

		try (ReviewStore theirs = ReviewStore.open(db)) {
			// The reviewer looks at one vendor's hit; another reviewer decides a vendor of another identity.
			Match selected = undecided(session, Set.of());
			Set<String> selectedKeys = keys(theirs, id[0], selected);
			Match other = undecided(session, selectedKeys);
			hits.viewer().setSelection(new StructuredSelection(selected), true);
			long sent = System.nanoTime();
			theirs.decide(theirs.read(id[0], other.getVendor().getName()), DecisionState.NOT_SAME, "bob",
					"a different company");
			int decision = column(table, "Decision");
			int by = column(table, HitsPart.DECIDED_BY);
			int note = column(table, "Note");
			WorkbenchHarness.await(display, () -> "bob".equals(item(table, other).getText(by)), 1000,
					() -> "bob's decision is not shown within a second");
			System.out.printf("another reviewer's decision shown in the Hits part after %.0f ms%n",
					(System.nanoTime() - sent) / 1e6);
			assertEquals(Names.of(DecisionState.NOT_SAME), item(table, other).getText(decision));
			assertEquals("a different company", item(table, other).getText(note));
			assertSame(selected, ((IStructuredSelection) hits.viewer().getSelection()).getFirstElement(),
					"the reviewer's selection stays");
			assertEquals("", item(table, selected).getText(by));

			// The reviewer's own decision goes to the database and comes back with their name.
			StatusLine status = (StatusLine) ((MToolControl) context.get(EModelService.class)
					.find("procurement.review.ui.statusline", application)).getObject();
			hits.decide(DecisionState.SAME);
			String me = ReviewPreferences.reviewer();
			// (the outcome and the decision come back on two threads, in either order)
			WorkbenchHarness.await(display, () -> me.equals(item(table, selected).getText(by))
					&& status.message().startsWith("Decided in the shared review: "), 5000, status::message);
			assertEquals(DecisionState.SAME.getName(), theirs.read(id[0], selected.getVendor().getName()).hits().get(0)
					.state(), "recorded in the database");

			// bob decides a third vendor; the reviewer, still shown it undecided, decides it too: refused.
			Set<String> taken = new HashSet<>(selectedKeys);
			taken.addAll(keys(theirs, id[0], other));
			Match third = undecided(session, taken);
			hits.viewer().setSelection(new StructuredSelection(third), true);
			theirs.decide(theirs.read(id[0], third.getVendor().getName()), DecisionState.UNSURE, "bob", null);
			hits.decide(DecisionState.SAME); // the notification is not processed yet: the row still shows no one
			WorkbenchHarness.await(display, () -> status.message().startsWith("Not decided: "), 5000,
					status::message);
			assertTrue(status.message().contains("changed since it was shown: bob decided it unsure"),
					status.message());
			WorkbenchHarness.await(display, () -> "bob".equals(item(table, third).getText(by)), 1000,
					() -> "bob's decision is shown after the refusal");
			assertEquals(DecisionState.UNSURE.getName(),
					theirs.read(id[0], third.getVendor().getName()).hits().get(0).state(), "bob's answer kept");

			// The lead (who shared it) issues the order from another client: the status line tells.
			SharedOrder order = theirs.orders(id[0]).get(0);
			theirs.advanceOrder(id[0], order.number(), OrderStatus.ISSUED, me);
			WorkbenchHarness.await(display, () -> status.message().equals("Order " + order.number() + " revision "
					+ order.revision() + ": DRAFT -> ISSUED by " + me), 1000, status::message);

			// The connection is lost: the review goes offline and refuses decisions, saying why.
			try (Connection admin = ReviewStore.dataSource(db).getConnection();
					Statement s = admin.createStatement()) {
				s.execute("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen %'");
			}
			WorkbenchHarness.await(display, shared::isOffline, 5000, () -> "the lost connection is not noticed");
			WorkbenchHarness.await(display, () -> SharedReview.OFFLINE.equals(status.message()), 1000,
					status::message);
			hits.viewer().setSelection(new StructuredSelection(undecided(session, Set.of())), true);
			hits.decide(DecisionState.SAME);
			assertEquals("Not decided: " + SharedReview.OFFLINE, status.message());
		} finally {
			OpenReview.set(context, null);
		}
		assertNull(context.get(SharedReview.class), "closing the review stops following it");
	}

	/** The first undecided hit with a vendor, none of whose vendor's hits is taken. */
	private static Match undecided(ReviewSession session, Set<String> taken) {
		return session.review().getMatches().stream()
				.filter(m -> m.getDecision() == null && m.getVendor() != null && !taken.contains(m.getKey()))
				.filter(m -> session.review().getMatches().stream()
						.noneMatch(o -> o.getVendor() == m.getVendor() && taken.contains(o.getKey())))
				.findFirst().orElseThrow(() -> new AssertionError("no undecided hit left outside " + taken));
	}

	/** The keys of the hits a decision on the match's vendor decides. */
	private static Set<String> keys(ReviewStore store, long id, Match match) throws Exception {
		Set<String> out = new HashSet<>();
		store.read(id, match.getVendor().getName()).hits().forEach(h -> out.add(h.matchKey()));
		return out;
	}

	private static TableItem item(Table table, Match match) {
		for (TableItem item : table.getItems()) {
			if (item.getData() == match) {
				return item;
			}
		}
		throw new AssertionError("no row for " + match.getKey());
	}

	private static int column(Table table, String title) {
		for (int i = 0; i < table.getColumnCount(); i++) {
			if (title.equals(table.getColumn(i).getText())) {
				return i;
			}
		}
		throw new AssertionError("no column " + title);
	}
}
