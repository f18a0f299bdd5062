package nl.lekwacht.web.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.web.ClientAddress;
import nl.lekwacht.web.NetworkGuard;
import nl.lekwacht.web.WebModule;

/**
 * Login, logout and the guard in front of every route registered with {@link Role}s.
 *
 * <p>A module protects a route by naming roles when it registers it:
 * {@code config.routes.get("/register", handler, Role.PRIVACY_OFFICER)}. Before such a route runs,
 * the guard checks, in this order: the client is on {@code web.admin-networks} (else 403); the request
 * carries a live session cookie or an API token (else 401, with the login form for browsers); the
 * principal holds one of the roles (else 403); and a state-changing request made with a session
 * carries the session's CSRF token as form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}
 * (else 403). Handlers then read {@link #principal} and {@link #csrfToken}. Routes registered without
 * roles are public and untouched.
 */
public final class WebAuth implements WebModule {

    public static final String SESSION_COOKIE = "lekwacht_session";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String LOGIN_COOKIE = "lekwacht_login";
    private static final String ATTRIBUTE = "lekwacht.auth";

    private final LoginService logins;
    private final NetworkGuard adminNetworks;
    private final ClientAddress clientAddress;
    private final boolean secureCookies;
    private final LoginPage loginPage;
    private final Tokens tokens;

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
        this.logins = logins;
        this.adminNetworks = adminNetworks;
        this.clientAddress = clientAddress;
        this.secureCookies = secureCookies;
        this.loginPage = loginPage;
        this.tokens = tokens;
    }

    @Override
    public void install(JavalinConfig config) {
        config.routes.beforeMatched(this::guard);
        config.routes.get("/login", ctx -> {
            adminNetworks.require(ctx);
            showLogin(ctx, safeNext(ctx.queryParam("next")), null, 200);
        });
        config.routes.post("/login", this::login);
        config.routes.post("/logout", this::logout, Role.values());
    }

    /** The principal of a request that passed the guard. */
    public static Principal principal(Context ctx) {
        Authenticated auth = ctx.attribute(ATTRIBUTE);
        if (auth == null) {
            throw new IllegalStateException("route " + ctx.path() + " was registered without roles");
        }
        return auth.principal();
    }

    /** The CSRF token every form of this request's session must carry; empty for API tokens. */
    public static String csrfToken(Context ctx) {
        Authenticated auth = ctx.attribute(ATTRIBUTE);
        return auth == null ? "" : auth.csrfToken();
    }

    /** Who is logged in, for public routes that show more to logged-in users; checks nothing else. */
    public Optional<Principal> identify(Context ctx) {
        return authenticate(ctx).map(Authenticated::principal);
    }

    private record Authenticated(Principal principal, String csrfToken) {
    }

    private void guard(Context ctx) {
        Set<RouteRole> routeRoles = ctx.routeRoles();
        if (routeRoles.isEmpty()) {
            return;
        }
        adminNetworks.require(ctx);
        Optional<Authenticated> auth = authenticate(ctx);
        if (auth.isEmpty()) {
            unauthorised(ctx);
            return;
        }
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        routeRoles.forEach(r -> {
            if (r instanceof Role role) {
                wanted.add(role);
            }
        });
        if (!auth.get().principal().hasAny(wanted)) {
            throw new ForbiddenResponse("Your role does not allow this");
        }
        if (changesState(ctx) && !auth.get().principal().viaToken()) {
            String sent = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam(CSRF_FIELD));
            if (!Tokens.same(auth.get().csrfToken(), sent)) {
                throw new ForbiddenResponse("Missing or wrong CSRF token; reload the page and try again");
            }
        }
        ctx.attribute(ATTRIBUTE, auth.get());
    }

    private Optional<Authenticated> authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return logins.bearer(authorization.substring(7).trim()).map(p -> new Authenticated(p, ""));
        }
        return logins.session(ctx.cookie(SESSION_COOKIE))
                .map(s -> new Authenticated(s.principal(), s.csrfToken()));
    }

    private void unauthorised(Context ctx) {
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (ctx.method() == HandlerType.GET && accept.contains("text/html")) {
            showLogin(ctx, safeNext(ctx.path()), "needed", 401);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"lekwacht\"");
        throw new io.javalin.http.UnauthorizedResponse("Log in first");
    }

    private void showLogin(Context ctx, String next, String problem, int status) {
        String csrf = tokens.random();
        setCookie(ctx, LOGIN_COOKIE, csrf, -1);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).html(loginPage.render(ctx, csrf, next, problem));
    }

    private void login(Context ctx) {
        adminNetworks.require(ctx);
        String expected = ctx.cookie(LOGIN_COOKIE);
        if (expected == null || !Tokens.same(expected, ctx.formParam(CSRF_FIELD))) {
            throw new ForbiddenResponse("Missing or wrong CSRF token; reload the login page");
        }
        String next = safeNext(ctx.formParam("next"));
        var client = clientAddress.of(ctx);
        LoginService.Outcome outcome = logins.login(ctx.formParam("username"), ctx.formParam("password"),
                client == null ? "unknown" : client.getHostAddress());
        switch (outcome.result()) {
            case OK -> {
                setCookie(ctx, SESSION_COOKIE, outcome.cookieValue(), -1);
                setCookie(ctx, LOGIN_COOKIE, "", 0);
                ctx.redirect(next.isEmpty() ? landing(outcome.cookieValue()) : next,
                        io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case INVALID -> showLogin(ctx, next, "invalid", 401);
            case THROTTLED -> {
                showLogin(ctx, next, "throttled", 429);
                ctx.header("Retry-After", "900");
            }
        }
    }

    private void logout(Context ctx) {
        logins.logout(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void setCookie(Context ctx, String name, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (secureCookies) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    private static boolean changesState(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** Only local paths: a login link must never send the user to another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x21)) {
            return "";
        }
        return next;
    }

    /** Where a user lands after logging in without a page to return to: their main page. */
    private String landing(String cookieValue) {
        Principal principal = logins.session(cookieValue).map(LoginService.Session::principal).orElseThrow();
        if (principal.has(Role.PRIVACY_OFFICER)) {
            return "/register";
        }
        return principal.has(Role.MAIL_ADMIN) ? "/admin/holds" : "/melden/medewerker";
    }
}
