/**
 * The e4 workbench of the review: application life cycle and the objects shared through the application context.
 * Parts live in {@code parts}, handlers in {@code handlers}; the thin JFace adapters to EMF.Edit in {@code internal}.
 */
package procurement.review.ui;
