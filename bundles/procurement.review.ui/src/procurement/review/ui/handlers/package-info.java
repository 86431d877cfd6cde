/** The handlers of the workbench's commands: POJOs with {@code @Execute} and {@code @CanExecute}. */
package procurement.review.ui.handlers;
