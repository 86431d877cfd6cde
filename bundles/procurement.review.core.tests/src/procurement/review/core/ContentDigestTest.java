package procurement.review.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.ECollections;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;
import org.junit.jupiter.api.Test;

import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.ReviewProject;
import procurement.review.model.RiskLevel;
import procurement.review.model.TagKind;
import procurement.review.model.Vendor;

/**
 * The content digest: every stored value of a row counts, the order of elements in a file does not, and the
 * workbench's incremental digests are always the ones a fresh pass over the review computes.
 */
class ContentDigestTest {

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	private static String fresh(ReviewProject review) {
		return ContentDigest.text(ContentDigest.compute(review));
	}

	/** A review of one report with three rows, two vendors and two departments. */
	private static ReviewSession review() {
		ReviewSession session = ReviewSession.create("digest");
		List<Vendor> vendors = TestReviews.addVendors(session, "ALPHA SECURITY LLC", "BETA CAMERAS INC");
		ReviewProject review = session.review();
		for (String code : List.of("015", "070")) {
			Department d = F.createDepartment();
			d.setCode(code);
			d.setName("Department " + code);
			var component = F.createComponent();
			component.setCode(code + "00");
			var office = F.createOffice();
			office.setCode("OFFICE " + code);
			component.getOffices().add(office);
			d.getComponents().add(component);
			review.getDepartments().add(d);
		}
		ContractingReport report = F.createContractingReport();
		report.setFileName("awards.csv");
		report.setSha256("ab".repeat(32));
		for (int i = 0; i < 3; i++) {
			ContractAction a = F.createContractAction();
			a.setTransactionKey("T" + i);
			a.setObligation(new BigDecimal("1000.50"));
			a.setActionDate(LocalDate.of(2017, 9, 1 + i));
			a.setVendor(vendors.get(i % 2));
			a.setDepartment(review.getDepartments().get(0));
			a.setSourceSheet("awards.csv");
			a.setSourceRow(i + 2);
			report.getActions().add(a);
		}
		review.getReports().add(report);
		return session;
	}

	@Test
	void everyStoredValueOfARowCounts() {
		ReviewSession session = review();
		ReviewProject review = session.review();
		ContractAction row = review.getReports().get(0).getActions().get(1);
		String before = fresh(review);
		List<String> tried = new ArrayList<>();
		for (EStructuralFeature f : ReviewPackage.Literals.CONTRACT_ACTION.getEAllStructuralFeatures()) {
			if (f.isTransient() || f.isDerived()) {
				continue;
			}
			Object old = row.eGet(f);
			Object changed = other(f, old, review);
			if (f.isMany()) {
				List<Object> more = new ArrayList<>((List<?>) old);
				more.add(changed);
				row.eSet(f, more);
				assertNotEquals(before, fresh(review), "a row's " + f.getName() + " must count");
				row.eSet(f, new ArrayList<>(more.subList(0, more.size() - 1)));
			} else {
				row.eSet(f, changed);
				assertNotEquals(before, fresh(review), "a row's " + f.getName() + " must count");
				row.eSet(f, old);
			}
			assertEquals(before, fresh(review), "restored " + f.getName());
			tried.add(f.getName());
		}
		assertTrue(tried.containsAll(List.of("obligation", "vendor", "sourceRow", "extraValues", "description")),
				tried.toString());
	}

	private static Object other(EStructuralFeature f, Object old, ReviewProject review) {
		if (f instanceof EReference r) {
			if (r.getEReferenceType() == ReviewPackage.Literals.VENDOR) {
				return review.getVendors().get(old == review.getVendors().get(0) ? 1 : 0);
			}
			if (r.getEReferenceType() == ReviewPackage.Literals.DEPARTMENT) {
				return review.getDepartments().get(1);
			}
			var component = review.getDepartments().get(1).getComponents().get(0);
			return r.getEReferenceType() == ReviewPackage.Literals.COMPONENT ? component
					: component.getOffices().get(0);
		}
		Class<?> type = ((EAttribute) f).getEAttributeType().getInstanceClass();
		if (type == BigDecimal.class) {
			return new BigDecimal("1.00");
		}
		if (type == LocalDate.class) {
			return LocalDate.of(2001, 1, 1);
		}
		if (type == long.class || type == Long.class) {
			return 99L;
		}
		return "changed";
	}

	@Test
	void textBeyondAsciiCountsByEveryCharacter() {
		ReviewSession session = review();
		ReviewProject review = session.review();
		ContractAction row = review.getReports().get(0).getActions().get(0);
		java.util.Set<String> digests = new java.util.HashSet<>();
		for (String text : List.of("HUAWEI ROUTER", "\u83ef\u70ba ROUTER", "\u534e\u4e3a ROUTER", "H\u00dcAWEI ROUTER",
				"HUAWEI ROUTER\u00e9", "")) {
			row.setDescription(text);
			digests.add(fresh(review));
		}
		assertEquals(6, digests.size(), "each text, ASCII or not, gives its own digest");
		row.setDescription("\u83ef\u70ba ROUTER");
		String again = fresh(review);
		row.setDescription("\u534e\u4e3a ROUTER");
		row.setDescription("\u83ef\u70ba ROUTER");
		assertEquals(again, fresh(review), "the same text gives the same digest");
	}

	@Test
	void theOrderOfElementsInAFileDoesNotCount() {
		ReviewSession session = review();
		ReviewProject review = session.review();
		String before = fresh(review);
		ECollections.reverse(review.getVendors());
		ECollections.reverse(review.getDepartments());
		assertEquals(before, fresh(review));
		review.getVendors().get(0).setName("GAMMA");
		assertNotEquals(before, fresh(review));
	}

