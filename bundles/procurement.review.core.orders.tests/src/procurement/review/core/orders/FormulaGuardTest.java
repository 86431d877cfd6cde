package procurement.review.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FormulaGuardTest {

	@Test
	void dangerousPrefixesGetAQuote() {
		for (String s : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\uFF1D1+1", "\uFF0B1", "\uFF0D1",
			"\uFF20SUM(A1)", "\uFE661+1", "\uFE621", "\uFE631", "\uFE6BSUM(A1)"}) {
			assertTrue(FormulaGuard.isDangerous(s), s);
			assertEquals("'" + s, FormulaGuard.neutralise(s));
		}
	}

	@Test
	void ordinaryTextIsUnchanged() {
		for (String s : new String[] {"", "KASPERSKY LAB", " =1", "1-2", "'=already quoted", "華為"}) {
			assertFalse(FormulaGuard.isDangerous(s), s);
			assertEquals(s, FormulaGuard.neutralise(s));
		}
		assertEquals("", FormulaGuard.neutralise(null));
	}

	@Test
	void fileStemsAreSafe() {
		assertEquals("RO-2017-TREAS-001", OrderBatch.fileStem("RO-2017-TREAS-001"));
		assertEquals("RO_2017_TREAS_001", OrderBatch.fileStem("RO/2017\\TREAS 001"));
		assertEquals("etc_passwd", OrderBatch.fileStem("../../etc/passwd"));
		assertEquals("_CON", OrderBatch.fileStem("CON"));
		assertEquals("order", OrderBatch.fileStem("华为"));
		assertEquals(100, OrderBatch.fileStem("x".repeat(300)).length());
	}
}
