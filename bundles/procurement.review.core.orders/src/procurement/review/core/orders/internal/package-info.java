/**
 * Implementation of the order renderers. Not API: the packages below hold all PDFBox code ({@code pdf}) and
 * all POI code ({@code office}), so each library is confined to one package.
 */
package procurement.review.core.orders.internal;
