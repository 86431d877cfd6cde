package procurement.review.store;

/**
 * A removal order of a shared review, its newest revision.
 *
 * @param number     the order's number
 * @param revision   its revision
 * @param department the department's code
 * @param rule       the rule's id
 * @param status     its status name ({@code DRAFT}, {@code ISSUED}, ...)
 */
public record SharedOrder(String number, int revision, String department, String rule, String status) {
}
