package procurement.review.core.orders.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.core.AuditLog;
import procurement.review.core.ContentDigest;
import procurement.review.core.ContentTracker;
import procurement.review.core.ReviewSession;
import procurement.review.core.orders.BodPlan;
import procurement.review.core.orders.BusinessCalendar;
import procurement.review.core.orders.OrderLine;
import procurement.review.core.orders.PlanEntry;
import procurement.review.core.orders.PointOfContact;
import procurement.review.core.orders.review.RuleHits.Hit;
import procurement.review.model.Contact;
import procurement.review.model.ContractAction;
import procurement.review.model.Department;
import procurement.review.model.ItemSection;
import procurement.review.model.MatchKind;
import procurement.review.model.ObligationDocument;
import procurement.review.model.OrderDeadline;
import procurement.review.model.OrderItem;
import procurement.review.model.OrderStatus;
import procurement.review.model.PlanElement;
import procurement.review.model.RemovalOrder;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.ReviewProject;
import procurement.review.model.Rule;
import procurement.review.model.RuleSet;

/**
 * Makes the removal orders of one rule: one {@link RemovalOrder} per awarding department with hits (see
 * {@link RuleHits}: confirmed, unreviewed and to-be-confirmed ones, and those bought before the rule applied or
 * excepted, which the order lists apart), with deadlines from the rule's steps, for BOD 17-01 the 14 plan elements
 * (a, b, c, f and h prefilled from the review), reviewer, point of contact and the audit log head as review state
 * hash. A rule not yet in force on the issue date makes no order ({@link Result#notInForce()}).
 * <p>
 * Generating again after new imports or decisions:
 * <ul>
 * <li>a department's DRAFT order is updated in place and keeps its number; plan elements the generator does not
 * prefill keep what the reviewer typed; a first draft takes the new issue date, a draft revision keeps the issue
 * date and deadlines of the order it revises;</li>
 * <li>an ISSUED (or later) order is never changed: when its list of actions (action, section, match) differs, a
 * new DRAFT revision is added that supersedes it, numbered {@code <first number>-R<n>}; it keeps the issue date
 * and deadlines of the order it revises, because a corrected list does not restart the department's clock;
 * when nothing changed the order is left alone;</li>
 * <li>a DRAFT whose department has no hits left is removed (it was never sent); an issued order whose department
 * has no hits left is kept and reported in {@link Result#withoutHits()}, since withdrawing a sent order is a
 * decision for the reviewer;</li>
 * <li>hits on actions without a department are skipped and counted in
 * {@link Result#actionsWithoutDepartment()}: an order must be addressed to a department, and an "unknown
 * department" order could neither be sent nor pass the model's validation.</li>
 * </ul>
 * All changes of one run are one compound command with one audit entry, so a single undo takes them back. A run
 * that changes nothing executes nothing and leaves no audit entry.
 */
public final class OrderGenerator {

	/** The rule orders are made for when the caller names none. */
	public static final String DEFAULT_RULE_ID = "BOD-17-01";

	/** How many dates of a recurring deadline (status reports) an order lists by default. */
	public static final int DEFAULT_STATUS_REPORTS = 3;

	/** The audit log's action for an order run. */
	public static final String AUDIT_ACTION = "orders";

	/** Plan elements the generator fills in from the review; the department answers the others. */
	static final Set<String> PREFILLED = Set.of("a", "b", "c", "f", "h");

	private static final ReviewFactory F = ReviewFactory.eINSTANCE;

	private final ReviewSession session;
	private BusinessCalendar calendar = BusinessCalendar.federal();
	private int statusReports = DEFAULT_STATUS_REPORTS;
	private String reviewer;
	private PointOfContact contact;

