package nl.lekwacht.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.store.migration.V45__MaskStoredBsns;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store left by the last released version opens under this one. Flyway refuses a migration numbered
 * below one already applied, so a new migration must be numbered above the highest released one; this
 * fails when one is not.
 */
class UpgradeFromLastReleaseTest {

    /** The highest migration of the last released version. */
    private static final String LAST_RELEASED = "90";

    @TempDir
    Path data;

    @Test
    void storeAtTheLastReleasedMigrationOpensAndGetsEveryNewOne() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("store").toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .javaMigrations(new V45__MaskStoredBsns()).target(LAST_RELEASED).load().migrate();
        try (Database database = Database.open(new StoreConfig(url, "", "", 2, 1))) {
            assertThat(database.isReachable()).isTrue();
        }
        var info = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .javaMigrations(new V45__MaskStoredBsns()).load().info();
        assertThat(info.pending()).as("nothing left to apply").isEmpty();
        assertThat(info.current().getVersion().getVersion()).as("the newest migration applied")
                .isEqualTo(info.all()[info.all().length - 1].getVersion().getVersion());
    }
}
