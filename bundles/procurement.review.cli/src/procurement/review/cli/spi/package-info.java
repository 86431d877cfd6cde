/**
 * What other bundles implement to add a command to the headless command line: {@link CliCommand}, looked up as an
 * OSGi service when the command line starts.
 */
package procurement.review.cli.spi;
