package procurement.review.core;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;

import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage;
import procurement.review.model.Vendor;

/** Review content for the core tests, added the way the workbench adds it: as one command with its audit entry. */
final class TestReviews {

	private TestReviews() {
	}

	/**
	 * @param session the review
	 * @param names   vendor names, keyed by name
	 * @return the vendors, added by one undoable command
	 */
	static List<Vendor> addVendors(ReviewSession session, String... names) {
		List<Vendor> vendors = new ArrayList<>();
		CompoundCommand command = new CompoundCommand("Add vendors");
		for (String name : names) {
			Vendor vendor = ReviewFactory.eINSTANCE.createVendor();
			vendor.setName(name);
			vendor.setKey("name:" + name);
			vendors.add(vendor);
		}
		command.append(AddCommand.create(session.editingDomain(), session.review(),
				ReviewPackage.Literals.REVIEW_PROJECT__VENDORS, vendors));
		command.append(AuditLog.append(session.editingDomain(), session.review(), "tester", "add vendors",
				String.join(", ", names)));
		session.commandStack().execute(command);
		return vendors;
	}
}
