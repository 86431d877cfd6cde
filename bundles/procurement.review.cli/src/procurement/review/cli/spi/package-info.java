/**
 * What other bundles implement to add a command to the headless command line: {@link CliCommand}, looked up as an
 * OSGi service when the command line starts; and {@link ReviewOrders}, the orders step of {@code review}, for a
 * contributed form of it that must write the same orders and summary.
 */
package procurement.review.cli.spi;
