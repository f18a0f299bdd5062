package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Random;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents on incidents through the web: a privacy officer uploads, the list and the audit trail
 * show uploader and time, the download is the same bytes; anonymous requests get 401, other roles
 * 403; oversized files and files of other kinds are refused and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentDocumentsTest {

    private static final int UPLOAD_LIMIT = 64 * 1024;

    @TempDir
    static Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private Officer officer;
    private long incident;

    @BeforeAll
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml("  BSN: monitor\n")
                .replace("register:\n", "register:\n  upload-size: 64KB\n"));
        officer = new Officer(gateway.webPort());
        officer.login("fg");
        incident = officer.newIncident();
    }

    @AfterAll
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void uploadedPdfDownloadsByteForByteAndIsInTheAuditTrail() throws Exception {
        byte[] pdf = pdf(1, 20_000);
        HttpResponse<String> r = officer.upload(incident, "AP ontvangstbevestiging.pdf", pdf, true);
        assertThat(r.statusCode()).isEqualTo(303);
        String list = officer.get("/register/" + incident + "/documents").body();
        assertThat(list).contains("AP ontvangstbevestiging.pdf").contains("<td>fg</td>");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/register/" + incident
                + "/documents/\\d+)\"").matcher(list);
        assertThat(link.find()).isTrue();

        HttpResponse<byte[]> download = officer.bytes(link.group(1));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");

        JsonNode api = new ObjectMapper().readTree(officer.get("/api/incidents/" + incident, "Authorization",
                "Bearer " + RegisterFixture.API_TOKEN).body());
        boolean audited = false;
        for (JsonNode entry : api.get("audit")) {
            audited |= entry.get("field").asText().equals("document") && entry.get("actor").asText().equals("fg")
                    && entry.toString().contains("AP ontvangstbevestiging.pdf");
        }
        assertThat(audited).as("document in the audit trail: " + api.get("audit")).isTrue();

        String path = link.group(1);
        RegisterFixture.Web anonymous = new RegisterFixture.Web(gateway.webPort());
        assertThat(anonymous.bytes(path).statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/register/" + incident + "/documents").statusCode()).isEqualTo(401);
        for (String user : new String[] {"beheer", "medewerker"}) {
            RegisterFixture.Web other = new RegisterFixture.Web(gateway.webPort());
            other.login(user);
            assertThat(other.bytes(path).statusCode()).as(user).isEqualTo(403);
            assertThat(other.get("/register/" + incident + "/documents").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(anonymous.get(path, "Authorization", "Bearer " + RegisterFixture.MAIL_ADMIN_TOKEN).statusCode())
                .isEqualTo(403);
    }

    @Test
    void oversizedUploadIsRefusedClearlyAndNothingIsStored() throws Exception {
        int documents = count("SELECT COUNT(*) FROM register_document");
        int audit = count("SELECT COUNT(*) FROM register_audit");
        HttpResponse<String> r = officer.upload(incident, "groot.pdf", pdf(2, UPLOAD_LIMIT + 1), true);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("te groot").contains("64 KB").contains("niets opgeslagen");
        assertThat(count("SELECT COUNT(*) FROM register_document")).isEqualTo(documents);
        assertThat(count("SELECT COUNT(*) FROM register_audit")).isEqualTo(audit);
    }

    @Test
    void otherKindsOfFileAreRefused() throws Exception {
        int documents = count("SELECT COUNT(*) FROM register_document");
        byte[] program = ("MZ" + "\0".repeat(100)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(officer.upload(incident, "bevestiging.pdf", program, true).statusCode()).isEqualTo(415);
        assertThat(officer.upload(incident, "setup.exe", program, true).statusCode()).isEqualTo(415);
        assertThat(count("SELECT COUNT(*) FROM register_document")).isEqualTo(documents);
    }

    @Test
    void apNotificationNumberIsSearchableInTheList() throws Exception {
        long other = officer.newIncident();
        String csrf = RegisterFixture.hidden(officer.get("/register/" + incident).body(), "csrf");
        assertThat(officer.post("/register/" + incident, Map.of("csrf", csrf, "ap-reference", "M-2026-004711"))
                .statusCode()).isEqualTo(303);
        String found = officer.get("/register?q=004711").body();
        assertThat(found).contains("href=\"/register/" + incident + "\"").contains("M-2026-004711")
                .doesNotContain("href=\"/register/" + other + "\"");
        assertThat(officer.get("/register?q=M-1999-000000").body()).doesNotContain("href=\"/register/" + incident + "\"");
    }

    @Test
    void uploadWithoutTheSessionTokenIsRefused() throws Exception {
        assertThat(officer.upload(incident, "a.pdf", pdf(3, 100), false).statusCode()).isEqualTo(403);
    }

    /** A small synthetic PDF-shaped file with binary bytes after the header. */
    private static byte[] pdf(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] header = "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    private int count(String sql) throws Exception {
        try (Connection c = gateway.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A privacy officer's browser: the register fixture's client, plus new incidents and uploads. */
    private static final class Officer {
        private final RegisterFixture.Web web;

        Officer(int port) {
            this.web = new RegisterFixture.Web(port);
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            return web.get(path, headers);
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return web.bytes(path);
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            return web.post(path, form);
        }

        void login(String user) throws Exception {
            web.login(user);
        }

        long newIncident() throws Exception {
            String csrf = RegisterFixture.hidden(get("/register/new").body(), "csrf");
            HttpResponse<String> r = post("/register", Map.of("csrf", csrf, "summary", "Brief naar verkeerd adres"));
            assertThat(r.statusCode()).isEqualTo(303);
            String location = r.headers().firstValue("Location").orElseThrow();
            return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        }

        HttpResponse<String> upload(long incident, String fileName, byte[] content, boolean withToken)
                throws Exception {
            String csrf = RegisterFixture.hidden(get("/register/" + incident + "/documents").body(), "csrf");
            String boundary = "----lekwacht" + Long.toHexString(new Random(content.length).nextLong());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (withToken) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return web.postBytes("/register/" + incident + "/documents", "multipart/form-data; boundary=" + boundary,
                    body.toByteArray());
        }
    }
}
