package procurement.review.core.orders.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import procurement.review.core.orders.LineStatus;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderForm;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.PlanEntry;
import procurement.review.core.orders.PointOfContact;
import procurement.review.core.orders.RuleReference;
import procurement.review.model.Contact;
import procurement.review.model.ContractAction;
import procurement.review.model.ContractingReport;
import procurement.review.model.Decision;
import procurement.review.model.Department;
import procurement.review.model.ItemSection;
import procurement.review.model.Match;
import procurement.review.model.ObligationDocument;
import procurement.review.model.OrderItem;
import procurement.review.model.PlanElement;
import procurement.review.model.RemovalOrder;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/**
 * Converts a {@link RemovalOrder} of the review model into the renderers' {@link OrderDocument}: a snapshot
 * of plain records, so rendering can run on another thread while the review goes on changing.
 */
public final class OrderDocuments {

	/**
	 * The order's total as printed on it: the sum of its affected actions (confirmed and unreviewed), without the
	 * actions to be confirmed, bought before the rule applied or excepted, which the order lists apart.
	 *
	 * @param order an order
	 * @return the total; see {@link OrderFigures} for the counts behind it
	 */
	public static BigDecimal total(RemovalOrder order) {
		return OrderFigures.of(order).total();
	}

	/** Printed for an action whose report named no component, so the line still groups and sums. */
	public static final String NO_COMPONENT = "(component not reported)";

	private OrderDocuments() {
	}

	/**
	 * Converts an order, taking the rule set from the order's rule.
	 *
	 * @param order the order
	 * @return the document
	 */
	public static OrderDocument of(RemovalOrder order) {
		return of(order, null);
	}

	/**
	 * Converts an order.
	 *
	 * @param order   the order
	 * @param ruleSet the rule set the order's rule comes from, for its version and date; null to use the rule's
	 *                container. The version stored on the order wins, since it is the one the order was made from.
	 * @return the document
	 */
	public static OrderDocument of(RemovalOrder order, RuleSet ruleSet) {
		Rule rule = order.getRule();
		RuleSet rs = ruleSet != null ? ruleSet
				: rule != null && rule.eContainer() instanceof RuleSet container ? container : null;
		String version = order.getRuleSetVersion() != null && !order.getRuleSetVersion().isBlank()
				? order.getRuleSetVersion()
				: rs == null ? "" : rs.getVersion();
		RuleReference ref = rule == null ? null
				: new RuleReference(rule.getId(), rule.getCitation(), rule.getTitle(), version,
						rs == null ? null : rs.getDate(), rule.getEffective(),
						RuleObligations.concernsPurchases(rule), rule.getObligationNote(),
						!rule.getEntryDates().isEmpty());
		List<OrderLine> lines = lines(order);
		ObligationDocument document = rule == null ? ObligationDocument.NONE : RuleObligations.document(rule);
		OrderForm form = switch (document) {
			case BOD_17_01_PLAN -> OrderForm.REMOVAL_PLAN;
			case FAR_52_204_23_REPORT, FAR_52_204_25_REPORT -> OrderForm.FAR_REPORT;
			case NONE -> OrderForm.NOTICE;
		};
		return new OrderDocument(order.getNumber(), order.getRevision(),
				order.getStatus() == null ? "" : order.getStatus().getName(), departmentName(order.getDepartment()),
				components(lines), ref, order.getIssueDate(), DeadlineSchedule.steps(order.getDeadlines(), rule),
				order.getReviewer(), contact(order.getPointOfContact()), order.getReviewStateHash(), order.getContentDigest(), lines, form,
				plan(order), form == OrderForm.FAR_REPORT ? FarReports.of(document, affectedItems(order)) : null);
	}

	/**
	 * The items of an order that are on its list of affected actions, in line order.
	 *
	 * @param order the order
	 * @return the items
	 */
	static List<OrderItem> affectedItems(RemovalOrder order) {
		List<OrderItem> items = new ArrayList<>(order.getItems());
		items.removeIf(i -> i.getAction() == null || !status(i.getSection()).isAffected());
		items.sort(Comparator.comparing(OrderItem::getAction, RuleHits.LINE_ORDER));
		return items;
	}

