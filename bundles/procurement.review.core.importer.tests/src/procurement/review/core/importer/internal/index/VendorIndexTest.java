package procurement.review.core.importer.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import procurement.review.model.ReviewFactory;
import procurement.review.model.Vendor;

/** Vendors are found by UEI, else DUNS, else normalised name, the review's first. */
class VendorIndexTest {

    @Test
    void vendorsAreKeyedByUeiThenDunsThenNormalisedName() {
        Vendor known = ReviewFactory.eINSTANCE.createVendor();
        known.setKey("uei:KN0WNUEI1234");
        known.setUei("KN0WNUEI1234");
        VendorIndex index = new VendorIndex(List.of(known));
        index.startFile();

        assertSame(known, index.vendor("KASPERSKY LAB INC", "KN0WNUEI1234", null));
        assertEquals("KASPERSKY LAB INC", known.getName(), "a known vendor without name gets the row's");
        assertEquals("KASPERSKY LAB INC", known.getNormalizedName());

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
    void namesAreNormalisedForKeysAndMatching() {
        assertEquals("ACME SUPPLY CO", VendorIndex.normalizeName("  Acme   Supply, Co. "));
        assertEquals("ABC 12", VendorIndex.normalizeName("ａｂｃ－１２"), "full-width letters folded by NFKC");
        assertNull(VendorIndex.normalizeName(null));
    }
}
