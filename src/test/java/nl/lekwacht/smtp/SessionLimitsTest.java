package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of the receiving side, under, at and over it, through the real relay: recipients,
 * header section, message size, Received: lines, commands per session, command line length and
 * connections in total.
 */
class SessionLimitsTest {

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private CapturingNextHop nextHop;
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        nextHop.close();
    }

    @Test
    void acceptsRecipientsUpToTheLimitAndRefusesTheNextWith452() throws Exception {
        start("  max-recipients: 3\n");
        try (SmtpTestClient client = session()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            for (int i = 1; i <= 3; i++) {
                assertThat(client.command("RCPT TO:<r" + i + "@example.org>")).as("recipient %d", i).startsWith("250");
            }
            assertThat(client.command("RCPT TO:<r4@example.org>")).isEqualTo("452 4.5.3 Too many recipients");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "r1@example.org", "Drie", "x")));
            assertThat(client.reply()).startsWith("250");
        }
        assertThat(nextHop.received()).singleElement().satisfies(r -> assertThat(r.recipients()).hasSize(3));
    }

    @Test
    void acceptsAHeaderSectionUpToTheLimitAndRefusesOneByteMoreWith552() throws Exception {
        start("  max-header-size: 1KB\n");
        assertThat(send(withHeaderSection(1023))).startsWith("250");
        assertThat(send(withHeaderSection(1024))).as("at the limit").startsWith("250");
        assertThat(send(withHeaderSection(1025))).isEqualTo("552 5.3.4 Message header too big");
        assertThat(nextHop.received()).hasSize(2);
    }

    @Test
    void acceptsAMessageOfExactlyTheSizeLimitAndRefusesOneByteMoreWith552() throws Exception {
        start("  max-message-size: 2KB\n");
        assertThat(send(ofSize(2047))).startsWith("250");
        assertThat(send(ofSize(2048))).as("at the limit").startsWith("250");
        assertThat(send(ofSize(2049))).isEqualTo("552 5.3.4 Message too big");
        assertThat(nextHop.received()).hasSize(2);
    }

    @Test
    void relaysUpToTheReceivedLimitAndCallsOneMoreAMailLoop() throws Exception {
        start("  max-received-headers: 3\n");
        assertThat(send(withReceivedLines(2))).startsWith("250");
        assertThat(send(withReceivedLines(3))).as("at the limit").startsWith("250");
        assertThat(send(withReceivedLines(4))).isEqualTo("554 5.4.6 Mail loop detected");
        assertThat(nextHop.received()).hasSize(2);
    }

    @Test
    void closesASessionAfterTheLastAllowedCommandButAlwaysTakesQuit() throws Exception {
        start("  max-recipients: 5\n  max-commands-per-session: 20\n");
        try (SmtpTestClient client = session()) { // EHLO is command 1
            for (int i = 2; i <= 20; i++) {
                assertThat(client.command("NOOP")).as("command %d", i).startsWith("250");
            }
            assertThat(client.command("QUIT")).as("QUIT is never refused").startsWith("221");
        }
        try (SmtpTestClient client = session()) {
            for (int i = 2; i <= 20; i++) {
                assertThat(client.command(i % 2 == 0 ? "RSET" : "NOOP")).startsWith("250");
            }
            assertThat(client.command("NOOP")).isEqualTo("421 4.7.0 Too many commands in one session, closing connection");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void takesACommandLineOf997CharactersAndClosesOnALongerOne() throws Exception {
        start("");
        try (SmtpTestClient client = session()) {
            assertThat(client.command("NOOP " + "x".repeat(992))).as("997 characters").startsWith("250");
            assertThat(client.command("NOOP " + "x".repeat(993))).startsWith("501 ");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void takesConnectionsUpToTheTotalLimitAndTurnsTheNextAway() throws Exception {
        start("  max-connections: 2\n");
        List<SmtpTestClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                open.add(session());
            }
            try (SmtpTestClient third = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
                assertThat(third.reply()).startsWith("421");
            }
            open.remove(0).close();
            assertThat(open.get(0).command("NOOP")).as("the others go on").startsWith("250");
        } finally {
            for (SmtpTestClient client : open) {
                client.close();
            }
        }
    }

    /** A message whose header section, blank line included, is exactly {@code bytes} long. */
    private static String withHeaderSection(int bytes) {
        String fixed = "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: h\r\nX-Pad: \r\n\r\n";
        return fixed.replace("X-Pad: ", "X-Pad: " + "p".repeat(bytes - fixed.length())) + "body\r\n";
    }

    /** A message of exactly {@code bytes} octets, final CRLF included. */
    private static String ofSize(int bytes) {
        String head = "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\nSubject: s\r\n\r\n";
        return head + "b".repeat(bytes - head.length() - 2) + "\r\n";
    }

    private static String withReceivedLines(int n) {
        return "Received: from hop.example by gemeente.example; Tue, 1 Dec 2026 10:00:00 +0000\r\n".repeat(n)
                + Messages.simple("alice@gemeente.example", "jan@example.org", "r" + n, "x");
    }

    private String send(String message) throws Exception {
        try (SmtpTestClient client = session()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(message));
            return client.reply();
        }
    }

    private SmtpTestClient session() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }

    private void start(String smtpLimits) throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), "smtp:\n  listen: 127.0.0.1:0\n  hostname: relay.test\n"
                + "  spool-directory: " + data.resolve("spool") + "\n" + smtpLimits, background);
    }
}
