package nl.lekwacht.login;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Logged-in sessions, kept in the store so any instance can answer any request. Only a hash of the
 * cookie value is kept: a copy of the table does not let anyone log in.
 */
public interface SessionStore {

    /**
     * @param idHash    SHA-256 (hex) of the cookie value
     * @param csrfToken the token every form of this session must carry
     */
    record StoredSession(String idHash, String user, Set<Role> roles, String csrfToken, Instant createdAt,
                         Instant expiresAt) {
        public StoredSession {
            roles = Set.copyOf(roles);
        }
    }

    void save(StoredSession session);

    Optional<StoredSession> find(String idHash);

    void delete(String idHash);

    /** Removes sessions that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
