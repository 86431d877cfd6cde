package procurement.review.core.importer;

/**
 * A cell value does not have the expected shape. The message quotes the value and says what was expected; the
 * caller adds the location (file, sheet, row, column) when it turns this into a {@link ReadProblem}.
 */
public class ValueFormatException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String value;

	/**
	 * Creates the exception.
	 *
	 * @param value    the offending text
	 * @param expected what was expected, e.g. "a date"
	 */
	public ValueFormatException(String value, String expected) {
		super("\"" + value + "\" is not " + expected + ".");
		this.value = value;
	}

	/** @return the offending text */
	public String value() {
		return value;
	}
}
