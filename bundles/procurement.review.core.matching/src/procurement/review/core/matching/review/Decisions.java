package procurement.review.core.matching.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.model.Decision;
import procurement.review.model.DecisionState;
import procurement.review.model.Match;
import procurement.review.model.ReviewFactory;
import procurement.review.model.ReviewPackage.Literals;
import procurement.review.model.ReviewProject;

/**
 * Records a reviewer's answer to a hit: same, not same, unsure.
 * <p>
 * The answer is about identity ("is this vendor that family?"), so it applies to the match and to its siblings, the
 * matches of the same identity on other rules ({@link MatchKeys#identity(Match)}): a reviewer answers once, not once
 * per rule covering Kaspersky. Each match keeps its own {@link Decision} (the model links them one to one), an
 * existing decision is updated in place, and the audit log gets one entry. Everything is one undoable command.
 */
public final class Decisions {

	private Decisions() {
	}

	/**
	 * Decides a match and its siblings, through the session's command stack.
	 *
	 * @param session  the session
	 * @param match    the match decided
	 * @param state    the answer
	 * @param reviewer who answers
	 * @param note     why, may be null
	 * @return the decision of {@code match}
	 * @throws IllegalStateException when the command could not execute
	 */
	public static Decision decide(ReviewSession session, Match match, DecisionState state, String reviewer,
			String note) {
		Command c = createCommand(session, match, state, reviewer, note);
		session.commandStack().execute(c);
		if (session.commandStack().getUndoCommand() != c) {
			throw new IllegalStateException("the decision on " + match.getKey() + " could not be recorded");
		}
		return match.getDecision();
	}

