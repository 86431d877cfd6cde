package procurement.review.cli;

import org.apache.commons.text.StringEscapeUtils;

/**
 * The little JSON the CLI writes: a builder of one object at a time, string escaping by Commons Text. Public for
 * {@link procurement.review.cli.spi.ReviewOrders}, whose summary contributed commands write too.
 */
public final class Json {

	private final StringBuilder out = new StringBuilder();
	private boolean first = true;

	/**
	 * @param bracket an opening brace (object) or bracket (array)
	 * @return this
	 */
	public Json begin(char bracket) {
		comma();
		out.append(bracket);
		first = true;
		return this;
	}

	/**
	 * @param bracket the closing brace or bracket
	 * @return this
	 */
	public Json end(char bracket) {
		out.append(bracket);
		first = false;
		return this;
	}

	/**
	 * @param name the key of the next value
	 * @return this
	 */
	public Json key(String name) {
		comma();
		out.append('"').append(escape(name)).append("\":");
		first = true;
		return this;
	}

	/**
	 * @param value a number, boolean, null, or anything else as a string
	 * @return this
	 */
	public Json value(Object value) {
		comma();
		if (value == null) {
			out.append("null");
		} else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		} else {
			out.append('"').append(escape(value.toString())).append('"');
		}
		first = false;
		return this;
	}

	/**
	 * @param name a key
	 * @param value its value, as {@link #value} takes it
	 * @return this
	 */
	public Json field(String name, Object value) {
		return key(name).value(value);
	}

	/** Commons Text escapes every character JSON may escape; a slash needs none, and paths read better without. */
	private static String escape(String text) {
		return StringEscapeUtils.escapeJson(text).replace("\\/", "/");
	}

	private void comma() {
		if (!first) {
			out.append(',');
		}
		first = false;
	}

	@Override
	public String toString() {
		return out.toString();
	}
}
