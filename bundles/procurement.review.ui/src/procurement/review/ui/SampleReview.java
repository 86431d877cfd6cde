package procurement.review.ui;

import java.io.IOException;
import java.io.InputStream;

import procurement.review.core.ReviewSession;

/**
 * The bundled sample review: the real Treasury contract actions of 2016-09-08 plus a few made-up covered-vendor rows
 * (they say so in their description). It opens untitled, so saving never writes into the installation.
 */
public final class SampleReview {

	/** The resource path of the sample inside this bundle. */
	public static final String PATH = "/samples/sample.review";

	private SampleReview() {
	}

	/**
	 * @return a new session on a copy of the sample review
	 * @throws IOException when the bundled sample cannot be read
	 */
	public static ReviewSession open() throws IOException {
		try (InputStream in = SampleReview.class.getResourceAsStream(PATH)) {
			if (in == null) {
				throw new IOException("The bundled sample review " + PATH + " is missing");
			}
			return ReviewSession.load(in, "sample.review");
		}
	}
}
