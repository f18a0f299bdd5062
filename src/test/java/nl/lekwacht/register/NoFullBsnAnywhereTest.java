package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Pdfs;
import nl.lekwacht.support.StringsSearch;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as a store of personal data, end to end: BSNs arrive in a Subject, an attachment's file
 * name, an attachment's text, a sender's typed reason and a resident's report; afterwards no full BSN
 * is in the store's files, the logs (the parser processes' output goes through them), the parser
 * processes' temporary files, the pages, the exports or the gateway's own mail. Searched as
 * {@code strings} would, in plain, spaced, dotted and dashed forms; the same search first finds a
 * planted BSN in each kind of place, so an empty result means something.
 */
class NoFullBsnAnywhereTest {

    private static final String EXTERNAL = "k.bakker@extern.example";
    private static final Pattern HOLD_LINK = Pattern.compile("https?://[^\\s/\"<>]+(/h/[A-Za-z0-9_-]{43})");
    private static final Pattern REPORT_LINK = Pattern.compile("https?://[^\\s/\"<>]+(/r/[A-Za-z0-9_-]{43})");
    private static final Pattern HELD = Pattern.compile("\\(ref ([A-Z0-9]+)\\)");

    @TempDir
    Path data;

    private final String subjectBsn = RegisterFixture.bsn(901);
    private final String fileNameBsn = RegisterFixture.bsn(902);
    private final String attachmentBsn = RegisterFixture.bsn(903);
    private final String bodyBsn = RegisterFixture.bsn(904);
    private final String reasonBsn = RegisterFixture.bsn(905);
    private final String reportBsn = RegisterFixture.bsn(906);
    private final String planted = RegisterFixture.bsn(907);
    private final ManualScheduler background = new ManualScheduler();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bsnsFromSubjectFileNameReasonAndReportAreNowhereInFullAfterwards() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        List<Path> parserTemp = new ArrayList<>();
        String logs;
        CapturingNextHop nextHop = new CapturingNextHop();
        try (LogCapture log = LogCapture.open()) {
            try (nextHop; Gateway gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml(
                    "  BSN: hold\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n  incident-on-override: [BSN]\n")
                    .replace("  api-tokens:\n", "  trusted-proxies: [127.0.0.0/8]\n  api-tokens:\n"), background)) {
                RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());

                String reply = sendHeldMessage(gateway.smtpPort());
                Matcher held = HELD.matcher(reply);
                assertThat(held.find()).as("held: " + reply).isTrue();
                String ref = held.group(1);

                // the sender follows the notice's link and sends anyway, with a reason that carries a BSN
                background.runQueued();
                String holdPath = RegisterFixture.mailMatching(nextHop, RegisterFixture.SENDER, HOLD_LINK)
                        .map(m -> m.group(1)).orElseThrow(() -> new AssertionError("no notice with a link"));
                String holdPage = web.get(holdPath).body();
                pages.put("sender's page", holdPage);
                HttpResponse<String> sent = web.post(holdPath, Map.of("csrf", RegisterFixture.hidden(holdPage, "csrf"),
                        "action", "send", "reason", "Wettelijke taak, dossier " + reasonBsn + " afgestemd"));
                assertThat(sent.statusCode()).as("send anyway").isEqualTo(200);
                pages.put("sender's page after the choice", sent.body());
                background.runQueued();
                assertThat(nextHop.received()).as("the message itself left, the sender's choice")
                        .anyMatch(r -> r.recipients().contains(EXTERNAL));

                // the sender's report link (in the notice after sending anyway, if one was sent)
                String reportPath = RegisterFixture.mailMatching(nextHop, RegisterFixture.SENDER, REPORT_LINK)
                        .map(m -> m.group(1)).orElse(null);
                if (reportPath != null) {
                    String reportPage = web.get(reportPath).body();
                    pages.put("report link page", reportPage);
                    pages.put("report link after posting", web.post(reportPath, Map.of("csrf",
                            RegisterFixture.hidden(reportPage, "csrf"), "statement",
                            "Ontvanger had dossier " + reasonBsn + " al")).body());
                }

