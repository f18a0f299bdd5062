package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report forms /melden and /melden/medewerker end to end: a gateway with its store, the web side
 * and a capturing next hop for the privacy officer's and reporter's mail. Each test reports from its
 * own client address (X-Forwarded-For from the trusted local proxy), so the per-address limit of one
 * test does not touch another. All data is synthetic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeFormTest {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">(DL-(\\d{6}))<");
    private static final int LIMIT = 3;
    private static final int TEXT_CHARS = 500;

    @TempDir
    static Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private final ObjectMapper json = new ObjectMapper();
    private final ManualScheduler background = new ManualScheduler();

    @BeforeAll
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        String yaml = RegisterFixture.yaml("  BSN: monitor\n")
                .replace("  api-tokens:\n", "  trusted-proxies: [127.0.0.0/8]\n  api-tokens:\n")
                .replace("register:\n", "register:\n  report-limit: " + LIMIT + "\n  report-window: 1h\n"
                        + "  report-text-chars: " + TEXT_CHARS + "\n  report-line-chars: 100\n"
                        + "  confirmation-limit: 1\n  confirmation-window: 1d\n  staff-networks: [198.18.0.0/15]\n");
        gateway = TestGateway.startGateway(data, nextHop.port(), yaml, background);
    }

    @AfterAll
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void residentReportCreatesOneIncidentWithSourceVerbatimAnswersAndContactKeptApart() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        String page = web.get("/melden").body();
        assertThat(page).contains("<html lang=\"nl\"").contains("Datalek melden")
                .contains("Zijn er persoonsgegevens (definitief) verloren gegaan?")
                .contains("Heeft u persoonsgegevens van iemand anders ontvangen?")
                .contains("Heeft u het vermoeden dat iemand anders uw gegevens onbevoegd heeft ontvangen?")
                .contains("Is er een poststuk van ons verkeerd bij u bezorgd?")
                .doesNotContain("<script").doesNotContain("name=\"department\"");
        int before = count("SELECT COUNT(*) FROM register_incident");
        Map<String, String> form = answers(page, "Ik kreeg een brief over mijn buurman, met zijn inkomen.");
        form.put("phone", "06-12345678");
        form.put("email", "inwoner.een@example.net");
        HttpResponse<String> r = web.post("/melden", form, "X-Forwarded-For", "203.0.113.10");

        assertThat(r.statusCode()).isEqualTo(200);
        Matcher m = REFERENCE.matcher(r.body());
        assertThat(m.find()).as("reference on the page").isTrue();
        long id = Long.parseLong(m.group(2));
        assertThat(r.body()).contains("Wat gebeurt er nu?");
        assertThat(count("SELECT COUNT(*) FROM register_incident")).isEqualTo(before + 1);

        JsonNode incident = json.readTree(web.get("/api/incidents/" + id, "Authorization",
                "Bearer " + RegisterFixture.API_TOKEN).body());
        assertThat(incident.get("reference").asText()).isEqualTo(m.group(1));
        assertThat(incident.get("origin").asText()).isEqualTo("RESIDENT");
        assertThat(incident.get("status").asText()).isEqualTo("NEW");
        assertThat(incident.get("answers").get("SENDER_STATEMENT").get("value").asText())
                .contains("Wat is er gebeurd?\nIk kreeg een brief over mijn buurman, met zijn inkomen.")
                .contains("Heeft u persoonsgegevens van iemand anders ontvangen?\nJa");
        // derived from the answers, as from a message's findings: a misdelivered letter with income data
        JsonNode derived = incident.get("answers");
        assertThat(derived.get("KIND").get("value").asText()).isEqualTo("LETTER_WRONG_ADDRESS");
        assertThat(derived.get("DATA_CATEGORIES").get("value").asText()).contains("FINANCIAL").contains("NAME");
        assertThat(derived.get("SEVERITY").get("value").asText()).isEqualTo("HIGH");
        assertThat(incident.toString()).doesNotContain("06-12345678").doesNotContain("inwoner.een@example.net");
        assertThat(web.get("/register/export.csv", "Authorization", "Bearer " + RegisterFixture.API_TOKEN).body())
                .doesNotContain("06-12345678").doesNotContain("inwoner.een@example.net");

        Map<String, String> row = row("SELECT origin, answers, contact_phone, contact_email FROM intake_report "
                + "WHERE incident_id = " + id);
        assertThat(row.get("ORIGIN")).isEqualTo("RESIDENT");
        assertThat(row.get("CONTACT_PHONE")).isEqualTo("06-12345678");
        assertThat(row.get("CONTACT_EMAIL")).isEqualTo("inwoner.een@example.net");
        assertThat(json.readTree(row.get("ANSWERS")).get("WHAT_HAPPENED").asText())
                .isEqualTo("Ik kreeg een brief over mijn buurman, met zijn inkomen.");

        String officer = RegisterFixture.settled(background, "notice to the privacy officer", () -> RegisterFixture.mailMatching(
                nextHop, RegisterFixture.OFFICER, Pattern.compile(m.group(1) + "[\\s\\S]*")).map(Matcher::group));
        assertThat(officer).contains("/register/" + id).doesNotContain("buurman").doesNotContain("inkomen")
                .doesNotContain("06-12345678").doesNotContain("inwoner.een");
        String confirmation = RegisterFixture.settled(background, "confirmation to the reporter", () -> RegisterFixture
                .mailMatching(nextHop, "inwoner.een@example.net", Pattern.compile("[\\s\\S]*")).map(Matcher::group));
        assertThat(confirmation).contains(m.group(1)).doesNotContain("buurman").doesNotContain("06-12345678");

        // the privacy officer finds the contact details on the report's own page, behind the login
        String view = "/register/" + id + "/melding";
        assertThat(new RegisterFixture.Web(gateway.webPort()).get(view).statusCode()).isEqualTo(401);
        RegisterFixture.Web staff = new RegisterFixture.Web(gateway.webPort());
        staff.login("medewerker");
        assertThat(staff.get(view).statusCode()).isEqualTo(403);
        RegisterFixture.Web fg = new RegisterFixture.Web(gateway.webPort());
        fg.login("fg");
        assertThat(fg.get("/register/" + id).body()).contains("href=\"" + view + "\"")
                .contains("Inwoner").contains("Melding zoals ingediend").contains("gemeld door een inwoner")
                .doesNotContain("Toelichting van de afzender").doesNotContain("handmatig ingevoerd");
        assertThat(fg.get(view).body()).contains("06-12345678").contains("inwoner.een@example.net")
                .contains("<dd class=\"verbatim\">Ja</dd>").doesNotContain(">yes<")
                .contains("Ik kreeg een brief over mijn buurman, met zijn inkomen.");
    }

    @Test
    void staffNetworksMayUseTheStaffFormWithoutLogin() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        HttpResponse<String> page = web.get("/melden/medewerker", "X-Forwarded-For", "198.18.0.5");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = answers(page.body(), "Brief in de verkeerde envelop");
        form.put("department", "Burgerzaken");
        HttpResponse<String> r = web.post("/melden/medewerker", form, "X-Forwarded-For", "198.18.0.5");
        Matcher m = REFERENCE.matcher(r.body());
        assertThat(m.find()).isTrue();
        Map<String, String> row = row("SELECT origin, reporter FROM intake_report WHERE incident_id = " + m.group(2));
        assertThat(row.get("ORIGIN")).isEqualTo("STAFF");
        assertThat(row.get("REPORTER")).isEmpty();
    }

    @Test
    void scriptInEveryFieldIsStoredVerbatimAndShownEscaped() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        String page = web.get("/melden/medewerker", "X-Forwarded-For", "10.1.1.1").body();
        web.login("fg");
        page = web.get("/melden/medewerker").body();
        Map<String, String> form = answers(page, SCRIPT);
        form.put("when", SCRIPT);
        form.put("which-data", SCRIPT);
        form.put("department", SCRIPT);
        form.put("systems", SCRIPT);
        HttpResponse<String> r = web.post("/melden/medewerker", form, "X-Forwarded-For", "203.0.113.20");
        assertThat(r.statusCode()).isEqualTo(200);
        Matcher m = REFERENCE.matcher(r.body());
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(2));

        Map<String, String> row = row("SELECT answers FROM intake_report WHERE incident_id = " + id);
        JsonNode stored = json.readTree(row.get("ANSWERS"));
        for (String field : List.of("WHAT_HAPPENED", "WHEN", "WHICH_DATA", "DEPARTMENT", "SYSTEMS")) {
            assertThat(stored.get(field).asText()).as(field).isEqualTo(SCRIPT);
        }
        String detail = web.get("/register/" + id).body();
        assertThat(detail).contains("&lt;script&gt;").doesNotContain(SCRIPT);

        // shown back escaped when the form is refused, too
        form.put("what-happened", SCRIPT + "x".repeat(TEXT_CHARS));
        String refused = web.post("/melden/medewerker", form, "X-Forwarded-For", "203.0.113.20").body();
        assertThat(refused).contains("&lt;script&gt;").doesNotContain(SCRIPT);
    }

    @Test
    void reportsOverTheLimitFromOneAddressAreRefusedClearly() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        String page = web.get("/melden").body();
        int before = count("SELECT COUNT(*) FROM register_incident");
        for (int i = 0; i < LIMIT; i++) {
            assertThat(web.post("/melden", answers(page, "Melding " + i), "X-Forwarded-For", "198.51.100.7")
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = web.post("/melden", answers(page, "Een te veel"), "X-Forwarded-For",
                "198.51.100.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Te veel meldingen").contains("niet opgeslagen");
        assertThat(count("SELECT COUNT(*) FROM register_incident")).isEqualTo(before + LIMIT);
        assertThat(web.post("/melden", answers(page, "Ander adres"), "X-Forwarded-For", "198.51.100.8")
                .statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void oversizedFieldsAreRefusedClearlyAndNothingIsStored() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        String page = web.get("/melden").body();
        int incidents = count("SELECT COUNT(*) FROM register_incident");
        int reports = count("SELECT COUNT(*) FROM intake_report");
        Map<String, String> form = answers(page, "x".repeat(TEXT_CHARS + 1));
        form.put("email", "a".repeat(95) + "@example.net");
        HttpResponse<String> r = web.post("/melden", form, "X-Forwarded-For", "203.0.113.30");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("Uw melding is niet verstuurd").contains("te lang")
                .contains("href=\"#what-happened\"").contains("href=\"#email\"");
        assertThat(count("SELECT COUNT(*) FROM register_incident")).isEqualTo(incidents);
        assertThat(count("SELECT COUNT(*) FROM intake_report")).isEqualTo(reports);
    }

    @Test
    void filledHoneypotLooksAcceptedButStoresNothing() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        String page = web.get("/melden").body();
        int incidents = count("SELECT COUNT(*) FROM register_incident");
        Map<String, String> form = answers(page, "Goedkope horloges");
        form.put("website", "http://spam.example");
        HttpResponse<String> r = web.post("/melden", form, "X-Forwarded-For", "203.0.113.40");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Bedankt voor uw melding");
        assertThat(count("SELECT COUNT(*) FROM register_incident")).isEqualTo(incidents);
    }

    @Test
    void formWithoutValidTokenIsRefused() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        Map<String, String> form = answers(web.get("/melden").body(), "Zonder token");
        form.put("csrf", "1700000000.forged");
        assertThat(web.post("/melden", form, "X-Forwarded-For", "203.0.113.50").statusCode()).isEqualTo(403);
        form.remove("csrf");
        assertThat(web.post("/melden", form, "X-Forwarded-For", "203.0.113.50").statusCode()).isEqualTo(403);
    }

    @Test
    void englishFormOnRequest() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        String page = web.get("/melden?lang=en").body();
        assertThat(page).contains("<html lang=\"en\"").contains("Report a data breach")
                .contains("Did you receive someone else's personal data?");
        HttpResponse<String> r = web.post("/melden?lang=en", answers(page, "A letter for my neighbour"),
                "X-Forwarded-For", "203.0.113.60");
        assertThat(r.body()).contains("What happens next?");
    }

    @Test
    void staffFormNeedsTheStaffRoleAndAsksStaffQuestionsNotTheResidents() throws Exception {
        RegisterFixture.Web anonymous = new RegisterFixture.Web(gateway.webPort());
        HttpResponse<String> r = anonymous.get("/melden/medewerker");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/login");
        assertThat(anonymous.post("/melden/medewerker", Map.of("what-happened", "x")).statusCode()).isEqualTo(401);

        RegisterFixture.Web admin = new RegisterFixture.Web(gateway.webPort());
        admin.login("beheer");
        assertThat(admin.get("/melden/medewerker").statusCode()).isEqualTo(403);

        RegisterFixture.Web staff = new RegisterFixture.Web(gateway.webPort());
        assertThat(staff.login("medewerker")).isEqualTo("/melden/medewerker");
        String page = staff.get("/melden/medewerker").body();
        assertThat(page).contains("name=\"department\"").contains("name=\"systems\"")
                .contains("name=\"who-noticed\"").contains("name=\"recipients\"").contains("name=\"actions-taken\"")
                .contains("name=\"data-back\"").contains("name=\"people-count\"")
                .doesNotContain("name=\"misdelivered-post\"").doesNotContain("name=\"own-data-received\"")
                .doesNotContain("uw gegevens").doesNotContain("bij u bezorgd");
        Map<String, String> form = answers(page, "USB-stick verloren in de trein");
        form.put("department", "Werk en Inkomen");
        form.put("systems", "Zaaksysteem");
        HttpResponse<String> done = staff.post("/melden/medewerker", form, "X-Forwarded-For", "203.0.113.70");
        Matcher m = REFERENCE.matcher(done.body());
        assertThat(m.find()).isTrue();
        Map<String, String> row = row("SELECT origin, reporter, answers FROM intake_report WHERE incident_id = "
                + m.group(2));
        assertThat(row.get("ORIGIN")).isEqualTo("STAFF");
        assertThat(row.get("REPORTER")).isEqualTo("medewerker");
        assertThat(json.readTree(row.get("ANSWERS")).get("DEPARTMENT").asText()).isEqualTo("Werk en Inkomen");
    }

    @Test
    void confirmationMailsAreLimitedPerTargetAddress() throws Exception {
        RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
        String page = web.get("/melden").body();
        String target = "derde.persoon@example.org";
        String last = "";
        for (int i = 0; i < 3; i++) {
            Map<String, String> form = answers(page, "Melding voor bevestiging " + i);
            if (i < 2) {
                form.put("email", target);
            }
            Matcher m = REFERENCE.matcher(web.post("/melden", form, "X-Forwarded-For", "192.0.2." + (10 + i)).body());
            assertThat(m.find()).isTrue();
            last = m.group(1);
        }
        String lastReference = last;
        // notices and confirmations leave in order: once the third report's notice is out, any second
        // confirmation would be out as well
        RegisterFixture.settled(background, "notice of the last report", () -> RegisterFixture.mailMatching(nextHop,
                RegisterFixture.OFFICER, Pattern.compile(lastReference)));
        long confirmations = nextHop.received().stream().filter(m -> m.recipients().contains(target)).count();
        assertThat(confirmations).isEqualTo(1);
    }

    private static Map<String, String> answers(String page, String whatHappened) {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", RegisterFixture.hidden(page, "csrf"));
        form.put("what-happened", whatHappened);
        form.put("when", "gisteren");
        form.put("which-data", "naam en inkomen");
        form.put("data-lost", "no");
        form.put("received-others-data", "yes");
        form.put("own-data-received", "unknown");
        form.put("misdelivered-post", "yes");
        form.put("website", "");
        return form;
    }

    private int count(String sql) throws Exception {
        try (Connection c = gateway.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Map<String, String> row(String sql) throws Exception {
        try (Connection c = gateway.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            Map<String, String> row = new HashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(java.util.Locale.ROOT), rs.getString(i));
            }
            return row;
        }
    }
}
