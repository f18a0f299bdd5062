package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking a report to the message it is about, end to end: a message with a BSN goes out under the
 * monitor policy (incident 1), the privacy officer types in a report of the day before (incident 2),
 * finds the message by recipient domain and subject, links, and unlinks again.
 */
class IncidentLinkingThroughRelayTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private RegisterFixture.Web web;
    private final ObjectMapper json = new ObjectMapper();
    private String csrf;
    private Instant reported;

    @BeforeEach
    void messageWentOutAndAResidentReportedIt() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(),
                RegisterFixture.yaml("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"));
        web = new RegisterFixture.Web(gateway.webPort());
        String message = RegisterFixture.message("Beschikking bijzondere bijstand", "link-1",
                List.of("p.devries@gmail.com"), "Beste meneer De Vries,\r\n\r\nBSN: " + RegisterFixture.bsn(51) + "\r\n");
        assertThat(RegisterFixture.send(gateway.smtpPort(), List.of("p.devries@gmail.com"), message)).startsWith("250");
        web.login("fg");
        csrf = RegisterFixture.hidden(web.get("/register/new").body(), "csrf");
        reported = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> created = web.post("/register", Map.of("csrf", csrf,
                "summary", "Inwoner belde: hij kreeg een beschikking over iemand anders",
                "discovered-at", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZONE).format(reported)));
        assertThat(created.headers().firstValue("Location")).hasValue("/register/2");
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

    private JsonNode api(String path) throws Exception {
        return json.readTree(web.get(path, "Authorization", "Bearer " + RegisterFixture.API_TOKEN).body());
    }

    private static List<String> trail(JsonNode incident) {
        List<String> fields = new ArrayList<>();
        incident.get("audit").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void linkingAReportToItsMessageLeavesOneIncidentWithBothTrailsAndTheEarlierDeadline() throws Exception {
        Instant messageDeadline = Instant.parse(api("/api/incidents/1").get("answers").get("DEADLINE_AT").get("value").asText());
        String found = Jsoup.parse(web.get("/register/2/koppelen?zoek=1&domein=gmail.com&onderwerp=BIJSTAND").body()).text();
        assertThat(found).contains("1 bericht(en) gevonden").contains("DL-000001").contains("Beschikking bijzondere bijstand");
        assertThat(Jsoup.parse(web.get("/register/2/koppelen?zoek=1&domein=ziggo.nl").body()).text())
                .contains("0 bericht(en) gevonden");

        HttpResponse<String> linked = web.post("/register/2/koppelen", Map.of("csrf", csrf, "met", "1"));

        assertThat(linked.statusCode()).isEqualTo(303);
        JsonNode list = api("/api/incidents").get("incidents");
        assertThat(list).as("one incident left in the register's list").hasSize(1);
        JsonNode merged = api("/api/incidents/1");
        assertThat(trail(merged)).contains("merged-from", "merged-into", "summary")
                .as("the report's own opening is in the message incident's trail too")
                .filteredOn("created"::equals).hasSize(2);
        assertThat(Instant.parse(merged.get("answers").get("DEADLINE_AT").get("value").asText()))
                .isEqualTo(reported.plus(Duration.ofHours(72))).isBefore(messageDeadline);
        assertThat(Jsoup.parse(web.get("/register/2/koppelen").body()).text())
                .contains("Deze melding is samengevoegd met DL-000001");

        HttpResponse<String> unlinked = web.post("/register/2/ontkoppelen", Map.of("csrf", csrf));

        assertThat(unlinked.statusCode()).isEqualTo(303);
        assertThat(api("/api/incidents").get("incidents")).hasSize(2);
        JsonNode alone = api("/api/incidents/1");
        assertThat(Instant.parse(alone.get("answers").get("DEADLINE_AT").get("value").asText())).isEqualTo(messageDeadline);
        assertThat(trail(alone)).filteredOn("created"::equals).hasSize(1);
        assertThat(trail(alone)).filteredOn("merged-from"::equals).as("linked and unlinked, both audited").hasSize(2);
    }

    @Test
    void aMessageIncidentCannotBeLinkedAsIfItWereAReportAndLinkingNeedsTheCsrfToken() throws Exception {
        assertThat(web.post("/register/1/koppelen", Map.of("csrf", csrf, "met", "2")).statusCode()).isEqualTo(409);
        assertThat(web.post("/register/2/koppelen", Map.of("met", "1")).statusCode()).isEqualTo(403);
        assertThat(api("/api/incidents").get("incidents")).hasSize(2);
    }
}