	/**
	 * The lines of an order, grouped by component (the order the generator stores items in, re-applied so
	 * hand-edited orders read the same way).
	 *
	 * @param order the order
	 * @return the lines
	 */
	public static List<OrderLine> lines(RemovalOrder order) {
		List<OrderItem> items = new ArrayList<>(order.getItems());
		items.removeIf(i -> i.getAction() == null);
		items.sort(Comparator.comparing(OrderItem::getAction, RuleHits.LINE_ORDER));
		List<OrderLine> out = new ArrayList<>(items.size());
		for (OrderItem i : items) {
			out.add(line(i.getAction(), i.getMatch(), i.getSection()));
		}
		return out;
	}

	/**
	 * One line, traced to its source file and row.
	 *
	 * @param action  the action
	 * @param match   the match that put it on the order; may be null
	 * @param section its section
	 * @return the line
	 */
	public static OrderLine line(ContractAction action, Match match, ItemSection section) {
		ContractingReport report = action.getReport();
		String file = report == null ? "" : RuleHits.nz(report.getFileName());
		if (action.getSourceSheet() != null && !action.getSourceSheet().isBlank()) {
			file = file + " [" + action.getSourceSheet() + "]";
		}
		String component = RuleHits.componentName(action.getComponent());
		return new OrderLine(component.isBlank() ? NO_COMPONENT : component, action.getPiid(),
				action.getModification(), action.getActionDate(),
				action.getVendor() == null ? "" : action.getVendor().getName(),
				match == null || match.getCoveredEntity() == null ? "" : match.getCoveredEntity().getName(),
				matchedBy(match), action.getObligation(), action.getDescription(), file, action.getSourceRow(),
				status(section));
	}

	/**
	 * The renderers' status of a section.
	 *
	 * @param section a section; null counts as unreviewed
	 * @return the status
	 */
	public static LineStatus status(ItemSection section) {
		if (section == null) {
			return LineStatus.UNREVIEWED;
		}
		return switch (section) {
			case CONFIRMED -> LineStatus.CONFIRMED;
			case UNREVIEWED -> LineStatus.UNREVIEWED;
			case TO_BE_CONFIRMED -> LineStatus.UNSURE;
			case BEFORE_EFFECTIVE -> LineStatus.BEFORE_EFFECTIVE;
			case EXCEPTED -> LineStatus.EXCEPTED;
		};
	}

	/**
	 * The department as printed in the letterhead.
	 *
	 * @param d the department; may be null
	 * @return its name, else its code, else empty
	 */
	static String departmentName(Department d) {
		if (d == null) {
			return "";
		}
		return d.getName() != null && !d.getName().isBlank() ? d.getName() : RuleHits.nz(d.getCode());
	}

	/**
	 * The distinct components of lines, in line order.
	 *
	 * @param lines lines
	 * @return component names
	 */
	static List<String> components(List<OrderLine> lines) {
		Set<String> out = new LinkedHashSet<>();
		for (OrderLine l : lines) {
			if (l.status().isAffected()) {
				out.add(l.component());
			}
		}
		return List.copyOf(out);
	}

	static PointOfContact contact(Contact c) {
		return c == null ? null : new PointOfContact(c.getName(), c.getPhone(), c.getEmail());
	}

	private static String matchedBy(Match m) {
		if (m == null) {
			return "";
		}
		String text = m.getExplanation();
		if (text == null || text.isBlank()) {
			text = (m.getKind() == null ? "match" : m.getKind().getName().toLowerCase(java.util.Locale.ROOT))
					+ (m.getMatchedText() == null || m.getMatchedText().isBlank() ? "" : " '" + m.getMatchedText() + "'");
		}
		Decision d = m.getDecision();
		if (d != null && d.getException() != null && !d.getException().isBlank()) {
			text += "; exception: " + d.getException().strip();
		}
		if (d != null && d.getNote() != null && !d.getNote().isBlank()) {
			// The reviewer's reason is what a department asks about first when it disputes a line.
			text += "; reviewer: " + d.getNote().strip();
		}
		return text;
	}

	private static List<PlanEntry> plan(RemovalOrder order) {
		if (order.getPlanElements().isEmpty()) {
			return null;
		}
		List<PlanEntry> out = new ArrayList<>();
		for (PlanElement p : order.getPlanElements()) {
			out.add(new PlanEntry(RuleHits.nz(p.getLetter()), RuleHits.nz(p.getLabel()), p.getValue()));
		}
		return out;
	}
}
