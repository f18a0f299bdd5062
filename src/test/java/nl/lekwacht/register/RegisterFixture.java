package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;

/** Mail, web and wait helpers for the register's end-to-end tests. All data is synthetic. */
final class RegisterFixture {

    static final String SENDER = "a.jansen@gemeente.example";
    static final String OFFICER = "fg@gemeente.example";
    static final String PASSWORD = "registerwachtwoord";
    static final String API_TOKEN = "register-api-token-0123456789";
    static final String MAIL_ADMIN_TOKEN = "mail-admin-token-0123456789";
    private static final String HASH = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());

    /** Users fg (privacy officer), beheer (mail admin), medewerker (staff); two API tokens; holding on. */
    static String yaml(String policy) {
        return "policy:\n" + policy
                + "web:\n  listen: 127.0.0.1:0\n  public-url: http://127.0.0.1:8025\n"
                + "  api-tokens:\n"
                + "    - {name: ci, token: \"" + API_TOKEN + "\", roles: [privacy-officer]}\n"
                + "    - {name: ops, token: \"" + MAIL_ADMIN_TOKEN + "\", roles: [mail-admin]}\n"
                + "  users:\n"
                + "    - {name: fg, password-hash: \"" + HASH + "\", roles: [privacy-officer]}\n"
                + "    - {name: beheer, password-hash: \"" + HASH + "\", roles: [mail-admin]}\n"
                + "    - {name: medewerker, password-hash: \"" + HASH + "\", roles: [staff]}\n"
                + "register:\n  privacy-officer-email: " + OFFICER + "\n"
                + "hold:\n  encryption-key: \"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\"\n"
                + "  link-secret: \"a-link-secret-shared-by-every-instance-0123456789\"\n"
                + "  poll-interval: 200ms\n  delivery-retry: 1s\n  notify-from: lekwacht@gemeente.example\n";
    }

    /** A valid synthetic BSN (11-proef), different for each seed. */
    static String bsn(long seed) {
        Random random = new Random(seed);
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + random.nextInt(9);
            int sum = 0;
            for (int i = 1; i < 8; i++) {
                d[i] = random.nextInt(10);
            }
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * d[i];
            }
            if (sum % 11 <= 9) {
                d[8] = sum % 11;
                return java.util.Arrays.stream(d).mapToObj(Integer::toString).collect(Collectors.joining());
            }
        }
    }

    static String message(String subject, String messageId, List<String> to, String body) {
        return "From: Anne Jansen <" + SENDER + ">\r\n"
                + "To: " + to.stream().map(a -> "<" + a + ">").collect(Collectors.joining(", ")) + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + messageId + "@gemeente.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body;
    }

    static String send(int port, List<String> recipients, String message) throws IOException {
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", port)) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<" + SENDER + ">")).startsWith("250");
            for (String r : recipients) {
                assertThat(client.command("RCPT TO:<" + r + ">")).startsWith("250");
            }
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(message));
            String reply = client.reply();
            client.command("QUIT");
            return reply;
        }
    }

    /**
     * Runs the gateway's queued background work (notice senders, the hold loop woken by a hold or a
     * decision), then returns {@code value}, which must be there by now.
     */
    static <T> T settled(ManualScheduler background, String what, Supplier<Optional<T>> value) {
        background.runQueued();
        return value.get().orElseThrow(() -> new AssertionError("no " + what));
    }

    /** The decoded text of the first mail to {@code recipient} whose text matches {@code pattern}. */
    static Optional<Matcher> mailMatching(CapturingNextHop nextHop, String recipient, Pattern pattern) {
        for (CapturingNextHop.Received r : nextHop.received()) {
            if (r.recipients().contains(recipient)) {
                Matcher m = pattern.matcher(text(r));
                if (m.find()) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    static String text(CapturingNextHop.Received received) {
        return received.text();
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    /** A browser-like HTTP client: keeps cookies, does not follow redirects. */
    static final class Web {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        Web(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (headers.length > 0) {
                b.headers(headers);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a body of any content type, e.g. a multipart form with a file. */
        HttpResponse<String> postBytes(String path, String contentType, byte[] body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postRaw(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Logs in through the form; returns the session's CSRF token, read from the register page. */
        String login(String user) throws Exception {
            String page = get("/login").body();
            HttpResponse<String> r = post("/login", Map.of("csrf", hidden(page, "csrf"), "next", "",
                    "username", user, "password", PASSWORD));
            assertThat(r.statusCode()).as("login of " + user).isEqualTo(303);
            return r.headers().firstValue("Location").orElse("");
        }
    }
}
