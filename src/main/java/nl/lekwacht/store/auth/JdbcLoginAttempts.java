package nl.lekwacht.store.auth;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import nl.lekwacht.login.LoginAttempts;
import nl.lekwacht.store.Jdbc;

/**
 * Login attempts in table {@code login_attempt}, one row per key. Counting is one conditional
 * {@code UPDATE ... SET attempts = attempts + 1 ... WHERE attempts < limit}: the database locks the row
 * and re-checks the condition, so on H2 and PostgreSQL alike no two requests can take the last
 * place. The first attempt of a key inserts its row; when two instances insert at once, the loser
 * sees the unique key and counts through the update instead.
 */
public final class JdbcLoginAttempts implements LoginAttempts {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbc jdbc;

    public JdbcLoginAttempts(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "login store");
    }

    @Override
    public boolean tryCount(String key, Instant now, Duration window, int limit) {
        Instant expired = now.minus(window);
        for (int round = 0; round < 3; round++) {
            int counted = jdbc.update("UPDATE login_attempt SET "
                    + "attempts = CASE WHEN window_start <= ? THEN 1 ELSE attempts + 1 END, "
                    + "window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END "
                    + "WHERE attempt_key = ? AND (window_start <= ? OR attempts < ?)",
                    expired, expired, now, key, expired, limit);
            if (counted == 1) {
                return true;
            }
            try {
                // No row counted: either the key is new, or its window is full.
                return limit > 0 && jdbc.update("INSERT INTO login_attempt (attempt_key, window_start, attempts) "
                        + "SELECT ?, ?, 1 WHERE NOT EXISTS (SELECT 1 FROM login_attempt WHERE attempt_key = ?)",
                        key, now, key) == 1;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw e;
                }
                // another request inserted the row first: count through the update
            }
        }
        return false;
    }

    @Override
    public void giveBack(String key) {
        jdbc.update("UPDATE login_attempt SET attempts = attempts - 1 WHERE attempt_key = ? AND attempts > 0", key);
    }

    @Override
    public int deleteStartedBefore(Instant before) {
        return jdbc.update("DELETE FROM login_attempt WHERE window_start <= ?", before);
    }
}
