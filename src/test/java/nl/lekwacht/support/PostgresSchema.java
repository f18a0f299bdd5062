package nl.lekwacht.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.store.Database;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema for one test class, dropped afterwards, so parallel runs never collide.
 * The server comes from {@code -Dlekwacht.test.postgres.url} (default: the local test database).
 * When it cannot be reached the test is skipped with a clear message, unless
 * {@code -Dlekwacht.test.requirePostgres=true} or {@code CI=true}: then it fails loudly.
 */
public final class PostgresSchema implements AutoCloseable {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String baseUrl;
    private final String schema;

    private PostgresSchema(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    public static PostgresSchema create() {
        String url = System.getProperty("lekwacht.test.postgres.url", "");
        if (url.isBlank() || url.startsWith("${")) {
            url = DEFAULT_URL;
        }
        String schema = "hist_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            boolean required = Boolean.getBoolean("lekwacht.test.requirePostgres")
                    || "true".equalsIgnoreCase(System.getenv("CI"));
            String message = "PostgreSQL not reachable at " + url + " (" + e.getMessage() + ")";
            if (required) {
                Assertions.fail(message + "; required by lekwacht.test.requirePostgres or CI=true");
            }
            Assumptions.abort(message + "; PostgreSQL tests skipped");
        }
        return new PostgresSchema(url, schema);
    }

    /** JDBC URL of the schema: every connection uses it as its current schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public Database open() {
        return Database.open(new StoreConfig(url(), "", "", 4, 2));
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
