package nl.lekwacht.web.auth;

import io.javalin.http.Context;

/** Our cookies: HttpOnly, SameSite=Strict, the whole site, and Secure when the public URL is https. */
final class Cookies {

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    /** @param maxAge seconds; 0 deletes the cookie, -1 keeps it for the browser session */
    void set(Context ctx, String name, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (secure) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }
}
