package nl.lekwacht.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import nl.lekwacht.config.StoreConfig;

/**
 * Tries the configured store once, without migrating or creating anything: a PostgreSQL server must
 * take a connection and answer; an H2 file must exist in a writable directory (or the directory must be
 * one the gateway can create it in). A file locked by a running gateway counts as reachable.
 */
final class StoreProbe {

    private static final int SECONDS = 5;

    private StoreProbe() {
    }

    /** Empty when the store answers, else why not. */
    static Optional<String> probe(StoreConfig config) {
        return config.isH2() ? h2(config) : server(config.url(), config);
    }

    private static Optional<String> h2(StoreConfig config) {
        String url = config.url();
        String rest = url.substring("jdbc:h2:".length());
        if (!rest.startsWith("file:")) {
            return Optional.empty(); // in-memory or server mode: nothing on disk to look at
        }
        String path = rest.substring("file:".length()).split(";", 2)[0];
        Path file = Path.of(path + ".mv.db").toAbsolutePath();
        Path dir = file.getParent();
        if (!Files.exists(file)) {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.isWritable(existing) ? Optional.empty()
                    : Optional.of("store " + file + " does not exist and " + dir + " cannot be created");
        }
        if (!Files.isWritable(file)) {
            return Optional.of("store " + file + " is not writable by this user");
        }
        return server(url + ";IFEXISTS=TRUE", config).filter(reason -> !reason.toLowerCase(Locale.ROOT)
                .contains("locked"));
    }

    private static Optional<String> server(String url, StoreConfig config) {
        DriverManager.setLoginTimeout(SECONDS);
        try (Connection connection = DriverManager.getConnection(url,
                config.username().isEmpty() ? null : config.username(),
                config.password().isEmpty() ? null : config.password())) {
            return connection.isValid(SECONDS) ? Optional.empty() : Optional.of("store does not answer");
        } catch (SQLException e) {
            return Optional.of("store unreachable: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
