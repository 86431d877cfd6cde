package procurement.review.core.importer;

import java.io.IOException;

/**
 * The file cannot be read as a table: it has a format the importer refuses (HTML page, PDF, image, password
 * protected workbook, DTD in XML) or its structure is broken. The message is meant for the reviewer and names the
 * file.
 */
public class TableFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	/** Why the file was refused, for callers that want to react differently to each case. */
	public enum Reason {
		/** Not a format the importer knows (HTML, PDF, image, Word, ...). */
		UNSUPPORTED,
		/** The workbook is encrypted with a password. */
		PASSWORD_PROTECTED,
		/** A recognised format whose content is broken or unsafe (DTD, zip bomb, missing parts). */
		MALFORMED
	}

	private final Reason reason;

	/**
	 * Creates the exception.
	 *
	 * @param reason  why the file was refused
	 * @param message a message for the reviewer
	 */
	public TableFormatException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Creates the exception with its cause.
	 *
	 * @param reason  why the file was refused
	 * @param message a message for the reviewer
	 * @param cause   the underlying error
	 */
	public TableFormatException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/**
	 * Tells why the file was refused.
	 *
	 * @return the reason, never {@code null}
	 */
	public Reason reason() {
		return reason;
	}
}