	/**
	 * What a run did (or, before execution, will do).
	 *
	 * @param command                  the compound command; null when nothing changes
	 * @param created                  new orders (revision 0)
	 * @param updated                  DRAFT orders updated in place
	 * @param revised                  new revisions of issued orders
	 * @param unchanged                orders whose content is already current
	 * @param removedDrafts            DRAFT orders removed because their department has no hits left
	 * @param withoutHits              issued orders whose department has no hits left; not changed
	 * @param actionsWithoutDepartment hits skipped because their action names no department
	 * @param notInForce               why the rule makes no order on the issue date (it takes effect later); null
	 *                                 when it is in force
	 */
	public record Result(Command command, List<RemovalOrder> created, List<RemovalOrder> updated,
			List<RemovalOrder> revised, List<RemovalOrder> unchanged, List<RemovalOrder> removedDrafts,
			List<RemovalOrder> withoutHits, int actionsWithoutDepartment, String notInForce) {

		/**
		 * Copies the lists.
		 *
		 * @param command                  command
		 * @param created                  created
		 * @param updated                  updated
		 * @param revised                  revised
		 * @param unchanged                unchanged
		 * @param removedDrafts            removed drafts
		 * @param withoutHits              issued orders without hits
		 * @param actionsWithoutDepartment skipped actions
		 * @param notInForce               why no order is made, or null
		 */
		public Result {
			created = List.copyOf(created);
			updated = List.copyOf(updated);
			revised = List.copyOf(revised);
			unchanged = List.copyOf(unchanged);
			removedDrafts = List.copyOf(removedDrafts);
			withoutHits = List.copyOf(withoutHits);
		}

		/**
		 * Tells whether the run changes the review.
		 *
		 * @return true when there is a command to execute
		 */
		public boolean hasChanges() {
			return command != null;
		}

		/**
		 * A one-line summary for the audit log, the CLI and the status bar.
		 *
		 * @return e.g. "2 created (BOD-17-01-1500, BOD-17-01-2000), 1 unchanged"
		 */
		public String summary() {
			if (notInForce != null) {
				return notInForce;
			}
			StringJoiner j = new StringJoiner(", ");
			part(j, "created", created);
			part(j, "updated", updated);
			part(j, "revised", revised);
			part(j, "unchanged", unchanged);
			part(j, "draft(s) removed", removedDrafts);
			part(j, "issued without remaining hits", withoutHits);
			if (actionsWithoutDepartment > 0) {
				j.add(actionsWithoutDepartment + " action(s) without department skipped");
			}
			return j.length() == 0 ? "no orders" : j.toString();
		}

		private static void part(StringJoiner j, String what, List<RemovalOrder> orders) {
			if (!orders.isEmpty()) {
				j.add(orders.size() + " " + what + " ("
						+ String.join(", ", orders.stream().map(RemovalOrder::getNumber).toList()) + ")");
			}
		}
	}

	/**
	 * Creates a generator for a session.
	 *
	 * @param session the open review
	 */
	public OrderGenerator(ReviewSession session) {
		this.session = Objects.requireNonNull(session, "session");
	}

	/**
	 * Sets the calendar for business-day deadlines (default: US federal holidays).
	 *
	 * @param value the calendar
	 * @return this generator
	 */
	public OrderGenerator calendar(BusinessCalendar value) {
		this.calendar = Objects.requireNonNull(value, "calendar");
		return this;
	}

	/**
	 * Sets how many dates of a recurring deadline each order lists.
	 *
	 * @param value at least 1
	 * @return this generator
	 */
	public OrderGenerator statusReports(int value) {
		if (value < 1) {
			throw new IllegalArgumentException("at least one status report date is needed, got " + value);
		}
		this.statusReports = value;
		return this;
	}

	/**
	 * Sets the reviewer who signs the orders and is the audit entry's author (default: the review's reviewer).
	 *
	 * @param value the reviewer's name; null for the default
	 * @return this generator
	 */
	public OrderGenerator reviewer(String value) {
		this.reviewer = value;
		return this;
	}

	/**
	 * Sets the point of contact printed on the orders (plan element b). When not set, an order that already has
	 * one keeps it.
	 *
	 * @param value the contact; null to keep existing contacts
	 * @return this generator
	 */
	public OrderGenerator pointOfContact(PointOfContact value) {
		this.contact = value;
		return this;
	}

	/**
	 * Finds a rule of the review's rule sets by id, in rule set order.
	 *
	 * @param review the review
	 * @param ruleId the id, e.g. "BOD-17-01"; null for {@link #DEFAULT_RULE_ID}
	 * @return the rule
	 * @throws IllegalArgumentException when no rule set of the review has that rule
	 */
	public static Rule findRule(ReviewProject review, String ruleId) {
		String id = ruleId == null || ruleId.isBlank() ? DEFAULT_RULE_ID : ruleId.strip();
		Set<String> known = new LinkedHashSet<>();
		for (RuleSet rs : review.getRuleSets()) {
			for (Rule r : rs.getRules()) {
				if (id.equalsIgnoreCase(r.getId())) {
					return r;
				}
				known.add(r.getId());
			}
		}
		throw new IllegalArgumentException("The review has no rule '" + id + "'"
				+ (known.isEmpty() ? "; it has no rule set" : "; its rules are " + String.join(", ", known)));
	}

