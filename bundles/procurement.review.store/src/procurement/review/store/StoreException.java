package procurement.review.store;

/**
 * A shared review could not be read or written: the database cannot be reached, refused the credentials, or holds
 * no such review. Its message is one sentence for the reviewer.
 */
public class StoreException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what went wrong, in one sentence
	 */
	public StoreException(String message) {
		super(message);
	}

	/**
	 * @param message what went wrong, in one sentence
	 * @param cause   the underlying error
	 */
	public StoreException(String message, Throwable cause) {
		super(message, cause);
	}
}
