package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Pdfs;
import nl.lekwacht.support.TestGateway;

/**
 * A gateway with something on every page, for the route walk: a pending hold whose subject, display
 * names, file name and recipient carry markup; a hold sent anyway with a reason in markup; a second
 * pending hold; a delivered message with a finding and its report link, reported on in markup; a
 * resident's and a staff member's report in markup; a manual incident with markup in its fields and a
 * document whose file name is markup. Every value is {@link #xss(int)} with its own number, so a test
 * can tell which field reached which page. All data is synthetic.
 */
final class WebWalk implements AutoCloseable {

    static final String EXTERNAL = "k.bakker@extern.example";
    /** An address with a quoted local part that is markup: legal in RFC 5321, shown on several pages. */
    static final String MARKUP_ADDRESS = "\"<b>x'y</b>\"@extern.example";
    private static final Pattern HOLD_LINK = Pattern.compile("https?://[^\\s/\"<>]+/h/([A-Za-z0-9_-]{43})");
    private static final Pattern REPORT_LINK = Pattern.compile("https?://[^\\s/\"<>]+/r/([A-Za-z0-9_-]{43})");
    private static final Pattern HELD = Pattern.compile("\\(ref ([A-Z0-9]+)\\)");
    /** Rows that a refused request must not touch (sessions and login counters change on every visit). */
    private static final List<String> STATE_TABLES = List.of("hold_message", "hold_link", "hold_audit",
            "sealed_content", "delivery_job", "register_incident", "register_audit", "register_report_link",
            "register_document", "intake_report", "intake_throttle");

    final CapturingNextHop nextHop;
    final ManualScheduler background = new ManualScheduler();
    final Gateway gateway;
    private final Map<String, Web> sessions = new java.util.HashMap<>();
    /** The pending hold with markup everywhere, its sender's link token, and a second pending hold. */
    String holdRef;
    String holdToken;
    String otherHoldRef;
    /** The delivered message's report link token. */
    String reportToken;
    /** The manual incident (with a document) and the resident's report's incident. */
    long incident;
    long reportIncident;
    long document;

    /** The payload number {@code n}: a script element, an attribute break-out and an image with a handler. */
    static String xss(int n) {
        return "<script>alert(" + n + ")</script>\"'><img src=x onerror=alert(" + n + ")>";
    }

    /** A document's name: payload 18 without the slash, which would make it a path. */
    static final String FILE_NAME = "'><img src=x onerror=alert(18)>.pdf";

    /** The part of payload {@code n} every kind of value keeps (file names lose what precedes a slash). */
    static String image(int n) {
        return "<img src=x onerror=alert(" + n + ")>";
    }

