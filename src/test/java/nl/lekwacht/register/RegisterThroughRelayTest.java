package nl.lekwacht.register;

import static nl.lekwacht.register.RegisterFixture.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register end to end: a real relay and web server, a capturing next hop (which also receives the
 * gateway's own notices), incidents read back through the API with an API token.
 */
class RegisterThroughRelayTest {

    private static final Pattern REPORT_LINK = Pattern.compile("https?://[^\\s/]+(/r/[A-Za-z0-9_-]{43})");
    private static final Pattern HOLD_LINK = Pattern.compile("https?://[^\\s/\"<>]+(/h/[A-Za-z0-9_-]{43})");
    private static final String RESIDENT = "p.devries@gmail.com";

    @TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private RegisterFixture.Web web;
    private final ObjectMapper json = new ObjectMapper();
    private final ManualScheduler background = new ManualScheduler();

    private void start(String policy) throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml(policy), background);
        web = new RegisterFixture.Web(gateway.webPort());
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (nextHop != null) {
            nextHop.close();
        }
    }

    private JsonNode incidents() throws Exception {
        HttpResponse<String> r = web.get("/api/incidents", "Authorization", "Bearer " + RegisterFixture.API_TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body()).get("incidents");
    }

    private static void assertDerived(JsonNode incident, String field, String value) {
        JsonNode answer = incident.get("answers").get(field);
        assertThat(answer).as(field).isNotNull();
        assertThat(answer.get("derived").asBoolean()).as(field + " derived").isTrue();
        if (value != null) {
            assertThat(answer.get("value").asText()).as(field).isEqualTo(value);
        }
    }

    private static void assertAutoFilled(JsonNode incident, String domains) {
        assertDerived(incident, "KIND", null);
        assertDerived(incident, "DATA_CATEGORIES", null);
        assertDerived(incident, "PEOPLE_MIN", null);
        assertDerived(incident, "PEOPLE_MAX", null);
        assertDerived(incident, "RECIPIENT_DOMAINS", domains);
        assertDerived(incident, "DISCOVERED_AT", null);
        assertDerived(incident, "DEADLINE_AT", null);
        Instant discovered = Instant.parse(incident.get("answers").get("DISCOVERED_AT").get("value").asText());
        Instant deadline = Instant.parse(incident.get("answers").get("DEADLINE_AT").get("value").asText());
        assertThat(Duration.between(discovered, deadline)).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void bsnDeliveredUnderMonitorOpensExactlyOneIncidentEvenWhenTheClientRetries() throws Exception {
        start("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n");
        String bsn = RegisterFixture.bsn(11);
        String message = RegisterFixture.message("Aanvraag bijzondere bijstand", "bsn-monitor-1", List.of(RESIDENT),
                "Beste meneer De Vries,\r\n\r\nBSN: " + bsn + "\r\n\r\nMet vriendelijke groet,\r\nAnne\r\n");
        assertThat(RegisterFixture.send(gateway.smtpPort(), List.of(RESIDENT), message)).startsWith("250");
        assertThat(RegisterFixture.send(gateway.smtpPort(), List.of(RESIDENT), message))
                .as("a retry of the same message").startsWith("250");

        HttpResponse<String> raw = web.get("/api/incidents", "Authorization", "Bearer " + RegisterFixture.API_TOKEN);
        assertThat(raw.body()).as("masked evidence only").doesNotContain(bsn);
        JsonNode list = incidents();
        assertThat(list).hasSize(1);
        JsonNode incident = list.get(0);
        assertThat(incident.get("origin").asText()).isEqualTo("MONITOR");
        assertThat(incident.get("status").asText()).isEqualTo("NEW");
        assertAutoFilled(incident, "gmail.com");
        assertThat(incident.get("answers").get("DATA_CATEGORIES").get("value").asText()).contains("BSN");
        assertThat(incident.get("answers").get("PEOPLE_MIN").get("value").asText()).isEqualTo("1");
        assertThat(incident.get("answers").get("KIND").get("value").asText()).isNotEmpty();
        assertThat(incident.get("message").get("subject").asText()).isEqualTo("Aanvraag bijzondere bijstand");
        assertThat(incident.get("assessment").get("level").asText()).isEqualTo("HIGH");

        String announcement = RegisterFixture.settled(background, "announcement to the privacy officer", () -> RegisterFixture.mailMatching(
                nextHop, RegisterFixture.OFFICER, Pattern.compile("DL-000001[\\s\\S]*")).map(Matcher::group));
        assertThat(announcement).contains("/register/1").doesNotContain("bijzondere bijstand").doesNotContain(bsn)
                .doesNotContain(RESIDENT);
        JsonNode one = json.readTree(web.get("/api/incidents/" + incident.get("id").asLong(),
                "Authorization", "Bearer " + RegisterFixture.API_TOKEN).body());
        assertThat(one.get("audit").get(0).get("field").asText()).isEqualTo("created");
        assertThat(json.readTree(web.get("/api/incidents?status=CLOSED", "Authorization",
                "Bearer " + RegisterFixture.API_TOKEN).body()).get("incidents")).isEmpty();
    }

    @Test
    void senderReportThroughTheNoticeLinkCompletesTheMonitorIncident() throws Exception {
        start("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n");
        RegisterFixture.send(gateway.smtpPort(), List.of(RESIDENT), RegisterFixture.message("Uw dossier",
                "bsn-report-1", List.of(RESIDENT), "BSN: " + RegisterFixture.bsn(12) + "\r\n"));
        String path = reportLink();
        HttpResponse<String> page = web.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Uw dossier").contains("gmail.com");
        assertThat(web.post(path, Map.of("statement", "zonder token")).statusCode()).isEqualTo(403);
        HttpResponse<String> done = web.post(path, Map.of("csrf", RegisterFixture.hidden(page.body(), "csrf"),
                "statement", "Verkeerde meneer De Vries; gevraagd het bericht te verwijderen."));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("DL-");

        JsonNode list = incidents();
        assertThat(list).hasSize(1);
        JsonNode statement = list.get(0).get("answers").get("SENDER_STATEMENT");
        assertThat(statement.get("value").asText()).contains("Verkeerde meneer De Vries");
        assertThat(statement.get("derived").asBoolean()).isFalse();
        assertThat(list.get(0).get("origin").asText()).isEqualTo("MONITOR");
    }

    @Test
    void senderReportMakesHistoryForgetTheRecipientItWentTo() throws Exception {
        start("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n");
        RegisterFixture.send(gateway.smtpPort(), List.of(RESIDENT), RegisterFixture.message("Verkeerde Jan",
                "bsn-unlearn-1", List.of(RESIDENT), "BSN: " + RegisterFixture.bsn(15) + "\r\n"));
        String path = reportLink();
        assertThat(learnedRecipients()).as("history learned the delivered message").contains("gmail.com");
        String csrf = RegisterFixture.hidden(web.get(path).body(), "csrf");
        assertThat(web.post(path, Map.of("csrf", csrf, "statement", "Naar de verkeerde Jan gestuurd")).statusCode())
                .isEqualTo(200);
        assertThat(learnedRecipients()).as("what it learned from the slip is taken back").isEmpty();
    }

    @Test
    void reportLinkTakesThreeReportsOfBoundedLengthThenAsksToContactTheOfficer() throws Exception {
        start("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n");
        RegisterFixture.send(gateway.smtpPort(), List.of(RESIDENT), RegisterFixture.message("Herhaald",
                "bsn-report-limit", List.of(RESIDENT), "BSN: " + RegisterFixture.bsn(14) + "\r\n"));
        String path = reportLink();
        String csrf = RegisterFixture.hidden(web.get(path).body(), "csrf");
        HttpResponse<String> tooLong = web.post(path, Map.of("csrf", csrf, "statement", "x".repeat(5001)));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).contains("te lang").contains("5000");
        for (int i = 1; i <= 3; i++) {
            assertThat(web.post(path, Map.of("csrf", csrf, "statement", "Aanvulling " + i + " " + "y".repeat(4980)))
                    .statusCode()).as("report " + i).isEqualTo(200);
        }
        HttpResponse<String> fourth = web.post(path, Map.of("csrf", csrf, "statement", "Nog een"));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("Al gemeld").contains("privacy officer");
        assertThat(fourth.body()).doesNotContain(path);

        JsonNode list = incidents();
        assertThat(list).hasSize(1);
        String statement = list.get(0).get("answers").get("SENDER_STATEMENT").get("value").asText();
        assertThat(statement).contains("Aanvulling 3").doesNotContain("Nog een").hasSizeLessThan(3 * 5000 + 10);
        JsonNode one = json.readTree(web.get("/api/incidents/" + list.get(0).get("id").asLong(),
                "Authorization", "Bearer " + RegisterFixture.API_TOKEN).body());
        long reports = 0;
        for (JsonNode entry : one.get("audit")) {
            if (entry.get("field").asText().equals("sender-report")) {
                reports++;
                assertThat(entry.toString().length()).as("the trail keeps each addition once").isLessThan(6000);
            }
        }
        assertThat(reports).isEqualTo(3);
        assertThat(web.get("/metrics").body()).containsPattern(
                "lekwacht_report_limit_reached_total\\{form=\"report-link\",limit=\"submissions\"} 1\\.0");
    }

    @Test
    void reportLinkTokenIsInNoLogLineEvenWhenTheRequestFails() throws Exception {
        start("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n");
        try (LogCapture log = LogCapture.open()) {
            RegisterFixture.send(gateway.smtpPort(), List.of(RESIDENT), RegisterFixture.message("Logboek",
                    "bsn-report-log", List.of(RESIDENT), "BSN: " + RegisterFixture.bsn(15) + "\r\n"));
            String path = reportLink();
            String token = path.substring("/r/".length());
            String csrf = RegisterFixture.hidden(web.get(path).body(), "csrf");
            assertThat(web.post(path, Map.of("csrf", csrf, "statement", "eerste")).statusCode()).isEqualTo(200);
            gateway.database().close(); // the store goes away: the next request fails inside
            HttpResponse<String> failed = web.post(path, Map.of("csrf", csrf, "statement", "tweede"));
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(log.text()).contains("unhandled error on POST /r/{token}").doesNotContain(token);
        }
    }

    @Test
    void senderReportOpensTheIncidentWhenThePolicyOnlyLogged() throws Exception {
        start("  IBAN: allow\n");
        RegisterFixture.send(gateway.smtpPort(), List.of(RESIDENT), RegisterFixture.message("Terugbetaling",
                "iban-report-1", List.of(RESIDENT), "Beste,\r\n\r\nWij storten het bedrag op IBAN NL91 ABNA 0417 1643 00."
                        + "\r\n\r\nGroet\r\n"));
        String path = reportLink();
        assertThat(incidents()).as("allow opens nothing by itself").isEmpty();
        HttpResponse<String> page = web.get(path);
        HttpResponse<String> done = web.post(path, Map.of("csrf", RegisterFixture.hidden(page.body(), "csrf"),
                "statement", "Rekeningnummer van iemand anders gestuurd."));
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode list = incidents();
        assertThat(list).hasSize(1);
        JsonNode incident = list.get(0);
        assertThat(incident.get("origin").asText()).isEqualTo("SENDER_REPORT");
        assertAutoFilled(incident, "gmail.com");
        assertThat(incident.get("answers").get("DATA_CATEGORIES").get("value").asText()).contains("IBAN");
    }

    @Test
    void visibleRecipientsOverrideFromTheHoldPageOpensOneIncident() throws Exception {
        start("  VISIBLE_RECIPIENTS: hold\n");
        List<String> all = List.of("p1.test@gmail.com", "p2.test@hotmail.com", "p3.test@ziggo.nl",
                "collega@gemeente.example");
        String message = "From: Anne <" + SENDER + ">\r\n"
                + "To: Piet <p1.test@gmail.com>, p2.test@hotmail.com,\r\n p3.test@ziggo.nl\r\n"
                + "Cc: Collega <collega@gemeente.example>\r\n"
                + "Subject: Uitnodiging informatieavond\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Welkom op de informatieavond.\r\n";
        assertThat(RegisterFixture.send(gateway.smtpPort(), all, message)).startsWith("250 2.6.0 Held");
        String path = RegisterFixture.settled(background, "hold notification", () -> RegisterFixture.mailMatching(nextHop, SENDER, HOLD_LINK)
                .map(m -> m.group(1)));
        HttpResponse<String> page = web.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> sent = web.post(path, Map.of("csrf", RegisterFixture.hidden(page.body(), "csrf"),
                "action", "send", "reason", "Groep heeft ingestemd met zichtbare adressen"));
        assertThat(sent.statusCode()).isEqualTo(200);

        JsonNode list = RegisterFixture.settled(background, "override incident", () -> {
            try {
                JsonNode found = incidents();
                return found.isEmpty() ? Optional.empty() : Optional.of(found);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(list).hasSize(1);
        JsonNode incident = list.get(0);
        assertThat(incident.get("origin").asText()).isEqualTo("OVERRIDE");
        assertAutoFilled(incident, "gmail.com, hotmail.com, ziggo.nl");
        assertThat(incident.get("answers").get("KIND").get("value").asText()).isEqualTo("VISIBLE_RECIPIENTS");
        assertThat(incident.get("answers").get("DATA_CATEGORIES").get("value").asText()).isEqualTo("EMAIL_ADDRESS");
        assertThat(incident.get("answers").get("PEOPLE_MIN").get("value").asText()).isEqualTo("3");
        assertThat(incident.get("answers").get("SENDER_STATEMENT").get("value").asText())
                .isEqualTo("Groep heeft ingestemd met zichtbare adressen");
        assertThat(incident.get("message").get("holdId").asText()).isNotEmpty();
    }

    /** The recipients history keeps for the messages it learned from (one line per address key). */
    private String learnedRecipients() throws Exception {
        background.runQueued();
        StringBuilder all = new StringBuilder();
        try (java.sql.Connection c = gateway.database().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT recipients FROM history_message")) {
            while (rs.next()) {
                all.append(rs.getString(1));
            }
        }
        return all.toString();
    }

    private String reportLink() {
        return RegisterFixture.settled(background, "report notice", () -> RegisterFixture.mailMatching(nextHop, SENDER, REPORT_LINK)
                .map((Matcher m) -> m.group(1)));
    }
}
