package procurement.review.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a shared review lives: a JDBC URL ({@code jdbc:postgresql://host:port/database}, with {@code sslmode=...}
 * when the server is to be reached over TLS) and the database user who connects, one per reviewer.
 * <p>
 * Credentials never come from a file in the repository: they come from {@value #USER} and {@value #PASSWORD} in the
 * environment, or, for the local server of {@code ./procurement-review db start}, from its password file in the
 * user's state folder (readable by the user only).
 *
 * @param url      the JDBC URL
 * @param user     the database user, null when the URL names it
 * @param password the password, null when the URL names it or the server needs none
 */
public record DatabaseAddress(String url, String user, String password) {

	/** The environment variable naming the database user. */
	public static final String USER = "PROCUREMENT_REVIEW_DB_USER";

	/** The environment variable holding the database user's password. */
	public static final String PASSWORD = "PROCUREMENT_REVIEW_DB_PASSWORD";

	/**
	 * @param url      the JDBC URL
	 * @param user     the database user, null when the URL names it
	 * @param password the password, null when the URL names it or the server needs none
	 */
	public DatabaseAddress {
		Objects.requireNonNull(url, "url");
	}

	/**
	 * The address of a URL with the credentials the environment gives ({@value #USER}, {@value #PASSWORD}; system
	 * properties of the same names in lower case with dots win, for tests), else those of the local server in the
	 * state folder when the URL is its URL.
	 *
	 * @param url   the JDBC URL given by the user
	 * @param state the user's state folder
	 * @return the address
	 * @throws StoreException when the URL is not a PostgreSQL JDBC URL
	 */
	public static DatabaseAddress resolve(String url, Path state) throws StoreException {
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			throw new StoreException(
					"'" + url + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE)");
		}
		String user = setting(USER);
		LocalServer server = new LocalServer(state);
		DatabaseAddress local = server.address();
		if (user != null) {
			String password = setting(PASSWORD);
			// A reviewer of the local server (db user NAME) needs only the name: the password is in its file.
			if (password == null && local != null && sameServer(local.url(), url)) {
				password = server.reviewerPassword(user);
			}
			return new DatabaseAddress(url, user, password);
		}
		if (local != null && local.url().equals(url)) {
			return local;
		}
		return new DatabaseAddress(url, null, setting(PASSWORD));
	}

	/**
	 * @return the user's state folder: {@code procurement.review.home} (set by the launcher), else
	 *         {@code $PROCUREMENT_REVIEW_HOME}, else {@code ~/.procurement-review}
	 */
	public static Path stateFolder() {
		String home = System.getProperty("procurement.review.home");
		if (home == null || home.isBlank()) {
			home = System.getenv("PROCUREMENT_REVIEW_HOME");
		}
		return home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".procurement-review")
				: Path.of(home);
	}

	private static boolean sameServer(String local, String url) {
		String server = local.substring(0, local.lastIndexOf('/') + 1);
		return url.startsWith(server);
	}

	private static String setting(String variable) {
		String value = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
		value = value != null ? value : System.getenv(variable);
		return value == null || value.isEmpty() ? null : value;
	}

	@Override
	public String toString() {
		// Never the password: an address ends up in messages and logs.
		return url + (user == null ? "" : " as " + user);
	}
}
