package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the spool cannot store a message (here its directory is gone, so every spool file fails as on a
 * full file system; the fault runs fill a real tmpfs) the client gets {@code 452 4.3.1} after its end of
 * data and keeps its session: its next transaction goes through once there is room again. And a client
 * that leaves in the middle of its data costs one log line, not a stack trace.
 */
class SpoolFullTest {

    /** Larger than the test gateway's 64 KB memory threshold, so it is spooled to a file. */
    private static final String BODY = ("z".repeat(76) + "\n").repeat(2000);

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
    void answers452AfterTheDataAndTheSameSessionSendsItsNextMessage() throws Exception {
        try (LogCapture log = LogCapture.open(); SmtpTestClient client = session()) {
            spoolGone();
            transaction(client);
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(message("first")));
            assertThat(client.reply()).isEqualTo("452 4.3.1 Insufficient system storage, try again later");
            assertThat(nextHop.received()).isEmpty();

            spoolBack();
            transaction(client);
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(message("second")));
            assertThat(client.reply()).startsWith("250");

            assertThat(log.text()).contains("refused=SPOOL_FAILED reply=452 status=4.3.1 cause=\"NoSuchFileException")
                    .doesNotContain("Exception during SMTP transaction").doesNotContain("\tat ");
        }
        assertThat(nextHop.received()).hasSize(1);
        assertThat(nextHop.received().get(0).subject()).isEqualTo("second");
    }

    @Test
    void answers452ToTheBdatChunkAndTheSameSessionSendsItsNextMessage() throws Exception {
        byte[] bytes = message("first").getBytes(StandardCharsets.US_ASCII);
        try (SmtpTestClient client = session()) {
            spoolGone();
            transaction(client);
            client.send("BDAT " + bytes.length + "\r\n");
            client.sendBytes(bytes);
            assertThat(client.reply()).isEqualTo("452 4.3.1 Insufficient system storage, try again later");
            // the transaction is over: a further chunk is refused, its bytes read and passed over
            client.send("BDAT 4 LAST\r\nabcd");
            assertThat(client.reply()).startsWith("503 5.5.1");

            spoolBack();
            transaction(client);
            byte[] second = message("second").getBytes(StandardCharsets.US_ASCII);
            client.send("BDAT " + second.length + " LAST\r\n");
            client.sendBytes(second);
            assertThat(client.reply()).startsWith("250");
        }
        assertThat(nextHop.received()).hasSize(1);
        assertThat(nextHop.received().get(0).subject()).isEqualTo("second");
    }

    @Test
    void aClientLeavingInTheMiddleOfItsDataIsOneLogLine() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            try (SmtpTestClient client = session()) {
                transaction(client);
                assertThat(client.command("DATA")).startsWith("354");
                client.send(message("left").substring(0, 5000));
            }
            // draining waits for the transaction in flight: its line is written before it ends
            gateway.drain(Duration.ofSeconds(60));
            assertThat(log.text()).contains("verdict=NOT_SENT refused=CLIENT_LEFT_IN_DATA reply=- status=- "
                    + "cause=\"closed\"").doesNotContain("EOFException").doesNotContain("\tat ");
            assertThat(log.text().lines().filter(l -> l.contains("queue="))).hasSize(1);
        }
        assertThat(nextHop.received()).isEmpty();
    }

    private SmtpTestClient session() throws IOException {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }

    private static void transaction(SmtpTestClient client) throws IOException {
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
    }

    private static String message(String subject) {
        return Messages.simple("alice@gemeente.example", "jan@example.org", subject, BODY);
    }

    private void spoolGone() throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("spool"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(data.resolve("spool")).doesNotExist();
    }

    private void spoolBack() throws IOException {
        Files.createDirectories(data.resolve("spool"));
    }
}
