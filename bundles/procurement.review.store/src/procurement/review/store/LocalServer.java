package procurement.review.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.postgresql.PGConnection;

/**
 * A PostgreSQL server for one user, from the operating system's package (Debian's {@code postgresql}): its data in
 * the user's state folder ({@code db/}), listening on 127.0.0.1 only, on a port free when it was set up, with a
 * generated password for the user {@value #USER} kept in {@code db/password}, readable by the user only.
 * <p>
 * PostgreSQL refuses to run as root: as root, {@code initdb} and {@code pg_ctl} run as the {@code postgres} user
 * ({@code runuser}) on a data folder that user owns. When that user cannot reach the state folder (root's home is
 * closed to others), the data folder is under PostgreSQL's own home instead, and {@code db/server.properties} says
 * where.
 */
public final class LocalServer {

	/** The database user the local server is set up with. */
	public static final String USER = "review";

	private static final String SERVICE_USER = "postgres";
	private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

	private final Path folder;

	/**
	 * @param state the user's state folder ({@link DatabaseAddress#stateFolder()}); the server lives in its
	 *              {@code db} folder
	 */
	public LocalServer(Path state) {
		this.folder = state.resolve("db");
	}

	/** What {@link #status()} found. */
	public enum State {
		/** never set up in this state folder */
		ABSENT,
		/** set up, not running */
		STOPPED,
		/** running */
		RUNNING
	}

	/**
	 * Sets the server up if it never was, and starts it unless it runs.
	 *
	 * @return its address, with the generated password
	 * @throws StoreException when PostgreSQL is not installed or does not start (the message names its log)
	 */
	public DatabaseAddress start() throws StoreException {
		Path binaries = binaries();
		try {
			if (!Files.exists(folder.resolve("server.properties"))) {
				setUp(binaries);
			}
			if (status() != State.RUNNING) {
				run(binaries, "pg_ctl", "-D", dataFolder().toString(), "-l", log().toString(), "-w", "-t", "60",
						"start");
			}
			return address();
		} catch (IOException e) {
			throw new StoreException("the local PostgreSQL server in " + folder + " could not start: " + e.getMessage()
					+ " (see " + log() + ")", e);
		}
	}

	/**
	 * Stops the server (fast: open transactions are rolled back) if it runs.
	 *
	 * @throws StoreException when it does not stop
	 */
	public void stop() throws StoreException {
		if (status() != State.RUNNING) {
			return;
		}
		try {
			run(binaries(), "pg_ctl", "-D", dataFolder().toString(), "-m", "fast", "-w", "-t", "60", "stop");
		} catch (IOException e) {
			throw new StoreException("the local PostgreSQL server in " + folder + " did not stop: " + e.getMessage(),
					e);
		}
	}

	/**
	 * Stops the server and deletes its data, password and settings: for tests, which leave nothing behind.
	 *
	 * @throws StoreException when it does not stop or cannot be deleted
	 */
	public void destroy() throws StoreException {
		stop();
		try {
			Path data = dataFolder();
			delete(data);
			delete(folder);
		} catch (IOException e) {
			throw new StoreException("the local PostgreSQL data in " + folder + " could not be deleted: "
					+ e.getMessage(), e);
		}
	}

	/**
	 * @return whether the server is set up and whether it runs
	 * @throws StoreException when PostgreSQL is not installed
	 */
	public State status() throws StoreException {
		if (!Files.exists(folder.resolve("server.properties"))) {
			return State.ABSENT;
		}
		try {
			Result result = exec(binaries(), "pg_ctl", "-D", dataFolder().toString(), "status");
			return result.code() == 0 ? State.RUNNING : State.STOPPED;
		} catch (IOException e) {
			throw new StoreException("the status of the local PostgreSQL server in " + folder + " is unknown: "
					+ e.getMessage(), e);
		}
	}

	/**
	 * @return the address of the server set up here (whether it runs or not), or null when there is none
	 */
	public DatabaseAddress address() {
		try {
			Properties settings = settings();
			String password = Files.readString(folder.resolve("password"), StandardCharsets.UTF_8).strip();
			return new DatabaseAddress("jdbc:postgresql://127.0.0.1:" + settings.getProperty("port") + "/postgres",
					USER, password);
		} catch (IOException e) {
			return null;
		}
	}

