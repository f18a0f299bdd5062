package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy officer's follow-up letters end to end: a message with a BSN goes out to two outside
 * addresses under the monitor policy, the incident keeps those addresses, and the letters written on
 * the incident's page arrive at the capture server one per addressee, with the reference and without
 * the BSN, recorded in the audit trail and the AP form.
 */
class FollowUpLettersThroughRelayTest {

    private static final String WRONG = "p.devries@gmail.com";
    private static final String ALSO_WRONG = "k.bakker@ziggo.example";
    private static final String AFFECTED = "m.jansen@hotmail.example";

    @TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private RegisterFixture.Web web;
    private final ManualScheduler background = new ManualScheduler();
    private final ObjectMapper json = new ObjectMapper();
    private String bsn;
    private String csrf;

    @BeforeEach
    void sendTheMessageThatWentWrong() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml(
                "  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n  VISIBLE_RECIPIENTS: allow\n"),
                background);
        web = new RegisterFixture.Web(gateway.webPort());
        bsn = RegisterFixture.bsn(31);
        String message = RegisterFixture.message("Beschikking bijzondere bijstand", "letters-1",
                List.of(WRONG, ALSO_WRONG), "Beste meneer De Vries,\r\n\r\nUw BSN: " + bsn + "\r\n\r\nGroet,\r\nAnne\r\n");
        assertThat(RegisterFixture.send(gateway.smtpPort(), List.of(WRONG, ALSO_WRONG), message)).startsWith("250");
        background.runQueued();
        web.login("fg");
        csrf = RegisterFixture.hidden(web.get("/register/1").body(), "csrf");
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

    private List<CapturingNextHop.Received> lettersTo(String address) {
        return nextHop.received().stream().filter(r -> r.recipients().equals(List.of(address)))
                .filter(r -> new String(r.data(), StandardCharsets.UTF_8).contains("X-Lekwacht-Incident: DL-000001"))
                .toList();
    }

    private JsonNode incident() throws Exception {
        return json.readTree(web.get("/api/incidents/1", "Authorization", "Bearer " + RegisterFixture.API_TOKEN)
                .body());
    }

    private HttpResponse<String> post(String kind, List<String> to, String typed, String subject, String body)
            throws Exception {
        String form = "csrf=" + enc(csrf) + "&soort=" + kind + "&taal=nl&subject=" + enc(subject) + "&body=" + enc(body)
                + "&typed=" + enc(typed) + to.stream().map(a -> "&to=" + enc(a)).collect(Collectors.joining());
        return web.postRaw("/register/1/brieven", form);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void deletionRequestsReachEachWrongRecipientAloneWithTheReferenceAndWithoutTheBsn() throws Exception {
        Document page = Jsoup.parse(web.get("/register/1/brieven").body());
        assertThat(page.select("input[name=to]").eachAttr("value")).containsExactly(ALSO_WRONG, WRONG);
        String subject = page.selectFirst("input[name=subject]").val();
        String body = page.selectFirst("textarea[name=body]").text();
        assertThat(subject).contains("DL-000001");
        assertThat(body).contains("Beschikking bijzondere bijstand").contains(RegisterFixture.OFFICER);

        HttpResponse<String> sent = post("verwijderen", List.of(WRONG, ALSO_WRONG), "", subject, body);

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(sent.body()).text()).contains("2 van 2");
        for (String address : List.of(WRONG, ALSO_WRONG)) {
            List<CapturingNextHop.Received> letters = lettersTo(address);
            assertThat(letters).as("one letter to " + address).hasSize(1);
            assertThat(letters.get(0).subject()).contains("DL-000001");
            assertThat(letters.get(0).text()).contains("verwijderen").doesNotContain(bsn)
                    .doesNotContain(address.equals(WRONG) ? ALSO_WRONG : WRONG);
        }
        JsonNode incident = incident();
        assertThat(incident.get("answers").get("MEASURES_TAKEN").get("value").asText())
                .contains("Verzoek tot verwijderen gestuurd aan 2 onterechte ontvanger(s)");
        List<String> trail = json.convertValue(incident.get("audit"), List.class).stream()
                .map(Object::toString).toList();
        assertThat(trail).filteredOn(e -> e.contains("follow-up-letter")).hasSize(2)
                .allMatch(e -> e.contains("verstuurd")).noneMatch(e -> e.contains(WRONG));
    }

    @Test
    void aDeletionRequestCannotGoToAnAddressTheMessageNeverWentTo() throws Exception {
        int before = nextHop.received().size();

        HttpResponse<String> refused = post("verwijderen", List.of("iemand@elders.example"), "", "Verzoek", "Tekst");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).contains("alleen naar een ontvanger van het bericht");
        assertThat(nextHop.received()).hasSize(before);
    }

    @Test
    void aNoticeToThePeopleAffectedIsScreenedSoOneWithAFullBsnIsNotSent() throws Exception {
        String template = Jsoup.parse(web.get("/register/1/brieven?soort=kennisgeving").body())
                .selectFirst("textarea[name=body]").text();
        assertThat(template).contains("artikel 34").contains("[aanvullen");
        HttpResponse<String> unfinished = post("kennisgeving", List.of(), AFFECTED, "", template);
        assertThat(unfinished.statusCode()).as("a letter with a part left to fill in").isEqualTo(400);
        assertThat(lettersTo(AFFECTED)).isEmpty();
        String body = template.replaceAll("\\[aanvullen[^\\]]*]", "Wij hebben de ontvangers gevraagd het te verwijderen.");

        HttpResponse<String> withBsn = post("kennisgeving", List.of(), AFFECTED, "", body + "\n\nUw BSN: " + bsn);

        assertThat(Jsoup.parse(withBsn.body()).text()).contains("0 van 1").contains("BSN");
        assertThat(lettersTo(AFFECTED)).isEmpty();
        assertThat(withBsn.body()).doesNotContain(bsn);

        HttpResponse<String> clean = post("kennisgeving", List.of(), AFFECTED, "", body);

        assertThat(Jsoup.parse(clean.body()).text()).contains("1 van 1");
        assertThat(lettersTo(AFFECTED)).hasSize(1).allMatch(r -> r.subject().contains("DL-000001"));
        JsonNode answers = incident().get("answers");
        assertThat(answers.get("SUBJECTS_INFORMED").get("value").asText()).isEqualTo("YES");
        assertThat(answers.get("SUBJECTS_INFORMED_COUNT").get("value").asText()).isEqualTo("1");
        assertThat(answers.get("SUBJECTS_INFORMED_HOW").get("value").asText()).contains("art. 34");
    }

    @Test
    void theExportsDoNotCarryTheAddressListKeptForTheLetters() throws Exception {
        // the findings' masked evidence may name an address; the list kept for the letters is not exported
        assertThat(web.get("/register/export.json").body()).doesNotContain(ALSO_WRONG).doesNotContain("\"recipients\"");
        assertThat(web.get("/register/export.csv").body()).doesNotContain(ALSO_WRONG);
        assertThat(web.get("/api/incidents/1", "Authorization", "Bearer " + RegisterFixture.API_TOKEN).body())
                .doesNotContain(ALSO_WRONG).doesNotContain("\"recipients\"");
    }

    @Test
    void lettersNeedTheCsrfToken() throws Exception {
        int before = nextHop.received().size();

        HttpResponse<String> forged = web.post("/register/1/brieven", Map.of("soort", "verwijderen", "to", WRONG,
                "subject", "x", "body", "y"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(nextHop.received()).hasSize(before);
    }
}
