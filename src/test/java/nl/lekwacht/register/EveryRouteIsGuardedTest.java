package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import nl.lekwacht.register.WebRoutes.Access;
import nl.lekwacht.register.WebRoutes.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route walk over every page, form and API of the web side (the list is read from the running
 * server and must equal {@link WebRoutes}): an anonymous visitor gets a login (401, or a redirect to
 * it for the staff form) or, for a link with a wrong token, 404 — never content; a login without the
 * route's role gets 403 (mail admin and staff never see the register, staff never the holds); and
 * every form posted without or with a wrong CSRF token is refused with 403 and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteIsGuardedTest {

    private static final String WRONG_TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @TempDir
    static Path data;
    private WebWalk walk;

    @BeforeAll
    void start() throws Exception {
        walk = new WebWalk(data);
        walk.seed();
    }

    @AfterAll
    void stop() {
        walk.close();
    }

    @Test
    void everyRouteTheServerAnswersIsInTheWalk() {
        assertThat(walk.gateway.webRoutes()).as("routes answered by the server; add a new one to WebRoutes")
                .containsExactlyInAnyOrderElementsOf(WebRoutes.ALL.stream().map(Route::key).toList());
    }

    @Test
    void anonymousVisitorsGetALoginOrNothingNeverContent() throws Exception {
        WebWalk.Web anonymous = walk.web();
        for (Route route : WebRoutes.ALL) {
            String path = route.path(walk);
            switch (route.access()) {
                case PRIVACY_OFFICER, HOLD_ADMIN, ANY_LOGIN -> {
                    HttpResponse<String> plain = call(anonymous, route, path);
                    assertThat(plain.statusCode()).as("anonymous " + route.key()).isEqualTo(401);
                    assertNoContent(route, plain);
                    if (!route.isPost()) {
                        HttpResponse<String> browser = anonymous.get(path, "Accept", "text/html");
                        assertThat(browser.statusCode()).as("browser " + route.key()).isEqualTo(401);
                        assertThat(browser.body()).as("the login form").contains("name=\"password\"");
                        assertNoContent(route, browser);
                    }
                }
                case STAFF_FORM -> {
                    HttpResponse<String> r = call(anonymous, route, path);
                    if (route.isPost()) {
                        assertThat(r.statusCode()).as("anonymous " + route.key()).isEqualTo(401);
                    } else {
                        assertThat(r.statusCode()).as("anonymous " + route.key()).isEqualTo(303);
                        assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/login");
                    }
                    assertNoContent(route, r);
                }
                case LINK -> {
                    String wrong = path.substring(0, path.lastIndexOf('/') + 1) + WRONG_TOKEN;
                    HttpResponse<String> r = call(anonymous, route, wrong);
                    assertThat(r.statusCode()).as("wrong token " + route.key()).isIn(403, 404);
                    assertNoContent(route, r);
                }
                case PUBLIC, ADMIN_NETWORK -> {
                    // open by design; the escaping test reads what they show
                }
            }
        }
        assertThat(anonymous.get("/api/incidents", "Authorization", "Bearer not-a-token-0123456789").statusCode())
                .isEqualTo(401);
        assertThat(anonymous.get("/api/holds", "Authorization", "Bearer not-a-token-0123456789").statusCode())
                .isEqualTo(401);
    }

    @Test
    void eachRoleReachesItsOwnRoutesAndNoOther() throws Exception {
        Map<String, java.util.List<String>> before = walk.state();
        for (String user : new String[] {"fg", "beheer", "medewerker"}) {
            WebWalk.Web web = walk.login(user);
            for (Route route : WebRoutes.ALL) {
                if (route.access() != Access.PRIVACY_OFFICER && route.access() != Access.HOLD_ADMIN
                        && route.access() != Access.STAFF_FORM) {
                    continue;
                }
                boolean allowed = route.users().contains(user);
                if (route.isPost()) {
                    if (!allowed) {
                        HttpResponse<String> r = call(web, route, route.path(walk));
                        assertThat(r.statusCode()).as(user + " " + route.key()).isEqualTo(403);
                        assertThat(r.body()).as("refused for the role, before any CSRF check").contains("role");
                    }
                    continue;
                }
                HttpResponse<String> r = web.get(route.path(walk));
                assertThat(r.statusCode()).as(user + " " + route.key()).isEqualTo(allowed ? 200 : 403);
                if (!allowed) {
                    assertNoContent(route, r);
                }
            }
        }
        WebWalk.Web tokens = walk.web();
        for (Route route : WebRoutes.withRoles()) {
            if (route.isPost()) {
                continue;
            }
            HttpResponse<String> mailAdmin = tokens.get(route.path(walk), "Authorization",
                    "Bearer " + RegisterFixture.MAIL_ADMIN_TOKEN);
            assertThat(mailAdmin.statusCode()).as("mail-admin token " + route.key())
                    .isEqualTo(route.access() == Access.HOLD_ADMIN ? 200 : 403);
            assertThat(tokens.get(route.path(walk), "Authorization", "Bearer " + RegisterFixture.API_TOKEN)
                    .statusCode()).as("privacy-officer token " + route.key()).isEqualTo(200);
        }
        assertThat(walk.state()).as("refused requests changed nothing").isEqualTo(before);
    }

    @Test
    void formsWithoutOrWithAWrongCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        int posts = 0;
        for (Route route : WebRoutes.ALL) {
            if (!route.isPost()) {
                continue;
            }
            String path = route.path(walk);
            WebWalk.Web web = switch (route.access()) {
                case PRIVACY_OFFICER, HOLD_ADMIN, ANY_LOGIN -> walk.login("fg");
                case STAFF_FORM -> walk.login("medewerker");
                default -> walk.web();
            };
            if (route.access() == Access.LINK || route.access() == Access.PUBLIC || route.access() == Access.STAFF_FORM) {
                // the page first, as a browser would: it sets the cookie a double-submitted token is checked against
                assertThat(web.get(path).statusCode()).as("GET " + path).isEqualTo(200);
            }
            Map<String, java.util.List<String>> before = walk.state();
            if (route.pattern().endsWith("/documents")) {
                assertThat(WebWalk.upload(web, walk.incident, null, "zonder-token.pdf").statusCode())
                        .as(route.key() + " without a token").isEqualTo(403);
                assertThat(WebWalk.upload(web, walk.incident, "vervalst", "vervalst.pdf").statusCode())
                        .as(route.key() + " with a wrong token").isEqualTo(403);
            } else {
                assertThat(web.post(path, form(null)).statusCode()).as(route.key() + " without a token").isEqualTo(403);
                assertThat(web.post(path, form("vervalst-0123456789abcdef")).statusCode())
                        .as(route.key() + " with a wrong token").isEqualTo(403);
            }
            assertThat(walk.state()).as("refused " + route.key() + " changed nothing").isEqualTo(before);
            posts++;
            if (route.access() == Access.ANY_LOGIN) {
                assertThat(web.get("/register").statusCode()).as("still logged in after a refused logout").isEqualTo(200);
            }
        }
        assertThat(posts).isEqualTo(WebRoutes.ALL.stream().filter(Route::isPost).count());
    }

    /** A form that would change something on any of the routes, if its token were right. */
    private Map<String, String> form(String csrf) {
        Map<String, String> form = new java.util.HashMap<>(Map.ofEntries(Map.entry("action", "cancel"),
                Map.entry("reason", "zonder token"), Map.entry("id", walk.holdRef), Map.entry("kind", "LOST_DEVICE"),
                Map.entry("summary", "zonder token"), Map.entry("status", "IN_PROGRESS"),
                Map.entry("statement", "zonder token"), Map.entry("what-happened", "zonder token"),
                Map.entry("website", ""), Map.entry("username", "fg"), Map.entry("password", RegisterFixture.PASSWORD)));
        if (csrf != null) {
            form.put("csrf", csrf);
        }
        return form;
    }

    private static HttpResponse<String> call(WebWalk.Web web, Route route, String path) throws Exception {
        return route.isPost() ? web.post(path, Map.of("action", "cancel", "summary", "x")) : web.get(path);
    }

    /** Nothing seeded (every seeded value carries a payload number) is in a refused answer. */
    private static void assertNoContent(Route route, HttpResponse<String> r) {
        assertThat(r.body()).as("no content in the answer to " + route.key()).doesNotContain("alert(")
                .doesNotContain("alert&#40;").doesNotContain(WebWalk.EXTERNAL);
    }
}