	/**
	 * The current orders of a rule: those no other order supersedes, ordered by number.
	 *
	 * @param review the review
	 * @param rule   the rule
	 * @return the orders
	 */
	public static List<RemovalOrder> currentOrders(ReviewProject review, Rule rule) {
		Set<RemovalOrder> superseded = new HashSet<>();
		for (RemovalOrder o : review.getOrders()) {
			if (o.getSupersedes() != null) {
				superseded.add(o.getSupersedes());
			}
		}
		List<RemovalOrder> out = new ArrayList<>();
		for (RemovalOrder o : review.getOrders()) {
			if (!superseded.contains(o) && RuleHits.sameRule(o.getRule(), rule)) {
				out.add(o);
			}
		}
		out.sort(java.util.Comparator.comparing(o -> RuleHits.nz(o.getNumber())));
		return out;
	}

	/**
	 * Generates the orders and executes the change on the session's command stack.
	 *
	 * @param rule      the rule
	 * @param issueDate the issue date of new and draft orders
	 * @return what was done
	 * @throws IllegalStateException when the command could not be executed
	 */
	public Result generate(Rule rule, LocalDate issueDate) {
		Result r = prepare(rule, issueDate);
		if (r.hasChanges()) {
			session.commandStack().execute(r.command());
			if (session.commandStack().getUndoCommand() != r.command()) {
				throw new IllegalStateException("the orders for " + rule.getId() + " could not be generated");
			}
		}
		return r;
	}

