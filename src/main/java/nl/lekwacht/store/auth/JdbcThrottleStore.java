package nl.lekwacht.store.auth;

import java.time.Instant;
import javax.sql.DataSource;
import nl.lekwacht.store.Jdbc;
import nl.lekwacht.login.ThrottleStore;

/** Failed attempts in table {@code web_throttle}, one row each, shared by every instance. */
public final class JdbcThrottleStore implements ThrottleStore {

    private final Jdbc jdbc;

    public JdbcThrottleStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "login store");
    }

    @Override
    public int countSince(String key, Instant since) {
        return jdbc.one("SELECT COUNT(*) FROM web_throttle WHERE throttle_key = ? AND attempted_at > ?",
                rs -> rs.getInt(1), key, since).orElse(0);
    }

    @Override
    public void record(String key, Instant at) {
        jdbc.update("INSERT INTO web_throttle (throttle_key, attempted_at) VALUES (?, ?)", key, at);
    }

    @Override
    public void clear(String key) {
        jdbc.update("DELETE FROM web_throttle WHERE throttle_key = ?", key);
    }

    @Override
    public int deleteOlderThan(Instant before) {
        return jdbc.update("DELETE FROM web_throttle WHERE attempted_at <= ?", before);
    }
}
