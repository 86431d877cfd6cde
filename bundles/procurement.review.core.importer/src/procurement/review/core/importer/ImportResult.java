package procurement.review.core.importer;

import java.util.List;

import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.Vendor;

/**
 * What reading one file produced, not yet part of the review: the report with its new actions and located
 * problems, and the vendors and departments the review did not have yet. {@link ReviewImporter#command} adds it as
 * one undoable step.
 *
 * @param report the report (its actions are only those not already in the review)
 * @param newVendors vendors to add to the review
 * @param newDepartments departments to add to the review
 * @param newComponents components to add to departments already in the review, as (department, component) pairs
 * @param newOffices offices to add to components already in the review
 * @param rows data rows read
 * @param duplicates rows skipped because the review already had their transaction
 * @param alreadyImported true when a report with the same SHA-256 is already in the review (nothing is added)
 */
public record ImportResult(ContractingReport report, List<Vendor> newVendors, List<Department> newDepartments,
		List<Object[]> newComponents, List<Object[]> newOffices, long rows, long duplicates,
		boolean alreadyImported) {

	/** @return the number of actions this import adds */
	public int actionCount() {
		return report.getActions().size();
	}
}
