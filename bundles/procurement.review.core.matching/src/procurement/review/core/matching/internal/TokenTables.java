package procurement.review.core.matching.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import procurement.review.core.matching.TokenClass;

/**
 * Built-in word tables: legal forms, synonyms, generic and place words. All keys are case-folded. Kept in code
 * rather than in the watch list because they describe the language of company names, not the covered families;
 * a watch list can still add synonyms and class overrides.
 */
public final class TokenTables {

	private TokenTables() {
	}

	/**
	 * Legal-form phrases (space-separated folded words) to their canonical token. Multi-word forms come first in
	 * lookups because matching is longest-first.
	 */
	public static final Map<String, String> LEGAL_FORMS = legalForms();

	/** Chinese legal-form suffixes, longest first: Chinese has no spaces, so they are cut out of runs. */
	public static final String[][] HAN_LEGAL_FORMS = {
		{"股份有限公司", "ltd"}, {"有限责任公司", "llc"}, {"有限公司", "ltd"}, {"株式会社", "kk"}, {"公司", "co"},
	};

	/** Chinese generic and place words that may surround a native alias without making it a different name. */
	public static final String[] HAN_GENERIC = {
		"技术", "科技", "通讯", "通信", "数字", "集团", "控股", "国际", "电子", "网络", "设备", "股份", "投资",
		"美国", "北美", "中国", "杭州", "浙江", "深圳", "北京", "上海", "广东", "终端", "半导体",
	};

	/** Default word and phrase synonyms, variant to canonical. */
	public static final Map<String, String> SYNONYMS = Map.ofEntries(
			Map.entry("technologies", "technology"), Map.entry("tech", "technology"),
			Map.entry("technological", "technology"), Map.entry("labs", "lab"), Map.entry("laboratory", "lab"),
			Map.entry("laboratories", "lab"), Map.entry("communication", "communications"),
			Map.entry("comm", "communications"), Map.entry("comms", "communications"),
			Map.entry("telecommunication", "telecommunications"), Map.entry("intl", "international"),
			Map.entry("americas", "america"), Map.entry("u s a", "usa"), Map.entry("u s", "us"),
			Map.entry("united states of america", "usa"), Map.entry("united states", "usa"),
			Map.entry("svcs", "services"), Map.entry("svc", "services"), Map.entry("sys", "systems"),
			Map.entry("mgmt", "management"), Map.entry("grp", "group"), Map.entry("hldgs", "holdings"),
			Map.entry("solution", "solutions"), Map.entry("system", "systems"), Map.entry("service", "services"),
			Map.entry("holding", "holdings"), Map.entry("electronic", "electronics"), Map.entry("network", "networks"),
			Map.entry("hik vision", "hikvision"), Map.entry("ez viz", "ezviz"), Map.entry("future wei", "futurewei"),
			Map.entry("zhong xing", "zhongxing"), Map.entry("hua wei", "huawei"), Map.entry("hi silicon", "hisilicon"));

	private static final Set<String> GENERIC = Set.of(
			"technology", "technologies", "communications", "telecom", "telecommunications", "digital", "group",
			"lab", "systems", "solutions", "security", "secure", "international", "global", "holdings",
			"services", "electronics", "equipment", "company", "device", "devices", "networks", "data",
			"information", "mobile", "wireless", "cloud", "software", "computer", "computers", "products",
			"product", "industries", "industrial", "enterprise", "enterprises", "associates", "partners",
			"consulting", "management", "resources", "supply", "trading", "development", "research", "science",
			"sciences", "engineering", "integration", "integrated", "federal", "government", "national", "general",
			"united", "advanced", "applied", "marine", "power", "energy", "video", "vision", "camera", "cameras",
			"surveillance", "intelligent", "smart", "innovation", "innovations", "ventures", "capital",
			"investment", "investments", "business", "office", "media", "online", "internet", "it", "operations",
			"distribution", "sales", "operating", "network", "new", "first", "american", "defense",
			"semiconductor", "microelectronics", "instruments", "analytics", "cyber", "cybersecurity",
			"лаборатория", "группа", "компания", "технологии", "системы", "груп");

	private static final Set<String> PLACE = Set.of(
			"usa", "us", "america", "north", "south", "east", "west", "central", "china", "chinese", "hangzhou",
			"zhejiang", "shenzhen", "beijing", "shanghai", "guangdong", "guangzhou", "hong", "kong", "russia",
			"russian", "moscow", "uk", "europe", "european", "asia", "pacific", "atlantic", "canada", "texas",
			"california", "virginia", "washington", "new york", "россия", "москва");

	private static final Set<String> STOPWORDS = Set.of("the", "of", "and", "de", "du", "der", "la", "le", "y",
			"et", "for", "a");

