package nl.lekwacht.web.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import nl.lekwacht.login.LoginService;
import nl.lekwacht.login.Principal;
import nl.lekwacht.login.Role;
import nl.lekwacht.login.Tokens;
import nl.lekwacht.web.ClientAddress;
import nl.lekwacht.web.NetworkGuard;

/**
 * {@code GET /login} (the form, with a login CSRF token in its own cookie), {@code POST /login} and
 * {@code POST /logout}. Logging in answers only on {@code web.admin-networks}.
 */
final class LoginRoutes {

    private final LoginService logins;
    private final NetworkGuard adminNetworks;
    private final ClientAddress clientAddress;
    private final Cookies cookies;
    private final WebAuth.LoginPage loginPage;
    private final Tokens tokens;

    LoginRoutes(LoginService logins, NetworkGuard adminNetworks, ClientAddress clientAddress, Cookies cookies,
                WebAuth.LoginPage loginPage, Tokens tokens) {
        this.logins = logins;
        this.adminNetworks = adminNetworks;
        this.clientAddress = clientAddress;
        this.cookies = cookies;
        this.loginPage = loginPage;
        this.tokens = tokens;
    }

    void form(Context ctx) {
        adminNetworks.require(ctx);
        show(ctx, safeNext(ctx.queryParam("next")), null, 200);
    }

    void show(Context ctx, String next, String problem, int status) {
        String csrf = tokens.random();
        cookies.set(ctx, WebAuth.LOGIN_COOKIE, csrf, -1);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).html(loginPage.render(ctx, csrf, next, problem));
    }

    void login(Context ctx) {
        adminNetworks.require(ctx);
        String expected = ctx.cookie(WebAuth.LOGIN_COOKIE);
        if (expected == null || !Tokens.same(expected, ctx.formParam(WebAuth.CSRF_FIELD))) {
            throw new ForbiddenResponse("Missing or wrong CSRF token; reload the login page");
        }
        String next = safeNext(ctx.formParam("next"));
        var client = clientAddress.of(ctx);
        LoginService.Outcome outcome = logins.login(ctx.formParam("username"), ctx.formParam("password"),
                client == null ? "unknown" : client.getHostAddress());
        switch (outcome.result()) {
            case OK -> {
                cookies.set(ctx, WebAuth.SESSION_COOKIE, outcome.cookieValue(), -1);
                cookies.set(ctx, WebAuth.LOGIN_COOKIE, "", 0);
                ctx.redirect(next.isEmpty() ? landing(outcome.cookieValue()) : next, HttpStatus.SEE_OTHER);
            }
            case INVALID -> show(ctx, next, "invalid", 401);
            case THROTTLED -> {
                show(ctx, next, "throttled", 429);
                ctx.header("Retry-After", "900");
            }
        }
    }

    void logout(Context ctx) {
        logins.logout(ctx.cookie(WebAuth.SESSION_COOKIE));
        cookies.set(ctx, WebAuth.SESSION_COOKIE, "", 0);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
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
            return "/register/start";
        }
        return principal.has(Role.MAIL_ADMIN) ? "/admin/holds" : "/melden/medewerker";
    }
}
