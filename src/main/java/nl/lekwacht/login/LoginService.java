package nl.lekwacht.login;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.lekwacht.config.WebConfig;
import nl.lekwacht.login.SessionStore.StoredSession;

/**
 * Logs users in and out and recognises sessions and API tokens. Sessions and failure counters live
 * in the store, so every instance answers the same. Thread-safe.
 *
 * <p>Throttling: after {@link Limits#perUser} failed logins for one name, or {@link Limits#perClient}
 * from one address, within {@link Limits#window}, further attempts are refused without checking the
 * password until the window has passed. A successful login clears the name's counter.
 */
public final class LoginService {

    /** How long a session lasts and how many failed logins are tolerated. */
    public record Limits(Duration sessionLifetime, Duration window, int perUser, int perClient) {
        public static Limits defaults() {
            return new Limits(Duration.ofHours(8), Duration.ofMinutes(15), 5, 20);
        }
    }

    /** What a login attempt came to; {@code cookieValue} is set only for {@link Result#OK}. */
    public record Outcome(Result result, String cookieValue) {
    }

    public enum Result { OK, INVALID, THROTTLED }

    /** A recognised session: who, and the CSRF token its forms carry. */
    public record Session(Principal principal, String csrfToken) {
    }

    // A hash of a random password: unknown names cost as much time as known ones.
    private static final String DUMMY_HASH = new String(
            BCrypt.withDefaults().hashToChar(10, "not-a-password".toCharArray()));

    private final AccountDirectory accounts;
    private final List<WebConfig.ApiToken> apiTokens;
    private final SessionStore sessions;
    private final ThrottleStore throttle;
    private final Tokens tokens;
    private final Clock clock;
    private final Limits limits;

    public LoginService(AccountDirectory accounts, List<WebConfig.ApiToken> apiTokens, SessionStore sessions,
                        ThrottleStore throttle, Tokens tokens, Clock clock, Limits limits) {
        this.accounts = accounts;
        this.apiTokens = List.copyOf(apiTokens);
        this.sessions = sessions;
        this.throttle = throttle;
        this.tokens = tokens;
        this.clock = clock;
        this.limits = limits;
    }

    public Outcome login(String name, String password, String clientAddress) {
        Instant now = clock.instant();
        String user = name == null ? "" : name.trim();
        String userKey = "login-user:" + user.toLowerCase(Locale.ROOT);
        String clientKey = "login-client:" + clientAddress;
        Instant since = now.minus(limits.window());
        if (throttle.countSince(userKey, since) >= limits.perUser()
                || throttle.countSince(clientKey, since) >= limits.perClient()) {
            return new Outcome(Result.THROTTLED, null);
        }
        Optional<Account> account = accounts.find(user);
        char[] given = (password == null ? "" : password).toCharArray();
        String hash = account.map(Account::passwordHash).orElse(DUMMY_HASH);
        boolean verified = verify(given, hash);
        if (account.isEmpty() || !verified || account.get().roles().isEmpty()) {
            throttle.record(userKey, now);
            throttle.record(clientKey, now);
            return new Outcome(Result.INVALID, null);
        }
        throttle.clear(userKey);
        String cookie = tokens.random();
        sessions.save(new StoredSession(Tokens.sha256(cookie), account.get().name(), account.get().roles(),
                tokens.random(), now, now.plus(limits.sessionLifetime())));
        return new Outcome(Result.OK, cookie);
    }

    private static boolean verify(char[] password, String hash) {
        try {
            return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException e) {
            return false; // a malformed hash in the config or store never lets anyone in
        }
    }

    /** The live session behind a cookie value, if any. */
    public Optional<Session> session(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.find(Tokens.sha256(cookieValue))
                .filter(s -> s.expiresAt().isAfter(now))
                .map(s -> new Session(new Principal(s.user(), s.roles(), false), s.csrfToken()));
    }

    public void logout(String cookieValue) {
        if (cookieValue != null && !cookieValue.isBlank()) {
            sessions.delete(Tokens.sha256(cookieValue));
        }
    }

    /** The holder of an API token from {@code web.api-tokens}, if the token is one. */
    public Optional<Principal> bearer(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        WebConfig.ApiToken match = null;
        for (WebConfig.ApiToken candidate : apiTokens) {
            if (Tokens.same(candidate.token(), token) && match == null) {
                match = candidate;
            }
        }
        return Optional.ofNullable(match).map(t -> new Principal(t.name(), Role.parse(t.roles()), true));
    }

    /** Drops expired sessions and old failure counts; call now and then from any instance. */
    public void sweep() {
        Instant now = clock.instant();
        sessions.deleteExpired(now);
        throttle.deleteOlderThan(now.minus(limits.window()));
    }
}
