package nl.lekwacht.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.config.WebConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login package's entry: accounts from {@code web.users} and the store, API tokens, sessions and
 * failure counters in the store, and the hourly sweep of expired sessions and old counters.
 */
public final class LoginSide implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoginSide.class);

    private final LoginService logins;
    private final Tokens tokens;
    private final ScheduledExecutorService sweeper;

    private LoginSide(LoginService logins, Tokens tokens, ScheduledExecutorService sweeper) {
        this.logins = logins;
        this.tokens = tokens;
        this.sweeper = sweeper;
    }

    /**
     * @param stored  accounts kept in the store, asked for names {@code web.users} does not list
     * @param sweeper runs the hourly sweep; closed with this side
     */
    public static LoginSide build(WebConfig web, AccountDirectory stored, SessionStore sessions, LoginAttempts attempts,
                                  Clock clock, ScheduledExecutorService sweeper) {
        Tokens tokens = new Tokens(new SecureRandom());
        LoginService logins = new LoginService(new ConfigAccounts(web.users()).orElse(stored), web.apiTokens(),
                sessions, attempts, tokens, clock, LoginService.Limits.defaults());
        return new LoginSide(logins, tokens, sweeper);
    }

    public LoginService logins() {
        return logins;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** Starts the hourly sweep. */
    public void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    void sweep() {
        try {
            logins.sweep();
        } catch (RuntimeException e) {
            log.warn("login sweep failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
