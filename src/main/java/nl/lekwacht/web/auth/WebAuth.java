package nl.lekwacht.web.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Optional;
import nl.lekwacht.login.LoginService;
import nl.lekwacht.login.Principal;
import nl.lekwacht.login.Role;
import nl.lekwacht.login.Tokens;
import nl.lekwacht.web.ClientAddress;
import nl.lekwacht.web.NetworkGuard;
import nl.lekwacht.web.WebModule;

/**
 * The HTTP side of logging in: the guard in front of every route registered with roles
 * ({@link RouteGuard}), and the login and logout routes ({@link LoginRoutes}). Accounts, sessions,
 * throttling and tokens are the login package's.
 *
 * <p>A module protects a route by naming roles when it registers it:
 * {@code config.routes.get("/register", handler, Needs.any(Role.PRIVACY_OFFICER))}. Handlers then read
 * {@link #principal} and {@link #csrfToken}. Routes registered without roles are public and untouched.
 */
public final class WebAuth implements WebModule {

    public static final String SESSION_COOKIE = "lekwacht_session";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String LOGIN_COOKIE = "lekwacht_login";

    private final RouteGuard guard;
    private final LoginRoutes routes;

    /** Renders the login form; {@code problem} is null, "invalid" or "throttled". */
    @FunctionalInterface
    public interface LoginPage {
        String render(Context ctx, String csrf, String next, String problem);
    }

    /**
     * @param secureCookies true when {@code web.public-url} is https: cookies then carry {@code Secure}
     */
    public WebAuth(LoginService logins, NetworkGuard adminNetworks, ClientAddress clientAddress, boolean secureCookies,
                   LoginPage loginPage, Tokens tokens) {
        Cookies cookies = new Cookies(secureCookies);
        this.routes = new LoginRoutes(logins, adminNetworks, clientAddress, cookies, loginPage, tokens);
        this.guard = new RouteGuard(logins, adminNetworks, routes);
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.beforeMatched(guard::check);
        config.routes.get("/login", routes::form);
        config.routes.post("/login", routes::login);
        config.routes.post("/logout", routes::logout, Needs.any(Role.values()));
    }

    /** The principal of a request that passed the guard. */
    public static Principal principal(Context ctx) {
        return RouteGuard.principal(ctx);
    }

    /** The CSRF token every form of this request's session must carry; empty for API tokens. */
    public static String csrfToken(Context ctx) {
        return RouteGuard.csrfToken(ctx);
    }

    /** Who is logged in, for public routes that show more to logged-in users; checks nothing else. */
    public Optional<Principal> identify(Context ctx) {
        return guard.identify(ctx);
    }

    /** Only local paths: a login link must never send the user to another site. */
    static String safeNext(String next) {
        return LoginRoutes.safeNext(next);
    }
}
