package procurement.review.core.matching.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.util.InternalEList;
import org.junit.jupiter.api.Test;

import procurement.review.core.ReviewSession;
import procurement.review.core.matching.NameMatcher;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewProject;
import procurement.review.model.Vendor;

/**
 * A review closed after a tagging run is freed, with its matcher and the matcher's caches, while the kept matchers
 * (the OSGi service, which lives as long as the workbench) stay: the cache of one review must not outlive it.
 */
class ReviewMatchersLifetimeTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;
	/** A bench-sized review: what a leak would keep is then hundreds of megabytes, not a few objects. */
	private static final int ACTIONS = 1_000_000;
	private static final int VENDORS = 20_000;
	private static final int COLLECTIONS = 30;

	@Test
	void aClosedReviewOfAMillionActionsIsCollectedWithItsMatcher() throws InterruptedException {
		ReviewMatchers matchers = new ReviewMatchers();
		List<WeakReference<Object>> closed = tagAndClose(matchers);
		for (int i = 0; i < COLLECTIONS && closed.stream().anyMatch(r -> r.get() != null); i++) {
			System.gc();
			Thread.sleep(50);
		}
		assertNull(closed.get(0).get(), "the closed review of " + ACTIONS + " actions is still reachable after "
				+ COLLECTIONS + " collections: something outside its session (the kept matchers?) holds it");
		assertNull(closed.get(1).get(), "the closed review's matcher (and its caches) is still reachable after "
				+ COLLECTIONS + " collections");
		assertNotNull(matchers.forSession(ReviewSession.create("next"), NameMatcher.DEFAULT_THRESHOLD),
				"the kept matchers serve the next review");
	}

	/** Opens a review, tags it through the kept matchers and closes it (drops the session, as Close Review does). */
	private static List<WeakReference<Object>> tagAndClose(ReviewMatchers matchers) {
		ReviewSession session = ReviewSession.create("closed");
		ReviewProject review = session.review();
		List<Vendor> vendors = new ArrayList<>(VENDORS);
		for (int v = 0; v < VENDORS; v++) {
			Vendor vendor = F.createVendor();
			vendor.setName(v == 0 ? "KASPERSKY LAB INC" : v == 1 ? "HIKVISION USA INC" : "SUPPLIER " + v + " LLC");
			vendor.setKey("uei:V" + v);
			vendor.setCountryCode(v % 10 == 0 ? "CHN" : "USA");
			vendors.add(vendor);
		}
		review.getVendors().addAll(vendors);
		String[] descriptions = {"OFFICE SUPPLIES", "IT SERVICES", "NETWORK EQUIPMENT MAINTENANCE"};
		LocalDate date = LocalDate.of(2019, 10, 1);
		List<ContractAction> actions = new ArrayList<>(ACTIONS);
		for (int i = 0; i < ACTIONS; i++) {
			ContractAction a = F.createContractAction();
			a.setTransactionKey("T" + i);
			a.setVendor(vendors.get(i % VENDORS));
			a.setDescription(i % 100_000 == 7 ? "KASPERSKY ENDPOINT SECURITY RENEWAL" : descriptions[i % 3]);
			a.setOriginCountryCode(i % 7 == 0 ? "CHN" : "USA");
			a.setActionDate(date);
			actions.add(a);
		}
		ContractingReport report = F.createContractingReport();
		report.setFileName("synthetic.csv");
		((InternalEList<ContractAction>) report.getActions()).addAllUnique(actions);
		review.getReports().add(report);
		actions = null;
		vendors = null;

		ReviewMatcher matcher = matchers.forSession(session, NameMatcher.DEFAULT_THRESHOLD);
		ReviewMatcher.Outcome outcome = matcher.run(session, "alice");
		assertEquals(ACTIONS, outcome.plan().actions());
		assertTrue(outcome.matchesAdded() > 10, "hits by name and by description: " + outcome.matchesAdded());
		assertSame(matcher, matchers.forSession(session, NameMatcher.DEFAULT_THRESHOLD),
				"while the review is open its matcher is kept");
		return List.of(new WeakReference<>(review), new WeakReference<>(matcher));
	}
}