	@Test
	void theTrackerAlwaysAgreesWithAFreshPass() {
		ReviewSession session = review();
		ReviewProject review = session.review();
		ContentTracker tracker = ContentTracker.of(review);
		assertEquals(fresh(review), tracker.partsText());
		session.commandStack().execute(VendorTagging.tag(session.editingDomain(), review,
				List.of(review.getVendors().get(0)), TagKind.ORIGIN, "CHN", RiskLevel.ELEVATED, "registry", "jane"));
		assertEquals(fresh(review), tracker.partsText(), "after a tag");
		session.commandStack().execute(SetCommand.create(session.editingDomain(), review.getVendors().get(1),
				ReviewPackage.Literals.VENDOR__COUNTRY_CODE, "RUS"));
		assertEquals(fresh(review), tracker.partsText(), "after a vendor's country");
		session.commandStack().execute(SetCommand.create(session.editingDomain(), review.getTags().get(0),
				ReviewPackage.Literals.TAG__EVIDENCE, "registry and filing"));
		assertEquals(fresh(review), tracker.partsText(), "after a tag's evidence");
		ContractingReport second = F.createContractingReport();
		second.setFileName("more.csv");
		session.commandStack().execute(org.eclipse.emf.edit.command.AddCommand.create(session.editingDomain(),
				review, ReviewPackage.Literals.REVIEW_PROJECT__REPORTS, second));
		assertEquals(fresh(review), tracker.partsText(), "after a report");
		while (session.commandStack().canUndo()) {
			session.commandStack().undo();
			assertEquals(fresh(review), tracker.partsText(), "after an undo");
		}
		while (session.commandStack().canRedo()) {
			session.commandStack().redo();
			assertEquals(fresh(review), tracker.partsText(), "after a redo");
		}
	}

	@Test
	void eachEntryRecordsTheContentAfterItsChange() {
		ReviewSession session = review();
		ReviewProject review = session.review();
		session.commandStack().execute(VendorTagging.tag(session.editingDomain(), review,
				List.of(review.getVendors().get(0)), TagKind.RISK, "watch", RiskLevel.NEEDS_REVIEW, "", "jane"));
		var entry = review.getAuditLog().get(review.getAuditLog().size() - 1);
		assertEquals("tag", entry.getAction());
		assertEquals(fresh(review), entry.getContentParts());
		assertEquals(ContentDigest.digest(fresh(review)), entry.getContentDigest());
		assertTrue(ContentCheck.problems(review).isEmpty());
		assertTrue(AuditLog.problems(review).isEmpty());
		// Changed behind the log's back (not through a command with an entry): found, and named.
		review.getVendors().get(0).setCountryCode("CHN");
		assertEquals(List.of("vendor " + review.getVendors().get(0).getKey() + " changed after entry "
				+ review.getAuditLog().size()),
				ContentCheck.problems(reloadedIndex(session)));
	}

	/** Saves and reopens with the change, so that the file's fingerprints are the ones before it. */
	private static ReviewProject reloadedIndex(ReviewSession session) {
		ReviewProject review = session.review();
		String country = review.getVendors().get(0).getCountryCode();
		review.getVendors().get(0).setCountryCode(null);
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("digest");
			java.nio.file.Path file = dir.resolve("d.review");
			session.saveAs(file);
			ReviewProject reopened = ReviewSession.open(file).review();
			reopened.getVendors().stream().filter(v -> v.getKey().equals(review.getVendors().get(0).getKey()))
					.findFirst().orElseThrow().setCountryCode(country);
			return reopened;
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void aReviewThatFailsItsCheckIsReadOnlyUntilAccepted() throws Exception {
		ReviewSession session = review();
		ReviewProject review = session.review();
		session.commandStack().execute(VendorTagging.tag(session.editingDomain(), review,
				List.of(review.getVendors().get(0)), TagKind.RISK, "watch", RiskLevel.NEEDS_REVIEW, "", "jane"));
		java.nio.file.Path file = java.nio.file.Files.createTempDirectory("ro").resolve("r.review");
		session.saveAs(file);
		String text = java.nio.file.Files.readString(file);
		java.nio.file.Files.writeString(file, text.replace("evidence=\"tagged by jane\"", "evidence=\"forged\""));
		ReviewSession reopened = ReviewSession.open(file);
		assertEquals(List.of("tag RISK watch of vendor name:ALPHA SECURITY LLC changed after entry "
				+ review.getAuditLog().size()), reopened.check());
		assertTrue(reopened.isReadOnly());
		var tag = reopened.review().getTags().get(0);
		var edit = SetCommand.create(reopened.editingDomain(), tag, ReviewPackage.Literals.TAG__EVIDENCE, "again");
		assertEquals(false, edit.canExecute(), "nothing can be changed in a read-only review");
		reopened.commandStack().execute(edit);
		assertEquals("forged", tag.getEvidence());
		reopened.acceptAsBaseline("bob");
		assertEquals(false, reopened.isReadOnly());
		assertEquals(AuditLog.BASELINE, reopened.review().getAuditLog()
				.get(reopened.review().getAuditLog().size() - 1).getAction());
		assertTrue(reopened.check().isEmpty(), "held to the baseline from now on");
		reopened.commandStack().execute(
				SetCommand.create(reopened.editingDomain(), tag, ReviewPackage.Literals.TAG__EVIDENCE, "again"));
		assertEquals("again", tag.getEvidence());
	}

	@Test
	void aReviewWithoutDigestsIsNotHeldToThem() {
		ReviewSession session = review();
		var entry = F.createAuditEntry();
		entry.setAction("import");
		entry.setTime(Instant.EPOCH);
		session.review().getAuditLog().add(entry);
		assertEquals(false, ContentCheck.recorded(session.review()));
		assertTrue(ContentCheck.problems(session.review()).isEmpty());
	}
}
