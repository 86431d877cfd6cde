package procurement.review.core.importer.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EStructuralFeature;

import org.junit.jupiter.api.Test;

import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.Vendor;

/** Vendors are found by UEI, else DUNS, else normalised name, the review's first. */
class VendorIndexTest {

	private static final EStructuralFeature NAME = ReviewPackage.Literals.VENDOR__NAME;
	private static final EStructuralFeature NORMALIZED_NAME = ReviewPackage.Literals.VENDOR__NORMALIZED_NAME;
	private static final EStructuralFeature CAGE = ReviewPackage.Literals.VENDOR__CAGE;

	@Test
	void vendorsAreKeyedByUeiThenDunsThenNormalisedName() {
		Vendor known = ReviewFactory.eINSTANCE.createVendor();
		known.setKey("uei:KN0WNUEI1234");
		known.setUei("KN0WNUEI1234");
		VendorIndex index = new VendorIndex(List.of(known));
		index.startFile();

		assertSame(known, index.vendor("Kaspersky Lab, Inc.", "KN0WNUEI1234", null));
		assertSame(known, index.vendor("KASPERSKY LABS", "KN0WNUEI1234", null));
		assertNull(known.getName(), "the review's vendor changes only with the import command");
		assertEquals(Map.of(known, Map.of(NAME, "Kaspersky Lab, Inc.", NORMALIZED_NAME, "KASPERSKY LAB INC")),
				index.given(), "a known vendor without name is given the first row's");

		Vendor byDuns = index.vendor("ACME", null, "123456789");
		assertEquals("duns:123456789", byDuns.getKey());
		assertSame(byDuns, index.vendor("ACME CORPORATION", null, "123456789"));
		assertEquals("ACME", byDuns.getName(), "the first name read stays");

		Vendor byName = index.vendor("Zte  Usa, Inc.", null, null);
		assertEquals("name:ZTE USA INC", byName.getKey());
		assertSame(byName, index.vendor("ZTE USA INC", null, null));
		assertNotSame(byName, index.vendor("ZTE USA INC", "Z7EU5A000001", null), "a UEI makes another key");

		assertEquals(3, index.added().size());
		assertTrue(index.added().containsAll(List.of(byDuns, byName)));
		index.startFile();
		assertTrue(index.added().isEmpty());
		assertSame(byName, index.vendor("ZTE USA, INC.", null, null), "known from the last file, not added again");
		assertTrue(index.added().isEmpty());
	}

	@Test
	void aFileChangesOnlyTheVendorsItMade() {
		VendorIndex index = new VendorIndex(List.of());
		index.startFile();
		Vendor earlier = index.vendor(null, "EARL1ERUE123", null);
		index.startFile();
		Vendor made = index.vendor(null, "MADEUE1234AB", null);
		index.give(made, CAGE, "1ABC2");
		index.give(earlier, CAGE, "9ZZZ9");
		index.give(earlier, CAGE, "8YYY8");
		assertSame(earlier, index.vendor("EARLIER CORP", "EARL1ERUE123", null));
		assertSame(made, index.vendor("MADE CORP", "MADEUE1234AB", null));

		assertEquals("1ABC2", made.getCage(), "a vendor the file made is changed at once");
		assertEquals("MADE CORP", made.getName());
		assertNull(earlier.getCage(), "an earlier file's vendor is changed by this file's command");
		assertNull(earlier.getName());
		assertTrue(index.gave(earlier, CAGE));
		assertEquals(Map.of(earlier, Map.of(CAGE, "9ZZZ9", NAME, "EARLIER CORP", NORMALIZED_NAME, "EARLIER CORP")),
				index.given(), "the first value given stays");
	}

	@Test
	void aFileForgottenLeavesTheIndexAsItWasBeforeIt() {
		Vendor known = ReviewFactory.eINSTANCE.createVendor();
		known.setKey("uei:KN0WNUEI1234");
		known.setUei("KN0WNUEI1234");
		VendorIndex index = new VendorIndex(List.of(known));
		index.startFile();
		Vendor kept = index.vendor("KEPT CORP", null, "111111111");
		List<Vendor> keptFile = index.added();

		index.startFile();
		Vendor failed = index.vendor("FAILED CORP", null, "222222222");
		index.vendor("NAMED BY THE FAILED FILE", "KN0WNUEI1234", null);
		index.give(kept, CAGE, "1ABC2");
		index.forgetFile();

		assertTrue(index.added().isEmpty() && index.given().isEmpty());
		assertEquals(List.of(kept), keptFile, "the last good file's list stays as it was");
		assertNull(known.getName());
		assertNull(kept.getCage());
		assertSame(kept, index.vendor("KEPT CORP", null, "111111111"), "a vendor of a file before is kept");
		Vendor again = index.vendor("FAILED CORP", null, "222222222");
		assertNotSame(failed, again, "the forgotten file's vendor is made anew");
		assertEquals(List.of(again), index.added());
		index.vendor("NAMED BY THE NEXT FILE", "KN0WNUEI1234", null);
		assertEquals("NAMED BY THE NEXT FILE", index.given().get(known).get(NAME));
	}

	@Test
	void namesAreNormalisedForKeysAndMatching() {
		assertEquals("ACME SUPPLY CO", VendorIndex.normalizeName("  Acme   Supply, Co. "));
		assertEquals("ABC 12", VendorIndex.normalizeName("ａｂｃ－１２"), "full-width letters folded by NFKC");
		assertNull(VendorIndex.normalizeName(null));
	}
}
