package procurement.review.core.orders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The 14 elements (a to n) of a BOD 17-01 removal plan, blank or with the answers the review already knows.
 */
public final class BodPlan {

	/** The number of plan elements BOD 17-01 requires. */
	public static final int ELEMENT_COUNT = 14;

	private static final String[][] ELEMENTS = {
		{"a", "Agency name"},
		{"b", "Point of contact (name, phone, email)"},
		{"c", "Products found"},
		{"d", "Endpoints affected (per product)"},
		{"e", "Methods used to identify the products"},
		{"f", "Components (sub-agencies) affected"},
		{"g", "Mission function of affected systems"},
		{"h", "Contracts, service-level agreements and other agreements with the vendor"},
		{"i", "Removal timeline"},
		{"j", "Security controls affected by removal (data-loss prevention, network access control, mobile "
				+ "device management, sandboxing, web filtering, whitelisting, patching, anti-malware, spam "
				+ "filtering, encryption)"},
		{"k", "Replacement products"},
		{"l", "Replacement timeline"},
		{"m", "Expected difficulties"},
		{"n", "Costs (licences, maintenance, replacement), prepared with the CFO"},
	};

	/** How many PIIDs element h lists before it points to the table of affected actions. */
	private static final int MAX_LISTED_PIIDS = 25;

	private BodPlan() {
	}

	/**
	 * The 14 elements with empty answers.
	 *
	 * @return elements a to n in order
	 */
	public static List<PlanEntry> blank() {
		List<PlanEntry> list = new ArrayList<>(ELEMENT_COUNT);
		for (String[] e : ELEMENTS) {
			list.add(new PlanEntry(e[0], e[1], ""));
		}
		return List.copyOf(list);
	}

	/**
	 * The 14 elements with what the review knows filled in: a (agency), b (point of contact), f (components)
	 * and h (the awards on the order). The others stay blank for the department to fill in.
	 *
	 * @param departmentName the agency
	 * @param contact        the point of contact; may be null
	 * @param components     the affected components
	 * @param lines          the order's lines; only affected lines (see {@link LineStatus#isAffected()}) count
	 * @return elements a to n in order
	 */
	public static List<PlanEntry> prefilled(String departmentName, PointOfContact contact,
			Collection<String> components, Collection<OrderLine> lines) {
		List<PlanEntry> list = new ArrayList<>(blank());
		list.set(0, list.get(0).withValue(departmentName));
		if (contact != null) {
			list.set(1, list.get(1).withValue(contact.asText()));
		}
		list.set(5, list.get(5).withValue(String.join("; ", components)));
		Set<String> piids = new LinkedHashSet<>();
		for (OrderLine l : lines) {
			if (l.status().isAffected() && !l.piid().isBlank()) {
				piids.add(l.piid());
			}
		}
		if (!piids.isEmpty()) {
			// A department needs the full list to act, but the plan box must stay readable: the table of
			// affected actions carries every PIID, so the box names the first ones and points there.
			List<String> shown = new ArrayList<>(piids).subList(0, Math.min(piids.size(), MAX_LISTED_PIIDS));
			String text = piids.size() + " award(s) in the list of affected actions: " + String.join(", ", shown);
			if (piids.size() > shown.size()) {
				text += ", and " + (piids.size() - shown.size()) + " more";
			}
			list.set(7, list.get(7).withValue(text));
		}
		return List.copyOf(list);
	}
}
