package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMTP smuggling: a lone LF (or CR) lets a client hide a second message behind a line end that one
 * server reads as end of data and another does not. Such data is refused whole and nothing is relayed.
 */
class SmugglingTest {

    private static final String SMUGGLED = "From: <alice@gemeente.example>\r\nTo: <jan@example.org>\r\n"
            + "Subject: first\r\n\r\nfirst body\n.\nMAIL FROM:<ceo@gemeente.example>\r\nRCPT TO:<jan@example.org>\r\n"
            + "DATA\r\nFrom: <ceo@gemeente.example>\r\nSubject: smuggled\r\n\r\npay now\r\n.\r\n";

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
    void refusesBareLineFeedInDataAndRelaysNothing() throws Exception {
        try (SmtpTestClient client = transaction()) {
            assertThat(client.command("DATA")).startsWith("354");
            client.send(SMUGGLED);
            assertThat(client.reply()).isEqualTo("550 5.5.2 Bare line feed not allowed");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    /** Every way of writing "end of data" that some server accepts and RFC 5321 does not. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\r\\n.\\n", "\\n.\\r\\n", "\\n.\\n", "\\r.\\r\\n", "\\r\\n.\\r", "\\r\\n.\\r\\r\\n",
            "\\r\\n.\\rX\\r\\n", "\\r\\n..\\n"})
    void refusesEveryNonCrlfEndOfDataVariantAndRelaysNothing(String ending) throws Exception {
        String terminator = ending.replace("\\r", "\r").replace("\\n", "\n");
        String smuggled = "From: <alice@gemeente.example>\r\nSubject: first\r\n\r\nfirst body" + terminator
                + "MAIL FROM:<ceo@gemeente.example>\r\nRCPT TO:<jan@example.org>\r\nDATA\r\n"
                + "Subject: smuggled\r\n\r\npay now\r\n.\r\n";
        try (SmtpTestClient client = transaction()) {
            client.command("DATA");
            client.send(smuggled);
            assertThat(client.reply()).isEqualTo("550 5.5.2 Bare line feed not allowed");
            assertThat(client.reply()).as("the connection is closed, nothing after it is read").isEqualTo("<closed>");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void refusesBareCarriageReturnInData() throws Exception {
        try (SmtpTestClient client = transaction()) {
            client.command("DATA");
            client.send("Subject: x\r\n\r\nbody\r.\r\n.\r\n");
            assertThat(client.reply()).isEqualTo("550 5.5.2 Bare line feed not allowed");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void refusesBareLineFeedInBdatAndRelaysNothing() throws Exception {
        byte[] chunk = SMUGGLED.getBytes(StandardCharsets.US_ASCII);
        try (SmtpTestClient client = transaction()) {
            client.send("BDAT " + chunk.length + " LAST\r\n");
            client.sendBytes(chunk);
            assertThat(client.reply()).isEqualTo("550 5.5.2 Bare line feed not allowed");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void relaysAMessageSentInBdatChunksWithDataToTheNextHop() throws Exception {
        String message = Messages.simple("alice@gemeente.example", "jan@example.org", "chunked", "one\ntwo\n.three");
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        int half = bytes.length / 2;
        try (SmtpTestClient client = transaction()) {
            client.send("BDAT " + half + "\r\n");
            client.sendBytes(java.util.Arrays.copyOfRange(bytes, 0, half));
            assertThat(client.reply()).startsWith("250");
            client.send("BDAT " + (bytes.length - half) + " LAST\r\n");
            client.sendBytes(java.util.Arrays.copyOfRange(bytes, half, bytes.length));
            assertThat(client.reply()).startsWith("250 2.0.0 ");
        }
        assertThat(nextHop.received()).hasSize(1);
        String raw = new String(nextHop.received().get(0).data(), StandardCharsets.US_ASCII);
        assertThat(raw).endsWith("\r\n" + message);
    }

    @Test
    void acceptsCrlfSplitAcrossBdatChunks() throws Exception {
        String message = Messages.simple("alice@gemeente.example", "jan@example.org", "split", "a\nb");
        int split = message.indexOf("\r\n") + 1;
        try (SmtpTestClient client = transaction()) {
            client.send("BDAT " + split + "\r\n" + message.substring(0, split));
            assertThat(client.reply()).startsWith("250");
            client.send("BDAT " + (message.length() - split) + " LAST\r\n" + message.substring(split));
            assertThat(client.reply()).startsWith("250 2.0.0 ");
        }
        assertThat(nextHop.received()).hasSize(1);
    }

    private SmtpTestClient transaction() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).contains("CHUNKING");
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
        return client;
    }
}
