/**
 * The shared-review commands of {@code ./procurement-review} ({@code db}, {@code share}, {@code decide},
 * {@code tag --db}, {@code review --db},
 * {@code info --db}), contributed to the command line as {@code CliCommand} services.
 */
package procurement.review.store.commands;