	/**
	 * Works out the changes without executing them, e.g. to show a preview or to compound the command.
	 *
	 * @param rule      the rule
	 * @param issueDate the issue date of new and draft orders
	 * @return the planned changes; its command is null when nothing would change
	 */
	public Result prepare(Rule rule, LocalDate issueDate) {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(issueDate, "issueDate");
		String notInForce = RuleObligations.notInForce(rule, issueDate);
		if (notInForce != null) {
			// Existing orders stay as they are: a wrong date typed for a new run must not remove drafts.
			return new Result(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, notInForce);
		}
		ReviewProject review = session.review();
		EditingDomain domain = session.editingDomain();
		RuleHits.Result hits = RuleHits.collect(review, rule);
		String signer = reviewer != null ? reviewer : review.getReviewer();
		String hash = AuditLog.head(review);
		String content = ContentDigest.digest(ContentTracker.of(review).partsText());
		String version = rule.eContainer() instanceof RuleSet rs ? rs.getVersion() : null;

		Map<Department, RemovalOrder> current = new LinkedHashMap<>();
		for (RemovalOrder o : currentOrders(review, rule)) {
			if (o.getDepartment() == null) {
				continue; // made by hand without a department: not the generator's to update or remove
			}
			// Two current orders of one department should not exist; if a hand edit made them, use the newest.
			current.merge(o.getDepartment(), o, (a, b) -> b.getRevision() > a.getRevision() ? b : a);
		}
		Set<String> taken = new HashSet<>();
		review.getOrders().forEach(o -> taken.add(o.getNumber()));

		CompoundCommand cc = new CompoundCommand("Generate " + rule.getId() + " removal orders");
		List<RemovalOrder> created = new ArrayList<>();
		List<RemovalOrder> updated = new ArrayList<>();
		List<RemovalOrder> revised = new ArrayList<>();
		List<RemovalOrder> unchanged = new ArrayList<>();
		List<RemovalOrder> removedDrafts = new ArrayList<>();
		List<RemovalOrder> withoutHits = new ArrayList<>();

		for (Map.Entry<Department, List<Hit>> e : hits.byDepartment().entrySet()) {
			Department dept = e.getKey();
			List<Hit> list = e.getValue();
			if (list.stream().allMatch(h -> h.section() == ItemSection.BEFORE_EFFECTIVE
					|| h.section() == ItemSection.EXCEPTED)) {
				// Nothing the rule covers: bought before it applied, or excepted. Such a department gets no order.
				continue;
			}
			RemovalOrder existing = current.remove(dept);
			if (existing == null) {
				String number = OrderNumbers.base(rule.getId(), dept, taken);
				taken.add(number);
				RemovalOrder o = F.createRemovalOrder();
				o.setNumber(number);
				o.setRevision(0);
				o.setStatus(OrderStatus.DRAFT);
				o.setDepartment(dept);
				o.setRule(rule);
				o.setRuleSetVersion(version);
				o.setIssueDate(issueDate);
				o.getDeadlines().addAll(deadlines(rule, issueDate));
				o.getItems().addAll(items(list));
				o.setPointOfContact(copy(contact));
				o.getPlanElements().addAll(plan(rule, dept, contact, list, List.of()));
				o.setReviewer(signer);
				o.setReviewStateHash(hash);
				o.setContentDigest(content);
				cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__ORDERS, o));
				created.add(o);
			} else if (existing.getStatus() == null || existing.getStatus() == OrderStatus.DRAFT) {
				if (updateDraft(domain, cc, existing, rule, version, issueDate, list, signer, hash, content)) {
					updated.add(existing);
				} else {
					unchanged.add(existing);
				}
			} else if (signature(list).equals(signatureOfItems(existing.getItems()))) {
				unchanged.add(existing);
			} else {
				RemovalOrder o = revision(existing, rule, version, list, signer, hash, content);
				taken.add(o.getNumber());
				cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__ORDERS, o));
				revised.add(o);
			}
		}
		// What is left in 'current' are orders of departments without hits now.
		for (RemovalOrder o : current.values()) {
			if (o.getStatus() == null || o.getStatus() == OrderStatus.DRAFT) {
				cc.append(RemoveCommand.create(domain, review, Literals.REVIEW_PROJECT__ORDERS, o));
				removedDrafts.add(o);
			} else {
				withoutHits.add(o);
			}
		}
		int skipped = hits.withoutDepartment().size();
		Result summary = new Result(null, created, updated, revised, unchanged, removedDrafts, withoutHits, skipped,
				null);
		if (cc.isEmpty()) {
			return summary;
		}
		String author = signer == null || signer.isBlank() ? "unknown" : signer;
		cc.append(AuditLog.append(domain, review, author, AUDIT_ACTION,
				rule.getId() + " orders of " + issueDate + ": " + summary.summary()));
		return new Result(cc, created, updated, revised, unchanged, removedDrafts, withoutHits, skipped, null);
	}

	private boolean updateDraft(EditingDomain domain, CompoundCommand cc, RemovalOrder o, Rule rule,
			String version, LocalDate issueDate, List<Hit> hits, String signer, String hash, String content) {
		int before = cc.getCommandList().size();
		set(domain, cc, o, Literals.REMOVAL_ORDER__RULE, o.getRule(), rule);
		set(domain, cc, o, Literals.REMOVAL_ORDER__RULE_SET_VERSION, o.getRuleSetVersion(), version);
		set(domain, cc, o, Literals.REMOVAL_ORDER__REVIEWER, o.getReviewer(), signer);
		// A draft revision keeps the clock of the order it revises; only a first draft follows the issue date.
		if (o.getSupersedes() == null) {
			set(domain, cc, o, Literals.REMOVAL_ORDER__ISSUE_DATE, o.getIssueDate(), issueDate);
			List<OrderDeadline> deadlines = deadlines(rule, issueDate);
			if (!deadlineText(deadlines).equals(deadlineText(o.getDeadlines()))) {
				replace(domain, cc, o, Literals.REMOVAL_ORDER__DEADLINES, o.getDeadlines(), deadlines);
			}
		}
		if (!signature(hits).equals(signatureOfItems(o.getItems()))) {
			replace(domain, cc, o, Literals.REMOVAL_ORDER__ITEMS, o.getItems(), items(hits));
		}
		PointOfContact poc = contact != null ? contact : OrderDocuments.contact(o.getPointOfContact());
		PointOfContact wanted = contact == null || contact.asText().isEmpty() ? null : contact;
		if (contact != null && !Objects.equals(wanted, OrderDocuments.contact(o.getPointOfContact()))) {
			cc.append(SetCommand.create(domain, o, Literals.REMOVAL_ORDER__POINT_OF_CONTACT, copy(contact)));
		}
		List<PlanElement> plan = plan(rule, o.getDepartment(), poc, hits, o.getPlanElements());
		if (!planText(plan).equals(planText(o.getPlanElements()))) {
			replace(domain, cc, o, Literals.REMOVAL_ORDER__PLAN_ELEMENTS, o.getPlanElements(), plan);
		}
		boolean changed = cc.getCommandList().size() > before;
		if (changed) {
			// The hash says which review state the order's content came from: only a content change moves it.
			set(domain, cc, o, Literals.REMOVAL_ORDER__REVIEW_STATE_HASH, o.getReviewStateHash(), hash);
			set(domain, cc, o, Literals.REMOVAL_ORDER__CONTENT_DIGEST, o.getContentDigest(), content);
		}
		return changed;
	}

	private RemovalOrder revision(RemovalOrder previous, Rule rule, String version, List<Hit> hits, String signer,
			String hash, String content) {
		RemovalOrder o = F.createRemovalOrder();
		int rev = previous.getRevision() + 1;
		o.setNumber(OrderNumbers.revision(firstNumber(previous), rev));
		o.setRevision(rev);
		o.setStatus(OrderStatus.DRAFT);
		o.setDepartment(previous.getDepartment());
		o.setRule(rule);
		o.setRuleSetVersion(version);
		o.setIssueDate(previous.getIssueDate());
		for (OrderDeadline d : previous.getDeadlines()) {
			o.getDeadlines().add(deadline(d.getName(), d.getDate()));
		}
		o.getItems().addAll(items(hits));
		PointOfContact poc = contact != null ? contact : OrderDocuments.contact(previous.getPointOfContact());
		o.setPointOfContact(copy(poc));
		o.getPlanElements().addAll(plan(rule, previous.getDepartment(), poc, hits, previous.getPlanElements()));
		o.setReviewer(signer);
		o.setReviewStateHash(hash);
		o.setContentDigest(content);
		o.setSupersedes(previous);
		return o;
	}

	/** The number of revision 0 of an order's chain, the base of every revision's number. */
	private static String firstNumber(RemovalOrder o) {
		RemovalOrder first = o;
		// Bounded so a supersedes cycle made by hand cannot hang the generator.
		for (int i = 0; first.getSupersedes() != null && i < 1000; i++) {
			first = first.getSupersedes();
		}
		if (first.getRevision() == 0 || first.getNumber() == null) {
			return RuleHits.nz(first.getNumber());
		}
		// A chain whose first order was deleted: strip the revision suffix the number carries.
		return first.getNumber().replaceFirst("-R\\d+$", "");
	}

	private List<OrderDeadline> deadlines(Rule rule, LocalDate issueDate) {
		List<OrderDeadline> out = new ArrayList<>();
		for (DeadlineSchedule.Entry e : DeadlineSchedule.compute(rule, issueDate, statusReports, calendar)) {
			out.add(deadline(e.name(), e.date()));
		}
		return out;
	}

	private static OrderDeadline deadline(String name, LocalDate date) {
		OrderDeadline d = F.createOrderDeadline();
		d.setName(name);
		d.setDate(date);
		return d;
	}

	private static List<OrderItem> items(List<Hit> hits) {
		List<OrderItem> out = new ArrayList<>(hits.size());
		for (Hit h : hits) {
			OrderItem i = F.createOrderItem();
			i.setAction(h.action());
			i.setMatch(h.match());
			i.setSection(h.section());
			out.add(i);
		}
		return out;
	}

	/**
	 * The 14 plan elements of a BOD 17-01 order: a, b, c, f and h from the review, the others from the previous
	 * version of the order (the department's or reviewer's answers), blank for a new order. Element d (endpoints)
	 * stays blank: contract data does not count endpoints, and a blank element is printed as a box to fill in.
	 * Orders of other rules carry no removal plan: their sources ask for other things (see {@link FarReports}).
	 */
	private static List<PlanElement> plan(Rule rule, Department dept, PointOfContact poc, List<Hit> hits,
			List<PlanElement> previous) {
		if (RuleObligations.document(rule) != ObligationDocument.BOD_17_01_PLAN) {
			return List.of();
		}
		List<OrderLine> lines = new ArrayList<>();
		for (Hit h : hits) {
			lines.add(OrderDocuments.line(h.action(), h.match(), h.section()));
		}
		List<PlanEntry> filled = new ArrayList<>(BodPlan.prefilled(
				OrderDocuments.departmentName(dept), poc, OrderDocuments.components(lines), lines));
		for (int i = 0; i < filled.size(); i++) {
			if ("c".equals(filled.get(i).letter())) {
				filled.set(i, filled.get(i).withValue(productsFound(hits)));
			}
		}
		Map<String, String> kept = new LinkedHashMap<>();
		for (PlanElement p : previous) {
			kept.put(p.getLetter(), p.getValue());
		}
		List<PlanElement> out = new ArrayList<>();
		for (PlanEntry p : filled) {
			PlanElement m = F.createPlanElement();
			m.setLetter(p.letter());
			m.setLabel(p.label());
			m.setValue(PREFILLED.contains(p.letter()) ? p.value() : kept.getOrDefault(p.letter(), p.value()));
			out.add(m);
		}
		return out;
	}

	/** Plan element c: the covered families hit and the product names the descriptions mention. */
	static String productsFound(List<Hit> hits) {
		Set<String> entities = new LinkedHashSet<>();
		Set<String> named = new LinkedHashSet<>();
		Set<ContractAction> actions = new HashSet<>();
		for (Hit h : hits) {
			if (h.section() == ItemSection.TO_BE_CONFIRMED) {
				continue;
			}
			actions.add(h.action());
			if (h.match().getCoveredEntity() != null && h.match().getCoveredEntity().getName() != null) {
				entities.add(h.match().getCoveredEntity().getName());
			}
			String text = h.match().getMatchedText();
			if (h.match().getKind() == MatchKind.DESCRIPTION && text != null && !text.isBlank()) {
				named.add(text.strip());
			}
		}
		if (actions.isEmpty()) {
			return "";
		}
		StringBuilder sb = new StringBuilder("Products and services of ");
		sb.append(entities.isEmpty() ? "a covered entity" : String.join("; ", entities));
		sb.append(" bought in ").append(actions.size()).append(" contract action(s)");
		if (!named.isEmpty()) {
			sb.append("; named in the descriptions: ").append(String.join(", ", named));
		}
		return sb.append('.').toString();
	}

	private static Contact copy(PointOfContact poc) {
		if (poc == null || poc.asText().isEmpty()) {
			return null;
		}
		Contact c = F.createContact();
		c.setName(poc.name());
		c.setPhone(poc.phone());
		c.setEmail(poc.email());
		return c;
	}

	/**
	 * What makes two versions of an order's list the same: per line the action (transaction key, PIID,
	 * modification, amount), its section and the match key, in order.
	 */
	private static List<String> signature(List<Hit> hits) {
		List<String> out = new ArrayList<>();
		for (Hit h : hits) {
			out.add(itemKey(h.action(), h.section(), h.match() == null ? null : h.match().getKey()));
		}
		out.sort(null);
		return out;
	}

	private static List<String> signatureOfItems(Collection<OrderItem> items) {
		List<String> out = new ArrayList<>();
		for (OrderItem i : items) {
			out.add(itemKey(i.getAction(), i.getSection(), i.getMatch() == null ? null : i.getMatch().getKey()));
		}
		out.sort(null);
		return out;
	}

	private static String itemKey(ContractAction a, ItemSection section, String matchKey) {
		if (a == null) {
			return "(no action)";
		}
		return String.join("\u001f", RuleHits.nz(a.getTransactionKey()), RuleHits.nz(a.getPiid()),
				RuleHits.nz(a.getModification()), String.valueOf(a.getObligation()), String.valueOf(section),
				RuleHits.nz(matchKey));
	}

	private static List<String> deadlineText(List<OrderDeadline> list) {
		return list.stream().map(d -> d.getName() + "=" + d.getDate()).toList();
	}

	private static List<String> planText(List<PlanElement> list) {
		return list.stream().map(p -> p.getLetter() + "\u001f" + p.getLabel() + "\u001f" + p.getValue()).toList();
	}

	private static void set(EditingDomain domain, CompoundCommand cc, RemovalOrder o, EStructuralFeature f,
			Object oldValue, Object newValue) {
		if (!Objects.equals(oldValue, newValue)) {
			cc.append(SetCommand.create(domain, o, f, newValue));
		}
	}

	private static void replace(EditingDomain domain, CompoundCommand cc, RemovalOrder o, EStructuralFeature f,
			List<?> oldValues, List<?> newValues) {
		if (!oldValues.isEmpty()) {
			cc.append(RemoveCommand.create(domain, o, f, new ArrayList<>(oldValues)));
		}
		if (!newValues.isEmpty()) {
			cc.append(AddCommand.create(domain, o, f, newValues));
		}
	}
}
