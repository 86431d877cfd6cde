package procurement.review.store.commands;

import java.io.PrintStream;
import java.util.Locale;

import procurement.review.store.DatabaseAddress;
import procurement.review.store.LocalServer;
import procurement.review.store.StoreException;

/**
 * {@code ./procurement-review db start|stop|status}: the local PostgreSQL server of this user ({@link LocalServer}),
 * its data in the state folder. {@code start} and {@code status} print its JDBC URL on the last line. {@code user NAME}
 * creates a reviewer's own database user on it, its password in a file only this user can read.
 */
public final class DbCommand extends StoreCommand {

	@Override
	public String name() {
		return "db";
	}

	@Override
	public String usage() {
		return "db start|stop|status | db user NAME";
	}

	@Override
	public String summary() {
		return "start, stop or show the local PostgreSQL server for shared reviews (127.0.0.1 only); prints its URL";
	}

	@Override
	int run(String[] args, PrintStream out, PrintStream err) throws StoreException {
		LocalServer server = new LocalServer(DatabaseAddress.stateFolder());
		if (args.length == 2 && args[0].equals("user")) {
			DatabaseAddress reviewer = server.addReviewer(args[1]);
			out.println("database user " + reviewer.user() + " (password in "
					+ DatabaseAddress.stateFolder().resolve("db").resolve("users").resolve(reviewer.user())
					+ "); connect with " + DatabaseAddress.USER + "=" + reviewer.user());
			out.println(reviewer.url());
			return OK;
		}
		if (args.length != 1) {
			throw new StoreException("usage: " + usage());
		}
		switch (args[0]) {
			case "start" -> {
				DatabaseAddress address = server.start();
				out.println("running as user " + address.user() + " (password in "
						+ DatabaseAddress.stateFolder().resolve("db").resolve("password") + ")");
				out.println(address.url());
			}
			case "stop" -> {
				server.stop();
				out.println("stopped");
			}
			case "status" -> {
				LocalServer.State state = server.status();
				out.println(state.name().toLowerCase(Locale.ROOT));
				if (state != LocalServer.State.ABSENT) {
					out.println(server.address().url());
				}
			}
			default -> throw new StoreException("'" + args[0] + "' is not start, stop or status");
		}
		return OK;
	}
}
