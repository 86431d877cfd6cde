/** The parts of the workbench: POJOs created by the e4 renderer, fed with the review session by injection. */
package procurement.review.ui.parts;
