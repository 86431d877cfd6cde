package procurement.review.core.matching.review;

import java.util.List;
import java.util.Objects;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.ReviewProject;
import procurement.review.model.RuleSet;
import procurement.review.rules.RuleSetDiff;

/**
 * Brings a newer version of a rule set into a review, as one undoable command with an audit entry: the incoming
 * set takes the place of the review's set of the same id, and the replaced one moves to the review's former rule
 * sets, where the matches, tags and orders made under it still find the rules they name. A set of a new id is
 * added after the others. The next Find Covered Vendors runs on the new rules (the kept matcher sees the change
 * and is rebuilt); decisions carry over through their match keys, which name rules by id.
 * <p>
 * Prepare first, show {@link #diff()} to the reviewer, then {@link #apply()}.
 */
public final class RuleSetUpdate {

	/** The audit log's action for a rule set update. */
	public static final String AUDIT_ACTION = "rule set";

	private final ReviewSession session;
	private final RuleSet incoming;
	private final RuleSet replaced;
	private final RuleSetDiff diff;

	private RuleSetUpdate(ReviewSession session, RuleSet incoming, RuleSet replaced) {
		this.session = session;
		this.incoming = incoming;
		this.replaced = replaced;
		this.diff = RuleSetDiff.of(replaced, incoming);
	}

	/**
	 * Works out what bringing a rule set into the session's review would change.
	 *
	 * @param session  the open review
	 * @param incoming the rule set read from a file; not yet in any review
	 * @return the update, not applied
	 * @throws IllegalArgumentException when the rule set has no id, or already belongs to a review
	 */
	public static RuleSetUpdate prepare(ReviewSession session, RuleSet incoming) {
		Objects.requireNonNull(session, "session");
		Objects.requireNonNull(incoming, "incoming");
		if (incoming.getId() == null || incoming.getId().isBlank()) {
			throw new IllegalArgumentException("The rule set has no id, so it cannot say which rule set it updates");
		}
		if (incoming.eContainer() != null) {
			throw new IllegalArgumentException("The rule set " + incoming.getId() + " already belongs to a review");
		}
		RuleSet replaced = null;
		for (RuleSet rs : session.review().getRuleSets()) {
			if (incoming.getId().equals(rs.getId())) {
				replaced = rs;
				break;
			}
		}
		return new RuleSetUpdate(session, incoming, replaced);
	}

	/** @return what the incoming version adds, removes and re-dates */
	public RuleSetDiff diff() {
		return diff;
	}

	/** @return the review's rule set the update replaces; null when it adds a rule set of a new id */
	public RuleSet replaced() {
		return replaced;
	}

	/**
	 * The command: the incoming set in the place of the replaced one, the replaced one among the former rule
	 * sets, and an audit entry with the differences.
	 *
	 * @param author who accepts the update, for the audit log
	 * @return the command, not executed
	 */
	public Command command(String author) {
		ReviewProject review = session.review();
		EditingDomain domain = session.editingDomain();
		CompoundCommand cc = new CompoundCommand("Import rule set " + incoming.getId() + " " + incoming.getVersion());
		if (replaced == null) {
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__RULE_SETS, incoming));
		} else {
			int index = review.getRuleSets().indexOf(replaced);
			cc.append(RemoveCommand.create(domain, review, Literals.REVIEW_PROJECT__RULE_SETS, replaced));
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__RULE_SETS, incoming, index));
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__FORMER_RULE_SETS, replaced));
		}
		List<String> lines = diff.lines();
		cc.append(AuditLog.append(domain, review, author == null || author.isBlank() ? "unknown" : author,
				AUDIT_ACTION, String.join("; ", lines)));
		return cc;
	}

	/**
	 * Executes the command on the session's command stack.
	 *
	 * @param author who accepts the update
	 * @throws IllegalStateException when the command could not be executed
	 */
	public void apply(String author) {
		Command c = command(author);
		session.commandStack().execute(c);
		if (session.commandStack().getUndoCommand() != c) {
			throw new IllegalStateException("the rule set " + incoming.getId() + " could not be imported");
		}
	}
}
