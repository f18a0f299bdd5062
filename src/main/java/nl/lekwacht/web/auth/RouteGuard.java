package nl.lekwacht.web.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.login.LoginService;
import nl.lekwacht.login.Principal;
import nl.lekwacht.login.Role;
import nl.lekwacht.login.Tokens;
import nl.lekwacht.web.NetworkGuard;

/**
 * Runs before every route registered with roles ({@link Needs}) and checks, in this order: the client
 * is on {@code web.admin-networks} (else 403); the request carries a live session cookie or an API
 * token (else 401, with the login form for browsers); the principal holds one of the roles (else
 * 403); and a state-changing request made with a session carries the session's CSRF token as form
 * field {@value WebAuth#CSRF_FIELD} or header {@value WebAuth#CSRF_HEADER} (else 403).
 */
final class RouteGuard {

    private static final String ATTRIBUTE = "lekwacht.auth";

    private final LoginService logins;
    private final NetworkGuard adminNetworks;
    private final LoginRoutes loginForm;

    private record Authenticated(Principal principal, String csrfToken) {
    }

    RouteGuard(LoginService logins, NetworkGuard adminNetworks, LoginRoutes loginForm) {
        this.logins = logins;
        this.adminNetworks = adminNetworks;
        this.loginForm = loginForm;
    }

    static Principal principal(Context ctx) {
        Authenticated auth = ctx.attribute(ATTRIBUTE);
        if (auth == null) {
            throw new IllegalStateException("route " + ctx.path() + " was registered without roles");
        }
        return auth.principal();
    }

    static String csrfToken(Context ctx) {
        Authenticated auth = ctx.attribute(ATTRIBUTE);
        return auth == null ? "" : auth.csrfToken();
    }

    Optional<Principal> identify(Context ctx) {
        return authenticate(ctx).map(Authenticated::principal);
    }

    void check(Context ctx) {
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
            if (r instanceof Needs needs) {
                wanted.add(needs.role());
            }
        });
        if (!auth.get().principal().hasAny(wanted)) {
            throw new ForbiddenResponse("Your role does not allow this");
        }
        if (changesState(ctx) && !auth.get().principal().viaToken()) {
            String sent = Optional.ofNullable(ctx.header(WebAuth.CSRF_HEADER))
                    .orElseGet(() -> ctx.formParam(WebAuth.CSRF_FIELD));
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
        return logins.session(ctx.cookie(WebAuth.SESSION_COOKIE))
                .map(s -> new Authenticated(s.principal(), s.csrfToken()));
    }

    private void unauthorised(Context ctx) {
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (ctx.method() == HandlerType.GET && accept.contains("text/html")) {
            loginForm.show(ctx, LoginRoutes.safeNext(ctx.path()), "needed", 401);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"lekwacht\"");
        throw new UnauthorizedResponse("Log in first");
    }

    private static boolean changesState(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
