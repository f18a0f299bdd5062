package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The year overview of a known year: the fixture below seeds 2025 (and a little of 2024 and 2026 around it)
 * and states what the overview must count; the page's figures are compared with those stated numbers, not
 * with counts read back from the store.
 */
class YearOverviewTest {

    @TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private RegisterFixture.Web web;

    @BeforeEach
    void seedAKnownYear() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml("  BSN: monitor\n"),
                new MovableClock(Instant.parse("2026-06-15T10:00:00Z")), new ManualScheduler());
        FigureSeed seed = new FigureSeed(gateway.database().dataSource());
        Instant march = Instant.parse("2025-03-10T09:00:00Z");
        // 1: reported in time; 12 people, all informed
        seed.incident(Status.REPORTED, Origin.MONITOR, march, Map.of(Field.KIND, "WRONG_RECIPIENT",
                Field.AP_REPORTED_AT, march.plus(Duration.ofHours(20)).toString(), Field.AP_REFERENCE, "M-1",
                Field.PEOPLE_MAX, "12", Field.SUBJECTS_INFORMED, "YES", Field.SUBJECTS_INFORMED_COUNT, "12"));
        // 2: reported late, then closed; 40 people, all informed
        seed.incident(Status.CLOSED, Origin.OVERRIDE, Instant.parse("2025-05-02T08:00:00Z"), Map.of(Field.KIND,
                "VISIBLE_RECIPIENTS", Field.AP_REPORTED_AT, "2025-05-07T08:00:00Z", Field.AP_REFERENCE, "M-2",
                Field.PEOPLE_MAX, "40", Field.SUBJECTS_INFORMED, "YES", Field.SUBJECTS_INFORMED_COUNT, "40"));
        // 3 and 4: not reported, with their reasons (4 closed afterwards)
        seed.incident(Status.NOT_REPORTED, Origin.STAFF, Instant.parse("2025-05-20T08:00:00Z"), Map.of(Field.KIND,
                "WRONG_ATTACHMENT", Field.PEOPLE_MAX, "1", Field.NOT_REPORTED_REASON, "Bijlage was versleuteld",
                Field.NOT_REPORTED_APPROVED_BY, "FG"));
        seed.incident(Status.CLOSED, Origin.RESIDENT, Instant.parse("2025-09-01T08:00:00Z"), Map.of(Field.KIND,
                "WRONG_RECIPIENT", Field.NOT_REPORTED_REASON, "Ontvanger is ketenpartner met geheimhoudingsplicht",
                Field.NOT_REPORTED_APPROVED_BY, "FG"));
        // 5: no breach; 6: withdrawn; 7: still being handled
        seed.incident(Status.NO_BREACH, Origin.RESIDENT, Instant.parse("2025-10-01T08:00:00Z"), Map.of(Field.KIND, "OTHER"));
        seed.incident(Status.WITHDRAWN, Origin.MANUAL, Instant.parse("2025-11-01T08:00:00Z"),
                Map.of(Field.KIND, "LETTER_WRONG_ADDRESS"));
        seed.incident(Status.IN_PROGRESS, Origin.MONITOR, Instant.parse("2025-12-30T08:00:00Z"),
                Map.of(Field.KIND, "WRONG_RECIPIENT"));
        // the years around it: two in 2024, one in 2026
        seed.incident(Status.CLOSED, Origin.MANUAL, Instant.parse("2024-04-01T08:00:00Z"), Map.of());
        seed.incident(Status.CLOSED, Origin.MANUAL, Instant.parse("2024-12-31T12:00:00Z"), Map.of());
        seed.incident(Status.NEW, Origin.RESIDENT, Instant.parse("2026-01-02T08:00:00Z"), Map.of());
        // held messages: 2025 four fixed, two cancelled, one expired, three sent anyway; 2024 two fixed
        for (int i = 0; i < 4; i++) {
            seed.nearMiss("2025-0" + (i + 1), "BSN", "FIXED", "");
        }
        seed.nearMiss("2025-06", "VISIBLE_RECIPIENTS", "CANCELLED", "");
        seed.nearMiss("2025-07", "VISIBLE_RECIPIENTS", "CANCELLED", "");
        seed.nearMiss("2025-08", "MISDIRECTED_RECIPIENT", "EXPIRED", "");
        for (int i = 0; i < 3; i++) {
            seed.nearMiss("2025-11", "BSN", "SENT_ANYWAY", "");
        }
        seed.nearMiss("2024-02", "BSN", "FIXED", "");
        seed.nearMiss("2024-03", "BSN", "FIXED", "");
        web = new RegisterFixture.Web(gateway.webPort());
        web.login("fg");
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void theFiguresAreTheOnesTheFixtureStates() throws Exception {
        String html = web.get("/register/jaaroverzicht?jaar=2025").body();
        assertThat(html).contains("Jaaroverzicht datalekken 2025");
        assertThat(figure(html, "incidents")).isEqualTo("7 (vorig jaar: 2)");
        assertThat(figure(html, "reported")).isEqualTo("2 (waarvan na de termijn van 72 uur: 1)");
        assertThat(figure(html, "not-reported")).isEqualTo("2");
        assertThat(figure(html, "no-breach")).isEqualTo("1");
        assertThat(figure(html, "withdrawn")).isEqualTo("1");
        assertThat(figure(html, "open")).isEqualTo("1");
        assertThat(figure(html, "informed")).isEqualTo("2");
        assertThat(figure(html, "people-informed")).isEqualTo("52");
        assertThat(figure(html, "people-affected")).isEqualTo("53");
        assertThat(figure(html, "near-misses")).isEqualTo("10");
        assertThat(figure(html, "prevented")).isEqualTo("7 (vorig jaar: 2)");
        assertThat(html).contains("Bijlage was versleuteld").contains("Ontvanger is ketenpartner met geheimhoudingsplicht");
        assertThat(html).contains("<li>E-mail naar verkeerde ontvanger: 3</li>").contains("<li>BSN: 7</li>");
        assertThat(html).contains("Incidenten: 7 in 2025, 2 in 2024.").contains("Voorkomen lekken: 7 in 2025, 2 in 2024.");
        assertThat(html.split("role=\"img\"", -1)).as("five charts").hasSize(6);
    }

    @Test
    void withoutAYearItShowsTheCurrentOneAndAWrongYearIsRefused() throws Exception {
        String html = web.get("/register/jaaroverzicht").body();
        assertThat(html).contains("Jaaroverzicht datalekken 2026");
        assertThat(figure(html, "incidents")).isEqualTo("1 (vorig jaar: 7)");
        assertThat(web.get("/register/jaaroverzicht?jaar=twintig").statusCode()).isEqualTo(400);
        assertThat(web.get("/register/jaaroverzicht?jaar=2025&lang=en").body())
                .contains("Data breach year overview 2025").contains("Reported to the AP");
    }

    @Test
    void thePdfOpensInAReaderWithTheTitleAndTheFigures() throws Exception {
        java.net.http.HttpResponse<byte[]> response = web.bytes("/register/jaaroverzicht.pdf?jaar=2025");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Jaaroverzicht datalekken 2025");
            assertThat(text).contains("Jaaroverzicht datalekken 2025")
                    .contains("Incidenten ontdekt 7 (vorig jaar: 2)")
                    .contains("Gemeld bij de AP 2 (waarvan na de termijn van 72 uur: 1)")
                    .contains("Betrokkenen geïnformeerd (opgegeven aantallen) 52")
                    .contains("Lekken voorkomen (hersteld, geannuleerd of verlopen) 7 (vorig jaar: 2)")
                    .contains("Ontvanger is ketenpartner met geheimhoudingsplicht")
                    .contains("Incidenten per maand, naar soort inbreuk");
        }
        assertThat(web.bytes("/register/jaaroverzicht?jaar=2025&format=pdf").body()).startsWith("%PDF".getBytes());
    }

    /** The text of a figure on the page, without its markup. */
    static String figure(String html, String name) {
        Matcher m = Pattern.compile("data-figure=\"" + name + "\">(.*?)</dd>").matcher(html);
        assertThat(m.find()).as("figure " + name).isTrue();
        return m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }
}
