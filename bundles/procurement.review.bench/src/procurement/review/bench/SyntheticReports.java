package procurement.review.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic contract actions shaped like a USAspending "current" transaction download: 30 of its
 * real column names, awards with several modifications, a long-tailed vendor population (about one distinct
 * vendor per 20 rows, so some 50,000 at a million rows), a few percent of which are spellings of covered
 * vendors as FPDS prints them, reseller descriptions naming covered brands, and about 25 departments with their
 * components and offices.
 * <p>
 * The same seed gives the same rows, so XLSX and CSV hold identical data and runs are comparable.
 */
final class SyntheticReports {

	/** How a column's values are typed, which decides how each format stores them. */
	enum Kind {
		/** Text; in XLSX a shared string. */
		TEXT,
		/** A whole number; in XLSX a numeric cell. */
		INTEGER,
		/** Dollars in cents, may be negative; in XLSX a numeric cell with a money format. */
		MONEY,
		/** A day; in XLSX a serial date with a date style, in CSV ISO 8601. */
		DATE
	}

	/** The columns in download order, with the kind of value each holds. */
	static final String[] HEADERS = { "contract_transaction_unique_key", "contract_award_unique_key",
			"award_id_piid", "modification_number", "transaction_number", "federal_action_obligation",
			"action_date", "action_date_fiscal_year", "awarding_agency_code", "awarding_agency_name",
			"awarding_sub_agency_code", "awarding_sub_agency_name", "awarding_office_code", "awarding_office_name",
			"recipient_uei", "recipient_duns", "recipient_name", "cage_code", "recipient_parent_uei",
			"recipient_parent_name", "recipient_country_code", "transaction_description",
			"product_or_service_code", "product_or_service_code_description", "naics_code", "naics_description",
			"domestic_or_foreign_entity_code", "country_of_product_or_service_origin_code", "place_of_manufacture",
			"last_modified_date" };

	static final Kind[] KINDS = { Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.MONEY, Kind.DATE,
			Kind.INTEGER, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT,
			Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER,
			Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT };

	/** Receives generated rows; a row's cells are valid only during the call. */
	interface RowSink {
		/**
		 * @param text  per column: the text of a TEXT column, null when empty
		 * @param value per column: the number of an INTEGER, MONEY (cents) or DATE (epoch day) column
		 */
		void row(String[] text, long[] value) throws IOException;
	}

