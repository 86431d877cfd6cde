package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class WatchlistsTest {

	@Test
	void fixtureCoversAllFamilies() {
		Set<String> families = TestData.families().entities().stream().map(WatchEntity::familyId)
				.collect(Collectors.toSet());
		assertEquals(Set.of("KASPERSKY", "HUAWEI", "ZTE", "HYTERA", "HIKVISION", "DAHUA", "CHINA_MOBILE",
				"CHINA_TELECOM", "CHINA_UNICOM", "PACIFIC_NETWORKS", "DJI", "AUTEL"), families);
		for (WatchEntity e : TestData.families().entities()) {
			assertTrue(e.attributes().containsKey("source"), e.id() + " lacks a source note");
		}
		WatchEntity k = TestData.families().entity("KASPERSKY-AO");
		assertTrue(k.names().contains("Лаборатория Касперского"));
		assertTrue(k.brandTerms().stream().anyMatch(t -> !t.covered()));
	}

	@Test
	void tsvDirectivesAndErrors() throws Exception {
		String tsv = "familyId\tmemberId\tcountry\tdisplayName\tnames\n"
				+ "@synonym\tqq corp\tqqcorp\n@generic\tacme\n"
				+ "F\tF-1\tUSA\tQQ\tQQ Corp|Zyx Acme\t\t~Zyx|Zyx Widget\tZyx Training\tnot covered here\tuei=abc123def456\n";
		Watchlist w = Watchlists.fromTsv(new StringReader(tsv));
		assertEquals("qqcorp", w.synonyms().get("qq corp"));
		assertEquals(TokenClass.GENERIC, w.tokenClasses().get("acme"));
		WatchEntity e = w.entities().get(0);
		assertEquals("ABC123DEF456", e.identifiers().uei());
		assertEquals(3, e.brandTerms().size());
		assertTrue(e.brandTerms().get(0).ambiguousAlone());
		assertEquals("not covered here", e.brandTerms().get(2).reason());
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
				() -> Watchlists.fromTsv(new StringReader("F\tF-1\n")));
		assertTrue(ex.getMessage().contains("line 1"), ex.getMessage());
	}

	@Test
	void falseContextDirective() throws Exception {
		String tsv = "F\tF-1\tCHN\tQQ\tQQ Corp\t\t大华\t\t\t\troot\ttest\n"
				+ "@falseContext\tF\t大华银行\tUnited Overseas Bank\n@falseContext\tF\t大华会计师\n"
				+ "@falseContext\tF\t大华银行\trepeated\n";
		Watchlist w = Watchlists.fromTsv(new StringReader(tsv));
		assertEquals(Map.of("F", List.of("大华银行", "大华会计师")), w.falseContexts());
		// a reviewer's list adds its contexts to the family's, without repeating one
		Watchlist more = Watchlists.fromTsv(new StringReader(tsv.replace("大华会计师", "大华饭店")));
		assertEquals(List.of("大华银行", "大华会计师", "大华饭店"), w.merge(more).falseContexts().get("F"));
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
				() -> Watchlists.fromTsv(new StringReader(tsv + "@falseContext\tG\tX\n")));
		assertTrue(unknown.getMessage().contains("unknown family G"), unknown.getMessage());
		assertThrows(IllegalArgumentException.class,
				() -> Watchlists.fromTsv(new StringReader(tsv + "@falseContext\tF\n")));
		assertEquals(List.of("上海思科", "海思科"), TestData.families().falseContexts().get("HUAWEI"));
	}

	@Test
	void reviewerCsv() throws Exception {
		String csv = "\uFEFFName,Aliases,Country,Rule,Risk\r\n"
				+ "\"Zyxel Widgets, Inc.\",\"ZW Inc; Zyxel Widgets USA\",usa,NDAA19-889A,high\r\n"
				+ "Qorvex Labs,,RUS,BIS-EL-2024,medium\r\n"
				+ "\r\n";
		Watchlist w = Watchlists.fromCsv(new StringReader(csv));
		assertEquals(2, w.entities().size());
		WatchEntity e = w.entities().get(0);
		assertEquals("CSV-ZYXEL-WIDGETS-INC", e.id());
		assertEquals("Zyxel Widgets, Inc.", e.displayName());
		assertEquals(3, e.names().size());
		assertEquals("USA", e.country());
		assertEquals("NDAA19-889A", e.attributes().get("rule"));
		assertEquals("high", e.attributes().get("risk"));
		NameMatcher m = new NameMatcher(TestData.families().merge(w));
		assertEquals("CSV-ZYXEL-WIDGETS-INC", m.match("ZYXEL WIDGETS  INC").orElseThrow().entityId());
		assertEquals("KASPERSKY", m.match("KASPERSKY LAB INC").orElseThrow().familyId());
		assertThrows(IllegalArgumentException.class, () -> Watchlists.fromCsv(new StringReader("a,b\n1,2\n")));
	}

	@Test
	void reviewerCsvQuotingAndBlankRows() throws Exception {
		// RFC 4180 as spreadsheets write it: quoted separators, doubled quotes and line breaks inside a quoted field;
		// a row of empty cells is no entry, and rows may be shorter or longer than the header
		String csv = "name,aliases,country\n"
				+ "\"Acme \"\"Blue\"\" Widgets, Ltd.\",\"AB Widgets;\nBlue Widgets\",GBR,extra\n"
				+ ",,\n"
				+ "Qorvex Labs\n";
		Watchlist w = Watchlists.fromCsv(new StringReader(csv));
		assertEquals(2, w.entities().size());
		WatchEntity e = w.entities().get(0);
		assertEquals("Acme \"Blue\" Widgets, Ltd.", e.displayName());
		assertEquals(List.of("Acme \"Blue\" Widgets, Ltd.", "AB Widgets", "Blue Widgets"), e.names());
		assertEquals("GBR", e.country());
		assertEquals("Qorvex Labs", w.entities().get(1).displayName());
		assertEquals("", w.entities().get(1).country());
	}
}
