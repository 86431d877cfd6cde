package procurement.review.core.orders.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import procurement.review.core.orders.FarReport;
import procurement.review.core.orders.LineStatus;
import procurement.review.core.orders.OrderDocument;
import procurement.review.core.orders.OrderForm;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.OrderStep;
import procurement.review.core.orders.OrderTotals;

/**
 * The words of an order, shared by every renderer so that a PDF, a DOCX, a workbook and the print preview of the
 * same order say the same things: which paragraphs it has and how they are numbered (they depend on the rule's
 * form and on which sections have lines), the purpose, the steps, and the text of each section.
 */
public final class OrderProse {

	/** The paragraphs an order may have, in the order they are printed. */
	public enum Part {
		/** What the order is for and which rule it applies. */
		PURPOSE("Purpose"),
		/** The rule's steps and their due dates, or the statement that its source sets none. */
		STEPS("Deadlines"),
		/** Affected actions: confirmed and unreviewed. */
		AFFECTED("Affected contract actions"),
		/** Actions a reviewer was unsure of, or that depend on a purpose not yet looked at. */
		TO_BE_CONFIRMED("Actions to be confirmed"),
		/** Actions bought before the rule applied to them; only on orders of rules that concern purchases. */
		BEFORE_EFFECTIVE("Actions bought before the rule applied"),
		/** Actions a reviewer recorded an exception of the rule for; only when there are some. */
		EXCEPTED("Actions excepted by the reviewer"),
		/** Sums of the affected actions. */
		TOTALS("Totals"),
		/** The BOD 17-01 removal plan. */
		PLAN("Removal plan"),
		/** The report of a FAR reporting clause. */
		REPORT("Report");

		private final String title;

		Part(String title) {
			this.title = title;
		}

		/** @return the paragraph's title */
		public String title() {
			return title;
		}
	}

	/**
	 * An attachment listing one section's lines.
	 *
	 * @param number its number, from 1
	 * @param title  its title
	 * @param status the status of its lines
	 * @param lines  its lines
	 */
	public record Attachment(int number, String title, LineStatus status, List<OrderLine> lines) {
	}

	private OrderProse() {
	}

	/**
	 * The paragraphs of an order, in print order.
	 *
	 * @param o the order
	 * @return the parts
	 */
	public static List<Part> parts(OrderDocument o) {
		List<Part> out = new ArrayList<>(List.of(Part.PURPOSE, Part.STEPS, Part.AFFECTED, Part.TO_BE_CONFIRMED));
		if (o.rule().purchasesOnly() || !o.beforeEffectiveLines().isEmpty()) {
			out.add(Part.BEFORE_EFFECTIVE);
		}
		if (!o.exceptedLines().isEmpty()) {
			out.add(Part.EXCEPTED);
		}
		out.add(Part.TOTALS);
		if (o.form() == OrderForm.REMOVAL_PLAN) {
			out.add(Part.PLAN);
		} else if (o.form() == OrderForm.FAR_REPORT) {
			out.add(Part.REPORT);
		}
		return List.copyOf(out);
	}

	/**
	 * A paragraph's numbered heading, e.g. "3. Affected contract actions".
	 *
	 * @param o    the order
	 * @param part the paragraph
	 * @return the heading
	 */
	public static String heading(OrderDocument o, Part part) {
		return number(o, part) + ". " + part.title();
	}

	/**
	 * A paragraph's number.
	 *
	 * @param o    the order
	 * @param part the paragraph
	 * @return its number from 1, or 0 when the order has no such paragraph
	 */
	public static int number(OrderDocument o, Part part) {
		return parts(o).indexOf(part) + 1;
	}

	/**
	 * The attachments: the affected actions always (Attachment 1), then each other section that has lines.
	 *
	 * @param o the order
	 * @return the attachments in order
	 */
	public static List<Attachment> attachments(OrderDocument o) {
		List<Attachment> out = new ArrayList<>();
		out.add(new Attachment(1, "Affected contract actions", LineStatus.CONFIRMED, o.affectedLines()));
		add(out, "Actions to be confirmed", LineStatus.UNSURE, o.toBeConfirmedLines());
		add(out, "Actions bought before the rule applied", LineStatus.BEFORE_EFFECTIVE, o.beforeEffectiveLines());
		add(out, "Actions excepted by the reviewer", LineStatus.EXCEPTED, o.exceptedLines());
		return List.copyOf(out);
	}