	// Spellings as they appear in FPDS and USAspending: upper case, commas turned into double blanks, cut at 30.
	private static final String[][] COVERED = {
			{ "KASPERSKY LAB  INC", "KASPERSKY LAB, INC.", "KASPERSKY LAB INC", "KASPERSKY LAB NORTH AMERICA" },
			{ "KASPERSKY GOVERNMENT SECURITY SOLUTIONS INC", "KASPERSKY GOVERNMENT SECURITY" },
			{ "HUAWEI TECHNOLOGIES USA", "HUAWEI TECHNOLOGIES USA INC.", "HUAWEI TECHNOLOGIES USA  INC" },
			{ "HUAWEI DEVICE USA INC", "HUAWEI DEVICE USA  INC." },
			{ "FUTUREWEI TECHNOLOGIES  INC", "FUTUREWEI TECHNOLOGIES, INC." },
			{ "ZTE USA INC", "ZTE (USA) INC.", "ZTE USA  INC" },
			{ "HANGZHOU HIKVISION DIGITAL TEC", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD" },
			{ "HIKVISION USA INC", "HIKVISION USA  INC." },
			{ "DAHUA TECHNOLOGY USA INC.", "DAHUA TECHNOLOGY USA  INC" },
			{ "LOREX TECHNOLOGY INC", "LOREX TECHNOLOGY  INC." },
			{ "HYTERA COMMUNICATIONS AMERICA (WEST) INC", "HYTERA AMERICA  INC", "HYTERA AMERICA INC." },
			{ "SEPURA LIMITED", "SEPURA PLC" },
			{ "NORSAT INTERNATIONAL INC.", "NORSAT INTERNATIONAL  INC" },
			{ "CHINA TELECOM (AMERICAS) CORPORATION", "CHINA TELECOM AMERICAS CORP" },
			{ "CHINA MOBILE INTERNATIONAL (USA) INC", "CHINA MOBILE INTERNATIONAL USA" },
			{ "PACIFIC NETWORKS CORP", "PACIFIC NETWORKS CORP." },
			{ "COMNET (USA) LLC", "COMNET USA LLC" } };
	private static final String[] COVERED_PARENT = { "AO KASPERSKY LAB", "AO KASPERSKY LAB",
			"HUAWEI TECHNOLOGIES CO., LTD.", "HUAWEI TECHNOLOGIES CO., LTD.", "HUAWEI TECHNOLOGIES CO., LTD.",
			"ZTE CORPORATION", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.",
			"HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.", "ZHEJIANG DAHUA TECHNOLOGY CO., LTD.",
			"ZHEJIANG DAHUA TECHNOLOGY CO., LTD.", "HYTERA COMMUNICATIONS CORPORATION LIMITED",
			"HYTERA COMMUNICATIONS CORPORATION LIMITED", "HYTERA COMMUNICATIONS CORPORATION LIMITED",
			"CHINA TELECOM CORPORATION LIMITED", "CHINA MOBILE COMMUNICATIONS GROUP CO., LTD.",
			"PACIFIC NETWORKS CORP.", "PACIFIC NETWORKS CORP." };
	private static final String[] COVERED_COUNTRY = { "USA", "USA", "USA", "USA", "USA", "USA", "CHN", "USA", "USA",
			"CAN", "USA", "GBR", "CAN", "USA", "USA", "USA", "USA" };

	/** Names that look like covered ones and are not, as real files have them. */
	private static final String[] DECOYS = { "KASPER ENGINEERING LLC", "HUA WEI RESTAURANT GROUP INC",
			"DAHUA FARMS LLC", "ZTEK CORPORATION", "HIKARI VISION SYSTEMS INC", "LOREXA HEALTH SERVICES LLC",
			"CHINA GROVE TELECOM SERVICES", "PACIFIC NETWORK SOLUTIONS INC", "NORSAT ROAD CONSTRUCTION INC",
			"SEPURA BUILDERS LLC" };

	/** Descriptions of reseller buys that name a covered brand; one excluded product line. */
	private static final String[] BRAND_DESCRIPTIONS = {
			"HIKVISION IP CAMERAS AND NVR - BRAND NAME OR EQUAL", "KASPERSKY ENDPOINT SECURITY LICENSE RENEWAL",
			"HUAWEI MATEBOOK X PRO LAPTOPS FOR FIELD OFFICE", "DAHUA PTZ CAMERA REPLACEMENT",
			"LOREX 4K SECURITY CAMERA SYSTEM", "ZTE MOBILE HOTSPOTS AND SERVICE",
			"HYTERA PORTABLE RADIOS AND CHARGERS", "EZVIZ WIFI CAMERAS FOR WAREHOUSE",
			"KASPERSKY THREAT INTELLIGENCE PORTAL SUBSCRIPTION", "HIKCENTRAL VMS LICENSE UPGRADE" };

	private static final String[] W1 = { "ACME", "ALPHA", "APEX", "ATLAS", "AVALON", "BEACON", "BLUE RIDGE",
			"BRIGHTPATH", "CAPITAL", "CARDINAL", "CASCADE", "CENTURY", "CHESAPEAKE", "CITADEL", "COASTAL", "COLUMBIA",
			"COMPASS", "CONTINENTAL", "CORNERSTONE", "CRESTLINE", "DELTA", "DOMINION", "EAGLE", "EASTERN", "ELEVATE",
			"EMPIRE", "FALCON", "FEDERAL", "FRONTIER", "GALAXY", "GATEWAY", "GRANITE", "GREAT LAKES", "HARBOR",
			"HERITAGE", "HORIZON", "INDEPENDENCE", "KEYSTONE", "LIBERTY", "LIGHTHOUSE", "MERIDIAN", "MIDWEST",
			"MOUNTAIN", "NATIONAL", "NORTHSTAR", "OMEGA", "PACIFIC RIM", "PATRIOT", "PINNACLE", "PIONEER",
			"POTOMAC", "PRAIRIE", "REDWOOD", "SENTINEL", "SIERRA", "SUMMIT", "TRIDENT", "UNITED", "VANGUARD",
			"VERTEX", "WESTERN" };
	private static final String[] W2 = { "ANALYTICS", "AVIATION", "BUILDERS", "CONSULTING", "CONSTRUCTION",
			"CYBER", "DATA SYSTEMS", "DEFENSE", "DIGITAL", "ELECTRIC", "ENGINEERING", "ENTERPRISES", "ENVIRONMENTAL",
			"FACILITIES", "FABRICATION", "GROUP", "HEALTH", "HOLDINGS", "INDUSTRIES", "INFORMATION TECHNOLOGY",
			"INTEGRATED SOLUTIONS", "LABORATORIES", "LOGISTICS", "MACHINE WORKS", "MANAGEMENT", "MARINE",
			"MEDICAL SUPPLY", "NETWORKS", "OFFICE PRODUCTS", "PARTNERS", "POWER SYSTEMS", "PRECISION", "RESEARCH",
			"RESOURCES", "SCIENTIFIC", "SECURITY", "SERVICES", "SOFTWARE", "SOLUTIONS", "STRATEGIES", "SUPPLY",
			"SYSTEMS", "TACTICAL", "TECHNICAL SERVICES", "TECHNOLOGIES", "TELECOM", "TRAINING", "TRANSPORT",
			"UNIFORMS", "UTILITIES", "VENTURES", "WATER", "WIRELESS", "WORKS", "AEROSPACE", "ARCHITECTS",
			"CONTRACTORS", "DISTRIBUTION", "FOODS" };
	private static final String[] SUFFIX = { "LLC", "INC", "INC.", "CORP", "CORPORATION", "CO", "COMPANY", "LTD",
			"L.L.C.", "LP", "GROUP LLC", "PLLC", "JV", "OF VIRGINIA INC", "OF TEXAS LLC", "USA INC",
			"INTERNATIONAL INC" };

	private static final String[][] PSC = { { "7030", "IT AND TELECOM - BUSINESS APPLICATION SOFTWARE (PERPETUAL LICENSE SOFTWARE)" },
			{ "7G20", "IT AND TELECOM - NETWORK AS A SERVICE" }, { "D399", "IT AND TELECOM- OTHER IT AND TELECOMMUNICATIONS" },
			{ "5820", "RADIO AND TELEVISION COMMUNICATION EQUIPMENT, EXCEPT AIRBORNE" },
			{ "6350", "MISCELLANEOUS ALARM, SIGNAL, AND SECURITY DETECTION SYSTEMS" },
			{ "7B21", "IT AND TELECOM - END USER: HELP DESK; TIER 1-2, WORKSPACE, PRINT, PERIPHERALS" },
			{ "R499", "SUPPORT- PROFESSIONAL: OTHER" }, { "R408", "SUPPORT- PROFESSIONAL: PROGRAM MANAGEMENT/SUPPORT" },
			{ "J099", "MAINT/REPAIR/REBUILD OF EQUIPMENT- MISCELLANEOUS" }, { "S201", "HOUSEKEEPING- CUSTODIAL JANITORIAL" },
			{ "Y1AA", "CONSTRUCTION OF OFFICE BUILDINGS" }, { "6515", "MEDICAL AND SURGICAL INSTRUMENTS, EQUIPMENT, AND SUPPLIES" },
			{ "7510", "OFFICE SUPPLIES" }, { "8415", "CLOTHING, SPECIAL PURPOSE" }, { "2320", "TRUCKS AND TRUCK TRACTORS, WHEELED" },
			{ "V231", "TRAVEL/LODGING/RECRUITMENT- LODGING, HOTEL/MOTEL" }, { "Q201", "MEDICAL- GENERAL HEALTH CARE" },
			{ "AJ11", "R&D- GENERAL SCIENCE/TECHNOLOGY: PHYSICAL SCIENCES (BASIC RESEARCH)" },
			{ "5985", "ANTENNAS, WAVEGUIDES, AND RELATED EQUIPMENT" }, { "6665", "HAZARD-DETECTING INSTRUMENTS AND APPARATUS" } };
	private static final Object[][] NAICS = { { 541512L, "COMPUTER SYSTEMS DESIGN SERVICES" },
			{ 541511L, "CUSTOM COMPUTER PROGRAMMING SERVICES" }, { 541330L, "ENGINEERING SERVICES" },
			{ 541611L, "ADMINISTRATIVE MANAGEMENT AND GENERAL MANAGEMENT CONSULTING SERVICES" },
			{ 334220L, "RADIO AND TELEVISION BROADCASTING AND WIRELESS COMMUNICATIONS EQUIPMENT MANUFACTURING" },
			{ 334290L, "OTHER COMMUNICATIONS EQUIPMENT MANUFACTURING" }, { 423430L,
					"COMPUTER AND COMPUTER PERIPHERAL EQUIPMENT AND SOFTWARE MERCHANT WHOLESALERS" },
			{ 561720L, "JANITORIAL SERVICES" }, { 236220L, "COMMERCIAL AND INSTITUTIONAL BUILDING CONSTRUCTION" },
			{ 339112L, "SURGICAL AND MEDICAL INSTRUMENT MANUFACTURING" }, { 424120L,
					"STATIONERY AND OFFICE SUPPLIES MERCHANT WHOLESALERS" }, { 517312L,
							"WIRELESS TELECOMMUNICATIONS CARRIERS (EXCEPT SATELLITE)" },
			{ 561621L, "SECURITY SYSTEMS SERVICES (EXCEPT LOCKSMITHS)" }, { 621111L,
					"OFFICES OF PHYSICIANS (EXCEPT MENTAL HEALTH SPECIALISTS)" },
			{ 541715L, "RESEARCH AND DEVELOPMENT IN THE PHYSICAL, ENGINEERING, AND LIFE SCIENCES" } };
	private static final String[] VERBS = { "PROCUREMENT OF", "PURCHASE OF", "RENEWAL OF", "MAINTENANCE OF",
			"SUPPORT FOR", "INSTALLATION OF", "REPAIR OF", "UPGRADE OF", "REPLACEMENT OF", "PROVISION OF",
			"OPTION YEAR 2 -", "FUNDING FOR", "IGF::OT::IGF", "BPA CALL -", "INCREMENTAL FUNDING" };
	private static final String[] OBJECTS = { "NETWORK SWITCHES", "LAPTOPS AND DOCKING STATIONS",
			"HELP DESK SERVICES", "JANITORIAL SERVICES", "OFFICE SUPPLIES", "SECURITY GUARD SERVICES",
			"SOFTWARE LICENSES", "CLOUD HOSTING", "BODY ARMOR", "LAB EQUIPMENT", "HVAC SYSTEM", "FIRE ALARM PANEL",
			"ACCESS CONTROL SYSTEM", "VIDEO SURVEILLANCE SYSTEM", "RADIO EQUIPMENT", "VEHICLE MAINTENANCE",
			"MEDICAL SUPPLIES", "TRAINING COURSES", "PROGRAM MANAGEMENT SUPPORT", "ENGINEERING ANALYSIS",
			"DATA CENTER MODERNIZATION", "ROOF REPAIR", "PAVING", "UNIFORMS", "FURNITURE", "PRINTING SERVICES",
			"CYBERSECURITY ASSESSMENT", "GIS SERVICES", "TRANSLATION SERVICES", "COURIER SERVICES",
			"SATELLITE BANDWIDTH", "ENDPOINT PROTECTION SOFTWARE", "MOBILE DEVICES", "WIRELESS ACCESS POINTS",
			"SERVERS AND STORAGE", "AUDIO VISUAL EQUIPMENT", "GROUNDS MAINTENANCE", "ELEVATOR MAINTENANCE",
			"ENVIRONMENTAL REMEDIATION", "RESEARCH SUPPORT" };
	private static final String[] PLACES = { "", " - FORT BRAGG", " - NORFOLK", " - SAN DIEGO", " - HEADQUARTERS",
			" - REGION 4", " - DENVER FEDERAL CENTER", " FY21", " FY22", " FY23", " (SMALL BUSINESS SET ASIDE)",
			" - PHASE II" };

	/** Modification numbers as FPDS prints them: the base award is "0", then P00001, P00002, ... */
	private static final String[] MODS = { "0", "P00001", "P00002", "P00003", "P00004", "P00005", "P00006",
			"P00007", "P00008", "P00009" };

	/** A department with its CGAC code, its components (code, name) and their offices (code, name). */
	private record Agency(String code, String name, int weight, String[][] components) {
	}

	private static final Agency[] AGENCIES = { agency("097", "Department of Defense", 300, "2100",
			"Department of the Army", "1700", "Department of the Navy", "5700", "Department of the Air Force",
			"97AS", "Defense Logistics Agency", "97JC", "Missile Defense Agency"),
			agency("070", "Department of Homeland Security", 60, "7008", "U.S. Coast Guard", "7014",
					"U.S. Customs and Border Protection", "7022", "Federal Emergency Management Agency"),
			agency("036", "Department of Veterans Affairs", 60, "3600", "Department of Veterans Affairs"),
			agency("075", "Department of Health and Human Services", 50, "7529", "National Institutes of Health",
					"7523", "Centers for Disease Control and Prevention", "7524", "Food and Drug Administration"),
			agency("089", "Department of Energy", 30, "8900", "Department of Energy"),
			agency("015", "Department of Justice", 30, "1549", "Federal Prisons System / Bureau of Prisons", "1524",
					"Federal Bureau of Investigation"),
			agency("047", "General Services Administration", 30, "4732", "Federal Acquisition Service", "4740",
					"Public Buildings Service"),
			agency("014", "Department of the Interior", 25, "1443", "National Park Service", "1422",
					"Bureau of Land Management"),
			agency("012", "Department of Agriculture", 25, "12C2", "Forest Service", "1205",
					"Agricultural Research Service"),
			agency("069", "Department of Transportation", 20, "6920", "Federal Aviation Administration"),
			agency("080", "National Aeronautics and Space Administration", 20, "8000",
					"National Aeronautics and Space Administration"),
			agency("019", "Department of State", 20, "1900", "Department of State"),
			agency("020", "Department of the Treasury", 15, "2050", "Internal Revenue Service", "2041",
					"Bureau of the Fiscal Service"),
			agency("013", "Department of Commerce", 15, "1330", "National Oceanic and Atmospheric Administration",
					"1341", "National Institute of Standards and Technology"),
			agency("068", "Environmental Protection Agency", 10, "6800", "Environmental Protection Agency"),
			agency("091", "Department of Education", 5, "9100", "Department of Education"),
			agency("016", "Department of Labor", 5, "1605", "Employment and Training Administration"),
			agency("086", "Department of Housing and Urban Development", 5, "8600",
					"Department of Housing and Urban Development"),
			agency("028", "Social Security Administration", 5, "2800", "Social Security Administration"),
			agency("072", "Agency for International Development", 5, "7200", "Agency for International Development"),
			agency("024", "Office of Personnel Management", 3, "2400", "Office of Personnel Management"),
			agency("073", "Small Business Administration", 3, "7300", "Small Business Administration"),
			agency("031", "Nuclear Regulatory Commission", 2, "3100", "Nuclear Regulatory Commission"),
			agency("049", "National Science Foundation", 2, "4900", "National Science Foundation"),
			agency("095", "Federal Communications Commission", 2, "2700", "Federal Communications Commission") };

	private static Agency agency(String code, String name, int weight, String... components) {
		String[][] c = new String[components.length / 2][];
		for (int i = 0; i < c.length; i++) {
			c[i] = new String[] { components[2 * i], components[2 * i + 1] };
		}
		return new Agency(code, name, weight, c);
	}

	/** One vendor of the population. */
	private record VendorRow(String name, String uei, String duns, String cage, String parentUei, String parentName,
			String country, String origin, int covered) {
	}

	private final long rows;
	private final VendorRow[] vendors;
	private final String[][] officeCodes; // per agency*8+component: office codes
	private final String[][] officeNames;
	private final int[] agencyPick;
	private final int coveredVendors;

	/**
	 * Builds the vendor population and the agency tree for a number of rows.
	 *
	 * @param rows the number of contract actions to generate
	 */
	public SyntheticReports(long rows) {
		this.rows = rows;
		SplittableRandom random = new SplittableRandom(20240501L);
		int vendorCount = (int) Math.max(2_000, Math.min(200_000, rows / 20));
		vendors = new VendorRow[vendorCount];
		// Parents are the first big vendors; covered spellings sit in the tail, where rarely used names live.
		int parents = Math.min(2_000, vendorCount / 4);
		int covered = 0;
		for (int v = 0; v < vendorCount; v++) {
			boolean isCovered = v >= parents && random.nextInt(1000) < 25;
			boolean isDecoy = !isCovered && v >= parents && random.nextInt(1000) < 2;
			String uei = uei(v);
			String duns = random.nextInt(100) < 55 ? String.format("%09d", 100_000_000L + v * 7919L % 899_999_999L)
					: null;
			String cage = random.nextInt(100) < 80 ? cage(v) : null;
			if (isCovered) {
				int family = random.nextInt(COVERED.length);
				String[] spellings = COVERED[family];
				String name = spellings[random.nextInt(spellings.length)];
				String country = COVERED_COUNTRY[family];
				vendors[v] = new VendorRow(name, uei, duns, cage, parentUei(family), COVERED_PARENT[family],
						country, country.equals("USA") ? "CHN" : country, family);
				covered++;
			} else {
				String name = isDecoy ? DECOYS[random.nextInt(DECOYS.length)] + (v % 3 == 0 ? "" : " " + v % 97)
						: W1[v % W1.length] + " " + W2[(v / W1.length) % W2.length] + " "
								+ SUFFIX[(v / (W1.length * W2.length)) % SUFFIX.length]
								+ (v >= W1.length * W2.length * SUFFIX.length ? " " + v : "");
				String parentUei = null;
				String parentName = null;
				if (v >= parents && random.nextInt(100) < 35) {
					int p = random.nextInt(parents);
					parentUei = vendors[p].uei();
					parentName = vendors[p].name();
				}
				String country = random.nextInt(100) < 97 ? "USA"
						: new String[] { "CAN", "GBR", "DEU", "ISR", "JPN", "KOR", "CHN", "MEX" }[random.nextInt(8)];
				vendors[v] = new VendorRow(name, uei, duns, cage, parentUei, parentName, country,
						random.nextInt(100) < 90 ? "USA" : country, -1);
			}
		}
		coveredVendors = covered;
		int total = 0;
		for (Agency a : AGENCIES) {
			total += a.weight();
		}
		agencyPick = new int[total];
		int at = 0;
		for (int i = 0; i < AGENCIES.length; i++) {
			for (int k = 0; k < AGENCIES[i].weight(); k++) {
				agencyPick[at++] = i;
			}
		}
		officeCodes = new String[AGENCIES.length * 8][];
		officeNames = new String[AGENCIES.length * 8][];
		for (int a = 0; a < AGENCIES.length; a++) {
			for (int c = 0; c < AGENCIES[a].components().length; c++) {
				int n = 3 + random.nextInt(10);
				String[] codes = new String[n];
				String[] names = new String[n];
				for (int o = 0; o < n; o++) {
					codes[o] = officeCode(a, c, o);
					names[o] = (AGENCIES[a].components()[c][1] + " " + new String[] { "CONTRACTING OFFICE",
							"ACQUISITION DIVISION", "REGIONAL CONTRACTING", "PROCUREMENT BRANCH" }[o % 4] + " "
							+ (o + 1)).toUpperCase(java.util.Locale.ROOT);
				}
				officeCodes[a * 8 + c] = codes;
				officeNames[a * 8 + c] = names;
			}
		}
	}

	/** @return the number of distinct vendors (by UEI) in the population */
	public int vendorCount() {
		return vendors.length;
	}

	/** @return how many vendors carry a covered vendor's spelling */
	public int coveredVendorCount() {
		return coveredVendors;
	}

	/** @return about how many distinct texts the rows hold: keys and dates per row, names per vendor */
	int expectedStrings() {
		return (int) Math.min(1 << 28, rows * 3 + vendors.length * 5L + 100_000);
	}

	/** @return the number of departments rows are spread over */
	public static int departmentCount() {
		return AGENCIES.length;
	}

	/** @return the column names */
	public static List<String> headers() {
		return List.of(HEADERS);
	}

	/**
	 * Generates all rows, awards first-to-last with their modifications in date order.
	 *
	 * @param sink receives each row
	 * @throws IOException from the sink
	 */
	void generate(RowSink sink) throws IOException {
		SplittableRandom random = new SplittableRandom(7L);
		String[] text = new String[HEADERS.length];
		long[] value = new long[HEADERS.length];
		long baseDay = LocalDate.of(2017, 10, 1).toEpochDay();
		long lastModifiedDay = LocalDate.of(2024, 11, 5).toEpochDay();
		long emitted = 0;
		int descriptions = (int) Math.max(1_000, Math.min(40_000, rows / 25));
		for (long award = 0; emitted < rows; award++) {
			// A long tail: index = V * u^2 makes low indexes (big vendors) frequent and covered ones rare.
			double u = random.nextDouble();
			VendorRow vendor = vendors[(int) (vendors.length * u * u)];
			Agency agency = AGENCIES[agencyPick[random.nextInt(agencyPick.length)]];
			int agencyIndex = indexOf(agency);
			int componentIndex = random.nextInt(agency.components().length);
			String[] codes = officeCodes[agencyIndex * 8 + componentIndex];
			int officeIndex = random.nextInt(codes.length);
			String officeCode = codes[officeIndex];
			String officeName = officeNames[agencyIndex * 8 + componentIndex][officeIndex];
			String[] component = agency.components()[componentIndex];
			long day = baseDay + random.nextInt(365 * 7);
			int fy2 = fiscalYear(day) % 100;
			String piid = officeCode + fy2 + "C" + base36(award, 6);
			String[] psc = PSC[random.nextInt(PSC.length)];
			Object[] naics = NAICS[random.nextInt(NAICS.length)];
			String description;
			int d = random.nextInt(10_000);
			if (d < 30) {
				description = BRAND_DESCRIPTIONS[d % BRAND_DESCRIPTIONS.length];
			} else {
				int k = (int) (descriptions * Math.pow(random.nextDouble(), 1.5));
				description = VERBS[k % VERBS.length] + " " + OBJECTS[(k / VERBS.length) % OBJECTS.length]
						+ PLACES[(k / (VERBS.length * OBJECTS.length)) % PLACES.length]
						+ (k >= VERBS.length * OBJECTS.length * PLACES.length ? " " + k : "");
			}
			boolean foreignProduct = vendor.covered() >= 0 || !vendor.origin().equals("USA");
			int mods = 1 + (int) Math.min(8, -Math.log(1 - random.nextDouble()) * 1.6);
			for (int m = 0; m < mods && emitted < rows; m++, emitted++) {
				String mod = MODS[m];
				long cents = m == 0 || random.nextInt(100) >= 12
						? (long) Math.exp(7 + random.nextDouble() * 8) * 100 + random.nextInt(100)
						: -(long) Math.exp(5 + random.nextDouble() * 6) * 100 - random.nextInt(100);
				day += m == 0 ? 0 : random.nextInt(120);
				text[0] = agency.code() + "0_-NONE-_" + piid + "_" + mod + "_-NONE-_0";
				text[1] = "CONT_AWD_" + piid + "_" + agency.code() + "0_-NONE-_-NONE-";
				text[2] = piid;
				text[3] = mod;
				value[4] = 0;
				value[5] = cents;
				value[6] = day;
				value[7] = fiscalYear(day);
				text[8] = agency.code();
				text[9] = agency.name();
				text[10] = component[0];
				text[11] = component[1];
				text[12] = officeCode;
				text[13] = officeName;
				text[14] = vendor.uei();
				text[15] = vendor.duns();
				text[16] = vendor.name();
				text[17] = vendor.cage();
				text[18] = vendor.parentUei();
				text[19] = vendor.parentName();
				text[20] = vendor.country();
				text[21] = description;
				text[22] = psc[0];
				text[23] = psc[1];
				value[24] = (Long) naics[0];
				text[25] = (String) naics[1];
				// A: U.S. owned business, C: foreign-owned and located abroad (the FPDS codes)
				text[26] = vendor.country().equals("USA") ? "A" : "C";
				text[27] = foreignProduct ? vendor.origin() : "USA";
				text[28] = foreignProduct ? "NOT MANUFACTURED IN U.S." : "MANUFACTURED IN U.S.";
				text[29] = LocalDate.ofEpochDay(Math.min(lastModifiedDay, day + 3)) + " 0" + (m % 10) + ":"
						+ (10 + award % 50) + ":" + (10 + emitted % 50);
				sink.row(text, value);
			}
		}
	}

	private static int indexOf(Agency agency) {
		for (int i = 0; i < AGENCIES.length; i++) {
			if (AGENCIES[i] == agency) {
				return i;
			}
		}
		throw new IllegalArgumentException(agency.name());
	}

	private static int fiscalYear(long epochDay) {
		LocalDate date = LocalDate.ofEpochDay(epochDay);
		return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
	}

	private static String officeCode(int agency, int component, int office) {
		String prefix = agency == 0 ? new String[] { "W", "N", "FA", "SP", "HQ" }[component] : "" + (char) ('A' + agency);
		return (prefix + base36(agency * 97L + component * 13L + office * 1_000_003L, 6 - prefix.length()))
				.toUpperCase(java.util.Locale.ROOT);
	}

	private static String uei(long v) {
		// UEIs are 12 characters of letters (no O or I) and digits; deterministic per vendor so files agree.
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
		StringBuilder sb = new StringBuilder(12);
		long x = v * 2_654_435_761L + 97_531L;
		for (int i = 0; i < 12; i++) {
			sb.append(alphabet.charAt((int) Math.floorMod(x, (long) alphabet.length())));
			x = x / alphabet.length() + (i + 1) * 7_919L * (v + 1);
		}
		return sb.toString();
	}

	private static String parentUei(int family) {
		return "ZZCOV" + String.format("%07d", family);
	}

	private static String cage(long v) {
		return (base36(v * 31 + 11, 5)).toUpperCase(java.util.Locale.ROOT);
	}

	private static String base36(long v, int width) {
		String s = Long.toString(Math.abs(v), 36).toUpperCase(java.util.Locale.ROOT);
		if (s.length() > width) {
			return s.substring(s.length() - width);
		}
		return "0".repeat(width - s.length()) + s;
	}

	/** @return every covered-vendor spelling the generator uses */
	static List<String> coveredSpellings() {
		List<String> all = new ArrayList<>();
		for (String[] s : COVERED) {
			all.addAll(List.of(s));
		}
		return all;
	}
}
