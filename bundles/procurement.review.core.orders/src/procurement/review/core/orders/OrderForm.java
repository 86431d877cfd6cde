package procurement.review.core.orders;

/**
 * What an order asks the department to fill in and return, which depends on the rule it enforces.
 */
public enum OrderForm {
	/** Nothing to fill in: the rule's source sets no agency step; the order lists the hits and the dates. */
	NOTICE,
	/** The 14-element removal plan of BOD 17-01 (see {@link BodPlan}). */
	REMOVAL_PLAN,
	/** The report of a FAR reporting clause, one row per affected action (see {@link FarReport}). */
	FAR_REPORT
}