	private static void add(List<Attachment> out, String title, LineStatus status, List<OrderLine> lines) {
		if (!lines.isEmpty()) {
			out.add(new Attachment(out.size() + 1, title, status, lines));
		}
	}

	private static String attachmentRef(OrderDocument o, LineStatus status) {
		for (Attachment a : attachments(o)) {
			if (a.status() == status) {
				return "Attachment " + a.number();
			}
		}
		return "an attachment";
	}

	/**
	 * Paragraph 1.
	 *
	 * @param o the order
	 * @return the purpose
	 */
	public static String purpose(OrderDocument o) {
		String citation = o.rule().citation().isBlank() ? "" : Texts.clean(o.rule().citation());
		StringBuilder sb = new StringBuilder();
		switch (o.form()) {
			case REMOVAL_PLAN -> sb.append("This memorandum directs the components named above to identify, report"
					+ " on and remove the covered products and services found in the contract actions listed in"
					+ " Attachment 1").append(citation.isEmpty() ? "" : ", as required by " + citation).append('.');
			case FAR_REPORT -> sb.append("The contract actions listed in Attachment 1 bought products or services of"
					+ " a covered entity while ").append(citation.isEmpty() ? "the rule" : citation)
					.append(" applied to them. The contracts' reporting clause, ").append(o.report().clause())
					.append(", requires each covered item to be reported to the Contracting Officer once it is"
							+ " identified, and further information after that. This memorandum asks the components"
							+ " named above to complete and return the report in paragraph ")
					.append(number(o, Part.REPORT)).append(", pre-filled from the contracting data, by the dates"
							+ " in paragraph 2.");
			case NOTICE -> sb.append("This memorandum informs the components named above of the contract actions"
					+ " listed in Attachment 1, which bought products or services covered by ")
					.append(citation.isEmpty() ? "the rule" : "the rule of " + citation)
					.append(o.rule().purchasesOnly() ? " on or after the date it applied to them." : ".");
		}
		if (!o.rule().id().isBlank() || !o.rule().ruleSetVersion().isBlank()) {
			sb.append(" The order applies rule ").append(Texts.clean(o.rule().id()));
			if (!o.rule().ruleSetVersion().isBlank()) {
				sb.append(" of rule set ").append(Texts.clean(o.rule().ruleSetVersion()));
			}
			if (o.rule().ruleSetDate() != null) {
				sb.append(", as of ").append(Texts.longDate(o.rule().ruleSetDate()));
			}
			sb.append('.');
		}
		sb.append(" Every amount below traces to the source file and row it was imported from.");
		return sb.toString();
	}

	/**
	 * Paragraph 2's text above the table of steps, or alone when the rule's source sets no step.
	 *
	 * @param o the order
	 * @return the text
	 */
	public static String stepsIntro(OrderDocument o) {
		String note = Texts.clean(o.rule().obligations()).strip();
		if (o.steps().isEmpty()) {
			String none = "The source of " + (o.rule().id().isBlank() ? "this rule" : Texts.clean(o.rule().id()))
					+ " sets no step or deadline for an agency, and this order sets none.";
			return note.isEmpty() ? none : none + " " + note;
		}
		StringBuilder sb = new StringBuilder("The deadlines below run from the issue date, ")
				.append(Texts.longDate(o.issueDate()));
		sb.append(". Business days leave out weekends and federal holidays.");
		if (!note.isEmpty()) {
			sb.append(' ').append(note);
		}
		return sb.toString();
	}

	/** @return the headings of the table of steps */
	public static String[] stepHeadings() {
		return new String[] {"Step", "Due", "What the department delivers", "Source"};
	}

	/**
	 * The rows of the table of steps.
	 *
	 * @param o the order
	 * @return one row per step: label, due date(s), deliverable, citation
	 */
	public static List<String[]> stepRows(OrderDocument o) {
		List<String[]> rows = new ArrayList<>();
		for (OrderStep s : o.steps()) {
			rows.add(new String[] {Texts.clean(s.label()),
				String.join("\n", s.dates().stream().map(Texts::iso).toList()), Texts.clean(s.deliverable()),
				Texts.clean(s.citation())});
		}
		return rows;
	}

