package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AP view follows the AP's form section by section with each answer's state, a notification past
 * the 72-hour deadline needs the late reason before Gemeld bij AP (checked on the server), and the
 * dossier PDF opens in a real reader with the reference, the section titles and no full BSN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierTest {

    private static final List<String> SECTIONS = List.of("1. Contactgegevens", "2. Tijdlijn", "3. Aard van de inbreuk",
            "4. Persoonsgegevens", "5. Betrokkenen", "6. Maatregelen vooraf", "7. Gevolgen", "8. Vervolgacties");

    @TempDir
    static Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private RegisterFixture.Web fg;
    private String csrf;

    @BeforeAll
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(),
                RegisterFixture.yaml("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"));
        RegisterFixture.send(gateway.smtpPort(), List.of("j.bakker@gmail.com"), RegisterFixture.message(
                "Beschikking bijzondere bijstand", "dossier-1", List.of("j.bakker@gmail.com"),
                "Beste mevrouw Bakker,\r\n\r\nBSN: " + RegisterFixture.bsn(51) + "\r\n"));
        fg = new RegisterFixture.Web(gateway.webPort());
        fg.login("fg");
        csrf = RegisterFixture.hidden(fg.get("/register/1").body(), "csrf");
    }

    @AfterAll
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void apViewFollowsTheApFormInOrderWithEachAnswersState() throws Exception {
        String page = fg.get("/register/1/ap").body();
        int last = -1;
        for (String section : SECTIONS) {
            int at = page.indexOf(section);
            assertThat(at).as(section + " after the section before").isGreaterThan(last);
            last = at;
        }
        assertThat(page).contains("class=\"state state-derived\">afgeleid").contains("nog in te vullen")
                .contains("<div class=\"copy\">BSN</div>").doesNotContain(RegisterFixture.bsn(51));
    }

    @Test
    void reportedAfterTheDeadlineIsRefusedUntilTheLateReasonIsGiven() throws Exception {
        Instant discovered = Instant.now().minus(Duration.ofDays(4));
        long id = manualIncident(discovered);
        assertThat(fg.post("/register/" + id + "/status", Map.of("csrf", csrf, "status", "IN_PROGRESS"))
                .statusCode()).isEqualTo(303);
        assertThat(fg.post("/register/" + id, Map.of("csrf", csrf, "ap-reported-at", Instant.now().toString(),
                "ap-reference", "M000123")).statusCode()).isEqualTo(303);
        assertThat(fg.get("/register/" + id + "/ap").body()).contains("De termijn van 72 uur is verstreken")
                .contains("verplicht");

        HttpResponse<String> refused = fg.post("/register/" + id + "/status", Map.of("csrf", csrf, "status",
                "REPORTED"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("reden van de late melding");

        fg.post("/register/" + id, Map.of("csrf", csrf, "late-reason", "De bijlage bleek pas na het weekend "
                + "een lijst met namen te bevatten"));
        assertThat(fg.post("/register/" + id + "/status", Map.of("csrf", csrf, "status", "REPORTED")).statusCode())
                .isEqualTo(303);
    }

    @Test
    void dossierPdfOpensWithTheReferenceSectionsTrailAndNoFullBsn() throws Exception {
        HttpResponse<byte[]> pdf = fg.bytes("/register/1/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("DL-000001").contains("Dossier datalek DL-000001")
                    .contains("Wijzigingen").contains("Documenten bij het incident").contains("Ernst volgens ENISA")
                    .doesNotContain(RegisterFixture.bsn(51));
            for (String section : SECTIONS) {
                assertThat(text).as("section title in the PDF").contains(section);
            }
            keep(pdf.body(), document);
        }
        assertThat(new RegisterFixture.Web(gateway.webPort()).bytes("/register/1/pdf").statusCode())
                .as("without a login").isEqualTo(401);
    }

    /** Keeps the PDF and its pages as images in the build folder's {@code screenshots/}, for a person to look at. */
    private static void keep(byte[] pdf, PDDocument document) throws Exception {
        Path dir = Path.of(DossierTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                .resolve("screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("dossier-DL-000001.pdf"), pdf);
        org.apache.pdfbox.rendering.PDFRenderer pages = new org.apache.pdfbox.rendering.PDFRenderer(document);
        for (int i = 0; i < Math.min(3, document.getNumberOfPages()); i++) {
            javax.imageio.ImageIO.write(pages.renderImageWithDPI(i, 80), "png",
                    dir.resolve("dossier-page" + (i + 1) + ".png").toFile());
        }
    }

    private long manualIncident(Instant discovered) throws Exception {
        HttpResponse<String> created = fg.post("/register", Map.of("csrf", csrf, "kind", "LOST_DEVICE",
                "summary", "Laptop met dossiers kwijt", "discovered-at", discovered.toString()));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