	/** What a reviewer's database user may be called: lower case, as PostgreSQL folds unquoted names. */
	private static final Pattern REVIEWER_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	/** The group role of reviewers; schema version 4 grants it what a reviewer may do. */
	static final String REVIEWER_GROUP = "procurement_reviewer";

	/**
	 * Creates the login role of a reviewer on the running server (what a DBA does on a real server), a member of
	 * {@value #REVIEWER_GROUP}, with a generated password kept in {@code db/users/NAME}, readable by the user only.
	 * A reviewer who has one already gets a new password.
	 *
	 * @param name the reviewer's name: lower-case letters, digits and underscores, starting with a letter
	 * @return the address the reviewer connects with
	 * @throws StoreException when the name is not allowed or the server refuses
	 */
	public DatabaseAddress addReviewer(String name) throws StoreException {
		if (name == null || !REVIEWER_NAME.matcher(name).matches() || name.equals(USER) || name.equals(SERVICE_USER)
				|| name.startsWith("pg_") || name.equals(REVIEWER_GROUP)) {
			throw new StoreException("'" + name + "' cannot be a reviewer's database user (lower-case letters,"
					+ " digits and _, starting with a letter; not " + USER + ", " + SERVICE_USER + ", "
					+ REVIEWER_GROUP + " or pg_...)");
		}
		DatabaseAddress admin = address();
		if (admin == null || status() != State.RUNNING) {
			throw new StoreException("the local server is not running: ./procurement-review db start");
		}
		String password = generatePassword();
		try (Connection c = ReviewStore.dataSource(admin).getConnection();
				Statement s = c.createStatement()) {
			PGConnection pg = c.unwrap(PGConnection.class);
			// Role names cannot be bound in DDL: the name is checked above and quoted by the driver.
			String role = pg.escapeIdentifier(name);
			String group = pg.escapeIdentifier(REVIEWER_GROUP);
			boolean exists;
			try (PreparedStatement q = c.prepareStatement("select count(*) from pg_roles where rolname = ?")) {
				q.setString(1, REVIEWER_GROUP);
				try (ResultSet r = q.executeQuery()) {
					r.next();
					exists = r.getInt(1) > 0;
				}
				if (!exists) {
					s.execute("create role " + group + " nologin");
				}
				q.setString(1, name);
				try (ResultSet r = q.executeQuery()) {
					r.next();
					exists = r.getInt(1) > 0;
				}
			}
			if (!exists) {
				s.execute("create role " + role + " login");
			}
			s.execute("grant " + group + " to " + role);
			// The driver hashes the password (SCRAM) before it reaches the server: no clear text in its logs.
			pg.alterUserPassword(name, password.toCharArray(), "scram-sha-256");
			Path users = folder.resolve("users");
			Files.createDirectories(users);
			writePrivate(users.resolve(name), password + "\n");
		} catch (SQLException | IOException e) {
			throw new StoreException("the reviewer " + name + " could not be created: "
					+ Schema.firstLine(e.getMessage()), e);
		}
		return new DatabaseAddress(admin.url(), name, password);
	}

	/**
	 * @param name a reviewer made by {@link #addReviewer}
	 * @return the reviewer's password, or null when this server has none for that name
	 */
	String reviewerPassword(String name) {
		if (name == null || !REVIEWER_NAME.matcher(name).matches()) {
			return null;
		}
		try {
			return Files.readString(folder.resolve("users").resolve(name), StandardCharsets.UTF_8).strip();
		} catch (IOException e) {
			return null;
		}
	}

	/**
	 * @return the server's log file, in its data folder (the one folder the server's user may write to)
	 */
	public Path log() {
		try {
			return dataFolder().resolve("server.log");
		} catch (IOException e) {
			return folder.resolve("data").resolve("server.log");
		}
	}

