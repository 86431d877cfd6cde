package procurement.review.core.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One contract action on a removal order, traced to the row it came from.
 *
 * @param component     the component (sub-agency) that awarded it
 * @param piid          the award's procurement instrument identifier
 * @param modification  the modification number; empty for the base award
 * @param actionDate    the action date; null when the source had none
 * @param vendorName    the recipient (often a reseller) as reported
 * @param coveredEntity the covered entity the reviewer or matcher tied the action to
 * @param matchedBy     why the action was hit (matcher explanation or reviewer note)
 * @param amount        the obligated amount in US dollars; may be negative (deobligations)
 * @param description   the transaction description as reported
 * @param sourceFile    the file the row was imported from
 * @param sourceRow     the row number in that file (1-based, as a spreadsheet shows it)
 * @param status        the review decision that places the line in a section
 */
public record OrderLine(String component, String piid, String modification, LocalDate actionDate,
		String vendorName, String coveredEntity, String matchedBy, BigDecimal amount, String description,
		String sourceFile, long sourceRow, LineStatus status) {

	/**
	 * Replaces null texts with empty ones and a null amount with zero, so renderers need no null checks.
	 *
	 * @param component     component
	 * @param piid          PIID
	 * @param modification  modification number
	 * @param actionDate    action date
	 * @param vendorName    vendor name
	 * @param coveredEntity covered entity
	 * @param matchedBy     match explanation
	 * @param amount        amount
	 * @param description   description
	 * @param sourceFile    source file
	 * @param sourceRow     source row
	 * @param status        review status
	 */
	public OrderLine {
		component = nz(component);
		piid = nz(piid);
		modification = nz(modification);
		vendorName = nz(vendorName);
		coveredEntity = nz(coveredEntity);
		matchedBy = nz(matchedBy);
		amount = amount == null ? BigDecimal.ZERO : amount;
		description = nz(description);
		sourceFile = nz(sourceFile);
		Objects.requireNonNull(status, "status");
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
