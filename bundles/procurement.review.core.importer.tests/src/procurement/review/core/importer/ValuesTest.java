package procurement.review.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ValuesTest {

	@Test
	void dates() {
		LocalDate d = LocalDate.of(2016, 9, 8);
		assertEquals(d, Values.parseDate("2016-09-08").get());
		assertEquals(d, Values.parseDate("2016-09-08T13:09:30").get());
		assertEquals(d, Values.parseDate("2016-09-08 00:00:00").get());
		assertEquals(d, Values.parseDate("9/8/2016").get());
		assertEquals(d, Values.parseDate("09/08/16").get());
		assertEquals(LocalDate.of(1999, 12, 31), Values.parseDate("12/31/99").get());
		assertEquals(d, Values.parseDate("42621").get(), "Excel serial");
		assertEquals(d, Values.parseDate("20160908").get());
		assertEquals(d, Values.parseDate("2016/09/08").get());
		assertEquals(d, Values.parseDate("08-SEP-16").get(), "Oracle's DD-MON-RR");
		assertEquals(d, Values.parseDate("8-Sep-2016").get());
		assertEquals(d, Values.parseDate("8 September 2016").get());
		assertEquals(d, Values.parseDate("Sep. 8, 2016").get());
		assertEquals(d, Values.parseDate("SEPTEMBER 8, 2016").get());
		assertEquals(LocalDate.of(1999, 12, 31), Values.parseDate("31-DEC-99").get());
		assertTrue(assertThrows(ValueFormatException.class, () -> Values.parseDate("31-FOO-99")).getMessage()
				.contains("13-SEP-2017"));
		assertEquals(Optional.empty(), Values.parseDate("NaN"));
		assertEquals(Optional.empty(), Values.parseDate(" "));
		ValueFormatException e = assertThrows(ValueFormatException.class, () -> Values.parseDate("2016-13-45"));
		assertEquals("2016-13-45", e.value());
		assertTrue(e.getMessage().contains("\"2016-13-45\" is not a date"), e.getMessage());
		assertThrows(ValueFormatException.class, () -> Values.parseDate("soon"));
		assertThrows(ValueFormatException.class, () -> Values.parseDate("12"), "small numbers are no dates");
	}

	@Test
	void money() {
		assertEquals(new BigDecimal("-1234.5"), Values.parseMoney("-1234.5").get());
		assertEquals(new BigDecimal("-123.45"), Values.parseMoney("(123.45)").get());
		assertEquals(new BigDecimal("1234.50"), Values.parseMoney("$1,234.50").get());
		assertEquals(new BigDecimal("-5"), Values.parseMoney("-$5").get());
		assertEquals(new BigDecimal("17349.9000"), Values.parseMoney("17349.9000").get());
		assertEquals(Optional.empty(), Values.parseMoney("NULL"));
		assertThrows(ValueFormatException.class, () -> Values.parseMoney("12,34"));
		assertThrows(ValueFormatException.class, () -> Values.parseMoney("abc"));
	}

	@Test
	void booleans() {
		assertEquals(Boolean.TRUE, Values.parseBoolean("t").get());
		assertEquals(Boolean.FALSE, Values.parseBoolean("f").get());
		assertEquals(Boolean.TRUE, Values.parseBoolean("Y").get());
		assertEquals(Boolean.FALSE, Values.parseBoolean("N").get());
		assertEquals(Boolean.TRUE, Values.parseBoolean("true").get());
		assertEquals(Boolean.FALSE, Values.parseBoolean("FALSE").get());
		assertEquals(Optional.empty(), Values.parseBoolean("N/A"));
		assertThrows(ValueFormatException.class, () -> Values.parseBoolean("maybe"));
	}

	@Test
	void placeholders() {
		for (String p : new String[] {null, "", "  ", "NAN", "NaN", "NULL", "N/A", "#N/A"}) {
			assertTrue(Values.isAbsent(p), String.valueOf(p));
		}
		assertEquals(Optional.of("ACME"), Values.text(" ACME "));
		assertEquals(Optional.empty(), Values.text("NaN"));
	}

	@Test
	void codeAndName() {
		assertEquals(new Values.CodeName("2000", "Department of the Treasury"),
				Values.splitCodeName("2000: Department of the Treasury").get());
		assertEquals(new Values.CodeName("USA", "UNITED STATES"), Values.splitCodeName("USA: UNITED STATES").get());
		assertEquals(new Values.CodeName("N", "NO"), Values.splitCodeName("N: NO").get());
		assertEquals(new Values.CodeName("USA", null), Values.splitCodeName("USA").get());
		assertEquals(new Values.CodeName(null, "SICPA HOLDING SA"), Values.splitCodeName("SICPA HOLDING SA").get());
		assertEquals(new Values.CodeName(null, "SMITH & SONS: PAINTING"),
				Values.splitCodeName("SMITH & SONS: PAINTING").get(), "a blank before the colon: a name, no code");
		assertEquals(Optional.empty(), Values.splitCodeName(""));
	}
}
