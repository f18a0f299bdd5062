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

/**
 * A mail admin acts on someone else's hold from /admin/holds: the list and a details page show the
 * findings in words, recipients and attachments, with filters; a bulk decision is audited per message;
 * the audit trail names the admin. Roles and CSRF as on every admin route.
 */
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
                + "    - {name: medewerker, password-hash: \"" + hash + "\", roles: [staff]}\n"
                + "    - {name: privacy, password-hash: \"" + hash + "\", roles: [privacy-officer]}\n";
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


    private static final List<String> LIST = List.of("p1.test@gmail.com", "p2.test@hotmail.com", "p3.test@ziggo.nl");

    private static String listMessage(String subject) {
        return "From: Alice <" + SENDER + ">\r\nTo: " + String.join(", ", LIST) + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nTot donderdag.\r\n";
    }

    @Test
    void listAndDetailsShowTheFactsInWordsWithFiltersAndTheSafeActionFirst() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), yaml(), background)) {
            String bsnRef = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Aanvraag bijzondere bijstand", List.of(BOB), 32)));
            String listRef = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, LIST,
                    listMessage("Bewonersavond")));
            Browser admin = new Browser(gateway.webPort());
            admin.login("beheer");
            String list = admin.get("/admin/holds").body();
            assertThat(list).contains("Burgerservicenummer (BSN)").contains("Ontvangers zien elkaars adres")
                    .doesNotContain(">VISIBLE_RECIPIENTS<").doesNotContain("VISIBLE_RECIPIENTS,")
                    .contains(BOB).contains("p1.test@gmail.com").contains("href=\"/admin/holds/" + bsnRef + "\"")
                    .contains("href=\"/admin/holds\" aria-current=\"page\"")
                    .as("the menu offers a mail admin no register he may not open").doesNotContain("href=\"/register\"")
                    .doesNotContain(HoldFixture.bsn(32));

            assertThat(admin.get("/admin/holds?finding=VISIBLE_RECIPIENTS").body()).contains(listRef)
                    .doesNotContain(bsnRef);
            assertThat(admin.get("/admin/holds?finding=BSN").body()).contains(bsnRef).doesNotContain(listRef);
            assertThat(admin.get("/admin/holds?sender=iemand.anders").body()).doesNotContain(bsnRef)
                    .contains("Geen berichten die bij dit filter passen");
            assertThat(admin.get("/admin/holds?age=1h").body()).as("both are new").doesNotContain(bsnRef)
                    .doesNotContain(listRef);

            HttpResponse<String> details = admin.get("/admin/holds/" + bsnRef);
            assertThat(details.statusCode()).isEqualTo(200);
            String page = details.body();
            assertThat(page).contains("Tegengehouden bericht").contains("Aanvraag bijzondere bijstand").contains(BOB)
                    .contains("Burgerservicenummer (BSN)").contains("Verloop").contains("Tegengehouden")
                    .contains("action=\"/admin/holds/" + bsnRef + "\"").doesNotContain(HoldFixture.bsn(32));
            assertThat(page.indexOf("value=\"cancel\"")).as("nothing fits a BSN in the text: not sending comes first")
                    .isPositive().isLessThan(page.indexOf("value=\"send\""));
            String listPage = admin.get("/admin/holds/" + listRef).body();
            assertThat(listPage.indexOf("value=\"send-bcc\"")).as("the fitting fix first")
                    .isPositive().isLessThan(listPage.indexOf("value=\"send\""));
            assertThat(admin.get("/admin/holds/ONBEKEND").statusCode()).isEqualTo(404);

            String english = admin.get("/admin/holds?lang=en").body();
            assertThat(english).contains("Held messages").contains("Citizen service number (BSN)");
            assertThat(admin.get("/admin/holds/" + bsnRef).body()).as("the choice is remembered")
                    .contains("Held message");
            admin.get("/admin/holds?lang=nl");

            Browser privacy = new Browser(gateway.webPort());
            privacy.login("privacy");
            assertThat(privacy.get("/register").body()).contains("href=\"/admin/holds\"");
            assertThat(privacy.get("/admin/holds").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bulkCancelDecidesEveryTickedHoldOnItsOwnAndAuditsEach() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), yaml(), background)) {
            String first = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, LIST,
                    listMessage("Vals alarm 1")));
            String second = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, LIST,
                    listMessage("Vals alarm 2")));
            String bsnRef = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                    HoldFixture.bsnMessage("Blijft staan", List.of(BOB), 33)));
            Browser staff = new Browser(gateway.webPort());
            staff.login("medewerker");
            assertThat(staff.post("/admin/holds", List.of("action", "cancel", "id", first)).statusCode()).isEqualTo(403);

            Browser admin = new Browser(gateway.webPort());
            admin.login("beheer");
            String list = admin.get("/admin/holds").body();
            String csrf = hidden(list, "csrf");
            assertThat(list.indexOf("value=\"cancel\"")).as("not sending is the first bulk action")
                    .isPositive().isLessThan(list.indexOf("value=\"send\""));
            assertThat(admin.post("/admin/holds", List.of("action", "cancel", "id", first)).statusCode())
                    .as("no CSRF token").isEqualTo(403);
            HttpResponse<String> done = admin.post("/admin/holds", List.of("csrf", csrf, "action", "cancel",
                    "id", first, "id", second, "reason", "Uitnodiging aan eigen bewonerspanel, vals alarm"));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("Vals alarm 1").contains("Vals alarm 2").contains("niet verzonden");
            for (String ref : List.of(first, second)) {
                assertThat(trail(gateway, ref)).anySatisfy(e -> assertThat(e).startsWith("DECIDED beheer action=cancel")
                        .contains("vals alarm"));
            }
            HttpResponse<String> noReason = admin.post("/admin/holds", List.of("csrf", csrf, "action", "send",
                    "id", bsnRef));
            assertThat(noReason.statusCode()).as("a BSN needs a reason, in bulk too").isEqualTo(422);
            assertThat(noReason.body()).contains("Geef een reden op");
            String after = admin.get("/admin/holds").body();
            assertThat(after).contains(bsnRef).doesNotContain(first).doesNotContain(second);
            assertThat(admin.get("/admin/holds?status=CANCELLED").body()).contains(first).contains(second);
            background.runQueued();
            assertThat(to(nextHop, "p1.test@gmail.com")).isEmpty();
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

        /** Posts the fields (name, value, name, value, ...); a name may repeat. */
        HttpResponse<String> post(String path, List<String> nameValues) throws Exception {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i + 1 < nameValues.size(); i += 2) {
                fields.add(URLEncoder.encode(nameValues.get(i), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(nameValues.get(i + 1), StandardCharsets.UTF_8));
            }
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void login(String user) throws Exception {
            String page = get("/login").body();
            HttpResponse<String> r = post("/login", Map.of("csrf", hidden(page, "csrf"), "next", "",
                    "username", user, "password", PASSWORD));
            assertThat(r.statusCode()).as("login of " + user).isEqualTo(303);
        }
    }
}
