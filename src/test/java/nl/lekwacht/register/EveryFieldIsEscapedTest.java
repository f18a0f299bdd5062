package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field that can come from a message or a form — subject, display names, an address, a file
 * name, the sender's and the admin's reasons, report texts, register fields, a document's name — and
 * every query parameter a page shows back carries a script and an attribute break-out; every page
 * shows them as text only, and the JSON and CSV exports carry them intact in their own escaping.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryFieldIsEscapedTest {

    /**
     * Fields shown on some page: subject, file name, address, reasons, report texts, register fields (the
     * display names, 2 and 3, are carried but no page shows them).
     */
    private static final List<Integer> SHOWN = List.of(1, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18,
            19, 21, 25);
    private static final Pattern PAYLOAD = Pattern.compile("alert\\((\\d+)\\)");

    @TempDir
    static Path data;
    private WebWalk walk;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        walk = new WebWalk(data);
        walk.seed();
    }

    @AfterAll
    void stop() {
        walk.close();
    }

    @Test
    void everyPageShowsMarkupFromMessagesAndFormsAsText() throws Exception {
        Map<String, HttpResponse<String>> pages = htmlPages();
        TreeSet<Integer> seen = new TreeSet<>();
        for (Map.Entry<String, HttpResponse<String>> page : pages.entrySet()) {
            String body = page.getValue().body();
            assertThat(page.getValue().headers().firstValue("Content-Type").orElse("")).as(page.getKey())
                    .startsWith("text/html");
            assertThat(body).as(page.getKey()).doesNotContain("<script").doesNotContain("<img")
                    .doesNotContain("<b>x");
            Document dom = Jsoup.parse(body);
            assertThat(dom.select("script, img, b, iframe")).as(page.getKey() + ": injected elements").isEmpty();
            assertThat(dom.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .map(Attribute::getKey).filter(k -> k.startsWith("on") || k.contains("'") || k.contains("\"")))
                    .as(page.getKey() + ": attributes broken out of their value").isEmpty();
            Matcher m = Pattern.compile("&lt;img src=x onerror=alert\\((\\d+)\\)").matcher(body);
            while (m.find()) {
                seen.add(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(seen).as("payloads shown, escaped, on some page").containsAll(SHOWN)
                .containsAll(List.of(40, 41, 42, 43));
        assertThat(String.join("", pages.values().stream().map(HttpResponse::body).toList()))
                .as("the address with a markup local part").contains("&lt;b&gt;x");
    }

    @Test
    void jsonExportsAndApisCarryMarkupIntactAsJsonStrings() throws Exception {
        WebWalk.Web officer = walk.login("fg");
        WebWalk.Web admin = walk.login("beheer");
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("/api/holds", admin.get("/api/holds"));
        answers.put("/api/incidents", officer.get("/api/incidents"));
        answers.put("/register/export.json", officer.get("/register/export.json"));
        for (long id : incidentIds(officer)) {
            answers.put("/api/incidents/" + id, officer.get("/api/incidents/" + id));
        }
        TreeSet<Integer> seen = new TreeSet<>();
        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            HttpResponse<String> r = answer.getValue();
            assertThat(r.statusCode()).as(answer.getKey()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(answer.getKey())
                    .startsWith("application/json");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(answer.getKey()).contains("nosniff");
            List<String> strings = new ArrayList<>();
            collect(json.readTree(r.body()), strings);
            for (String s : strings) {
                Matcher m = PAYLOAD.matcher(s);
                while (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    assertThat(s).as(answer.getKey() + ": the payload round-trips whole").contains(WebWalk.image(n));
                    seen.add(n);
                }
            }
        }
        assertThat(seen).as("payloads in the JSON").contains(1, 6, 15, 16);
    }

    @Test
    void csvExportQuotesMarkupAndDisarmsFormulas() throws Exception {
        WebWalk.Web officer = walk.login("fg");
        String csrf = RegisterFixture.hidden(officer.get("/register/new").body(), "csrf");
        assertThat(officer.post("/register", Map.of("csrf", csrf, "kind", "LOST_DEVICE", "summary",
                "=HYPERLINK(\"http://evil.example\";\"klik\")")).statusCode()).isEqualTo(303);
        HttpResponse<String> csv = officer.get("/register/export.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> cells = cells(csv.body());
        TreeSet<Integer> seen = new TreeSet<>();
        for (String cell : cells) {
            assertThat(cell).as("no cell a spreadsheet runs as a formula").doesNotStartWith("=")
                    .doesNotStartWith("+").doesNotStartWith("@");
            Matcher m = PAYLOAD.matcher(cell);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                assertThat(cell).as("the payload round-trips whole").contains(WebWalk.image(n));
                seen.add(n);
            }
        }
        assertThat(cells).contains("'=HYPERLINK(\"http://evil.example\";\"klik\")");
        assertThat(seen).as("payloads in the CSV").contains(5, 6, 15, 16, 21);
    }

    @Test
    void aDocumentsNameStaysInsideTheQuotesOfItsDownloadHeader() throws Exception {
        WebWalk.Web officer = walk.login("fg");
        String csrf = RegisterFixture.hidden(officer.get("/register/" + walk.incident + "/documents").body(), "csrf");
        assertThat(WebWalk.upload(officer, walk.incident, csrf, "brief\\\"; filename*=UTF-8''evil.html; x=\\\".pdf")
                .statusCode()).isEqualTo(303);
        Matcher doc = Pattern.compile("/register/" + walk.incident + "/documents/(\\d+)\">brief")
                .matcher(officer.get("/register/" + walk.incident + "/documents").body());
        assertThat(doc.find()).as("the document is listed").isTrue();
        HttpResponse<String> download = officer.get("/register/" + walk.incident + "/documents/" + doc.group(1));
        assertThat(download.statusCode()).isEqualTo(200);
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"").doesNotContain("\\\"");
        assertThat(disposition.chars().filter(c -> c == '"').count()).as("one quoted file name: " + disposition)
                .isEqualTo(2);
        assertThat(disposition.substring(disposition.lastIndexOf('"'))).as("after the quoted name: only the encoded one")
                .matches("\"; filename\\*=UTF-8''[A-Za-z0-9%._*-]+");
    }

    /** Every HTML page any role can open, filled with the walk's data, plus pages that echo a parameter. */
    private Map<String, HttpResponse<String>> htmlPages() throws Exception {
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        WebWalk.Web sender = walk.web();
        pages.put("sender's page", sender.get("/h/" + walk.holdToken));
        pages.put("report link page", sender.get("/r/" + walk.reportToken));
        WebWalk.Web officer = walk.login("fg");
        for (WebRoutes.Route route : WebRoutes.withRoles()) {
            if (!route.isPost() && !route.pattern().startsWith("/api/") && !route.pattern().contains("export")
                    && !route.pattern().contains("{doc}")) {
                pages.put(route.path(walk), officer.get(route.path(walk)));
            }
        }
        for (long id : incidentIds(officer)) {
            for (String page : List.of("", "/ap", "/melding", "/documents")) {
                HttpResponse<String> r = officer.get("/register/" + id + page);
                if (r.statusCode() == 200) {
                    pages.put("/register/" + id + page, r);
                }
            }
        }
        WebWalk.Web admin = walk.login("beheer");
        for (String status : List.of("", "?status=RELEASED", "?status=CANCELLED")) {
            pages.put("/admin/holds" + status, admin.get("/admin/holds" + status));
        }
        pages.put("/admin/holds/" + walk.otherHoldRef, admin.get("/admin/holds/" + walk.otherHoldRef));
        pages.put("/melden/medewerker", walk.login("medewerker").get("/melden/medewerker"));
        // pages that show back what the request carried
        pages.put("admin filter", admin.get("/admin/holds?sender=" + encoded(40)));
        pages.put("admin unknown hold", admin.get("/admin/holds/"
                + URLEncoder.encode("\"'>" + WebWalk.image(41), StandardCharsets.UTF_8).replace("+", "%20")));
        String csrf = RegisterFixture.hidden(admin.get("/admin/holds").body(), "csrf");
        pages.put("admin bulk outcome", admin.post("/admin/holds", Map.of("csrf", csrf, "action", "cancel",
                "reason", "opruimen", "id", WebWalk.xss(42))));
        WebWalk.Web resident = walk.web();
        String form = resident.get("/melden").body();
        pages.put("resident's form shown again", resident.post("/melden", Map.of("csrf",
                RegisterFixture.hidden(form, "csrf"), "what-happened", "", "when", WebWalk.xss(43),
                "which-data", WebWalk.xss(43), "phone", WebWalk.xss(43), "website", ""), "X-Forwarded-For", "203.0.113.90"));
        pages.put("login with a next page", walk.web().get("/login?next=/register/" + encoded(44)));
        pages.put("report form in another language", resident.get("/melden?lang=" + encoded(45)));
        pages.put("register filter", officer.get("/register?status=" + encoded(46)));
        pages.put("year overview of a year that is not one", officer.get("/register/jaaroverzicht?jaar=" + encoded(47)));
        pages.values().removeIf(r -> !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        return pages;
    }

    private List<Long> incidentIds(WebWalk.Web officer) throws Exception {
        List<Long> ids = new ArrayList<>();
        json.readTree(officer.get("/api/incidents").body()).get("incidents").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).as("incidents of the walk").hasSizeGreaterThanOrEqualTo(4);
        return ids;
    }

    private static String encoded(int n) {
        return URLEncoder.encode(WebWalk.xss(n), StandardCharsets.UTF_8);
    }

    private static void collect(JsonNode node, List<String> strings) {
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        node.forEach(child -> collect(child, strings));
    }

    /** The cells of a {@code ;}-separated, fully quoted CSV (quotes doubled inside). */
    private static List<String> cells(String csv) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"]|\"\")*)\"").matcher(csv);
        while (m.find()) {
            cells.add(m.group(1).replace("\"\"", "\""));
        }
        assertThat(cells).isNotEmpty();
        return cells;
    }
}
