package procurement.review.core.orders.internal.pdf;

/** A font chain at a size, with the line height used for it. */
record TextStyle(FontChain chain, float size, float leading) {

	float width(CharSequence text) {
		return chain.width(text, size);
	}
}
