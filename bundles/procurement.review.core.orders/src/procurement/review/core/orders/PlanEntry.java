package procurement.review.core.orders;

import java.util.Objects;

/**
 * One element of a removal plan: its letter, what it asks for, and the department's answer.
 *
 * @param letter the element's letter, "a" to "n" for BOD 17-01
 * @param label  what the element asks for
 * @param value  the answer; empty when not known yet (the renderers then leave a box to fill in)
 */
public record PlanEntry(String letter, String label, String value) {

	/**
	 * Replaces a null value with an empty one.
	 *
	 * @param letter letter
	 * @param label  label
	 * @param value  value
	 */
	public PlanEntry {
		Objects.requireNonNull(letter, "letter");
		Objects.requireNonNull(label, "label");
		value = value == null ? "" : value;
	}

	/**
	 * The same element with another answer.
	 *
	 * @param newValue the answer
	 * @return a new element
	 */
	public PlanEntry withValue(String newValue) {
		return new PlanEntry(letter, label, newValue);
	}

	/**
	 * Tells whether the element still has to be filled in.
	 *
	 * @return true when the value is blank
	 */
	public boolean isBlank() {
		return value.isBlank();
	}
}
