package procurement.review.core.importer;

/**
 * The canonical contract fields the importer recognises in every generation of contracting reports. Several
 * fields may sit in the same column: the legacy export holds code and name together ("2000: Department of the
 * Treasury"), to be split with {@link Values#splitCodeName(String)}.
 */
public enum ContractField {
    /** Unique key of the transaction (contract action). */
    transactionKey,
    /** Unique key of the award the transaction belongs to. */
    awardKey,
    /** Procurement Instrument Identifier of the award. */
    piid,
    /** Modification number. */
    modification,
    /** Transaction number within a modification. */
    transactionNumber,
    /** PIID of the referenced IDV (parent award). */
    parentAwardPiid,
    /** Date the action was signed. */
    actionDate,
    /** Amount obligated by the action (may be negative). */
    obligation,
    /** Description of the requirement. */
    description,
    /** Product or service code (PSC). */
    pscCode,
    /** Product or service code description. */
    pscDescription,
    /** NAICS code. */
    naicsCode,
    /** NAICS description. */
    naicsDescription,
    /** Country of product or service origin, code. */
    originCountryCode,
    /** Country of product or service origin, name. */
    originCountryName,
    /** Place of manufacture, code. */
    placeOfManufactureCode,
    /** Place of manufacture, description. */
    placeOfManufactureName,
    /** Domestic or foreign entity (manufacturing organization type), code. */
    domesticOrForeignEntityCode,
    /** Domestic or foreign entity, description. */
    domesticOrForeignEntityName,
    /** Awarding department (top-tier agency), code. */
    departmentCode,
    /** Awarding department, name. */
    departmentName,
    /** Awarding component (sub-tier agency), code. */
    componentCode,
    /** Awarding component, name. */
    componentName,
    /** Awarding (contracting) office, code. */
    officeCode,
    /** Awarding office, name. */
    officeName,
    /** Funding department, code. */
    fundingDepartmentCode,
    /** Funding department, name. */
    fundingDepartmentName,
    /** Vendor (recipient) name. */
    vendorName,
    /** Vendor Unique Entity ID (SAM UEI). */
    vendorUei,
    /** Vendor DUNS number (before April 2022). */
    vendorDuns,
    /** Vendor CAGE code. */
    vendorCage,
    /** Vendor country, code. */
    vendorCountryCode,
    /** Vendor country, name. */
    vendorCountryName,
    /** Ultimate parent name. */
    parentName,
    /** Ultimate parent UEI. */
    parentUei,
    /** Ultimate parent DUNS number. */
    parentDuns,
    /** Date the record was last modified in the source system. */
    lastModified
}
