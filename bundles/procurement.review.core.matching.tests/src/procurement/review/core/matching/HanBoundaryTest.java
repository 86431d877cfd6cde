package procurement.review.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import procurement.review.core.matching.internal.HanWords;

/**
 * Short Han terms are words, not substrings: 海思 (HiSilicon) is no hit inside 上海思科 (Cisco Shanghai), 大华 (Dahua)
 * none inside 大华银行 (United Overseas Bank), 中兴 alone is not ZTE. Checked on the description scan and on name
 * matching, and each of the two mechanisms (ICU word boundaries, known false contexts) on its own.
 */
class HanBoundaryTest {

	private final DescriptionScanner scanner = new DescriptionScanner(TestData.families());
	private final NameMatcher matcher = new NameMatcher(TestData.families());

	private List<String> families(String text) {
		return scanner.scan(text).stream().map(h -> h.familyId() + ":" + h.phrase()).toList();
	}

	private String family(String name) {
		return matcher.match(name).map(NameHit::familyId).orElse("NONE");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
		// a short term across two words, or inside a known false context, is no hit
		"上海思科网络设备 交换机|",
		"采购上海思科路由器|",
		"海思科药业 注射液|",
		"中华为民服务|",
		"大华夏文化|",
		"大华银行转账手续费|",
		"大华会计师事务所 审计费|",
		"中兴商业大厦 租金|",
		// the same terms where they are words
		"采购华为交换机|HUAWEI:华为",
		"华为海思芯片|HUAWEI:华为,HUAWEI:海思",
		"购买2台大华摄像机|DAHUA:大华",
		"大疆无人机|DJI:大疆",
		"乐橙摄像头|DAHUA:乐橙",
		"ZTE 中兴 路由器|ZTE:ZTE,ZTE:中兴",
		"中兴通讯 基站|ZTE:中兴通讯"})
	void descriptionScan(String text, String expected) {
		assertEquals(expected == null ? List.of() : List.of(expected.split(",")), families(text));
	}

	@Test
	void aDateOrCountBeforeTheTermDoesNotHideIt() {
		// ICU reads 2019年华为 as 2019|年华|为 (年华, "years") and 2台大华 as 2|台大|华 (台大, a university)
		assertEquals(List.of("HUAWEI:华为"), families("2019年华为交换机"));
		assertEquals(List.of("DAHUA:大华"), families("10台大华硬盘录像机"));
	}

	@Test
	void longTermsAreNotCutByTheDictionary() {
		// ICU splits 深圳|市道|通|智能: a four-character term is matched as it stands
		assertEquals(List.of("AUTEL:道通智能"), families("深圳市道通智能航空技术股份有限公司 无人机"));
		assertTrue(HanWords.isWordAt("深圳市道通智能航空", 3, 7));
	}

	@Test
	void wordBoundariesAloneRejectATermAcrossWords() throws IOException {
		// no false contexts here: ICU's 上海|思|科 is what keeps 海思 out
		Watchlist bare = Watchlists.fromTsv(new StringReader(
				"HUAWEI\tHUAWEI-TECH\tCHN\tHuawei\t华为技术有限公司\t\t华为|海思\t\t\t\troot\ttest\n"));
		DescriptionScanner s = new DescriptionScanner(bare);
		assertEquals(List.of(), s.scan("上海思科交换机"));
		assertEquals(1, s.scan("海思芯片").size());
		assertFalse(HanWords.isWordAt("上海思科", 1, 3));
		assertTrue(HanWords.isWordAt("海思芯片", 0, 2));
	}

	@Test
	void falseContextsAloneRejectATermThatIsAWordThere() throws IOException {
		// 大|华|银行: 大华 sits on word boundaries, only the false context tells it is the bank
		String row = "DAHUA\tDAHUA\tCHN\tDahua\t浙江大华技术股份有限公司\t\t大华\t\t\t\troot\ttest\n";
		Watchlist without = Watchlists.fromTsv(new StringReader(row));
		Watchlist with = Watchlists.fromTsv(new StringReader(row + "@falseContext\tDAHUA\t大华银行\tUOB\n"));
		assertEquals(1, new DescriptionScanner(without).scan("大华银行转账").size());
		assertEquals(List.of(), new DescriptionScanner(with).scan("大华银行转账"));
		// the context removes only the hit it surrounds
		List<DescriptionHit> both = new DescriptionScanner(with).scan("大华银行转账 大华摄像机");
		assertEquals(1, both.size());
		assertEquals(7, both.get(0).start());
	}

	@Test
	void latinFalseContextsWorkToo() throws IOException {
		Watchlist w = Watchlists.fromTsv(new StringReader(
				"LOREX\tLOREX\tCAN\tLorex\tLorex Technology Inc.\t\tLorex\t\t\t\troot\ttest\n"
						+ "@falseContext\tLOREX\tLorex Pharma\tmade up for the test\n"));
		DescriptionScanner s = new DescriptionScanner(w);
		assertEquals(List.of(), s.scan("LOREX PHARMA TABLETS"));
		assertEquals(1, s.scan("LOREX NVR").size());
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
		"上海思科网络设备有限公司|NONE",
		"海思科医药集团股份有限公司|NONE",
		"大华银行有限公司|NONE",
		"大华会计师事务所|NONE",
		"中兴建设有限公司|NONE",
		"中兴|NONE",
		"海思半导体有限公司|HUAWEI",
		"中兴通讯股份有限公司|ZTE",
		"深圳市大疆创新科技有限公司|DJI",
		"深圳市道通智能航空技术股份有限公司|AUTEL",
		"杭州华橙网络科技有限公司|DAHUA"})
	void nameMatching(String name, String expected) {
		assertEquals(expected, family(name), () -> String.valueOf(matcher.score(name)));
	}

	@Test
	void aShortNativeAliasIsAWordOfTheNameOrNothing() throws IOException {
		// 华为 is an alias of its own; in 中华为民 it spans 中华|为 and names no one covered
		Watchlist w = Watchlists.fromTsv(new StringReader(
				"HUAWEI\tHUAWEI-TECH\tCHN\tHuawei\t华为\t\t\t\t\t\troot\ttest\n"));
		NameMatcher m = new NameMatcher(w);
		assertTrue(m.match("中华为民科技有限公司").isEmpty());
		assertEquals("HUAWEI", m.match("北京华为科技有限公司").orElseThrow().familyId());
	}

	@Test
	void groupAndListedCompanyAndBothHuaweiDevicesStayApart() {
		assertEquals("CHINA-TELECOM-GROUP", matcher.match("中国电信集团有限公司").orElseThrow().entityId());
		assertEquals("CHINA-TELECOM-CORP", matcher.match("中国电信股份有限公司").orElseThrow().entityId());
		assertEquals("CHINA-TELECOM-GROUP", matcher.match("CHINA TELECOMMUNICATIONS CORPORATION").orElseThrow()
				.entityId());
		assertEquals("CHINA-TELECOM-CORP", matcher.match("CHINA TELECOM CORPORATION LIMITED").orElseThrow()
				.entityId());
		assertEquals("HUAWEI-DEVICE", matcher.match("华为终端有限公司").orElseThrow().entityId());
		assertEquals("HUAWEI-DEVICE", matcher.match("HUAWEI DEVICE CO LTD").orElseThrow().entityId());
		assertEquals("HUAWEI-DEVICE-USA", matcher.match("HUAWEI DEVICE USA INC").orElseThrow().entityId());
	}
}