    WebWalk(Path data) throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml(
                "  BSN: hold\n  IBAN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n  incident-on-override: [BSN]\n")
                .replace("  api-tokens:\n", "  trusted-proxies: [127.0.0.0/8]\n  api-tokens:\n"), background);
    }

    Web web() {
        return new Web(gateway.webPort());
    }

    /** A session of {@code user}, logged in once per walk (logins are throttled per client address). */
    Web login(String user) throws Exception {
        Web web = sessions.get(user);
        if (web == null) {
            web = web();
            web.login(user);
            sessions.put(user, web);
        }
        return web;
    }

    /** Puts every kind of stored value on the pages, each a payload of its own. */
    void seed() throws Exception {
        holdRef = held(heldMessage(1, 2, 3, 4, 30));
        holdToken = link(HOLD_LINK, holdRef);
        String sentRef = held(heldMessage(21, 22, 23, 24, 31));
        Web anonymous = web();
        String sentToken = link(HOLD_LINK, sentRef);
        String page = anonymous.get("/h/" + sentToken).body();
        assertThat(anonymous.post("/h/" + sentToken, Map.of("csrf", RegisterFixture.hidden(page, "csrf"),
                "action", "send", "reason", xss(5))).statusCode()).as("sent anyway").isEqualTo(200);
        background.runQueued();
        otherHoldRef = held(heldMessage(25, 26, 27, 28, 32));

        String delivered = RegisterFixture.send(gateway.smtpPort(), List.of(EXTERNAL), RegisterFixture.message(
                xss(6), "walk-delivered", List.of(EXTERNAL), "IBAN NL91ABNA0417164300 voor de terugbetaling.\r\n"));
        assertThat(delivered).as("delivered with a finding").startsWith("250");
        reportToken = link(REPORT_LINK, "");
        String reportPage = anonymous.get("/r/" + reportToken).body();
        assertThat(anonymous.post("/r/" + reportToken, Map.of("csrf", RegisterFixture.hidden(reportPage, "csrf"),
                "statement", xss(7))).statusCode()).as("report through the link").isEqualTo(200);

        String form = anonymous.get("/melden").body();
        assertThat(anonymous.post("/melden", Map.of("csrf", RegisterFixture.hidden(form, "csrf"), "what-happened",
                xss(8), "when", xss(9), "which-data", xss(10), "data-lost", "yes", "phone", "06 12345678", "email",
                "inwoner@example.net", "website", ""), "X-Forwarded-For", "203.0.113.81").statusCode())
                .as("resident's report").isEqualTo(200);
        Web staff = login("medewerker");
        String staffForm = staff.get("/melden/medewerker").body();
        assertThat(staff.post("/melden/medewerker", Map.of("csrf", RegisterFixture.hidden(staffForm, "csrf"),
                "what-happened", xss(12), "department", xss(13), "systems", xss(14), "website", ""),
                "X-Forwarded-For", "203.0.113.82").statusCode()).as("staff report").isEqualTo(200);
        background.runQueued();

        Web officer = login("fg");
        String csrf = RegisterFixture.hidden(officer.get("/register/new").body(), "csrf");
        HttpResponse<String> created = officer.post("/register", Map.of("csrf", csrf, "kind", "LOST_DEVICE",
                "summary", xss(15), "discovered-at", "2026-03-02T10:15"));
        assertThat(created.statusCode()).as("manual incident").isEqualTo(303);
        String location = created.headers().firstValue("Location").orElseThrow();
        incident = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(officer.post(location, Map.of("csrf", csrf, "kind", "LOST_DEVICE", "summary", xss(15),
                "consequences", xss(16), "measures-taken", xss(16), "ap-reference", xss(16)))
                .statusCode()).as("edit").isIn(200, 303);
        assertThat(officer.post(location + "/status", Map.of("csrf", csrf, "status", "IN_PROGRESS", "reason",
                xss(17))).statusCode()).as("status move").isEqualTo(303);
        assertThat(upload(officer, incident, csrf, FILE_NAME).statusCode())
                .as("document").isEqualTo(303);
        Matcher doc = Pattern.compile("/register/" + incident + "/documents/(\\d+)")
                .matcher(officer.get("/register/" + incident + "/documents").body());
        assertThat(doc.find()).as("the document is listed").isTrue();
        document = Long.parseLong(doc.group(1));
        reportIncident = incidentWithReport(officer);

        Web admin = login("beheer");
        String adminCsrf = RegisterFixture.hidden(admin.get("/admin/holds").body(), "csrf");
        assertThat(admin.post("/admin/holds/" + otherHoldRef, Map.of("csrf", adminCsrf, "action", "cancel",
                "reason", xss(19))).statusCode()).as("admin cancels").isEqualTo(200);
    }

    /** The mail: subject, From display name, To display name, attachment file name from payloads. */
    private static String heldMessage(int subject, int from, int to, int file, long seed) {
        String boundary = "walk-" + seed;
        return "From: \"" + quoted(xss(from)) + "\" <" + RegisterFixture.SENDER + ">\r\n"
                + "To: \"" + quoted(xss(to)) + "\" <" + EXTERNAL + ">, <" + MARKUP_ADDRESS + ">\r\n"
                + "Subject: " + xss(subject) + "\r\n"
                + "Message-ID: <walk-" + seed + "@gemeente.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Beste,\r\n\r\nBSN " + RegisterFixture.bsn(seed) + ".\r\n"
                + "--" + boundary + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"" + quoted(xss(file)) + ".txt\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("Bijlage zonder gegevens.".getBytes(StandardCharsets.UTF_8))
                + "\r\n--" + boundary + "--\r\n";
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private String held(String message) throws Exception {
        String reply = RegisterFixture.send(gateway.smtpPort(), List.of(EXTERNAL, MARKUP_ADDRESS), message);
        Matcher m = HELD.matcher(reply);
        assertThat(m.find()).as("held: " + reply).isTrue();
        background.runQueued();
        return m.group(1);
    }

    /** The token of the latest link of this kind mailed to the sender about {@code reference} ("" any). */
    private String link(Pattern pattern, String reference) {
        background.runQueued();
        String found = null;
        for (CapturingNextHop.Received r : nextHop.received()) {
            String text = r.subject() + "\n" + r.text();
            Matcher m = pattern.matcher(text);
            if (r.recipients().contains(RegisterFixture.SENDER) && text.contains(reference) && m.find()) {
                found = m.group(1);
            }
        }
        assertThat(found).as("a link about " + reference).isNotNull();
        return found;
    }

    private long incidentWithReport(Web officer) throws Exception {
        for (long id = 1; id <= incident + 5; id++) {
            if (officer.get("/register/" + id + "/melding").statusCode() == 200) {
                return id;
            }
        }
        throw new AssertionError("no incident with a report");
    }

    static HttpResponse<String> upload(Web web, long incident, String csrf, String fileName) throws Exception {
        String boundary = "----walk" + fileName.hashCode();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Pdfs.onePage("Bevestiging van de melding"));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return web.postBytes("/register/" + incident + "/documents", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    /** Every row of the tables that hold what users decide and report, as text: equal means unchanged. */
    Map<String, List<String>> state() throws Exception {
        Map<String, List<String>> state = new LinkedHashMap<>();
        try (Connection c = gateway.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : STATE_TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.append(value instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : value)
                                    .append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(String::compareTo);
                state.put(table, rows);
            }
        }
        return state;
    }

    @Override
    public void close() {
        gateway.close();
        nextHop.close();
    }

    /** The register tests' browser-like client. */
    static final class Web {
        private final RegisterFixture.Web web;

        Web(int port) {
            this.web = new RegisterFixture.Web(port);
        }

        void login(String user) throws Exception {
            web.login(user);
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            return web.get(path, headers);
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
            return web.post(path, form, headers);
        }

        HttpResponse<String> postBytes(String path, String contentType, byte[] body) throws Exception {
            return web.postBytes(path, contentType, body);
        }
    }
}
