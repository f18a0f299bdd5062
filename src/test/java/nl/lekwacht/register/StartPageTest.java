package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

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
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy officer's start page: the deadlines with the overdue one first and said in words, the reports
 * nobody assessed, the decision waiting for its approver, the register by status and the charts with their
 * tables, per department from register.departments.
 */
class StartPageTest {

    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void showsWhatNeedsAttentionFirstAndTheMonthsInFigures() throws Exception {
        MovableClock clock = new MovableClock(NOW);
        String yaml = RegisterFixture.yaml("  BSN: monitor\n").replace("register:\n",
                "register:\n  departments:\n    sociaal.gemeente.example: Sociaal Domein\n");
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), yaml, clock, new ManualScheduler())) {
            FigureSeed seed = new FigureSeed(gateway.database().dataSource());
            seed.incident(Status.IN_PROGRESS, Origin.MONITOR, NOW.minus(Duration.ofHours(80)),
                    Map.of(Field.KIND, "WRONG_RECIPIENT"), Optional.of(FigureSeed.message(
                            "p.devries@sociaal.gemeente.example", "Beschikking bijstand", "BSN", NOW.minus(Duration.ofHours(80)))));
            seed.incident(Status.NEW, Origin.RESIDENT, NOW.minus(Duration.ofHours(12)),
                    Map.of(Field.SUMMARY, "Brief bij de buren bezorgd"));
            seed.incident(Status.IN_PROGRESS, Origin.STAFF, NOW.minus(Duration.ofHours(30)),
                    Map.of(Field.KIND, "LOST_DEVICE", Field.NOT_REPORTED_REASON, "Versleutelde laptop"));
            seed.incident(Status.CLOSED, Origin.MANUAL, NOW.minus(Duration.ofDays(40)), Map.of(Field.KIND, "OTHER"));
            seed.nearMiss("2026-06", "BSN", "FIXED", "Sociaal Domein");
            seed.nearMiss("2026-05", "VISIBLE_RECIPIENTS", "CANCELLED", "");
            seed.nearMiss("2026-05", "BSN,SPECIAL_CATEGORY", "SENT_ANYWAY", "Sociaal Domein");

            RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());
            assertThat(web.get("/register/start").statusCode()).as("login first").isIn(302, 303, 401);
            assertThat(web.login("fg")).as("the officer lands here").isEqualTo("/register/start");
            HttpResponse<String> page = web.get("/register/start");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.body();

            String deadlines = between(html, "<table class=\"list deadlines\">", "</table>");
            assertThat(deadlines.indexOf("DL-000001")).as("the overdue incident first")
                    .isLessThan(deadlines.indexOf("DL-000003")).isLessThan(deadlines.indexOf("DL-000002"));
            assertThat(row(deadlines, "DL-000001")).contains("class=\"overdue\"").contains("Te laat:")
                    .contains("8 uur over de termijn");
            assertThat(row(deadlines, "DL-000002")).doesNotContain("Te laat").contains("60 uur");
            assertThat(deadlines).doesNotContain("DL-000004");

            assertThat(between(html, "Meldingen nog niet beoordeeld", "</ul>")).contains("DL-000002")
                    .doesNotContain("DL-000001").doesNotContain("DL-000003");
            assertThat(between(html, "Besluit niet melden wacht op goedkeuring", "</ul>")).contains("DL-000003")
                    .doesNotContain("DL-000001");

            String counts = between(html, "<ul class=\"counts\">", "</ul>");
            assertThat(counts).contains("status=IN_PROGRESS\"><span class=\"count\">2</span>")
                    .contains("status=NEW\"><span class=\"count\">1</span>")
                    .contains("status=CLOSED\"><span class=\"count\">1</span>")
                    .contains("status=REPORTED\"><span class=\"count\">0</span>");

            assertThat(html.split("role=\"img\"", -1)).as("five charts").hasSize(6);
            String outcome = between(html, "id=\"chart-outcome-caption\"", "</figure>");
            assertThat(tableRow(outcome, "Hersteld en verstuurd")).endsWith("<td>1</td>");
            assertThat(tableRow(outcome, "Toch verstuurd (met reden)")).endsWith("<td>1</td>");
            assertThat(tableRow(outcome, "Geannuleerd")).endsWith("<td>1</td>");
            String finding = between(html, "id=\"chart-finding-caption\"", "</figure>");
            assertThat(tableRow(finding, "BSN")).endsWith("<td>2</td>");
            String department = between(html, "id=\"chart-department-caption\"", "</figure>");
            assertThat(department).contains("<th scope=\"col\">Sociaal Domein</th>");
            assertThat(tableRow(department, "Incidenten")).as("one in Sociaal Domein, three unknown")
                    .contains("<td>1</td><td>3</td><td>4</td>");
            assertThat(tableRow(department, "Tegengehouden berichten")).contains("<td>2</td><td>1</td><td>3</td>");
            String source = between(html, "id=\"chart-source-caption\"", "</figure>");
            assertThat(tableRow(source, "Melding inwoner")).endsWith("<td>1</td>");
            assertThat(tableRow(source, "Handmatig ingevoerd")).endsWith("<td>1</td>");

            assertThat(web.get("/register/start?lang=en").body()).contains("What needs attention now")
                    .contains("Overdue:");
        }
    }

    static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("page has " + start).isGreaterThanOrEqualTo(0);
        int to = html.indexOf(end, from + start.length());
        return html.substring(from, to < 0 ? html.length() : to);
    }

    private static String row(String table, String reference) {
        Matcher m = Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*" + reference + "(?:(?!</tr>).)*</tr>", Pattern.DOTALL)
                .matcher(table);
        assertThat(m.find()).as("row of " + reference).isTrue();
        return m.group();
    }

    /** A chart table's row by its heading, up to its last cell. */
    static String tableRow(String chart, String heading) {
        Matcher m = Pattern.compile("<tr><th scope=\"row\">" + Pattern.quote(heading) + "</th>(.*?)</tr>").matcher(chart);
        assertThat(m.find()).as("row " + heading).isTrue();
        return m.group(1);
    }
}
