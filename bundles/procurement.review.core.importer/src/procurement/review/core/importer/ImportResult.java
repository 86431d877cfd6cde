package procurement.review.core.importer;

import java.util.List;

import org.eclipse.emf.ecore.EStructuralFeature;

import procurement.review.model.ContractingReport;
import procurement.review.model.Department;
import procurement.review.model.Vendor;

/**
 * What reading one file produced, not yet part of the review: the report with its new actions and located
 * problems, the vendors and departments the review did not have yet, and what the file tells of vendors it has.
 * {@link ReviewImporter#command} adds it as one undoable step.
 *
 * @param report the report (its actions are only those not already in the review)
 * @param newVendors vendors to add to the review
 * @param newDepartments departments to add to the review
 * @param newComponents components to add to departments this file did not make (the review's, or those of a file
 *            read before by the same importer), as (department, component) pairs
 * @param newOffices offices to add to components this file did not make, as (component, office) pairs
 * @param vendorValues values to give vendors this file did not make, which had none: a name, CAGE code, country or
 *            parent that an earlier file left out
 * @param rows data rows read
 * @param duplicates rows skipped because the review already had their transaction
 * @param alreadyImported true when a report with the same SHA-256 is already in the review (nothing is added)
 */
public record ImportResult(ContractingReport report, List<Vendor> newVendors, List<Department> newDepartments,
		List<Object[]> newComponents, List<Object[]> newOffices, List<VendorValue> vendorValues, long rows,
		long duplicates, boolean alreadyImported) {

	/**
	 * A value the import gives a vendor it did not make.
	 *
	 * @param vendor the vendor, of the review or of a file read before
	 * @param feature the feature it has no value for
	 * @param value the value the file gives it
	 */
	public record VendorValue(Vendor vendor, EStructuralFeature feature, Object value) {
	}

	/** @return the number of actions this import adds */
	public int actionCount() {
		return report.getActions().size();
	}
}