	private Properties settings() throws IOException {
		Properties settings = new Properties();
		try (Reader in = Files.newBufferedReader(folder.resolve("server.properties"), StandardCharsets.UTF_8)) {
			settings.load(in);
		}
		return settings;
	}

	private Path dataFolder() throws IOException {
		return Path.of(settings().getProperty("data"));
	}

	private void setUp(Path binaries) throws IOException, StoreException {
		Files.createDirectories(folder);
		boolean root = isRoot();
		Path data = folder.resolve("data");
		if (root && exec(null, "runuser", "-u", SERVICE_USER, "--", "test", "-x", folder.toString()).code() != 0) {
			// The postgres user cannot reach the state folder (root's home is closed): PostgreSQL's own home.
			String path = folder.toAbsolutePath().normalize().toString();
			String tag = HexFormat.of().formatHex(sha256(path.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
			data = Path.of("/var/lib/postgresql/procurement-review", tag);
		}
		delete(data);
		Files.createDirectories(data);
		String password = generatePassword();
		Path passwordFile = folder.resolve("password");
		writePrivate(passwordFile, password + "\n");
		// initdb reads the password from a file its user can read; it is deleted right after.
		Path initPassword = data.resolveSibling(data.getFileName() + ".pw");
		writePrivate(initPassword, password + "\n");
		try {
			if (root) {
				UserPrincipal postgres = data.getFileSystem().getUserPrincipalLookupService()
						.lookupPrincipalByName(SERVICE_USER);
				Files.setOwner(data, postgres);
				Files.setOwner(initPassword, postgres);
			}
			Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
			run(binaries, "initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + initPassword, "-A",
					"scram-sha-256", "-E", "UTF8", "--no-locale");
		} finally {
			Files.deleteIfExists(initPassword);
		}
		int port = freePort();
		// Loopback only, and no Unix socket (its default folder belongs to the system's PostgreSQL).
		Files.writeString(data.resolve("postgresql.conf"), "\n# ./procurement-review db start\nlisten_addresses = "
				+ "'127.0.0.1'\nport = " + port + "\nunix_socket_directories = ''\n", StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
		Properties settings = new Properties();
		settings.setProperty("port", Integer.toString(port));
		settings.setProperty("data", data.toString());
		try (Writer out = Files.newBufferedWriter(folder.resolve("server.properties"), StandardCharsets.UTF_8)) {
			settings.store(out, "the local PostgreSQL server of ./procurement-review db start");
		}
	}

	/**
	 * @return the folder of PostgreSQL's programs: {@code $PROCUREMENT_REVIEW_PG_BIN}, else the newest version of
	 *         Debian's package under {@code /usr/lib/postgresql}
	 */
	static Path binaries() throws StoreException {
		String configured = System.getenv("PROCUREMENT_REVIEW_PG_BIN");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
			return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
					.max(Comparator.comparing(LocalServer::versionOf)).orElseThrow(() -> notInstalled());
		} catch (IOException e) {
			throw notInstalled();
		}
	}

	private static int versionOf(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private static StoreException notInstalled() {
		return new StoreException("PostgreSQL is not installed (no pg_ctl under " + DEBIAN_BINARIES
				+ "): install Debian's package with 'apt-get install postgresql'");
	}

	private record Result(int code, String output) {
	}

	private void run(Path binaries, String program, String... args) throws IOException, StoreException {
		Result result = exec(binaries, program, args);
		if (result.code() != 0) {
			List<String> lines = result.output().strip().lines().toList();
			throw new IOException(program + " failed (exit " + result.code() + ")"
					+ (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1)));
		}
	}

	private Result exec(Path binaries, String program, String... args) throws IOException, StoreException {
		List<String> command = new ArrayList<>();
		if (binaries != null && isRoot()) {
			command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
		}
		command.add(binaries == null ? program : binaries.resolve(program).toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(program + " did not finish within 2 minutes");
			}
			return new Result(process.exitValue(), output);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new StoreException("interrupted while " + program + " ran", e);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static String generatePassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void writePrivate(Path file, String text) throws IOException {
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void delete(Path tree) throws IOException {
		if (!Files.exists(tree)) {
			return;
		}
		Files.walkFileTree(tree, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