	/**
	 * The text of the affected-actions paragraph.
	 *
	 * @param o the order
	 * @return the text
	 */
	public static String affected(OrderDocument o) {
		List<OrderLine> lines = o.affectedLines();
		if (lines.isEmpty()) {
			return "No affected contract actions were found.";
		}
		boolean anyUnreviewed = lines.stream().anyMatch(l -> l.status() == LineStatus.UNREVIEWED);
		return lines.size() + " contract action(s) totalling " + Texts.money(o.totals().total())
				+ " were found in the contracting data and tied to a covered entity. Attachment 1 lists each action"
				+ " with the file and row it came from." + (anyUnreviewed
						? " Actions marked * there have not been reviewed yet; they count in the totals." : "");
	}

	/**
	 * The text of the to-be-confirmed paragraph.
	 *
	 * @param o the order
	 * @return the text
	 */
	public static String toBeConfirmed(OrderDocument o) {
		List<OrderLine> lines = o.toBeConfirmedLines();
		if (lines.isEmpty()) {
			return "None.";
		}
		OrderStep first = o.steps().isEmpty() ? null : o.steps().get(0);
		return "Whether the vendors of these " + lines.size() + " action(s), listed in "
				+ attachmentRef(o, LineStatus.UNSURE) + " and totalling " + Texts.money(sum(lines))
				+ ", are covered is not decided yet (a reviewer was unsure, or coverage depends on a purpose not yet"
				+ " looked at). They are not in the totals; confirm or reject each"
				+ (first == null || first.due() == null ? "." : " by " + Texts.longDate(first.due()) + ".");
	}

	/**
	 * The text of the before-effective paragraph.
	 *
	 * @param o the order
	 * @return the text
	 */
	public static String beforeEffective(OrderDocument o) {
		List<OrderLine> lines = o.beforeEffectiveLines();
		String from = o.rule().entryDated() ? "the date each covered entity's list entry took effect"
				: o.rule().effective() == null ? "its effective date" : Texts.longDate(o.rule().effective());
		if (lines.isEmpty()) {
			return "None. The rule concerns purchases from " + from + " on.";
		}
		return lines.size() + " action(s) totalling " + Texts.money(sum(lines)) + ", listed in "
				+ attachmentRef(o, LineStatus.BEFORE_EFFECTIVE) + ", were bought before the rule applied to them"
				+ " (it concerns purchases from " + from + " on). They are no breach of it and are not in the"
				+ " order's actions or totals; what they bought may still be in use.";
	}

	/**
	 * The text of the excepted paragraph.
	 *
	 * @param o the order
	 * @return the text
	 */
	public static String excepted(OrderDocument o) {
		List<OrderLine> lines = o.exceptedLines();
		return lines.size() + " action(s) totalling " + Texts.money(sum(lines)) + ", listed in "
				+ attachmentRef(o, LineStatus.EXCEPTED) + ", fall under an exception of the rule that the reviewer"
				+ " recorded (named with each action). They are not in the order's actions or totals.";
	}

	/**
	 * The text above the removal plan.
	 *
	 * @param o the order
	 * @return the text
	 */
	public static String planIntro(OrderDocument o) {
		OrderStep plan = o.step("plan");
		return "Complete each element below and return the plan"
				+ (plan == null || plan.due() == null ? "" : " by " + Texts.longDate(plan.due()))
				+ ". Elements already known from the review are filled in; correct them where needed.";
	}

	/**
	 * The text above the report table.
	 *
	 * @param o the order; its form is {@link OrderForm#FAR_REPORT}
	 * @return the text
	 */
	public static String reportIntro(OrderDocument o) {
		FarReport r = o.report();
		OrderStep report = o.step("report");
		return "The information " + r.reportCitation() + " asks for, one row per affected action"
				+ (report == null || report.due() == null ? "" : ", due " + Texts.longDate(report.due())) + "."
				+ " Contract and order numbers, supplier" + (r.identifiers() ? ", its identifiers" : "")
				+ ", brand and item description come from the contracting data; fill in the model number"
				+ " (manufacturer, part or wholesaler number) and any readily available mitigation information.";
	}

	/**
	 * The text above the list of further information.
	 *
	 * @param o the order; its form is {@link OrderForm#FAR_REPORT}
	 * @return the text
	 */
	public static String followUpIntro(OrderDocument o) {
		OrderStep details = o.step("details");
		return "Further information (" + o.report().followUpCitation() + ")"
				+ (details == null || details.due() == null ? "" : ", due " + Texts.longDate(details.due())) + ":";
	}

	private static BigDecimal sum(List<OrderLine> lines) {
		return OrderTotals.of(lines).total();
	}
}
