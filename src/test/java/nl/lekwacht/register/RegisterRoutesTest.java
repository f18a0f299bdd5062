package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every register, admin and API route: anonymous requests get 401, wrong roles 403, forms
 * without the CSRF token are refused, and an attacker-chosen subject is shown escaped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterRoutesTest {

    private static final String SCRIPT_SUBJECT = "<script>alert('x')</script> Uw aanvraag";

    @TempDir
    static Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private long id;

    @BeforeAll
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(),
                RegisterFixture.yaml("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"));
        RegisterFixture.send(gateway.smtpPort(), List.of("x.y@gmail.com"), RegisterFixture.message(SCRIPT_SUBJECT,
                "routes-1", List.of("x.y@gmail.com"), "BSN: " + RegisterFixture.bsn(21) + "\r\n"));
        id = 1; // the first incident of a fresh store
    }

    @AfterAll
    void stop() {
        gateway.close();
        nextHop.close();
    }

    private List<String> getRoutes() {
        return List.of("/register", "/register/new", "/register/export.csv", "/register/export.json",
                "/register/" + id, "/register/" + id + "/ap", "/register/" + id + "/pdf", "/api/incidents", "/api/incidents?status=NEW",
                "/api/incidents/" + id);
    }

    private List<String> postRoutes() {
        return List.of("/register", "/register/" + id, "/register/" + id + "/status");
    }

    @Test
    void anonymousRequestsAreUnauthorised() throws Exception {
        RegisterFixture.Web anonymous = new RegisterFixture.Web(gateway.webPort());
        for (String path : getRoutes()) {
            assertThat(anonymous.get(path).statusCode()).as("GET " + path).isEqualTo(401);
            assertThat(anonymous.get(path, "Accept", "text/html").statusCode()).as("browser GET " + path).isEqualTo(401);
        }
        for (String path : postRoutes()) {
            assertThat(anonymous.post(path, Map.of("summary", "x")).statusCode()).as("POST " + path).isEqualTo(401);
        }
        assertThat(anonymous.get("/api/incidents", "Authorization", "Bearer not-a-token-0123456789").statusCode())
                .isEqualTo(401);
    }

    @Test
    void wrongRolesAreForbidden() throws Exception {
        for (String user : List.of("beheer", "medewerker")) {
            RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
            web.login(user);
            for (String path : getRoutes()) {
                assertThat(web.get(path).statusCode()).as(user + " GET " + path).isEqualTo(403);
            }
            for (String path : postRoutes()) {
                assertThat(web.post(path, Map.of("summary", "x")).statusCode()).as(user + " POST " + path)
                        .isEqualTo(403);
            }
        }
        RegisterFixture.Web token = new RegisterFixture.Web(gateway.webPort());
        for (String path : getRoutes()) {
            assertThat(token.get(path, "Authorization", "Bearer " + RegisterFixture.MAIL_ADMIN_TOKEN).statusCode())
                    .as("mail-admin token GET " + path).isEqualTo(403);
        }
    }

    @Test
    void privacyOfficerReachesEveryRoute() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        assertThat(web.login("fg")).isEqualTo("/register/start");
        for (String path : getRoutes()) {
            assertThat(web.get(path).statusCode()).as("GET " + path).isEqualTo(200);
        }
        RegisterFixture.Web api = new RegisterFixture.Web(gateway.webPort());
        assertThat(api.get("/api/incidents", "Authorization", "Bearer " + RegisterFixture.API_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(web.get("/register/999999").statusCode()).isEqualTo(404);
        assertThat(web.get("/api/incidents?status=BOGUS").statusCode()).isEqualTo(400);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndWithItAccepted() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        web.login("fg");
        String csrf = RegisterFixture.hidden(web.get("/register/" + id).body(), "csrf");
        for (String path : postRoutes()) {
            assertThat(web.post(path, Map.of("summary", "zonder token", "status", "IN_PROGRESS")).statusCode())
                    .as("POST " + path + " without CSRF").isEqualTo(403);
            assertThat(web.post(path, Map.of("csrf", "vervalst", "summary", "x", "status", "IN_PROGRESS"))
                    .statusCode()).as("POST " + path + " with a wrong CSRF token").isEqualTo(403);
        }
        assertThat(web.post("/logout", Map.of()).statusCode()).as("logout without CSRF").isEqualTo(403);
        HttpResponse<String> created = web.post("/register", Map.of("csrf", csrf, "kind", "LOST_DEVICE",
                "summary", "Laptop verloren in de trein", "discovered-at", "2026-03-02T10:15"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = web.get(location);
        assertThat(page.body()).contains("Laptop verloren in de trein").contains("value=\"2026-03-02T10:15\"")
                .contains("05-03-2026 10:15");
        HttpResponse<String> moved = web.post(location + "/status", Map.of("csrf", csrf, "status", "NO_BREACH",
                "reason", ""));
        assertThat(moved.statusCode()).as("no breach needs a reason").isEqualTo(409);
        assertThat(moved.body()).contains("Geef een toelichting");
        assertThat(web.post(location + "/status", Map.of("csrf", csrf, "status", "IN_PROGRESS")).statusCode())
                .isEqualTo(303);
        assertThat(web.get(location).body()).contains("In behandeling");
    }

    @Test
    void subjectWithScriptIsShownEscaped() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        web.login("fg");
        for (String path : List.of("/register", "/register/" + id)) {
            String body = web.get(path).body();
            assertThat(body).as(path).contains("&lt;script&gt;alert(").doesNotContain("<script>");
        }
        assertThat(web.get("/register?lang=en").body()).contains("Breach register").doesNotContain("<script>");
    }

    @Test
    void adminRoutesOfTheHoldSideFollowTheSameRules() throws Exception {
        RegisterFixture.Web anonymous = new RegisterFixture.Web(gateway.webPort());
        int status = anonymous.get("/admin/holds").statusCode();
        assumeTrue(status != 404, "the hold side's admin routes are not in this build yet");
        assertThat(status).isEqualTo(401);
        assertThat(anonymous.get("/api/holds").statusCode()).isEqualTo(401);
        RegisterFixture.Web staff = new RegisterFixture.Web(gateway.webPort());
        staff.login("medewerker");
        assertThat(staff.get("/admin/holds").statusCode()).isEqualTo(403);
        assertThat(staff.get("/api/holds").statusCode()).isEqualTo(403);
        RegisterFixture.Web admin = new RegisterFixture.Web(gateway.webPort());
        admin.login("beheer");
        assertThat(admin.get("/admin/holds").statusCode()).isEqualTo(200);
    }
}
