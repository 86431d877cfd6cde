package procurement.review.screening;

/** Input a command rejects: its message is the one line the user sees, and the exit code is 2. */
final class BadInputException extends Exception {

	private static final long serialVersionUID = 1L;

	BadInputException(String message) {
		super(message);
	}
}
