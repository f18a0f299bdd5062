package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SMTP transaction leaves exactly one line in {@code nl.lekwacht.messages}, also when it was
 * refused before its message was screened, with the reply the client got: relay denied, the next hop
 * down (451) or refusing, too big (552), bare LF (550), or ended by the client before its data. The
 * line never names an address (the sender's domain only).
 */
class TransactionLogLineTest {

    private static final String SENDER = "a.visser@gemeente.example";

    @TempDir
    Path data;
    private final CapturingNextHop nextHop;
    private Gateway gateway;

    TransactionLogLineTest() throws Exception {
        nextHop = new CapturingNextHop();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        nextHop.close();
    }

    private void start(int nextHopPort, String smtpExtra) throws Exception {
        gateway = TestGateway.startGateway(data, nextHopPort, "smtp:\n  listen: 127.0.0.1:0\n  spool-directory: "
                + data.resolve("spool") + "\n" + smtpExtra);
    }

    private static List<String> lines(LogCapture log) {
        return log.text().lines().filter(l -> l.contains("nl.lekwacht.messages - queue=")).toList();
    }

    @Test
    void aClientOutsideTheAllowedNetworksGetsOneRelayDeniedLine() throws Exception {
        start(nextHop.port(), "  allowed-networks: [10.0.0.0/8]\n");
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            assertThat(client.reply()).startsWith("554");
            assertThat(lines(log)).singleElement().asString()
                    .contains("client=127.0.0.1", "verdict=REFUSED refused=RELAY_DENIED reply=554 status=5.7.1");
        }
    }

    @Test
    void theNextHopDownAtMailGivesOneTempfailLineWith451() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        start(closed, "");
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<" + SENDER + ">")).startsWith("451 4.4.1");
            assertThat(lines(log)).singleElement().asString().contains("sender_domain=gemeente.example",
                    "verdict=TEMPFAIL refused=NEXT_HOP_DOWN reply=451 status=4.4.1").doesNotContain("a.visser");
        }
    }

    @Test
    void recipientsTheNextHopRefusesGiveOneLineWithItsCodeAndNoAddress() throws Exception {
        start(nextHop.port(), "");
        nextHop.refuseRecipients(Set.of("onbekend@example.org", "weg@example.org"));
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + SENDER + ">");
            assertThat(client.command("RCPT TO:<onbekend@example.org>")).startsWith("550");
            assertThat(client.command("RCPT TO:<weg@example.org>")).startsWith("550");
            assertThat(client.command("DATA")).startsWith("554");
            assertThat(client.command("RSET")).startsWith("250");
            assertThat(lines(log)).singleElement().asString()
                    .contains("rcpts=0 refused_rcpts=2", "verdict=REFUSED refused=DATA reply=554")
                    .doesNotContain("onbekend", "weg@", "a.visser");
        }
    }

    @Test
    void aTransactionTheClientEndsBeforeItsDataGivesOneNotSentLine() throws Exception {
        start(nextHop.port(), "");
        nextHop.refuseRecipients(Set.of("onbekend@example.org"));
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + SENDER + ">");
            client.command("RCPT TO:<jan@example.org>");
            client.command("RCPT TO:<onbekend@example.org>");
            assertThat(client.command("RSET")).startsWith("250");
            assertThat(lines(log)).singleElement().asString()
                    .contains("rcpts=1 refused_rcpts=1", "verdict=NOT_SENT");
        }
    }

    @Test
    void allRecipientsRefusedAndTheClientResetsGivesARefusedLineWithTheNextHopsCode() throws Exception {
        start(nextHop.port(), "");
        nextHop.refuseRecipients(Set.of("onbekend@example.org"));
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + SENDER + ">");
            client.command("RCPT TO:<onbekend@example.org>");
            client.command("RSET");
            assertThat(lines(log)).singleElement().asString()
                    .contains("verdict=REFUSED refused=RCPT reply=550 status=5.1.1").doesNotContain("onbekend");
        }
    }

    @Test
    void aMessageTooBigGivesOneLineWith552() throws Exception {
        start(nextHop.port(), "  max-message-size: 10KB\n");
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + SENDER + ">");
            client.command("RCPT TO:<jan@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple(SENDER, "jan@example.org", "groot", "x".repeat(20_000))));
            assertThat(client.reply()).startsWith("552");
            assertThat(lines(log)).singleElement().asString()
                    .contains("rcpts=1", "verdict=REFUSED refused=TOO_BIG reply=552 status=5.3.4");
        }
    }

    @Test
    void aSizeOverTheLimitDeclaredAtMailGivesOneLineWith552() throws Exception {
        start(nextHop.port(), "  max-message-size: 10KB\n");
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<" + SENDER + "> SIZE=50000")).startsWith("552");
            assertThat(lines(log)).singleElement().asString()
                    .contains("verdict=REFUSED refused=MAIL reply=552");
        }
    }

    @Test
    void aBareLineFeedGivesOneLineWith550() throws Exception {
        start(nextHop.port(), "");
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + SENDER + ">");
            client.command("RCPT TO:<jan@example.org>");
            client.command("DATA");
            client.send("Subject: x\r\n\r\nline one\nline two\r\n.\r\n");
            assertThat(client.reply()).startsWith("550 5.5.2");
            assertThat(lines(log)).singleElement().asString()
                    .contains("verdict=REFUSED refused=BARE_NEWLINE reply=550 status=5.5.2");
        }
    }

    @Test
    void aDeliveredMessageStillGetsExactlyOneLine() throws Exception {
        start(nextHop.port(), "");
        try (LogCapture log = LogCapture.open();
             SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<" + SENDER + ">");
            client.command("RCPT TO:<jan@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple(SENDER, "jan@example.org", "hallo", "Tot morgen.")));
            assertThat(client.reply()).startsWith("250");
            assertThat(client.command("RSET")).startsWith("250");
            assertThat(lines(log)).singleElement().asString().contains("verdict=DELIVER", "reply=250");
        }
    }
}
