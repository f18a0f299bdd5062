package nl.lekwacht.login;

import java.time.Duration;
import java.time.Instant;

/**
 * Login attempts per key (a user name, a client address), counted in fixed windows in the store that
 * every instance shares. An attempt is counted <em>before</em> the password is checked, in one atomic
 * step, so parallel requests, on one instance or several, can never get more than the limit checked.
 * Implementations are thread-safe.
 */
public interface LoginAttempts {

    /**
     * Counts one attempt for {@code key}, unless {@code limit} attempts were already counted in its
     * current window. A window starts at the first attempt after the previous one ended and lasts
     * {@code window}.
     *
     * @return true when the attempt was counted and may go ahead; false when the limit is reached
     */
    boolean tryCount(String key, Instant now, Duration window, int limit);

    /** Gives back one attempt counted for {@code key} (never below zero). */
    void giveBack(String key);

    /** Forgets the counters whose window started at or before {@code before}. */
    int deleteStartedBefore(Instant before);
}
