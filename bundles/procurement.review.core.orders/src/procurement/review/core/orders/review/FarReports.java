package procurement.review.core.orders.review;

import java.util.ArrayList;
import java.util.List;

import procurement.review.core.orders.FarReport;
import procurement.review.model.ContractAction;
import procurement.review.model.Match;
import procurement.review.model.MatchKind;
import procurement.review.model.ObligationDocument;
import procurement.review.model.OrderItem;
import procurement.review.model.Vendor;

/**
 * Pre-fills the report of a FAR reporting clause from an order's affected actions. The clause's words (its list of
 * report contents and of further information) are those of FAR 52.204-25(d)(2) and 52.204-23(c)(2); the review
 * knows the contract and order numbers, the supplier, its identifiers, the brand and the item description, not the
 * model number or the mitigation, which are left to fill.
 */
final class FarReports {

	/** The award key of USAspending names a delivery order's vehicle: CONT_AWD_piid_agency_vehiclePiid_agency. */
	private static final String AWARD_KEY_PREFIX = "CONT_AWD_";
	private static final String NO_VEHICLE = "-NONE-";

	private FarReports() {
	}

	/**
	 * The report of an order.
	 *
	 * @param document the clause the rule's orders carry; FAR_52_204_23_REPORT or FAR_52_204_25_REPORT
	 * @param items    the order's affected items, in line order
	 * @return the report
	 */
	static FarReport of(ObligationDocument document, List<OrderItem> items) {
		boolean section889 = document == ObligationDocument.FAR_52_204_25_REPORT;
		List<FarReport.Row> rows = new ArrayList<>(items.size());
		for (OrderItem i : items) {
			rows.add(row(i.getAction(), i.getMatch()));
		}
		if (section889) {
			return new FarReport("FAR 52.204-25(d)", "FAR 52.204-25(d)(2)(i)", "FAR 52.204-25(d)(2)(ii)", true, rows,
					List.of("Any further available information about mitigation actions undertaken or recommended",
							"The efforts undertaken to prevent use or submission of covered telecommunications"
									+ " equipment or services",
							"Any additional efforts that will be incorporated to prevent future use or submission"
									+ " of covered telecommunications equipment or services"));
		}
		return new FarReport("FAR 52.204-23(c)", "FAR 52.204-23(c)(2)(i)", "FAR 52.204-23(c)(2)(ii)", false, rows,
				List.of("Any further available information about mitigation actions undertaken or recommended",
						"The efforts undertaken to prevent use or submission of a covered article",
						"Any reasons that led to the use or submission of the covered article",
						"Any additional efforts that will be incorporated to prevent future use or submission of"
								+ " covered articles"));
	}

	private static FarReport.Row row(ContractAction a, Match m) {
		String[] numbers = contractAndOrder(a);
		Vendor v = a.getVendor();
		// An identifier the review does not know stays blank: the clause asks for UEI and CAGE code "if known".
		return new FarReport.Row(numbers[0], numbers[1], v == null ? null : v.getName(), v == null ? null : v.getUei(),
				v == null ? null : v.getCage(), brand(m), null, a.getDescription(), null);
	}

	/**
	 * The contract number and order number of an action: an order under a vehicle (its award key names one) is
	 * reported as the vehicle's contract number and the order's own PIID; any other award is its own contract.
	 */
	static String[] contractAndOrder(ContractAction a) {
		String piid = a.getPiid() == null ? "" : a.getPiid().strip();
		String key = a.getAwardKey();
		if (key != null && key.startsWith(AWARD_KEY_PREFIX)) {
			String[] parts = key.substring(AWARD_KEY_PREFIX.length()).split("_", -1);
			if (parts.length >= 4 && !parts[2].isBlank() && !NO_VEHICLE.equals(parts[2])) {
				return new String[] {parts[2], piid.isEmpty() ? parts[0] : piid};
			}
		}
		return new String[] {piid, ""};
	}

	/** The brand: what a description names, else the covered family. */
	private static String brand(Match m) {
		if (m == null) {
			return "";
		}
		String family = m.getCoveredEntity() == null || m.getCoveredEntity().getName() == null ? ""
				: m.getCoveredEntity().getName();
		if (m.getKind() == MatchKind.DESCRIPTION && m.getMatchedText() != null && !m.getMatchedText().isBlank()) {
			return m.getMatchedText().strip() + (family.isEmpty() ? "" : " (" + family + ")");
		}
		return family;
	}
}
