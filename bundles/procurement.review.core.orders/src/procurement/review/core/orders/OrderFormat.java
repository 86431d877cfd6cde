package procurement.review.core.orders;

/** The output formats of an order. */
public enum OrderFormat {
	/** The memorandum to print and sign. */
	PDF("pdf"),
	/** The same memorandum for departments that fill in the plan in a word processor. */
	DOCX("docx"),
	/** The affected actions, one row per line, with typed cells. */
	XLSX("xlsx");

	private final String extension;

	OrderFormat(String extension) {
		this.extension = extension;
	}

	/**
	 * The file name extension, without the dot.
	 *
	 * @return e.g. "pdf"
	 */
	public String extension() {
		return extension;
	}
}
