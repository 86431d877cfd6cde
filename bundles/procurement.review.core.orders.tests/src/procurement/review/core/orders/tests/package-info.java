/**
 * Tests of the removal order bundle: deadline arithmetic, totals, the PDF, DOCX and XLSX renderers (read
 * back with PDFBox and POI), formula neutralising and batch output, plus a PDF benchmark main.
 */
package procurement.review.core.orders.tests;
