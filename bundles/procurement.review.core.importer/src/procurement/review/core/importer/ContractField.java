package procurement.review.core.importer;

/**
 * The canonical contract fields the importer recognises in every generation of contracting reports. Several
 * fields may sit in the same column: the legacy export holds code and name together ("2000: Department of the
 * Treasury"), to be split with {@link Values#splitCodeName(String)}.
 */
public enum ContractField {
	/** Unique key of the transaction (contract action). */
	transactionKey("Transaction key"),
	/** Unique key of the award the transaction belongs to. */
	awardKey("Award key"),
	/** Procurement Instrument Identifier of the award. */
	piid("PIID (contract number)"),
	/** Modification number. */
	modification("Modification number"),
	/** Transaction number within a modification. */
	transactionNumber("Transaction number"),
	/** PIID of the referenced IDV (parent award). */
	parentAwardPiid("Parent award PIID"),
	/** Date the action was signed. */
	actionDate("Action date"),
	/** Amount obligated by the action (may be negative). */
	obligation("Obligated amount"),
	/** Description of the requirement. */
	description("Description"),
	/** Product or service code (PSC). */
	pscCode("Product or service code"),
	/** Product or service code description. */
	pscDescription("Product or service"),
	/** NAICS code. */
	naicsCode("NAICS code"),
	/** NAICS description. */
	naicsDescription("NAICS description"),
	/** Country of product or service origin, code. */
	originCountryCode("Country of origin (code)"),
	/** Country of product or service origin, name. */
	originCountryName("Country of origin"),
	/** Place of manufacture, code. */
	placeOfManufactureCode("Place of manufacture (code)"),
	/** Place of manufacture, description. */
	placeOfManufactureName("Place of manufacture"),
	/** Domestic or foreign entity (manufacturing organization type), code. */
	domesticOrForeignEntityCode("Domestic or foreign entity (code)"),
	/** Domestic or foreign entity, description. */
	domesticOrForeignEntityName("Domestic or foreign entity"),
	/** Awarding department (top-tier agency), code. */
	departmentCode("Department code"),
	/** Awarding department, name. */
	departmentName("Department"),
	/** Awarding component (sub-tier agency), code. */
	componentCode("Component code"),
	/** Awarding component, name. */
	componentName("Component (sub-agency)"),
	/** Awarding (contracting) office, code. */
	officeCode("Contracting office code"),
	/** Awarding office, name. */
	officeName("Contracting office"),
	/** Funding department, code. */
	fundingDepartmentCode("Funding department code"),
	/** Funding department, name. */
	fundingDepartmentName("Funding department"),
	/** Vendor (recipient) name. */
	vendorName("Vendor name"),
	/** Vendor Unique Entity ID (SAM UEI). */
	vendorUei("Vendor UEI"),
	/** Vendor DUNS number (before April 2022). */
	vendorDuns("Vendor DUNS"),
	/** Vendor CAGE code. */
	vendorCage("Vendor CAGE code"),
	/** Vendor country, code. */
	vendorCountryCode("Vendor country (code)"),
	/** Vendor country, name. */
	vendorCountryName("Vendor country"),
	/** Ultimate parent name. */
	parentName("Parent company"),
	/** Ultimate parent UEI. */
	parentUei("Parent UEI"),
	/** Ultimate parent DUNS number. */
	parentDuns("Parent DUNS"),
	/** Date the record was last modified in the source system. */
	lastModified("Last modified");

	private final String label;

	ContractField(String label) {
		this.label = label;
	}

	/** @return the field's name as a reviewer reads it, e.g. "Vendor name" */
	public String label() {
		return label;
	}
}
