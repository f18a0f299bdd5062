package nl.lekwacht.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.lekwacht.config.StoreConfig;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: a pooled DataSource over H2 (one instance, a file under {@code data/}) or PostgreSQL
 * (several instances), migrated by Flyway at start-up. The same migrations serve both databases, so
 * they are written in the SQL both understand.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

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
        HikariConfig hikari = new HikariConfig();
        Dialect dialect = config.isH2() ? Dialect.H2 : Dialect.POSTGRESQL;
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
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        log.info("store ready: {}", redact(config.url()));
        return new Database(dataSource, dialect);
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
