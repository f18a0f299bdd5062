package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's main path through a real gateway with GreenMail as next hop. */
class RelayDeliveryTest {

    @TempDir
    Path data;

    private TestGateway relay;

    @BeforeEach
    void start() throws Exception {
        relay = TestGateway.start(data, "smtp:\n  listen: 127.0.0.1:0\n  hostname: relay.test\n  spool-directory: "
                + data.resolve("spool") + "\n  max-message-size: 64KB\n  spool-memory-threshold: 4KB\n");
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void deliversOneCopyPerRecipientByteIdenticalAfterTheTwoTraceLines() throws Exception {
        String message = Messages.simple("alice@gemeente.example", "a@example.org", "Drie ontvangers",
                "Regel een\n.begint met een punt\n\nRegel drie, met é en ß.\n" + "x".repeat(6000) + "\n");
        try (SmtpTestClient client = client()) {
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            for (String rcpt : List.of("a@example.org", "b@example.org", "c@example.net")) {
                assertThat(client.command("RCPT TO:<" + rcpt + ">")).startsWith("250");
            }
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(message));
            assertThat(client.reply()).matches("250 [A-Z0-9]{12} .*");
        }
        MimeMessage[] received = relay.nextHop.getReceivedMessages();
        assertThat(received).hasSize(3);
        for (String rcpt : List.of("a@example.org", "b@example.org", "c@example.net")) {
            var user = relay.nextHop.getUserManager().getUserByEmail(rcpt);
            assertThat(user).as("mailbox of %s", rcpt).isNotNull();
            assertThat(relay.nextHop.getManagers().getImapHostManager().getInbox(user).getMessageCount())
                    .as("copies for %s", rcpt).isEqualTo(1);
        }
        for (MimeMessage copy : received) {
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            copy.writeTo(raw);
            String whole = raw.toString(java.nio.charset.StandardCharsets.UTF_8);
            String afterTrace = withoutTraceLines(whole);
            // GreenMail stores the data without the CRLF that precedes the terminating dot; the exact
            // bytes including that CRLF are checked against a raw capture in NextHopRepliesTest.
            assertThat(afterTrace + "\r\n").as("relayed byte for byte after the trace lines").isEqualTo(message);
            assertThat(whole).contains("X-Lekwacht: DELIVER; none\r\n");
            // GreenMail puts its own Return-Path and Received above ours
            assertThat(whole.substring(whole.indexOf("Received: from client.test")))
                    .startsWith("Received: from client.test ([127.0.0.1])\r\n\tby relay.test (Lekwacht) with ESMTP id ");
        }
    }

    @Test
    void secondTransactionOnASessionReusesTheNextHopConnection() throws Exception {
        try (SmtpTestClient client = client()) {
            client.command("EHLO client.test");
            for (int i = 0; i < 2; i++) {
                assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
                assertThat(client.command("RCPT TO:<a@example.org>")).startsWith("250");
                client.command("DATA");
                client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "a@example.org", "n" + i, "x")));
                assertThat(client.reply()).startsWith("250");
            }
        }
        assertThat(relay.nextHop.getReceivedMessages()).hasSize(2);
        assertThat(relay.gateway.metrics().nextHopConnectionsOpened()).isEqualTo(1.0);
        assertThat(relay.gateway.metrics().nextHopConnectionsReused()).isEqualTo(1.0);
    }

    @Test
    void refusesAMailLoopWithMoreThanThirtyReceivedLines() throws Exception {
        String message = "Received: from a by b; Mon, 1 Jan 2026 00:00:00 +0000\r\n".repeat(31)
                + Messages.simple("alice@gemeente.example", "a@example.org", "loop", "x");
        try (SmtpTestClient client = client()) {
            client.command("EHLO client.test");
            client.command("MAIL FROM:<alice@gemeente.example>");
            client.command("RCPT TO:<a@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(message));
            assertThat(client.reply()).isEqualTo("554 5.4.6 Mail loop detected");
        }
        assertThat(relay.nextHop.getReceivedMessages()).isEmpty();
    }

    @Test
    void advertisesSizeAndAcceptsADeclaredSizeUnderTheLimit() throws Exception {
        try (SmtpTestClient client = client()) {
            assertThat(client.command("EHLO client.test")).contains("250-SIZE 65536").doesNotContain("DSN");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example> SIZE=1000")).startsWith("250");
        }
    }

    @Test
    void refusesADeclaredSizeOverTheLimitAndAnAbsurdOneCleanly() throws Exception {
        try (SmtpTestClient client = client()) {
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example> SIZE=70000")).startsWith("552 5.3.4");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example> SIZE=99999999999999999999999999"))
                    .startsWith("552 5.3.4");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example> SIZE=lots")).startsWith("501");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example> SIZE=100")).startsWith("250");
        }
    }

    @Test
    void refusesAMessageOverTheSizeLimitWith552AndTakesTheNextMailWithoutRset() throws Exception {
        try (SmtpTestClient client = client()) {
            client.command("EHLO client.test");
            client.command("MAIL FROM:<alice@gemeente.example>");
            client.command("RCPT TO:<a@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "a@example.org", "big",
                    ("y".repeat(99) + "\n").repeat(700))));
            assertThat(client.reply()).isEqualTo("552 5.3.4 Message too big");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<a@example.org>")).startsWith("250");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "a@example.org", "small", "x")));
            assertThat(client.reply()).startsWith("250");
        }
        assertThat(relay.nextHop.getReceivedMessages()).hasSize(1);
        assertThat(relay.nextHop.getReceivedMessages()[0].getSubject()).isEqualTo("small");
    }

    private SmtpTestClient client() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", relay.smtpPort());
        assertThat(client.reply()).startsWith("220");
        return client;
    }

    /** Drops everything up to and including our X-Lekwacht line (GreenMail may add its own above). */
    private static String withoutTraceLines(String whole) {
        int trace = whole.indexOf("X-Lekwacht: ");
        assertThat(trace).isGreaterThanOrEqualTo(0);
        return whole.substring(whole.indexOf("\r\n", trace) + 2);
    }
}
