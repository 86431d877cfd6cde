package procurement.review.core.importer;

import java.io.IOException;

/**
 * A file that cannot be imported at all: one clear sentence naming the file and why. The review is unchanged.
 */
public class ImportException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message the sentence for the reviewer
	 * @param cause the underlying failure, if any
	 */
	public ImportException(String message, Throwable cause) {
		super(message, cause);
	}
}
