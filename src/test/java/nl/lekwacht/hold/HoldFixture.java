package nl.lekwacht.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;

/** Helpers for hold tests: synthetic BSNs, sending through the relay, following the link with a real HTTP client. */
final class HoldFixture {

    static final String SENDER = "alice@gemeente.example";
    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String SECRET = "a-link-secret-shared-by-every-instance-0123456789";
    static final String HOLD_YAML = "hold:\n  encryption-key: \"" + KEY + "\"\n  link-secret: \"" + SECRET + "\"\n"
            + "  poll-interval: 200ms\n  delivery-retry: 1s\n  notify-from: lekwacht@gemeente.example\n";
    private static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+)/h/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HoldFixture() {
    }

    static HoldFixture create() {
        return new HoldFixture();
    }

    /** A valid synthetic BSN (11-proef), different for each seed. */
    static String bsn(long seed) {
        Random random = new Random(seed);
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + random.nextInt(9);
            for (int i = 1; i < 8; i++) {
                d[i] = random.nextInt(10);
            }
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * d[i];
            }
            int last = sum % 11;
            if (last <= 9) {
                d[8] = last;
                StringBuilder out = new StringBuilder();
                for (int x : d) {
                    out.append(x);
                }
                return out.toString();
            }
        }
    }

    /** A message with a BSN in its text, from Alice to {@code to} (all in To). */
    static String bsnMessage(String subject, List<String> to, long seed) {
        return "From: Alice <" + SENDER + ">\r\n"
                + "To: " + to.stream().map(a -> "<" + a + ">").collect(Collectors.joining(", ")) + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + subject.hashCode() + "." + seed + "@gemeente.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Beste,\r\n\r\nHierbij de gegevens van de aanvrager, BSN " + bsn(seed) + ".\r\n"
                + ".Een regel die met een punt begint.\r\n\r\nGroet, Alice\r\n";
    }

    /** Sends {@code message} through the relay; returns the final reply. */
    static String send(int port, String from, List<String> recipients, String message) throws IOException {
        return send(port, from, recipients, message, () -> { });
    }

    /** Sends {@code message}; runs {@code afterReply} the moment the final reply is read, before QUIT. */
    static String send(int port, String from, List<String> recipients, String message, Runnable afterReply)
            throws IOException {
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", port)) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<" + from + ">")).startsWith("250");
            for (String r : recipients) {
                assertThat(client.command("RCPT TO:<" + r + ">")).startsWith("250");
            }
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(message));
            String reply = client.reply();
            afterReply.run();
            try {
                client.command("QUIT");
            } catch (IOException e) {
                // the server may be gone (a crash test kills it right after the reply)
            }
            return reply;
        }
    }

    static String heldReference(String reply) {
        Matcher m = Pattern.compile("^250 2\\.6\\.0 Held for sender confirmation \\(ref ([A-Z0-9]+)\\)").matcher(reply);
        assertThat(m.find()).as("held reply: " + reply).isTrue();
        return m.group(1);
    }

    /** Messages the next hop got for {@code recipient}. */
    static List<CapturingNextHop.Received> to(CapturingNextHop nextHop, String recipient) {
        return nextHop.received().stream().filter(r -> r.recipients().contains(recipient)).toList();
    }

    static String text(CapturingNextHop.Received received) {
        return new String(received.data(), StandardCharsets.UTF_8);
    }

    /**
     * Runs the hold loop's pending work (the notification queued with the hold), then returns the link in
     * the notification about {@code reference} to {@code recipient}.
     */
    static Link notification(ManualScheduler background, CapturingNextHop nextHop, String recipient,
                             String reference) {
        background.runQueued();
        return findNotification(nextHop, recipient, reference)
                .orElseThrow(() -> new AssertionError("no notification about " + reference + " to " + recipient));
    }

    /** The link in the notification about {@code reference} to {@code recipient}, if it arrived. */
    static Optional<Link> findNotification(CapturingNextHop nextHop, String recipient, String reference) {
        for (CapturingNextHop.Received r : to(nextHop, recipient)) {
            String text = decoded(r);
            if (text.contains(reference)) {
                Matcher m = LINK.matcher(text);
                if (m.find()) {
                    return Optional.of(new Link(m.group(1), m.group(2), r));
                }
            }
        }
        return Optional.empty();
    }

    /** Notices to {@code recipient} whose subject starts with {@code subjectStart}, in the order they arrived. */
    static List<CapturingNextHop.Received> notices(CapturingNextHop nextHop, String recipient, String subjectStart) {
        return to(nextHop, recipient).stream().filter(r -> r.subject().startsWith(subjectStart)).toList();
    }

    /** The link in a notice. */
    static Link linkIn(CapturingNextHop.Received notice) {
        Matcher m = LINK.matcher(decoded(notice));
        assertThat(m.find()).as("a link in " + notice.subject()).isTrue();
        return new Link(m.group(1), m.group(2), notice);
    }

    /** The hold's audit trail as "EVENT actor detail" lines, oldest first. */
    static List<String> trail(nl.lekwacht.Gateway gateway, String ref) throws java.sql.SQLException {
        List<String> events = new ArrayList<>();
        try (java.sql.Connection c = gateway.database().dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement(
                     "SELECT event, actor, detail FROM hold_audit WHERE hold_id = ? ORDER BY id")) {
            s.setString(1, ref);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return events;
    }

    /** The message's text parts decoded (the notification is quoted-printable or base64). */
    static String decoded(CapturingNextHop.Received r) {
        return r.subject() + "\n" + r.text();
    }

    /** The link of a notification: the public base it was built on, and the token. */
    record Link(String base, String token, CapturingNextHop.Received notification) {
    }

    HttpResponse<String> get(int webPort, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/h/" + token)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the page, then posts the action with the page's CSRF token. */
    HttpResponse<String> act(int webPort, String token, String action, String reason, String... recipients)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(webPort, token);
        return post(webPort, token, csrf(page.body()), action, reason, recipients);
    }

    HttpResponse<String> post(int webPort, String token, String csrf, String action, String reason,
                              String... recipients) throws IOException, InterruptedException {
        List<String> fields = new ArrayList<>();
        if (csrf != null) {
            fields.add("csrf=" + enc(csrf));
        }
        fields.add("action=" + enc(action));
        if (reason != null) {
            fields.add("reason=" + enc(reason));
        }
        for (String r : recipients) {
            fields.add("recipient=" + enc(r));
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/h/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the page, then posts the given fields (name, value, name, value, ...) with the page's CSRF token. */
    HttpResponse<String> actWith(int webPort, String token, String... nameValues)
            throws IOException, InterruptedException {
        List<String> fields = new ArrayList<>();
        fields.add("csrf=" + enc(csrf(get(webPort, token).body())));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            fields.add(enc(nameValues[i]) + "=" + enc(nameValues[i + 1]));
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/h/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page has a CSRF field").isTrue();
        return m.group(1).replace("&#61;", "=");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
