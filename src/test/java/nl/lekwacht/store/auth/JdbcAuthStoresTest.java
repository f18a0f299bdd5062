package nl.lekwacht.store.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import nl.lekwacht.config.StoreConfig;
import nl.lekwacht.store.Database;
import nl.lekwacht.support.PostgresSchema;
import nl.lekwacht.login.Account;
import nl.lekwacht.login.Role;
import nl.lekwacht.login.SessionStore.StoredSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions and stored accounts on H2 and PostgreSQL, as every instance sees them. */
class JdbcAuthStoresTest {

    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void storesWorkOnH2() {
        try (Database db = Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("s").toAbsolutePath(), "", "",
                4, 1))) {
            exercise(db, db);
        }
    }

    @Test
    void aSessionMadeByOneInstanceIsSeenByAnotherOnPostgres() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); Database one = schema.open(); Database two = schema.open()) {
            exercise(one, two);
        }
    }

    private static void exercise(Database one, Database two) {
        JdbcSessionStore sessions = new JdbcSessionStore(one.dataSource());
        StoredSession session = new StoredSession("a".repeat(64), "fg", Set.of(Role.PRIVACY_OFFICER, Role.MAIL_ADMIN),
                "csrf-token", T0, T0.plusSeconds(3600));
        sessions.save(session);
        JdbcSessionStore other = new JdbcSessionStore(two.dataSource());
        assertThat(other.find("a".repeat(64))).contains(session);
        assertThat(other.deleteExpired(T0.plusSeconds(3599))).isZero();
        assertThat(other.deleteExpired(T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(sessions.find("a".repeat(64))).isEmpty();

        JdbcAccounts accounts = new JdbcAccounts(one.dataSource());
        accounts.save(new Account("beheer", "$2a$04$abcdefghijklmnopqrstuu", Set.of(Role.MAIL_ADMIN)), T0);
        accounts.save(new Account("beheer", "$2a$04$abcdefghijklmnopqrstuv", Set.of(Role.MAIL_ADMIN, Role.STAFF)), T0);
        assertThat(new JdbcAccounts(two.dataSource()).find("beheer")).contains(new Account("beheer",
                "$2a$04$abcdefghijklmnopqrstuv", Set.of(Role.MAIL_ADMIN, Role.STAFF)));
        assertThat(accounts.find("nobody")).isEmpty();
    }
}
