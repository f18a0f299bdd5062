package nl.lekwacht.store.auth;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import nl.lekwacht.store.Jdbc;
import nl.lekwacht.login.Role;
import nl.lekwacht.login.SessionStore;

/** Sessions in table {@code web_session}. */
public final class JdbcSessionStore implements SessionStore {

    private final Jdbc jdbc;

    public JdbcSessionStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "login store");
    }

    @Override
    public void save(StoredSession s) {
        jdbc.update("INSERT INTO web_session (id_hash, user_name, roles, csrf_token, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", s.idHash(), s.user(), Role.join(s.roles()), s.csrfToken(),
                s.createdAt(), s.expiresAt());
    }

    @Override
    public Optional<StoredSession> find(String idHash) {
        return jdbc.one("SELECT * FROM web_session WHERE id_hash = ?", rs -> new StoredSession(
                rs.getString("id_hash"), rs.getString("user_name"), Role.split(rs.getString("roles")),
                rs.getString("csrf_token"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at")), idHash);
    }

    @Override
    public void delete(String idHash) {
        jdbc.update("DELETE FROM web_session WHERE id_hash = ?", idHash);
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.update("DELETE FROM web_session WHERE expires_at <= ?", now);
    }
}
