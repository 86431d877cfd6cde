/** Wizards of the workbench: File > Import > Contracting report. */
package procurement.review.ui.wizards;