                // a resident reports a breach and types a BSN
                String form = web.get("/melden").body();
                HttpResponse<String> reported = web.post("/melden", residentReport(form), "X-Forwarded-For",
                        "203.0.113.77");
                assertThat(reported.statusCode()).as("report accepted").isEqualTo(200);
                pages.put("report confirmation", reported.body());
                background.runQueued();

                collectPages(gateway, ref, pages);
                parserTemp.addAll(parserTemporaryDirectories());
                assertThat(parserTemp).as("the parser processes ran and have their temporary folders").isNotEmpty();
                assertNoneIn(parserTemp);
            }
            background.runQueued();
            logs = log.text();
        }
        assertThat(logs).as("the log captured the run").contains(RegisterFixture.SENDER.substring(0, 1));

        List<String> secrets = List.of(subjectBsn, fileNameBsn, attachmentBsn, bodyBsn, reasonBsn, reportBsn);
        List<String> gatewayMail = gatewayMail(nextHop);
        assertThat(gatewayMail).as("the gateway mailed notices").isNotEmpty();

        // positive controls: the same search finds a planted BSN in each kind of place, in every form
        Path plantedFile = data.resolve("planted.bin");
        Files.write(plantedFile, plantedBytes());
        assertThat(StringsSearch.find(data, planted)).as("planted in the data folder, every form")
                .hasSize(StringsSearch.forms(planted).size());
        Files.delete(plantedFile);
        for (String form : StringsSearch.forms(planted)) {
            assertThat(StringsSearch.find("logs", logs + "\n" + form + "\n", planted)).as("planted in the log").isNotEmpty();
            assertThat(StringsSearch.find("page", "<td>" + form + "</td>", planted)).as("planted in a page").isNotEmpty();
        }

        for (String bsn : secrets) {
            assertThat(StringsSearch.find(data, bsn)).as("store files, spool and data folder").isEmpty();
            assertThat(StringsSearch.find("logs", logs, bsn)).as("log lines").isEmpty();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                assertThat(StringsSearch.find(page.getKey(), page.getValue(), bsn)).as(page.getKey()).isEmpty();
            }
            for (String mail : gatewayMail) {
                assertThat(StringsSearch.find("the gateway's own mail", mail, bsn)).as(mail).isEmpty();
            }
        }
        // what the pages show instead: the last four digits behind a mask
        assertThat(String.join("\n", pages.values())).contains("*****" + subjectBsn.substring(5));
    }

    /** Held for the BSNs in the Subject, the file name, the attachment's text and the body. */
    private String sendHeldMessage(int port) throws IOException {
        String boundary = "b-" + subjectBsn.hashCode();
        String message = "From: Anne Jansen <" + RegisterFixture.SENDER + ">\r\n"
                + "To: <" + EXTERNAL + ">\r\n"
                + "Subject: Dossier BSN " + subjectBsn + " aanvraag\r\n"
                + "Message-ID: <no-full-bsn-1@gemeente.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Beste mevrouw Bakker,\r\n\r\nHierbij de beschikking, burgerservicenummer " + bodyBsn
                + ".\r\n\r\nMet vriendelijke groet,\r\nAnne\r\n"
                + "--" + boundary + "\r\nContent-Type: application/pdf; name=\"paspoort_" + fileNameBsn + ".pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"paspoort_" + fileNameBsn + ".pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pdf("Beschikking bijzondere bijstand. BSN: " + attachmentBsn)) + "\r\n"
                + "--" + boundary + "--\r\n";
        return RegisterFixture.send(port, List.of(EXTERNAL), message);
    }

    private Map<String, String> residentReport(String page) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", RegisterFixture.hidden(page, "csrf"));
        form.put("what-happened", "Ik kreeg een brief over mijn buurman met zijn BSN " + reportBsn + " erin.");
        form.put("when", "gisteren");
        form.put("which-data", "naam, BSN " + reportBsn.substring(0, 3) + " " + reportBsn.substring(3, 6) + " "
                + reportBsn.substring(6));
        form.put("data-lost", "no");
        form.put("received-others-data", "yes");
        form.put("own-data-received", "unknown");
        form.put("misdelivered-post", "yes");
        form.put("website", "");
        form.put("email", "inwoner.twee@example.net");
        return form;
    }

    /** Every page and export a mail admin and the privacy officer can open about what happened. */
    private void collectPages(Gateway gateway, String ref, Map<String, String> pages) throws Exception {
        RegisterFixture.Web admin = new RegisterFixture.Web(gateway.webPort());
        admin.login("beheer");
        pages.put("/admin/holds", admin.get("/admin/holds").body());
        pages.put("/admin/holds/" + ref, admin.get("/admin/holds/" + ref).body());
        pages.put("/api/holds", admin.get("/api/holds", "Authorization", "Bearer " + RegisterFixture.MAIL_ADMIN_TOKEN)
                .body());

        RegisterFixture.Web officer = new RegisterFixture.Web(gateway.webPort());
        officer.login("fg");
        pages.put("/register", officer.get("/register").body());
        String api = officer.get("/api/incidents", "Authorization", "Bearer " + RegisterFixture.API_TOKEN).body();
        pages.put("/api/incidents", api);
        JsonNode incidents = json.readTree(api).get("incidents");
        assertThat(incidents).as("an incident for the override and one for the report").hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode incident : incidents) {
            long id = incident.get("id").asLong();
            for (String path : List.of("/register/" + id, "/register/" + id + "/melding", "/register/" + id + "/ap")) {
                HttpResponse<String> page = officer.get(path);
                if (page.statusCode() == 200) {
                    pages.put(path, page.body());
                }
            }
            pages.put("/api/incidents/" + id, officer.get("/api/incidents/" + id, "Authorization",
                    "Bearer " + RegisterFixture.API_TOKEN).body());
        }
        pages.put("/register/export.csv", officer.get("/register/export.csv").body());
        pages.put("/register/export.json", officer.get("/register/export.json").body());
        pages.put("/metrics", officer.get("/metrics").body());
    }

    /** The notices, announcements and confirmations the gateway sent: everything but the released message. */
    private static List<String> gatewayMail(CapturingNextHop nextHop) {
        List<String> mail = new ArrayList<>();
        for (CapturingNextHop.Received r : nextHop.received()) {
            if (!r.recipients().contains(EXTERNAL)) {
                mail.add(r.subject() + "\n" + r.text() + "\n" + new String(r.data(), StandardCharsets.UTF_8));
            }
        }
        return mail;
    }

    /** The parser processes' own temporary folders (each is made in the system's temporary folder). */
    private static List<Path> parserTemporaryDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("lekwacht-extract-")).toList();
        }
    }

    private void assertNoneIn(List<Path> dirs) {
        for (Path dir : dirs) {
            for (String bsn : List.of(subjectBsn, fileNameBsn, attachmentBsn, bodyBsn)) {
                assertThat(StringsSearch.find(dir, bsn)).as("parser temporary files in " + dir).isEmpty();
            }
        }
    }

    /** The planted BSN in every form, as UTF-8 and as UTF-16, with binary bytes around it. */
    private byte[] plantedBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String form : StringsSearch.forms(planted)) {
            out.write(new byte[] {0, 1, 2});
            out.write(form.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0, (byte) 0xff});
            out.write(form.getBytes(StandardCharsets.UTF_16LE));
        }
        return out.toByteArray();
    }

    private static byte[] pdf(String text) throws IOException {
        return Pdfs.onePage(text);
    }
}
