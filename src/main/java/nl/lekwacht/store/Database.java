package nl.lekwacht.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.store.migration.V45__MaskStoredBsns;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: a pooled DataSource over H2 (one instance, a file under {@code data/}) or PostgreSQL
 * (several instances), migrated by Flyway at start-up. The same migrations serve both databases, so
 * they are written in the SQL both understand.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** The migration that masks stored BSNs; the H2 file is compacted after it ran. */
    private static final String MASKING_VERSION = "45";

    private final HikariDataSource dataSource;
    private final Dialect dialect;

    /** Which SQL flavour the store speaks, for the few statements that differ. */
    public enum Dialect { H2, POSTGRESQL }

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(StoreConfig config) {
        Dialect dialect = config.isH2() ? Dialect.H2 : Dialect.POSTGRESQL;
        HikariDataSource dataSource = pool(config, dialect);
        try {
            MigrateResult result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .javaMigrations(new V45__MaskStoredBsns())
                    .load().migrate();
            if (dialect == Dialect.H2 && !config.url().contains(":mem:") && upgradedByMasking(result)) {
                dataSource.close();
                compact(config);
                dataSource = pool(config, dialect);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        log.info("store ready: {}", redact(config.url()));
        return new Database(dataSource, dialect);
    }

    /**
     * The masking upgrade rewrote values that held full BSNs; H2 keeps old versions of pages in its
     * file until it is compacted, so the file is compacted once, right after (PostgreSQL: run
     * {@code VACUUM FULL} on the tables named in the migration, see the README).
     */
    private static boolean upgradedByMasking(MigrateResult result) {
        // a new store (no version before) has nothing to compact
        return result.initialSchemaVersion != null
                && result.migrations.stream().anyMatch(m -> MASKING_VERSION.equals(m.version));
    }

    /** With the pool closed, on a connection of its own: SHUTDOWN closes the database under every connection. */
    private static void compact(StoreConfig config) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(durableH2(config.url()), config.username(), config.password());
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the store to compact it: " + e.getMessage(), e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
            log.info("store compacted after masking the BSNs an earlier version stored");
        } catch (SQLException e) {
            throw new IllegalStateException("could not compact the store after the masking upgrade: "
                    + e.getMessage(), e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // already closed by the shutdown
            }
        }
    }

    private static HikariDataSource pool(StoreConfig config, Dialect dialect) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(dialect == Dialect.H2 ? durableH2(config.url()) : config.url());
        if (!config.username().isEmpty()) {
            hikari.setUsername(config.username());
        }
        if (!config.password().isEmpty()) {
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setPoolName("lekwacht-store");
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(10_000);
        if (dialect == Dialect.H2) {
            hikari.setExceptionOverride(new ClosedH2Eviction());
        }
        return new HikariDataSource(hikari);
    }

    /**
     * H2 writes committed transactions with a delay by default; a hold acknowledged with 250 must
     * survive kill -9 right after, so commits are written at once.
     */
    static String durableH2(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        if (!upper.contains("WRITE_DELAY")) {
            result.append(";WRITE_DELAY=0");
        }
        if (!upper.contains("DB_CLOSE_ON_EXIT")) {
            result.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return result.toString();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a connection can be had and answers a trivial query within a second. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