	/**
	 * Builds the command without executing it, e.g. to compound several decisions.
	 *
	 * @param session  the session
	 * @param match    the match decided
	 * @param state    the answer
	 * @param reviewer who answers
	 * @param note     why, may be null
	 * @return the command
	 */
	public static Command createCommand(ReviewSession session, Match match, DecisionState state, String reviewer,
			String note) {
		Objects.requireNonNull(match, "match");
		Objects.requireNonNull(state, "state");
		ReviewProject review = session.review();
		EditingDomain domain = session.editingDomain();
		Instant now = Instant.now();
		List<Match> targets = siblings(review, match);
		CompoundCommand cc = new CompoundCommand("Decide " + state.getName());
		for (Match m : targets) {
			Decision d = existing(review, m);
			if (d == null) {
				d = ReviewFactory.eINSTANCE.createDecision();
				d.setMatchKey(m.getKey());
				d.setState(state);
				d.setReviewer(reviewer);
				d.setTime(now);
				d.setNote(note);
				cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__DECISIONS, d));
			} else {
				cc.append(SetCommand.create(domain, d, Literals.DECISION__STATE, state));
				cc.append(SetCommand.create(domain, d, Literals.DECISION__REVIEWER, reviewer));
				cc.append(SetCommand.create(domain, d, Literals.DECISION__TIME, now));
				cc.append(SetCommand.create(domain, d, Literals.DECISION__NOTE, note));
			}
			if (d.getMatch() != m) {
				cc.append(SetCommand.create(domain, d, Literals.DECISION__MATCH, m));
			}
		}
		String detail = match.getKey() + ": " + state.getName() + " by " + reviewer
				+ (targets.size() > 1 ? " (and " + (targets.size() - 1) + " matches of the same identity on other rules)"
						: "")
				+ (note == null || note.isBlank() ? "" : "; " + note);
		cc.append(AuditLog.append(domain, review, reviewer, "decide", detail));
		return cc;
	}

	/**
	 * Records that an exception of the match's rule applies to this hit (section 889(a)(2)(A) backhaul, roaming,
	 * interconnection; (a)(2)(B) equipment that cannot route or see user data): the hit is the covered entity
	 * (SAME), and its actions go to the order's "excepted" section, outside its totals. Unlike a decision it
	 * concerns this rule only, so matches of the same identity on other rules are left alone. The exception is
	 * never applied automatically: only a reviewer records it, and only one the rule lists.
	 *
	 * @param session   the session
	 * @param match     the match
	 * @param exception one of {@code match.getRule().getExceptions()}; null or blank to take a recorded one back
	 *                  (the decision stays SAME)
	 * @param reviewer  who records it
	 * @param note      why, may be null
	 * @return the decision of {@code match}
	 * @throws IllegalArgumentException when the rule does not list that exception
	 * @throws IllegalStateException    when the command could not execute
	 */
	public static Decision except(ReviewSession session, Match match, String exception, String reviewer,
			String note) {
		Objects.requireNonNull(match, "match");
		boolean clear = exception == null || exception.isBlank();
		if (!clear && (match.getRule() == null || !match.getRule().getExceptions().contains(exception))) {
			throw new IllegalArgumentException("The rule " + (match.getRule() == null ? "(none)"
					: match.getRule().getId()) + " lists no exception '" + exception + "'");
		}
		ReviewProject review = session.review();
		EditingDomain domain = session.editingDomain();
		Instant now = Instant.now();
		CompoundCommand cc = new CompoundCommand(clear ? "Remove exception" : "Record exception");
		Decision d = existing(review, match);
		if (d == null) {
			d = ReviewFactory.eINSTANCE.createDecision();
			d.setMatchKey(match.getKey());
			d.setState(DecisionState.SAME);
			d.setReviewer(reviewer);
			d.setTime(now);
			d.setNote(note);
			d.setException(clear ? null : exception);
			cc.append(AddCommand.create(domain, review, Literals.REVIEW_PROJECT__DECISIONS, d));
			cc.append(SetCommand.create(domain, d, Literals.DECISION__MATCH, match));
		} else {
			if (d.getMatch() != match) {
				cc.append(SetCommand.create(domain, d, Literals.DECISION__MATCH, match));
			}
			cc.append(SetCommand.create(domain, d, Literals.DECISION__STATE, DecisionState.SAME));
			cc.append(SetCommand.create(domain, d, Literals.DECISION__REVIEWER, reviewer));
			cc.append(SetCommand.create(domain, d, Literals.DECISION__TIME, now));
			cc.append(SetCommand.create(domain, d, Literals.DECISION__NOTE, note));
			cc.append(SetCommand.create(domain, d, Literals.DECISION__EXCEPTION, clear ? null : exception));
		}
		cc.append(AuditLog.append(domain, review, reviewer, "except", match.getKey() + ": "
				+ (clear ? "exception removed" : exception) + " by " + reviewer
				+ (note == null || note.isBlank() ? "" : "; " + note)));
		session.commandStack().execute(cc);
		if (session.commandStack().getUndoCommand() != cc) {
			throw new IllegalStateException("the exception on " + match.getKey() + " could not be recorded");
		}
		return match.getDecision();
	}

	/**
	 * The decision a match already has: its own, or an unattached one with its key (left by a removed match), which
	 * is reused rather than duplicated.
	 */
	private static Decision existing(ReviewProject review, Match match) {
		if (match.getDecision() != null) {
			return match.getDecision();
		}
		for (Decision other : review.getDecisions()) {
			if (other.getMatch() == null && match.getKey() != null && match.getKey().equals(other.getMatchKey())) {
				return other;
			}
		}
		return null;
	}

	/**
	 * @param review the review
	 * @param match  a match
	 * @return the match first, then the other matches of the review with the same identity
	 */
	public static List<Match> siblings(ReviewProject review, Match match) {
		List<Match> out = new ArrayList<>();
		out.add(match);
		if (match.getKind() == null) {
			return out;
		}
		String identity = MatchKeys.identity(match);
		for (Match m : review.getMatches()) {
			if (m != match && m.getKind() == match.getKind() && identity.equals(MatchKeys.identity(m))) {
				out.add(m);
			}
		}
		return out;
	}
}
