package nl.lekwacht.login;

import java.time.Instant;

/**
 * Counters of failed attempts (logins, report forms) per key, kept in the store so a guesser cannot
 * spread attempts over instances. A key names what is counted, e.g. {@code login-user:alice}.
 */
public interface ThrottleStore {

    int countSince(String key, Instant since);

    void record(String key, Instant at);

    void clear(String key);

    /** Forgets attempts older than {@code before}. */
    int deleteOlderThan(Instant before);
}
