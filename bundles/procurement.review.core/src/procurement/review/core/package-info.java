/**
 * The headless heart of a review: opening and saving review files, the editing domain every change goes through,
 * and the audit log. No SWT and no OSGi service is needed here; the same classes run inside the workbench, in the
 * command line application and on a plain class path.
 */
package procurement.review.core;
