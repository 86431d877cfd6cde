/**
 * The headless command line: {@code ./procurement-review SUBCOMMAND ...}. {@link procurement.review.cli.Cli} holds
 * the commands and runs on a plain class path too; {@link procurement.review.cli.CliApplication} is its Equinox
 * entry point.
 */
package procurement.review.cli;
