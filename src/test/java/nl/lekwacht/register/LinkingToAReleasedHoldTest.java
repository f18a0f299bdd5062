package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message held for its BSN and released (sent anyway, which opens no incident for a BSN under the
 * default policy) is still found when a report about it comes in: the released hold is a candidate,
 * and linking to it opens the message's incident, into which the report merges.
 */
class LinkingToAReleasedHoldTest {

    private static final Pattern REF = Pattern.compile("^250 2\\.6\\.0 Held for sender confirmation \\(ref ([A-Z0-9]+)\\)");

    @TempDir
    Path data;

    @Test
    void aReportIsLinkedToAHeldMessageThatWasReleasedWithoutAnIncident() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(),
                     RegisterFixture.yaml("  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"))) {
            String reply = RegisterFixture.send(gateway.smtpPort(), List.of("p.devries@gmail.com"),
                    RegisterFixture.message("Beschikking bijzondere bijstand", "link-hold-1", List.of("p.devries@gmail.com"),
                            "Beste meneer De Vries,\r\n\r\nBSN: " + RegisterFixture.bsn(53) + "\r\n"));
            Matcher held = REF.matcher(reply);
            assertThat(held.find()).as("held: " + reply).isTrue();
            String ref = held.group(1);
            RegisterFixture.Web admin = new RegisterFixture.Web(gateway.webPort());
            admin.login("beheer");
            String adminCsrf = RegisterFixture.hidden(admin.get("/admin/holds").body(), "csrf");
            assertThat(admin.post("/admin/holds/" + ref, Map.of("csrf", adminCsrf, "action", "send",
                    "reason", "Afzender afwezig, termijn verloopt")).statusCode()).isEqualTo(200);

            RegisterFixture.Web fg = new RegisterFixture.Web(gateway.webPort());
            fg.login("fg");
            String csrf = RegisterFixture.hidden(fg.get("/register/new").body(), "csrf");
            assertThat(api(fg, "/api/incidents").get("incidents")).as("sent anyway without an incident").isEmpty();
            fg.post("/register", Map.of("csrf", csrf, "summary", "Inwoner belde: beschikking van een ander ontvangen"));

            String found = Jsoup.parse(fg.get("/register/1/koppelen?zoek=1&domein=gmail.com").body()).text();
            assertThat(found).contains("1 bericht(en) gevonden").contains(ref).contains("Beschikking bijzondere bijstand");
            HttpResponse<String> linked = fg.post("/register/1/koppelen", Map.of("csrf", csrf, "met", "h:" + ref));

            assertThat(linked.statusCode()).isEqualTo(303);
            JsonNode incidents = api(fg, "/api/incidents").get("incidents");
            assertThat(incidents).hasSize(1);
            JsonNode message = incidents.get(0);
            assertThat(message.get("message").get("holdId").asText()).isEqualTo(ref);
            List<String> trail = new ArrayList<>();
            api(fg, "/api/incidents/" + message.get("id").asText()).get("audit").forEach(e -> trail.add(e.get("field").asText()));
            assertThat(trail).contains("merged-from", "merged-into").filteredOn("created"::equals).hasSize(2);
            assertThat(Jsoup.parse(fg.get("/register/1/koppelen?zoek=1&domein=gmail.com").body()).text())
                    .as("the report's page says where it went").contains("samengevoegd met " + message.get("reference").asText());
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode api(RegisterFixture.Web web, String path) throws Exception {
        return json.readTree(web.get(path, "Authorization", "Bearer " + RegisterFixture.API_TOKEN).body());
    }
}
