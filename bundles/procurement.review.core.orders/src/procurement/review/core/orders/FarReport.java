package procurement.review.core.orders;

import java.util.List;
import java.util.Objects;

/**
 * The report a FAR clause asks for when covered articles or covered telecommunications equipment are found:
 * FAR 52.204-25(d)(2) for section 889, FAR 52.204-23(c)(2) for section 1634. The first part (the clause's
 * (i)) is one row per affected action, pre-filled from the review where it knows the answer; model numbers and
 * mitigation are left to fill. The second part (the clause's (ii)) lists what is due later.
 *
 * @param clause           the clause, e.g. "FAR 52.204-25(d)"
 * @param reportCitation   the paragraph that lists the report's contents, e.g. "FAR 52.204-25(d)(2)(i)"
 * @param followUpCitation the paragraph of the further information, e.g. "FAR 52.204-25(d)(2)(ii)"
 * @param identifiers      whether the clause asks for the supplier's unique entity identifier and CAGE code
 *                         (52.204-25 does, 52.204-23 does not)
 * @param rows             one row per affected action
 * @param followUps        the items of the further information, in the clause's words
 */
public record FarReport(String clause, String reportCitation, String followUpCitation, boolean identifiers,
		List<Row> rows, List<String> followUps) {

	/**
	 * One reported item.
	 *
	 * @param contractNumber  the contract (for an order under an indefinite-delivery vehicle, the vehicle's PIID)
	 * @param orderNumber     the order's PIID when the action is an order under a vehicle; else empty
	 * @param supplierName    the supplier as reported
	 * @param uei             the supplier's unique entity identifier; empty when not known
	 * @param cage            the supplier's CAGE code; empty when not known
	 * @param brand           the covered brand (the covered entity or the brand named in the description)
	 * @param modelNumber     the model number; not in contract data, left to fill
	 * @param itemDescription the item's description as reported
	 * @param mitigation      readily available mitigation information; left to fill
	 */
	public record Row(String contractNumber, String orderNumber, String supplierName, String uei, String cage,
			String brand, String modelNumber, String itemDescription, String mitigation) {

		/**
		 * Replaces null texts with empty ones.
		 *
		 * @param contractNumber  contract number
		 * @param orderNumber     order number
		 * @param supplierName    supplier name
		 * @param uei             UEI
		 * @param cage            CAGE code
		 * @param brand           brand
		 * @param modelNumber     model number
		 * @param itemDescription item description
		 * @param mitigation      mitigation
		 */
		public Row {
			contractNumber = nz(contractNumber);
			orderNumber = nz(orderNumber);
			supplierName = nz(supplierName);
			uei = nz(uei);
			cage = nz(cage);
			brand = nz(brand);
			modelNumber = nz(modelNumber);
			itemDescription = nz(itemDescription);
			mitigation = nz(mitigation);
		}
	}

	/**
	 * Checks the clause and copies the lists.
	 *
	 * @param clause           clause
	 * @param reportCitation   report paragraph
	 * @param followUpCitation further-information paragraph
	 * @param identifiers      whether UEI and CAGE are asked for
	 * @param rows             rows
	 * @param followUps        further information items
	 */
	public FarReport {
		Objects.requireNonNull(clause, "clause");
		reportCitation = nz(reportCitation);
		followUpCitation = nz(followUpCitation);
		rows = rows == null ? List.of() : List.copyOf(rows);
		followUps = followUps == null ? List.of() : List.copyOf(followUps);
	}

	/**
	 * The column headings of the report table, in the order of the clause's list.
	 *
	 * @return the headings
	 */
	public List<String> headings() {
		return identifiers
				? List.of("Contract number", "Order number", "Supplier name", "Supplier UEI", "Supplier CAGE code",
						"Brand", "Model number", "Item description", "Mitigation")
				: List.of("Contract number", "Order number", "Supplier name", "Brand", "Model number",
						"Item description", "Mitigation");
	}

	/**
	 * The cells of a row under {@link #headings()}.
	 *
	 * @param row a row
	 * @return its cells, blank ones for what is left to fill
	 */
	public List<String> cells(Row row) {
		return identifiers
				? List.of(row.contractNumber(), row.orderNumber(), row.supplierName(), row.uei(), row.cage(),
						row.brand(), row.modelNumber(), row.itemDescription(), row.mitigation())
				: List.of(row.contractNumber(), row.orderNumber(), row.supplierName(), row.brand(),
						row.modelNumber(), row.itemDescription(), row.mitigation());
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