	/**
	 * Built-in class of a canonical word (before watch-list overrides).
	 *
	 * @param token folded canonical word
	 * @return its class; unknown words are distinctive
	 */
	public static TokenClass classOf(String token) {
		if (STOPWORDS.contains(token)) {
			return TokenClass.STOPWORD;
		}
		if (PLACE.contains(token)) {
			return TokenClass.PLACE;
		}
		if (GENERIC.contains(token)) {
			return TokenClass.GENERIC;
		}
		return TokenClass.DISTINCTIVE;
	}

	/**
	 * Whether a word cut off at the end of a truncated name is the start of a legal form, generic or place word
	 * ("CORPORAT", "TECHNOL"): such a stub carries no identity.
	 *
	 * @param stub folded word of at least one letter
	 * @return {@code true} if some legal-form, generic or place word starts with it
	 */
	public static boolean isPrefixOfCommonWord(String stub) {
		for (String w : COMMON_WORDS) {
			if (w.length() > stub.length() && w.startsWith(stub)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Base weight of a class. Distinctive words weigh 1; the rest are small but not zero so that a fully matching
	 * "Huawei Technologies USA" still scores above a bare "Huawei" against that alias.
	 *
	 * @param cls the class
	 * @return weight in (0, 1]
	 */
	public static double weight(TokenClass cls) {
		return switch (cls) {
			case DISTINCTIVE -> 1.0;
			case GENERIC -> 0.15;
			case PLACE -> 0.1;
			case LEGAL_FORM -> 0.02;
			case STOPWORD -> 0.02;
		};
	}

	private static final java.util.List<String> COMMON_WORDS = commonWords();

	private static java.util.List<String> commonWords() {
		java.util.Set<String> all = new java.util.TreeSet<>(GENERIC);
		all.addAll(PLACE);
		LEGAL_FORMS.keySet().stream().filter(k -> k.indexOf(' ') < 0).forEach(all::add);
		SYNONYMS.keySet().stream().filter(k -> k.indexOf(' ') < 0).forEach(all::add);
		return java.util.List.copyOf(all);
	}

	private static Map<String, String> legalForms() {
		Map<String, String> m = new HashMap<>();
		put(m, "inc", "inc", "incorporated", "inc", "incorporation", "inc");
		put(m, "corp", "corp", "corporation", "corp", "corporations", "corp", "corpn", "corp");
		put(m, "co", "co", "company", "co", "cos", "co", "companies", "co");
		put(m, "ltd", "ltd", "limited", "ltd", "ltda", "ltd");
		put(m, "llc", "llc", "l l c", "llc", "limited liability company", "llc", "limited liability co", "llc",
				"ooo", "llc", "ооо", "llc", "общество с ограниченной ответственностью", "llc",
				"obshchestvo s ogranichennoy otvetstvennostyu", "llc");
		put(m, "lc", "lc", "pc", "pc", "pllc", "pllc", "psc", "psc");
		put(m, "jsc", "jsc", "pjsc", "jsc", "cjsc", "jsc", "ojsc", "jsc", "ao", "jsc", "oao", "jsc", "zao", "jsc",
				"pao", "jsc", "ао", "jsc", "оао", "jsc", "зао", "jsc", "пао", "jsc", "joint stock company", "jsc",
				"public joint stock company", "jsc", "closed joint stock company", "jsc",
				"open joint stock company", "jsc", "акционерное общество", "jsc",
				"публичное акционерное общество", "jsc", "закрытое акционерное общество", "jsc",
				"открытое акционерное общество", "jsc", "aktsionernoe obshchestvo", "jsc");
		put(m, "gmbh", "gmbh", "ag", "ag", "sa", "sa", "s a", "sa", "plc", "plc", "public limited company", "plc",
				"lp", "lp", "l p", "lp", "llp", "llp", "l l p", "llp", "spa", "spa", "s p a", "spa", "srl", "srl",
				"sarl", "sarl", "bv", "bv", "nv", "nv", "kk", "kk", "pty", "pty", "pte", "pte", "oy", "oy",
				"kg", "kg", "sas", "sas");
		return Map.copyOf(m);
	}

	private static void put(Map<String, String> m, String... pairs) {
		// first argument pair repeats the canonical form so each call reads as "canonical, variants..."
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			m.put(pairs[i], pairs[i + 1]);
		}
	}

	/**
	 * Combined phrase table: legal forms (flagged) and synonyms.
	 *
	 * @param extraSynonyms synonyms from a watch list, folded by the caller
	 * @return phrase table
	 */
	public static PhraseTable phraseTable(Map<String, String> extraSynonyms) {
		PhraseTable t = new PhraseTable();
		SYNONYMS.forEach((k, v) -> t.put(k, v, false));
		extraSynonyms.forEach((k, v) -> t.put(k, v, false));
		LEGAL_FORMS.forEach((k, v) -> t.put(k, v, true));
		return t;
	}
}
