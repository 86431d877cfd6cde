/**
 * The objects a review shares among its contract actions, indexed by the keys that make rows of every file and column
 * generation meet on one object: vendors ({@link procurement.review.core.importer.internal.index.VendorIndex}) and the
 * departments, components and offices that bought
 * ({@link procurement.review.core.importer.internal.index.OrganisationIndex}). Not API. Unlike the reading layer in
 * the other internal packages, these classes work on the EMF model.
 */
package procurement.review.core.importer.internal.index;
