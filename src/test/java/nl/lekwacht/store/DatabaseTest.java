package nl.lekwacht.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store opens and migrates on both databases, and a commit on H2 survives a hard kill. */
class DatabaseTest {

    @TempDir
    Path data;

    @Test
    void migratesAndRoundTripsOnAnH2File() throws Exception {
        try (Database database = Database.open(h2(data))) {
            assertThat(database.dialect()).isEqualTo(Database.Dialect.H2);
            roundTrip(database);
        }
    }

    @Test
    void migratesAndRoundTripsOnPostgresql() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); Database database = schema.open()) {
            assertThat(database.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
            roundTrip(database);
        }
    }

    @Test
    void keepsAnH2CommitWhenTheProcessIsKilledRightAfterIt() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(),
                data.resolve("store").toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).as(output).isEqualTo(CommitThenHalt.HALTED);
        try (Database database = Database.open(h2(data)); Connection c = database.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT hostname FROM gateway_instance WHERE instance_id = 'killed'")) {
            assertThat(rs.next()).as("row committed before the halt is there").isTrue();
            assertThat(rs.getString(1)).isEqualTo("written-before-kill");
        }
    }

    @Test
    void refusesAnH2UrlWithSeveralInstances() {
        var config = new nl.lekwacht.config.ConfigLoader(java.util.Map.of())
                .parse("store:\n  url: jdbc:h2:file:./x\n  instances: 2\norganisation:\n  internal-domains: [a.nl]\n");
        assertThat(config.problems()).anySatisfy(p -> assertThat(p.key()).isEqualTo("store.instances"));
    }

    static StoreConfig h2(Path dir) {
        return new StoreConfig("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "", "", 2, 1);
    }

    private static void roundTrip(Database database) throws Exception {
        assertThat(database.isReachable()).isTrue();
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO gateway_instance (instance_id, hostname, started_at, last_seen_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, "i-1");
                insert.setString(2, "host-é");
                insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-11-22T10:00:00Z")));
                insert.setTimestamp(4, Timestamp.from(Instant.parse("2026-11-22T10:00:00Z")));
                insert.executeUpdate();
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT hostname FROM gateway_instance")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("host-é");
            }
        }
    }

    /** Run in a child JVM: commits one row, then halts without any shutdown, like kill -9. */
    public static final class CommitThenHalt {
        static final int HALTED = 77;

        public static void main(String[] args) throws Exception {
            Database database = Database.open(new StoreConfig("jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath(),
                    "", "", 2, 1));
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO gateway_instance (instance_id, hostname, started_at, last_seen_at) VALUES ('killed', 'written-before-kill', ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setTimestamp(1, now);
                insert.setTimestamp(2, now);
                insert.executeUpdate();
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
