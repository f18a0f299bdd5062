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
 * <p>Throttling: every attempt is counted in the store <em>before</em> its password is checked, per name
 * ({@link Limits#perUser}) and per client address ({@link Limits#perClient}) in windows of
 * {@link Limits#window}; once a limit is reached further attempts are refused without checking the
 * password until the window has passed. Because the count comes first and is atomic, parallel
 * requests on any number of instances get at most the limit checked. A name's count is never given
 * back, not even for the right password (giving it back would reopen the race); a client address
 * gets its attempt back on a successful login, so an office behind one address is not locked out by
 * its own users.
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
    private final LoginAttempts attempts;
    private final Tokens tokens;
    private final Clock clock;
    private final Limits limits;

    public LoginService(AccountDirectory accounts, List<WebConfig.ApiToken> apiTokens, SessionStore sessions,
                        LoginAttempts attempts, Tokens tokens, Clock clock, Limits limits) {
        this.accounts = accounts;
        this.apiTokens = List.copyOf(apiTokens);
        this.sessions = sessions;
        this.attempts = attempts;
        this.tokens = tokens;
        this.clock = clock;
        this.limits = limits;
    }

    public Outcome login(String name, String password, String clientAddress) {
        Instant now = clock.instant();
        String user = name == null ? "" : name.trim();
        // cut: no stored name is longer, and a huge name must not break the counter
        String userKey = "login-user:" + cut(user.toLowerCase(Locale.ROOT), 200);
        String clientKey = "login-client:" + clientAddress;
        if (!attempts.tryCount(clientKey, now, limits.window(), limits.perClient())) {
            return new Outcome(Result.THROTTLED, null);
        }
        if (!attempts.tryCount(userKey, now, limits.window(), limits.perUser())) {
            attempts.giveBack(clientKey); // no password was checked for this client
            return new Outcome(Result.THROTTLED, null);
        }
        Optional<Account> account = accounts.find(user);
        char[] given = (password == null ? "" : password).toCharArray();
        String hash = account.map(Account::passwordHash).orElse(DUMMY_HASH);
        boolean verified = verify(given, hash);
        if (account.isEmpty() || !verified || account.get().roles().isEmpty()) {
            return new Outcome(Result.INVALID, null);
        }
        attempts.giveBack(clientKey);
        String cookie = tokens.random();
        sessions.save(new StoredSession(Tokens.sha256(cookie), account.get().name(), account.get().roles(),
                tokens.random(), now, now.plus(limits.sessionLifetime())));
        return new Outcome(Result.OK, cookie);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
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

    /** Drops expired sessions and ended attempt windows; call now and then from any instance. */
    public void sweep() {
        Instant now = clock.instant();
        sessions.deleteExpired(now);
        attempts.deleteStartedBefore(now.minus(limits.window()));
    }
}
