package procurement.review.store;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * The shared-review schema, brought to its newest version by Flyway from the versioned SQL migrations in this
 * bundle's {@code db/migration} folder ({@code V1__shared_reviews.sql}, {@code V2__orders_and_roles.sql}, ...).
 * Flyway records what it applied in its own table ({@code flyway_schema_history}) and holds a PostgreSQL advisory
 * lock while it migrates, so clients that open the same database at once do not migrate it twice.
 */
public final class Schema {

	/** Where the migrations are, on this bundle's class path. */
	static final String LOCATION = "classpath:db/migration";

	/**
	 * Flyway reports every check at INFO ("Schema ... is up to date"): on the command line that would be lines on
	 * standard error for each command. Warnings still show. Held here, as JUL keeps loggers only weakly.
	 */
	private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

	static {
		FLYWAY_LOG.setLevel(Level.WARNING);
	}

	private Schema() {
	}

	/**
	 * Migrates the database to the newest version.
	 *
	 * @param dataSource the database
	 * @return the version the database is at afterwards
	 * @throws StoreException when a migration fails (the database stays at the last version that succeeded)
	 */
	public static String migrate(DataSource dataSource) throws StoreException {
		return migrate(dataSource, MigrationVersion.LATEST.getVersion());
	}

	/**
	 * Migrates the database up to a given version, e.g. to set up a database as an older client left it.
	 *
	 * @param dataSource the database
	 * @param version    the version to stop at, e.g. {@code "1"}
	 * @return the version the database is at afterwards
	 * @throws StoreException when a migration fails
	 */
	public static String migrate(DataSource dataSource, String version) throws StoreException {
		startFlyway();
		// Flyway finds the migrations through the class loader it is given: this bundle's, where db/migration is.
		Flyway flyway = Flyway.configure(Schema.class.getClassLoader()).dataSource(dataSource)
				.locations(LOCATION).target(MigrationVersion.fromVersion(version)).load();
		try {
			MigrateResult result = flyway.migrate();
			String now = result.targetSchemaVersion != null ? result.targetSchemaVersion
					: result.initialSchemaVersion;
			return now == null ? "0" : now;
		} catch (FlywayException e) {
			throw new StoreException("the shared-review schema could not be migrated: " + firstLine(e.getMessage()),
					e);
		}
	}

	/**
	 * Flyway's OSGi scanner lists another bundle's migrations through its own bundle's context, which only a started
	 * bundle has; without it, it silently finds no migration. Flyway declares no activation policy, so nothing else
	 * starts it. Outside OSGi there is nothing to start.
	 */
	private static void startFlyway() throws StoreException {
		Bundle flyway = FrameworkUtil.getBundle(Flyway.class);
		if (flyway == null || (flyway.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
			return;
		}
		try {
			flyway.start(Bundle.START_TRANSIENT);
		} catch (BundleException e) {
			throw new StoreException("Flyway (" + flyway.getSymbolicName() + ") could not start: " + e.getMessage(), e);
		}
	}

	static String firstLine(String message) {
		return message == null ? "unknown reason" : message.strip().lines().findFirst().orElse("unknown reason");
	}
}
