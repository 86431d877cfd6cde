package procurement.review.store;

import java.time.Instant;

/**
 * The newest decision of one hit of a shared review, as another reviewer's workbench applies it.
 *
 * @param matchKey  the hit's stable key
 * @param state     the decision's state name ({@code SAME}, {@code NOT_SAME}, {@code UNSURE})
 * @param reviewer  who decided
 * @param time      when
 * @param note      why, or null
 * @param exception the exception of the rule recorded with it, or null
 * @param auditSeq  the audit entry that wrote it
 */
public record SharedDecision(String matchKey, String state, String reviewer, Instant time, String note,
		String exception, int auditSeq) {
}
