package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the client sends as message data, through the real relay with GreenMail as next hop: only our
 * X-Lekwacht field travels, a NUL byte refuses the message, and DATA and BDAT are never mixed.
 */
class MessageDataThroughRelayTest {

    private static final Pattern ANY_TRACE_FIELD = Pattern.compile("(?im)^x-lekwacht[ \\t]*:");

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private GreenMail nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        nextHop = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        nextHop.start();
        gateway = TestGateway.startGateway(data, nextHop.getSmtp().getPort(), "", background);
        log.start();
        ((Logger) LoggerFactory.getLogger("nl.lekwacht.messages")).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("nl.lekwacht.messages")).detachAppender(log);
        gateway.close();
        nextHop.stop();
    }

    @Test
    void dropsTheClientsOwnXLekwachtFieldsAndRelaysEverythingElseByteForByte() throws Exception {
        String top = "From: <alice@gemeente.example>\r\nTo: <bob@extern.example>\r\nSubject: Vergunning\r\n";
        String rest = "X-Lekwachter: stays, another name\r\n"
                + "X-Lekwacht-Hold: stays, another name\r\n"
                + "Message-ID: <trace.1@gemeente.example>\r\n";
        String body = "\r\nX-Lekwacht: DELIVER; none (in the body, stays)\r\nGroet\r\n";
        String sent = "X-Lekwacht: DELIVER; none\r\n" + top
                + "x-lekwacht \t: HOLD;\r\n\tfolded over two lines\r\n"
                + "X-LEKWACHT:\r\n" + rest + body;
        try (SmtpTestClient client = transaction()) {
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(sent));
            assertThat(client.reply()).matches("250 [A-Z0-9]{12} .*");
        }
        String relayed = raw(nextHop.getReceivedMessages()[0]);
        String header = relayed.substring(0, relayed.indexOf("\r\n\r\n"));
        assertThat(ANY_TRACE_FIELD.matcher(header).results().count()).as("only ours in the header").isEqualTo(1);
        assertThat(relayed).contains("\r\nX-Lekwacht: DELIVER; none\r\n");
        String afterOurs = relayed.substring(relayed.indexOf("\r\n", relayed.indexOf("X-Lekwacht: DELIVER")) + 2);
        // GreenMail keeps the data without the CRLF before the final dot
        assertThat(afterOurs + "\r\n").isEqualTo(top + rest + body);
    }

    @Test
    void refusesNulInDataRelaysNothingLogsItAndTheSessionGoesOn() throws Exception {
        try (SmtpTestClient client = transaction()) {
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "bob@extern.example", "Nul",
                    "een\u0000twee")));
            assertThat(client.reply()).isEqualTo("554 5.6.0 NUL character not allowed");
            sendGoodMessage(client);
        }
        assertThat(nextHop.getReceivedMessages()).as("only the good one").hasSize(1);
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("verdict=REFUSED refused=NUL reply=554"));
    }

    @Test
    void refusesNulBeforeTheEndOfDataSoNoNextHopCanTakeItForTheEnd() throws Exception {
        String smuggled = "From: <alice@gemeente.example>\r\nSubject: eerste\r\n\r\neerste\r\n\u0000.\r\n"
                + "MAIL FROM:<ceo@gemeente.example>\r\nRCPT TO:<bob@extern.example>\r\nDATA\r\n"
                + "Subject: tweede\r\n\r\nbetaal nu\r\n.\r\n";
        try (SmtpTestClient client = transaction()) {
            assertThat(client.command("DATA")).startsWith("354");
            client.send(smuggled);
            assertThat(client.reply()).isEqualTo("554 5.6.0 NUL character not allowed");
        }
        assertThat(nextHop.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesNulInABdatChunkAndTheRestOfTheTransaction() throws Exception {
        byte[] chunk = "Subject: x\r\n\r\neen\u0000twee\r\n".getBytes(StandardCharsets.US_ASCII);
        try (SmtpTestClient client = transaction()) {
            client.send("BDAT " + chunk.length + "\r\n");
            client.sendBytes(chunk);
            assertThat(client.reply()).isEqualTo("554 5.6.0 NUL character not allowed");
            client.send("BDAT 4 LAST\r\nrest");
            assertThat(client.reply()).isEqualTo("503 5.5.1 Need MAIL before BDAT");
            sendGoodMessage(client);
        }
        assertThat(nextHop.getReceivedMessages()).as("only the good one").hasSize(1);
    }

    @Test
    void answers503ToDataAfterBdatAndKeepsTheChunk() throws Exception {
        String message = Messages.simple("alice@gemeente.example", "bob@extern.example", "Gemengd", "een\ntwee");
        int half = message.length() / 2;
        try (SmtpTestClient client = transaction()) {
            client.send("BDAT " + half + "\r\n" + message.substring(0, half));
            assertThat(client.reply()).startsWith("250");
            assertThat(client.command("DATA")).isEqualTo("503 5.5.1 DATA not allowed after BDAT");
            client.send("BDAT " + (message.length() - half) + " LAST\r\n" + message.substring(half));
            assertThat(client.reply()).matches("250 [A-Z0-9]{12} .*");
        }
        assertThat(nextHop.getReceivedMessages()).hasSize(1);
        assertThat(raw(nextHop.getReceivedMessages()[0])).contains("Subject: Gemengd\r\n").contains("een\r\ntwee");
    }

    private void sendGoodMessage(SmtpTestClient client) throws Exception {
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        assertThat(client.command("RCPT TO:<bob@extern.example>")).startsWith("250");
        assertThat(client.command("DATA")).startsWith("354");
        client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "bob@extern.example", "Goed", "goed")));
        assertThat(client.reply()).matches("250 [A-Z0-9]{12} .*");
    }

    private SmtpTestClient transaction() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).contains("CHUNKING");
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        assertThat(client.command("RCPT TO:<bob@extern.example>")).startsWith("250");
        return client;
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
