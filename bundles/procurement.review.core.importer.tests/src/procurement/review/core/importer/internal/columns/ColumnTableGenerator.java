package procurement.review.core.importer.internal.columns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import procurement.review.core.importer.ContractField;
import procurement.review.core.importer.TableHandler;
import procurement.review.core.importer.TableReader;
import procurement.review.core.importer.TableReaders;
import procurement.review.core.importer.internal.fpds.FpdsAtomReader;

/**
 * Generates the importer's {@code columns.tsv} from the official USAspending crosswalk and the real headers in
 * {@code data/real}. Run from the test fragment directory:
 * {@code java ... ColumnTableGenerator ../procurement.review.core.importer/src/procurement/review/core/importer/internal/columns/columns.tsv};
 * {@code ColumnTableTest} fails when the committed table differs from what this produces.
 */
public final class ColumnTableGenerator {

	static final Path DATA = Path.of("data/real");
	static final Path TABLE = Path.of(
			"../procurement.review.core.importer/src/procurement/review/core/importer/internal/columns/columns.tsv");

	/**
	 * The 261-column files (usaspending_contract_transactions_va_fy2019_noheader.csv) are the 277-column 2019
	 * download without these columns: aligning their values shows the PIID first, the parent award agency at
	 * index 3, and the ten highly-compensated-officer columns missing before last_modified_date.
	 */
	static final Set<String> DROPPED_FROM_2019_IN_261 = Set.of("contract_transaction_unique_key",
			"contract_award_unique_key", "action_date_fiscal_year", "solicitation_date",
			"treasury_accounts_funding_this_award", "federal_accounts_funding_this_award",
			"highly_compensated_officer_1_name", "highly_compensated_officer_1_amount",
			"highly_compensated_officer_2_name", "highly_compensated_officer_2_amount",
			"highly_compensated_officer_3_name", "highly_compensated_officer_3_amount",
			"highly_compensated_officer_4_name", "highly_compensated_officer_4_amount",
			"highly_compensated_officer_5_name", "highly_compensated_officer_5_amount");

	/** Canonical field -> crosswalk element names ("Element" column of sheet Public). */
	static final Map<ContractField, List<String>> CROSSWALK_ELEMENTS = new LinkedHashMap<>();
	/**
	 * Spellings the crosswalk lacks (it has no download column for UEI/DUNS, for instance), each scoped to the
	 * layouts it belongs to: D: downloads, W: award summaries only (in a transactions
	 * download the same column describes the award, not the transaction), L: legacy, F: the FPDS reader's header,
	 * A: alias only. Scoping matters
	 * because matching ignores punctuation: legacy "productorservicecode" holds code and name, the download's
	 * "product_or_service_code" only the code.
	 */
	static final Map<ContractField, List<String>> SUPPLEMENT = new LinkedHashMap<>();
	/**
	 * Headings of agencies' own spreadsheets (purchase logs, contract lists kept by a CIO office), aliases only: the
	 * names reviewers meet for the fields the matcher and the orders need. Deliberately specific: a heading that
	 * could mean two fields ("Country": of the vendor or of origin?) is left for the reviewer to map.
	 */
	static final Map<ContractField, List<String>> AGENCY_HEADINGS = new LinkedHashMap<>();

