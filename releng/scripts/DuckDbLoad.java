import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The benchmark's peer: DuckDB loading a CSV file into a table of an in-memory database, column types detected by
 * DuckDB, with a given number of threads. Run from source beside the benchmark (never part of the product):
 * {@code java -cp duckdb_jdbc.jar DuckDbLoad.java FILE.csv THREADS}; prints one JSON line
 * {@code {"name","rows","seconds"}} where {@code seconds} is the load alone, not the start of the JVM or DuckDB.
 */
public final class DuckDbLoad {

	private DuckDbLoad() {
	}

	public static void main(String[] args) throws SQLException {
		if (args.length != 2) {
			System.err.println("usage: DuckDbLoad FILE.csv THREADS");
			System.exit(2);
		}
		Path csv = Path.of(args[0]).toAbsolutePath();
		if (!Files.isRegularFile(csv)) {
			System.err.println("DuckDbLoad: no such file: " + csv);
			System.exit(2);
		}
		int threads = Integer.parseInt(args[1]);
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			st.execute("SET threads TO " + threads);
			String version;
			try (ResultSet rs = st.executeQuery("SELECT version()")) {
				rs.next();
				version = rs.getString(1);
			}
			long t0 = System.nanoTime();
			st.execute("CREATE TABLE contracts AS SELECT * FROM read_csv('" + csv.toString().replace("'", "''")
					+ "', header = true)");
			double seconds = (System.nanoTime() - t0) / 1e9;
			long rows;
			try (ResultSet rs = st.executeQuery("SELECT count(*) FROM contracts")) {
				rs.next();
				rows = rs.getLong(1);
			}
			System.out.println(String.format(Locale.ROOT, "{\"name\":\"duckdb %s\",\"rows\":%d,\"seconds\":%.3f}",
					version, rows, seconds));
		}
	}
}
