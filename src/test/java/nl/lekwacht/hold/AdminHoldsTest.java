package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mail admin releases someone else's hold from /admin/holds; it is audited with their name. */
class AdminHoldsTest {

    private static final String BOB = "bob@extern.example";
    private static final String PASSWORD = "beheerwachtwoord";
    private static final String TOKEN = "ops-api-token-0123456789abcdef";

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();

    private static String yaml() {
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        return HoldFixture.HOLD_YAML + "web:\n  listen: 127.0.0.1:0\n"
                + "  api-tokens:\n    - {name: ops, token: \"" + TOKEN + "\", roles: [mail-admin]}\n"
                + "  users:\n"
                + "    - {name: beheer, password-hash: \"" + hash + "\", roles: [mail-admin]}\n"
                + "    - {name: medewerker, password-hash: \"" + hash + "\", roles: [staff]}\n";
    }

    @Test
    void mailAdminReleasesAHoldAndTheAuditTrailNamesThem() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), yaml(), background)) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Gedeelde mailbox", List.of(BOB), 31)));
            HoldFixture.notification(background, nextHop, SENDER, ref);

            Browser staff = new Browser(gateway.webPort());
            staff.login("medewerker");
            assertThat(staff.get("/admin/holds").statusCode()).as("staff may not").isEqualTo(403);

            Browser admin = new Browser(gateway.webPort());
            assertThat(admin.get("/admin/holds").statusCode()).as("login first").isEqualTo(401);
            admin.login("beheer");
            HttpResponse<String> list = admin.get("/admin/holds");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains(ref).contains("Gedeelde mailbox").contains(SENDER)
                    .doesNotContain(HoldFixture.bsn(31));
            String csrf = hidden(list.body(), "csrf");

            assertThat(admin.post("/admin/holds/" + ref, Map.of("action", "send", "reason", "afwezig")).statusCode())
                    .as("no CSRF token").isEqualTo(403);
            HttpResponse<String> noReason = admin.post("/admin/holds/" + ref, Map.of("csrf", csrf, "action", "send"));
            assertThat(noReason.statusCode()).isEqualTo(422);
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.webPort() + "/api/holds"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"id\":\"" + ref + "\"").contains("\"codes\":[\"BSN\"")
                    .doesNotContain(HoldFixture.bsn(31));

            HttpResponse<String> done = admin.post("/admin/holds/" + ref,
                    Map.of("csrf", csrf, "action", "send", "reason", "Afzender afwezig, wettelijke taak"));
            assertThat(done.statusCode()).isEqualTo(200);
            background.runQueued();
            assertThat(to(nextHop, BOB)).as("released by the admin").isNotEmpty();
            assertThat(admin.get("/admin/holds").body()).doesNotContain(ref);

            List<String> trail = trail(gateway, ref);
            assertThat(trail).anySatisfy(e -> assertThat(e).startsWith("DECIDED beheer action=send")
                    .contains("reason=Afzender afwezig"));
            assertThat(trail).anySatisfy(e -> assertThat(e).startsWith("OVERRIDE beheer codes=BSN"));
            assertThat(trail).anySatisfy(e -> assertThat(e).startsWith("DELIVERED system to=" + BOB));
            assertThat(trail.get(0)).startsWith("HELD relay");
        }
    }

    private static List<String> trail(Gateway gateway, String ref) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = gateway.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT event, actor, detail FROM hold_audit WHERE hold_id = ? ORDER BY id")) {
            s.setString(1, ref);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return events;
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    /** Keeps cookies, does not follow redirects. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        Browser(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        void login(String user) throws Exception {
            String page = get("/login").body();
            HttpResponse<String> r = post("/login", Map.of("csrf", hidden(page, "csrf"), "next", "",
                    "username", user, "password", PASSWORD));
            assertThat(r.statusCode()).as("login of " + user).isEqualTo(303);
        }
    }
}
