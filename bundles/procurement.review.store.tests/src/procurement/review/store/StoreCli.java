package procurement.review.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import procurement.review.cli.Cli;
import procurement.review.store.commands.DbCommand;
import procurement.review.store.commands.DecideCommand;
import procurement.review.store.commands.MemberCommand;
import procurement.review.store.commands.OrderCommand;
import procurement.review.store.commands.ShareCommand;
import procurement.review.store.commands.SharedInfoCommand;
import procurement.review.store.commands.SharedReviewCommand;
import procurement.review.store.commands.TagCommand;

/**
 * The command line in the test's process with every command of the store contributed, as the product has it
 * ({@code --db} forms routed to the store), connected as the database user {@link #connectAs} names: the commands
 * read the user and password that the environment gives in the product from these system properties.
 */
final class StoreCli {

	private static final String USER = "procurement.review.db.user";
	private static final String PASSWORD = "procurement.review.db.password";

	/** What one run printed and returned. */
	record Run(int code, String out, String err) {

		String lastLine() {
			List<String> lines = out.strip().lines().toList();
			return lines.get(lines.size() - 1);
		}
	}

	private StoreCli() {
	}

	static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), List.of(new DbCommand(), new ShareCommand(),
						new DecideCommand(), new SharedInfoCommand(), new TagCommand(), new SharedReviewCommand(),
						new OrderCommand(), new MemberCommand()));
		int code = cli.run(args);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Later runs connect as the user of this address. */
	static void connectAs(DatabaseAddress db) {
		System.setProperty(USER, db.user());
		System.setProperty(PASSWORD, db.password());
	}

	/** Later runs take the user only: its password is looked up (the local server's password file). */
	static void connectAs(String user) {
		System.setProperty(USER, user);
		System.clearProperty(PASSWORD);
	}

	static void disconnect() {
		System.clearProperty(USER);
		System.clearProperty(PASSWORD);
	}
}
