package nl.lekwacht.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.lekwacht.web.WebModule;
import nl.lekwacht.login.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAuthTest {

    @TempDir
    Path dir;
    private AuthHarness harness;

    private static final WebModule ROUTES = config -> {
        config.routes.get("/secret", ctx -> ctx.result("hello " + WebAuth.principal(ctx).name()
                + " csrf=" + WebAuth.csrfToken(ctx)), Needs.any(Role.PRIVACY_OFFICER));
        config.routes.post("/secret", ctx -> ctx.result("changed"), Needs.any(Role.PRIVACY_OFFICER));
        config.routes.get("/public", ctx -> ctx.result("anyone"));
    };

    private AuthHarness start(String publicUrl, List<String> adminNetworks) {
        harness = new AuthHarness(dir, publicUrl, adminNetworks, ROUTES);
        return harness;
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void anonymousRequestIsUnauthorisedAndBrowserGetsTheLoginForm() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        assertThat(client.get("/secret").statusCode()).isEqualTo(401);
        HttpResponse<String> page = client.get("/secret", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("action=\"/login\"").contains("value=\"/secret\"");
        assertThat(client.get("/public").body()).isEqualTo("anyone");
    }

    @Test
    void loginSetsHttpOnlyStrictCookieAndOpensProtectedRoute() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        HttpResponse<String> login = client.login("fg", AuthHarness.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = client.setCookies.stream().filter(c -> c.startsWith(WebAuth.SESSION_COOKIE + "=")).findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        assertThat(client.get("/secret").body()).startsWith("hello fg");
    }

    @Test
    void cookiesAreSecureWhenPublicUrlIsHttps() throws Exception {
        var client = start("https://lekwacht.gemeente.example", List.of("127.0.0.0/8")).client();
        client.get("/login");
        assertThat(client.setCookies).allMatch(c -> c.contains("; Secure"));
    }

    @Test
    void wrongRoleIsForbidden() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        client.login("beheer", AuthHarness.PASSWORD);
        assertThat(client.get("/secret").statusCode()).isEqualTo(403);
    }

    @Test
    void postWithoutCsrfTokenIsRefusedAndWithItAccepted() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        client.login("fg", AuthHarness.PASSWORD);
        String csrf = client.get("/secret").body().replaceAll(".*csrf=", "");
        assertThat(client.post("/secret", Map.of()).statusCode()).isEqualTo(403);
        assertThat(client.post("/secret", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = client.post("/secret", Map.of("csrf", csrf));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("changed");
    }

    @Test
    void loginFormWithoutItsCsrfTokenIsRefused() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        HttpResponse<String> response = client.post("/login", Map.of("username", "fg",
                "password", AuthHarness.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefusedAndFifthFailureThrottlesEvenTheRightPassword() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        for (int i = 0; i < 5; i++) {
            assertThat(client.login("fg", "wrong").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = client.login("fg", AuthHarness.PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(client.get("/secret").statusCode()).isEqualTo(401);
    }

    @Test
    void unknownUserIsRefusedLikeWrongPassword() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        assertThat(client.login("nobody", AuthHarness.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        client.login("fg", AuthHarness.PASSWORD);
        String csrf = client.get("/secret").body().replaceAll(".*csrf=", "");
        assertThat(client.post("/logout", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(client.get("/secret").statusCode()).isEqualTo(401);
    }

    @Test
    void apiTokenOpensRouteWithoutCookieOrCsrf() throws Exception {
        var client = start("http://localhost", List.of("127.0.0.0/8")).client();
        assertThat(client.get("/secret", "Authorization", "Bearer " + AuthHarness.API_TOKEN).body())
                .startsWith("hello ci");
        assertThat(client.post("/secret", Map.of(), "Authorization", "Bearer " + AuthHarness.API_TOKEN)
                .statusCode()).isEqualTo(200);
        assertThat(client.get("/secret", "Authorization", "Bearer wrong-token-0123456789").statusCode())
                .isEqualTo(401);
    }

    @Test
    void protectedRoutesAndLoginAnswerOnlyOnAdminNetworks() throws Exception {
        var client = start("http://localhost", List.of("10.0.0.0/8")).client();
        assertThat(client.get("/secret", "Authorization", "Bearer " + AuthHarness.API_TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(client.get("/login").statusCode()).isEqualTo(403);
        assertThat(client.get("/public").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyLocalPathsAreFollowedAfterLogin() {
        assertThat(WebAuth.safeNext("/register/3")).isEqualTo("/register/3");
        assertThat(WebAuth.safeNext("//evil.example/")).isEmpty();
        assertThat(WebAuth.safeNext("https://evil.example/")).isEmpty();
        assertThat(WebAuth.safeNext("/\\evil.example")).isEmpty();
    }
}
