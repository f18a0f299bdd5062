package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.Main;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code demo} as a newcomer runs it: the real command with its capture server, three messages of three
 * senders, and each notice's link printed once as it arrives (a hold notice, a report notice sent with
 * the null sender, and the hold of a misdirected address thanks to the demo's seeded history).
 */
class DemoCommandTest {

    private static final Duration WAIT = Duration.ofMinutes(2); // hang detector, not a timing assertion

    @TempDir
    Path data;

    @Test
    void printsTheLinkOfEveryNoticeOnceAsItArrives() throws Exception {
        Output out = new Output();
        CountDownLatch stop = new CountDownLatch(1);
        DemoCommand demo = new DemoCommand(out.stream, new PrintStream(new ByteArrayOutputStream(), true),
                gateway -> {
                    stop.await();
                    gateway.close();
                });
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(new Main())
                .addSubcommand("demo", demo).execute("demo", "--smtp-port", "0", "--web-port", "0",
                        "--capture-port", "0", "--data", data.toString()));
        try {
            String banner = out.await(Pattern.compile("Stop with Ctrl-C"));
            assertThat(banner).contains("/register", "/admin/holds", "/melden", "log in as fg, password ",
                    "learning phase", DemoHistory.SENDER, DemoHistory.SLIP);
            int smtp = Integer.parseInt(match(banner, "SMTP relay\\s+127\\.0\\.0\\.1:(\\d+)"));

            assertThat(send(smtp, "medewerker@gemeente.example", "helpdesk@example.org", "Beschikking",
                    "Hierbij de beschikking voor de aanvrager, BSN 111222333.")).startsWith("250 2.6.0 Held");
            assertThat(send(smtp, "financien@gemeente.example", "inwoner@example.org", "Terugbetaling",
                    "Wij storten het bedrag op IBAN NL91 ABNA 0417 1643 00.")).startsWith("250");
            assertThat(send(smtp, DemoHistory.SENDER, DemoHistory.SLIP, "Zorgplan",
                    "Beste Jan, hierbij het zorgplan voor donderdag.")).as("a misdirected address of a sender with history")
                    .startsWith("250 2.6.0 Held");

            List<String> links = new ArrayList<>();
            links.add(out.await(notice("medewerker@gemeente.example", "h")));
            links.add(out.await(notice("financien@gemeente.example", "r")));
            links.add(out.await(notice(DemoHistory.SENDER, "h")));
            assertThat(links).doesNotHaveDuplicates();
            HttpClient http = HttpClient.newHttpClient();
            for (String link : links) {
                assertThat(out.text().split(Pattern.quote(link), -1)).as("printed once: " + link).hasSize(2);
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(link).isEqualTo(200);
            }
        } finally {
            stop.countDown();
        }
        assertThat(exit.get(1, TimeUnit.MINUTES)).isZero();
    }

    @Test
    void aBusyPortIsNamedWithItsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            DemoCommand demo = new DemoCommand(new PrintStream(new ByteArrayOutputStream(), true),
                    new PrintStream(err, true, StandardCharsets.UTF_8), gateway -> gateway.close());
            int exit = new CommandLine(new Main()).addSubcommand("demo", demo).execute("demo", "--smtp-port", "0",
                    "--web-port", Integer.toString(taken.getLocalPort()), "--capture-port", "0", "--data",
                    data.toString());
            assertThat(exit).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--web-port " + taken.getLocalPort())
                    .contains("is in use");
        }
    }

    @Test
    void theCaptureServerTakesTheNullSenderOfNoticesAndPrintsEachMessageOnce() throws Exception {
        Output out = new Output();
        try (DemoCapture capture = new DemoCapture(0, out.stream)) {
            capture.start();
            for (String to : List.of("inwoner@example.org", "jan@example.org", "inwoner@example.org")) {
                try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", capture.port())) {
                    client.reply();
                    client.command("EHLO lekwacht.test");
                    assertThat(client.command("MAIL FROM:<>")).startsWith("250");
                    assertThat(client.command("RCPT TO:<" + to + ">")).startsWith("250");
                    client.command("DATA");
                    client.send(Messages.dataOf("From: <lekwacht@gemeente.example>\r\nTo: <" + to + ">\r\n"
                            + "Subject: Ontvangen " + to + "\r\n\r\nUw melding is ontvangen: "
                            + "http://127.0.0.1:8025/r/abc" + to.length() + "\r\n"));
                    assertThat(client.reply()).startsWith("250");
                }
            }
            out.await(Pattern.compile("(?s)(notice to inwoner.*){2}"));
            assertThat(out.text().lines()).containsExactly(
                    "[capture] notice to inwoner@example.org: \"Ontvangen inwoner@example.org\" link: http://127.0.0.1:8025/r/abc19",
                    "[capture] notice to jan@example.org: \"Ontvangen jan@example.org\" link: http://127.0.0.1:8025/r/abc15",
                    "[capture] notice to inwoner@example.org: \"Ontvangen inwoner@example.org\" link: http://127.0.0.1:8025/r/abc19");
        }
    }

    private static Pattern notice(String to, String kind) {
        return Pattern.compile("\\[capture] notice to " + Pattern.quote(to) + ": .* link: (http://127\\.0\\.0\\.1:\\d+/"
                + kind + "/[A-Za-z0-9_-]+)");
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    private static String send(int port, String from, String to, String subject, String body) throws IOException {
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", port)) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + from + ">");
            client.command("RCPT TO:<" + to + ">");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple(from, to, subject, body)));
            return client.reply();
        }
    }

    /** What the demo printed, with a way to wait for a line (woken by each write, never polled). */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(this, true, StandardCharsets.UTF_8);

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        /** Waits until {@code pattern} is found; returns its first group, or all text when it has none. */
        synchronized String await(Pattern pattern) throws InterruptedException {
            Instant deadline = Instant.now().plus(WAIT);
            while (true) {
                Matcher m = pattern.matcher(text());
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : text();
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                assertThat(left).as("waiting for " + pattern + " in:\n" + text()).isPositive();
                wait(left);
            }
        }
    }
}
