/**
 * The invariants of a review, checked through EMF's {@link org.eclipse.emf.ecore.util.Diagnostician}.
 * <p>
 * {@link procurement.review.model.validation.ReviewModelValidator#register()} installs them for the review package;
 * call it once (the OSGi and plain class path entry points of the core do).
 */
package procurement.review.model.validation;
