package procurement.review.model.validation;

import java.time.LocalDate;
import java.util.Map;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;

import procurement.review.model.Decision;
import procurement.review.model.Match;
import procurement.review.model.OrderDeadline;
import procurement.review.model.OrderItem;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewPackage;
import procurement.review.model.Vendor;
import procurement.review.model.util.ReviewValidator;

/**
 * The review model's constraints. The generated {@link ReviewValidator} declares them (from the constraints
 * annotations of review.ecore) and checks the structural rules; this subclass gives each constraint its meaning and
 * a message a reviewer can act on.
 */
public class ReviewModelValidator extends ReviewValidator {

	/** The shared instance, registered for the review package by {@link #register()}. */
	public static final ReviewModelValidator VALIDATOR = new ReviewModelValidator();

	/** Diagnostic codes of the constraints, for tests and quick fixes. */
	public static final int DECISION_WITHOUT_MATCH = 1;
	/** A match's score is outside [0,1]. */
	public static final int SCORE_OUT_OF_RANGE = 2;
	/** A match names neither a vendor nor an action. */
	public static final int MATCH_WITHOUT_SUBJECT = 3;
	/** An order deadline is on or before the order's issue date. */
	public static final int DEADLINE_NOT_AFTER_ISSUE = 4;
	/** An order item's action was awarded by another department than the order's. */
	public static final int ITEM_OF_OTHER_DEPARTMENT = 5;
	/** A vendor is its own parent, directly or through a cycle. */
	public static final int VENDOR_PARENT_CYCLE = 6;

	/**
	 * Installs this validator for the review package in the global registry, replacing the generated one.
	 */
	public static void register() {
		EValidator.Registry.INSTANCE.put(ReviewPackage.eINSTANCE, VALIDATOR);
	}

	@Override
	public boolean validateDecision_pointsAtMatch(Decision decision, DiagnosticChain diagnostics,
			Map<Object, Object> context) {
		if (decision.getMatch() != null) {
			return true;
		}
		return report(diagnostics, DECISION_WITHOUT_MATCH, decision,
				"Decision " + decision.getMatchKey() + " does not point at a match");
	}

	@Override
	public boolean validateMatch_scoreInRange(Match match, DiagnosticChain diagnostics, Map<Object, Object> context) {
		double score = match.getScore();
		if (score >= 0 && score <= 1) {
			return true;
		}
		return report(diagnostics, SCORE_OUT_OF_RANGE, match,
				"Match " + match.getKey() + " has score " + score + ", outside [0, 1]");
	}

	@Override
	public boolean validateMatch_hasSubject(Match match, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (match.getVendor() != null || match.getAction() != null) {
			return true;
		}
		return report(diagnostics, MATCH_WITHOUT_SUBJECT, match,
				"Match " + match.getKey() + " names neither a vendor nor a contract action");
	}

	@Override
	public boolean validateRemovalOrder_deadlinesAfterIssueDate(RemovalOrder order, DiagnosticChain diagnostics,
			Map<Object, Object> context) {
		LocalDate issued = order.getIssueDate();
		if (issued == null) {
			return true;
		}
		boolean valid = true;
		for (OrderDeadline deadline : order.getDeadlines()) {
			if (deadline.getDate() != null && !deadline.getDate().isAfter(issued)) {
				valid = report(diagnostics, DEADLINE_NOT_AFTER_ISSUE, order,
						"Order " + order.getNumber() + ": deadline '" + deadline.getName() + "' (" + deadline.getDate()
								+ ") is not after the issue date " + issued);
			}
		}
		return valid;
	}

	@Override
	public boolean validateOrderItem_belongsToOrderDepartment(OrderItem item, DiagnosticChain diagnostics,
			Map<Object, Object> context) {
		RemovalOrder order = item.getOrder();
		if (order == null || item.getAction() == null || order.getDepartment() == null
				|| item.getAction().getDepartment() == order.getDepartment()) {
			return true;
		}
		return report(diagnostics, ITEM_OF_OTHER_DEPARTMENT, item,
				"Order " + order.getNumber() + " lists action " + item.getAction().getPiid()
						+ " of another department");
	}

	@Override
	public boolean validateVendor_notOwnParent(Vendor vendor, DiagnosticChain diagnostics,
			Map<Object, Object> context) {
		Vendor parent = vendor.getParent();
		// Parent chains are short; the bound keeps a corrupt file from looping.
		for (int depth = 0; parent != null && depth < 64; depth++) {
			if (parent == vendor) {
				return report(diagnostics, VENDOR_PARENT_CYCLE, vendor,
						"Vendor " + vendor.getName() + " is its own parent");
			}
			parent = parent.getParent();
		}
		return true;
	}

	private static boolean report(DiagnosticChain diagnostics, int code, EObject object, String message) {
		if (diagnostics != null) {
			diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, DIAGNOSTIC_SOURCE, code, message,
					new Object[] { object }));
		}
		return false;
	}
}
