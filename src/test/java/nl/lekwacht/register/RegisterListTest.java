package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register's list is searched (reference, AP number, subject, the register's text answers; never a full
 * BSN), filtered by status, source, kind and deadline, and paged fifty at a time with the filters kept.
 */
class RegisterListTest {

    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void searchesFiltersAndPages() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml("  BSN: monitor\n"),
                     new MovableClock(NOW), new ManualScheduler())) {
            FigureSeed seed = new FigureSeed(gateway.database().dataSource());
            String bsn = RegisterFixture.bsn(77);
            seed.incident(Status.IN_PROGRESS, Origin.MONITOR, NOW.minus(Duration.ofHours(80)), Map.of(Field.KIND,
                    "WRONG_RECIPIENT"), Optional.of(FigureSeed.message("a@gemeente.example", "Beschikking Wmo " + bsn,
                    "BSN", NOW.minus(Duration.ofHours(80)))));
            seed.incident(Status.NEW, Origin.RESIDENT, NOW.minus(Duration.ofHours(60)), Map.of(Field.SUMMARY,
                    "Brief over de huurtoeslag bij de buren bezorgd"));
            seed.incident(Status.REPORTED, Origin.STAFF, NOW.minus(Duration.ofDays(10)), Map.of(Field.KIND,
                    "LOST_DEVICE", Field.AP_REFERENCE, "M-2026-004711"));
            for (int i = 0; i < 57; i++) {
                seed.incident(Status.CLOSED, Origin.MANUAL, NOW.minus(Duration.ofDays(20 + i)), Map.of(Field.KIND, "OTHER"));
            }
            RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
            web.login("fg");

            String all = web.get("/register").body();
            assertThat(all).contains("60 incident(en) gevonden").contains("pagina 1 van 2");
            assertThat(references(all)).hasSize(50).startsWith("DL-000001", "DL-000002");
            String second = web.get("/register?page=2").body();
            assertThat(references(second)).hasSize(10);

            assertThat(references(web.get("/register?q=huurtoeslag").body())).containsExactly("DL-000002");
            assertThat(references(web.get("/register?q=DL-000003").body())).containsExactly("DL-000003");
            assertThat(references(web.get("/register?q=004711").body())).containsExactly("DL-000003");
            assertThat(references(web.get("/register?q=wmo").body())).containsExactly("DL-000001");
            String byBsn = web.get("/register?q=" + bsn).body();
            assertThat(references(byBsn)).as("no full BSN is kept to be found").isEmpty();
            assertThat(byBsn).contains("Zoeken op een BSN kan niet").doesNotContain(bsn);

            assertThat(references(web.get("/register?source=RESIDENT").body())).containsExactly("DL-000002");
            assertThat(references(web.get("/register?kind=LOST_DEVICE").body())).containsExactly("DL-000003");
            assertThat(references(web.get("/register?kind=UNKNOWN").body())).containsExactly("DL-000002");
            assertThat(references(web.get("/register?deadline=OVERDUE").body())).containsExactly("DL-000001");
            assertThat(references(web.get("/register?deadline=DUE_SOON").body())).containsExactly("DL-000002");
            assertThat(references(web.get("/register?deadline=RUNNING").body())).isEmpty();
            String closed = web.get("/register?status=CLOSED&source=MANUAL").body();
            assertThat(closed).contains("57 incident(en) gevonden")
                    .contains("href=\"/register?status=CLOSED&amp;source=MANUAL&amp;page=2\"");
        }
    }

    static java.util.List<String> references(String html) {
        Matcher m = Pattern.compile("<td><a href=\"/register/\\d+\">(DL-\\d{6})</a></td>").matcher(html);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