	static {
		el(ContractField.transactionKey, "ContractTransactionUniqueKey");
		el(ContractField.awardKey, "PrimeAwardUniqueKey");
		el(ContractField.piid, "PIID");
		el(ContractField.modification, "AwardModificationAmendmentNumber");
		el(ContractField.parentAwardPiid, "ParentAwardID");
		el(ContractField.actionDate, "ActionDate");
		el(ContractField.obligation, "FederalActionObligation");
		el(ContractField.description, "AwardDescription");
		el(ContractField.pscCode, "Product or Service Code");
		el(ContractField.pscDescription, "Product or Service Code Description Tag");
		el(ContractField.naicsCode, "NAICS");
		el(ContractField.naicsDescription, "NAICS_Description");
		el(ContractField.originCountryCode, "Country of Product or Service Origin");
		el(ContractField.originCountryName, "Country of Product or Service Origin Description Tag");
		el(ContractField.placeOfManufactureCode, "Place of Manufacture");
		el(ContractField.placeOfManufactureName, "Place of Manufacture Description Tag");
		el(ContractField.domesticOrForeignEntityCode, "Domestic or Foreign Entity");
		el(ContractField.domesticOrForeignEntityName, "Domestic or Foreign Entity Description Tag");
		el(ContractField.departmentCode, "AwardingAgencyCode");
		el(ContractField.departmentName, "AwardingAgencyName");
		el(ContractField.componentCode, "AwardingSubTierAgencyCode");
		el(ContractField.componentName, "AwardingSubTierAgencyName");
		el(ContractField.officeCode, "AwardingOfficeCode");
		el(ContractField.officeName, "AwardingOfficeName");
		el(ContractField.fundingDepartmentCode, "FundingAgencyCode");
		el(ContractField.fundingDepartmentName, "FundingAgencyName");
		el(ContractField.vendorName, "AwardeeOrRecipientLegalEntityName");
		el(ContractField.vendorCage, "CAGE Code");
		el(ContractField.vendorCountryCode, "LegalEntityCountryCode");
		el(ContractField.vendorCountryName, "LegalEntityCountryName");
		el(ContractField.parentName, "UltimateParentLegalEntityName");

		sup(ContractField.transactionKey, "L:unique_transaction_id");
		sup(ContractField.transactionNumber, "D:transaction_number", "L:transactionnumber", "F:transactionNumber");
		sup(ContractField.piid, "F:PIID");
		sup(ContractField.modification, "F:modNumber");
		sup(ContractField.parentAwardPiid, "D:parent_award_id", "F:referencedIDVPIID");
		sup(ContractField.actionDate, "F:signedDate");
		sup(ContractField.obligation, "W:total_obligated_amount", "F:obligatedAmount");
		sup(ContractField.description, "D:transaction_description", "W:prime_award_base_transaction_description",
				"F:descriptionOfContractRequirement");
		sup(ContractField.pscCode, "F:productOrServiceCode");
		sup(ContractField.pscDescription, "F:productOrServiceCodeDescription");
		sup(ContractField.naicsCode, "F:principalNAICSCode");
		sup(ContractField.naicsDescription, "F:principalNAICSCodeDescription");
		sup(ContractField.originCountryCode, "F:countryOfOrigin");
		sup(ContractField.originCountryName, "F:countryOfOriginName");
		sup(ContractField.placeOfManufactureCode, "F:placeOfManufacture");
		sup(ContractField.placeOfManufactureName, "F:placeOfManufactureDescription");
		sup(ContractField.domesticOrForeignEntityCode, "F:manufacturingOrganizationType");
		sup(ContractField.domesticOrForeignEntityName, "F:manufacturingOrganizationTypeDescription");
		sup(ContractField.departmentCode, "F:departmentID");
		sup(ContractField.departmentName, "F:departmentName");
		sup(ContractField.componentCode, "F:contractingOfficeAgencyID");
		sup(ContractField.componentName, "F:contractingOfficeAgencyName");
		sup(ContractField.officeCode, "F:contractingOfficeID");
		sup(ContractField.officeName, "F:contractingOfficeName");
		sup(ContractField.fundingDepartmentCode, "F:fundingDepartmentID");
		sup(ContractField.fundingDepartmentName, "F:fundingDepartmentName");
		sup(ContractField.vendorName, "F:vendorName", "A:Vendor Name");
		sup(ContractField.vendorUei, "D:recipient_uei", "F:UEI", "A:Unique Entity ID", "A:Vendor UEI");
		sup(ContractField.vendorDuns, "D:recipient_duns", "L:dunsnumber", "F:DUNSNumber", "A:DUNS Number");
		sup(ContractField.vendorCage, "F:cageCode");
		sup(ContractField.vendorCountryCode, "F:vendorCountryCode");
		sup(ContractField.vendorCountryName, "F:vendorCountryName");
		sup(ContractField.parentName, "F:ultimateParentUEIName", "F:globalParentDUNSName");
		sup(ContractField.parentUei, "D:recipient_parent_uei", "F:ultimateParentUEI");
		sup(ContractField.parentDuns, "D:recipient_parent_duns", "L:parentdunsnumber", "F:globalParentDUNSNumber");
		sup(ContractField.lastModified, "D:last_modified_date", "L:last_modified_date", "F:lastModifiedDate");

		agency(ContractField.vendorName, "Vendor", "Contractor", "Contractor Name", "Company", "Company Name",
				"Supplier", "Supplier Name", "Awardee", "Awardee Name", "Recipient", "Recipient Name");
		agency(ContractField.vendorUei, "UEI", "SAM UEI", "Contractor UEI");
		agency(ContractField.vendorDuns, "DUNS", "Vendor DUNS", "Contractor DUNS");
		agency(ContractField.vendorCage, "CAGE", "Vendor CAGE Code");
		agency(ContractField.vendorCountryName, "Vendor Country", "Contractor Country");
		agency(ContractField.parentName, "Parent Company", "Parent Company Name", "Ultimate Parent",
				"Ultimate Parent Name");
		agency(ContractField.piid, "Contract Number", "Contract No", "Contract ID", "Award Number", "Award ID",
				"Order Number", "Task Order Number", "Delivery Order Number", "Purchase Order Number", "PO Number");
		agency(ContractField.modification, "Modification", "Mod Number", "Modification Number", "Mod No");
		agency(ContractField.obligation, "Amount", "Obligated Amount", "Obligation", "Obligation Amount",
				"Dollars Obligated", "Amount Obligated", "Obligated");
		agency(ContractField.actionDate, "Date", "Award Date", "Signed Date", "Order Date", "Purchase Date",
				"Date of Award");
		agency(ContractField.departmentName, "Agency", "Agency Name", "Department", "Department Name",
				"Awarding Agency", "Awarding Department");
		agency(ContractField.componentName, "Sub Agency", "Sub-Agency", "Bureau", "Component", "Awarding Sub Agency",
				"Operating Division");
		agency(ContractField.officeName, "Office", "Contracting Office", "Office Name", "Awarding Office");
		agency(ContractField.description, "Description", "Contract Description", "Award Description",
				"Item Description", "Product Description", "Requirement", "Purchase Description");
		agency(ContractField.pscCode, "PSC", "PSC Code", "Product Service Code");
		agency(ContractField.naicsCode, "NAICS Code");
		agency(ContractField.originCountryName, "Country of Origin", "Origin Country");
	}

