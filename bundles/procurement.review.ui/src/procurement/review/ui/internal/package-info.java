/**
 * Thin JFace adapters to EMF.Edit: EMF's own edit.ui bundle is not on Maven Central, so labels, images and the
 * session's change notifications reach viewers through these few classes.
 */
package procurement.review.ui.internal;
