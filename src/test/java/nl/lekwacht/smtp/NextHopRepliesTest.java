package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next hop's own verdicts reach our client as they are; when it is gone, the client retries. */
class NextHopRepliesTest {

    @TempDir
    Path data;

    private CapturingNextHop nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), "");
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void passesTheNextHopsRecipientRefusalOnAtRcptTime() throws Exception {
        nextHop.refuseRecipients(Set.of("nobody@example.org"));
        try (SmtpTestClient client = client()) {
            client.command("MAIL FROM:<alice@gemeente.example>");
            assertThat(client.command("RCPT TO:<nobody@example.org>"))
                    .isEqualTo("550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "s", "x")));
            assertThat(client.reply()).startsWith("250 2.0.0 ").contains("Ok: queued as NH123");
        }
        assertThat(nextHop.received()).hasSize(1);
        assertThat(nextHop.received().get(0).recipients()).containsExactly("jan@example.org");
    }

    @Test
    void passesTheNextHopsRefusalAtDataOn() throws Exception {
        nextHop.refuseData(true);
        try (SmtpTestClient client = client()) {
            client.command("MAIL FROM:<alice@gemeente.example>");
            client.command("RCPT TO:<jan@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "s", "x")));
            assertThat(client.reply()).isEqualTo("554 5.7.1 Message content rejected by next hop");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void relaysTheNullSenderAndTheExactBytes() throws Exception {
        String message = Messages.simple("mailer-daemon@gemeente.example", "jan@example.org", "Bounce",
                "line\n..two dots\n.\nend");
        try (SmtpTestClient client = client()) {
            assertThat(client.command("MAIL FROM:<>")).startsWith("250");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
            client.command("DATA");
            client.send(Messages.dataOf(message));
            assertThat(client.reply()).startsWith("250");
        }
        CapturingNextHop.Received got = nextHop.received().get(0);
        assertThat(got.sender()).isEmpty();
        String raw = new String(got.data(), StandardCharsets.UTF_8);
        assertThat(raw).startsWith("Received: from client.test");
        assertThat(raw.substring(raw.indexOf("\r\n", raw.indexOf("X-Lekwacht: DELIVER; none")) + 2)).isEqualTo(message);
    }

    @Test
    void retriesOnAFreshConnectionWhenTheNextHopDroppedTheIdleOne() throws Exception {
        try (SmtpTestClient client = client()) {
            for (int i = 0; i < 2; i++) {
                assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
                assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
                client.command("DATA");
                client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "n" + i, "x")));
                assertThat(client.reply()).startsWith("250");
                nextHop.dropConnections();
            }
        }
        assertThat(nextHop.received()).hasSize(2);
    }

    @Test
    void answers451AndSendsNothingWhenTheNextHopIsDown() throws Exception {
        nextHop.close();
        try (SmtpTestClient client = client()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("451 4.4.1");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("503");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void answers451WhenTheNextHopGoesAwayBeforeData() throws Exception {
        try (SmtpTestClient client = client()) {
            client.command("MAIL FROM:<alice@gemeente.example>");
            client.command("RCPT TO:<jan@example.org>");
            nextHop.close();
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "s", "x")));
            assertThat(client.reply()).startsWith("451 4.4.1");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    private SmtpTestClient client() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }

}