	private static void agency(ContractField field, String... headings) {
		AGENCY_HEADINGS.put(field, List.of(headings));
	}

	private static void el(ContractField field, String... elements) {
		CROSSWALK_ELEMENTS.put(field, List.of(elements));
	}

	private static void sup(ContractField field, String... spellings) {
		SUPPLEMENT.put(field, List.of(spellings));
	}

	private ColumnTableGenerator() {
	}

	/**
	 * Writes the table.
	 *
	 * @param args optional target path, default the importer bundle's table
	 */
	public static void main(String[] args) throws IOException {
		Path target = args.length > 0 ? Path.of(args[0]) : TABLE;
		Files.writeString(target, generate(), StandardCharsets.UTF_8);
		System.out.println("Wrote " + target.toAbsolutePath().normalize());
	}

	/** @return the table text */
	public static String generate() throws IOException {
		List<String[]> crosswalk = readSheet(DATA.resolve("usaspending_Data_Dictionary_Crosswalk.xlsx"), "Public");
		List<String> legacy = csvHeader(DATA.resolve("usaspending_legacy_treasury_contracts_2016.csv"));
		Set<String> legacyNormalized = legacy.stream().map(ColumnTable::normalize).collect(Collectors.toSet());

		Map<Character, Map<String, Set<ContractField>>> scoped = new TreeMap<>();
		for (char scope : "DWLFA".toCharArray()) {
			scoped.put(scope, new TreeMap<>());
		}
		Map<String, String> aliasSpelling = new TreeMap<>();
		for (Map.Entry<ContractField, List<String>> e : CROSSWALK_ELEMENTS.entrySet()) {
			for (String element : e.getValue()) {
				String[] row = crosswalk.stream().filter(r -> r.length > 7 && element.equals(r[0])).findFirst()
						.orElseThrow(() -> new IllegalStateException("Crosswalk lacks element " + element));
				for (String download : split(cell(row, 7))) {
					add(scoped.get('D'), download, e.getKey());
				}
				for (String old : split(cell(row, 15))) {
					// The legacy column lists assistance names too; keep those of the contracts export.
					if (legacyNormalized.contains(ColumnTable.normalize(old))) {
						add(scoped.get('L'), old, e.getKey());
					}
				}
				String fpdsLabel = cell(row, 2);
				if (fpdsLabel != null && !fpdsLabel.equals("N/A") && element.equals(e.getValue().get(0))) {
					aliasSpelling.put(ColumnTable.normalize(fpdsLabel), fpdsLabel.strip());
					add(scoped.get('A'), fpdsLabel, e.getKey());
				}
			}
		}
		SUPPLEMENT.forEach((field, list) -> list.forEach(s -> {
			add(scoped.get(s.charAt(0)), s.substring(2), field);
			if (s.charAt(0) == 'A') {
				aliasSpelling.put(ColumnTable.normalize(s.substring(2)), s.substring(2));
			}
		}));
		AGENCY_HEADINGS.forEach((field, list) -> list.forEach(heading -> {
			add(scoped.get('A'), heading, field);
			aliasSpelling.putIfAbsent(ColumnTable.normalize(heading), heading);
		}));
		Map<String, String> layoutScopes = Map.of("CURRENT_TRANSACTIONS", "D", "CURRENT_AWARDS", "DW",
				"DOWNLOAD_2019", "D", "DOWNLOAD_2019_261", "D", "FPDS", "F", "LEGACY", "L");

		Map<String, List<String>> layouts = new LinkedHashMap<>();
		layouts.put("CURRENT_TRANSACTIONS", lines(DATA.resolve("usaspending_contract_prime_transactions_columns_current.txt")));
		layouts.put("CURRENT_AWARDS", lines(DATA.resolve("usaspending_contract_prime_award_summaries_columns_current.txt")));
		List<String> download2019 = csvHeader(DATA.resolve("usaspending_contract_prime_transactions_sample_with_header.csv"));
		layouts.put("DOWNLOAD_2019", download2019);
		layouts.put("DOWNLOAD_2019_261",
				download2019.stream().filter(h -> !DROPPED_FROM_2019_IN_261.contains(h)).toList());
		// FPDS before LEGACY: for headers of no recognised layout the first layout that knows a name decides.
		layouts.put("FPDS", FpdsAtomReader.HEADER);
		layouts.put("LEGACY", legacy);

		StringBuilder out = new StringBuilder();
		out.append("# Generated by ColumnTableGenerator (importer test fragment) from the USAspending Data Dictionary")
				.append(" Crosswalk and real headers; do not edit.\n")
				.append("# layout\tposition\theader\tfields\n");
		// Names a layout gives a field; an alias adds a meaning to the others (FPDS "agencyName" maps to nothing).
		Set<String> meaningful = new java.util.HashSet<>();
		for (Map.Entry<String, List<String>> layout : layouts.entrySet()) {
			int position = 0;
			for (String header : layout.getValue()) {
				String n = ColumnTable.normalize(header);
				String fields = fields(layoutScopes.get(layout.getKey()).chars()
						.mapToObj(scope -> scoped.get((char) scope).get(n))
						.filter(java.util.Objects::nonNull).findFirst().orElse(null));
				if (!fields.isEmpty()) {
					meaningful.add(n);
				}
				out.append(layout.getKey()).append('\t').append(position++).append('\t').append(header).append('\t')
						.append(fields).append('\n');
			}
		}
		for (Map.Entry<String, String> alias : aliasSpelling.entrySet()) {
			if (!meaningful.contains(alias.getKey())) {
				out.append(ColumnTable.ALIAS).append("\t-\t").append(alias.getValue()).append('\t')
						.append(fields(scoped.get('A').get(alias.getKey()))).append('\n');
			}
		}
		return out.toString();
	}

