package procurement.review.store;

/**
 * A decision was refused because a hit it answers changed since the reviewer read it: another reviewer decided it
 * in between. Nothing was written; the reviewer reads the hit again and decides again.
 */
public final class ConflictException extends StoreException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message which hit changed, and by whom, in one sentence
	 */
	public ConflictException(String message) {
		super(message);
	}
}