	private static String fields(Set<ContractField> set) {
		return set == null ? "" : set.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static void add(Map<String, Set<ContractField>> map, String spelling, ContractField field) {
		String n = ColumnTable.normalize(spelling);
		if (!n.isEmpty()) {
			map.computeIfAbsent(n, k -> EnumSet.noneOf(ContractField.class)).add(field);
		}
	}

	private static String cell(String[] row, int i) {
		return i < row.length ? row[i] : null;
	}

	private static List<String> split(String cell) {
		if (cell == null || cell.strip().equals("N/A")) {
			return List.of();
		}
		return Arrays.stream(cell.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<String> csvHeader(Path file) throws IOException {
		List<String> header = new ArrayList<>();
		try (TableReader reader = TableReaders.open(file)) {
			reader.read((row, cells) -> {
				header.addAll(Arrays.asList(cells));
				return false;
			}, null);
		}
		return header;
	}

	static List<String[]> readSheet(Path file, String sheet) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (TableReader reader = TableReaders.open(file)) {
			reader.read(new TableHandler() {
				private boolean wanted;

				@Override
				public void startSheet(String name) {
					wanted = name.equals(sheet);
				}

				@Override
				public boolean row(long rowNumber, String[] cells) {
					if (wanted) {
						rows.add(cells);
					}
					return true;
				}
			}, null);
		}
		return rows;
	}
}
