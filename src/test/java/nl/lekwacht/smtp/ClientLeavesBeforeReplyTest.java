package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestCertificates;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that gives up waiting for the reply to its message sends it again later. If the gateway
 * relayed it anyway, the recipient would get it twice: so it is neither relayed nor held, and the
 * outcome is counted as {@code ABANDONED}.
 */
class ClientLeavesBeforeReplyTest {

    @TempDir
    Path data;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch screening = new CountDownLatch(1);
    private final CountDownLatch clientLeft = new CountDownLatch(1);
    private Path keystore;
    private CapturingNextHop nextHop;
    private SmtpSide smtp;
    private volatile boolean blockScreening = true;

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        smtp = SmtpSide.open(TestGateway.config(data, nextHop.port(), ""), registry);
        Screener screener = (envelope, spool) -> {
            screening.countDown();
            if (blockScreening) {
                try {
                    clientLeft.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            OutboundMessage message = new OutboundMessage(envelope, MessageHeaders.empty(), spool.size(), List.of(),
                    List.of(), List.of());
            return new Screened(message, InspectionResult.clean(), Verdict.deliverClean());
        };
        keystore = TestCertificates.keystore(data);
        smtp.relay(screener, (screened, spool) -> "never", List.of(), Clock.systemUTC(), Optional.of(serverTls()));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.close();
        nextHop.close();
    }

    @Test
    void doesNotRelayAMessageWhoseClientLeftBeforeTheReply() throws Exception {
        SmtpTestClient client = sendMessage();
        screening.await(30, TimeUnit.SECONDS);
        client.close();
        clientLeft.countDown();
        smtp.drain(Duration.ofSeconds(30));

        assertThat(nextHop.received()).isEmpty();
        assertThat(registry.counter("lekwacht_messages", "verdict", "ABANDONED").count()).isEqualTo(1.0);
        assertThat(registry.counter("lekwacht_messages", "verdict", "DELIVER").count()).isZero();
    }

    @Test
    void doesNotRelayAMessageWhoseClientLeftBeforeTheReplyOverTls() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", smtp.port());
        client.reply();
        client.command("EHLO client.test");
        assertThat(client.command("STARTTLS")).startsWith("220");
        client.upgrade(TestCertificates.trusting(keystore), "127.0.0.1");
        client.command("EHLO client.test");
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
        assertThat(client.command("DATA")).startsWith("354");
        client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "s", "x")));
        screening.await(30, TimeUnit.SECONDS);
        // TLS close_notify and the end of the stream; a full close would wait for the server's close_notify
        client.halfClose();
        clientLeft.countDown();
        smtp.drain(Duration.ofSeconds(30));
        client.close();

        assertThat(nextHop.received()).isEmpty();
        assertThat(registry.counter("lekwacht_messages", "verdict", "ABANDONED").count()).isEqualTo(1.0);
    }

    @Test
    void relaysAMessageOfAClientThatWaitsForTheReplyOverTls() throws Exception {
        blockScreening = false;
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", smtp.port())) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("STARTTLS")).startsWith("220");
            client.upgrade(TestCertificates.trusting(keystore), "127.0.0.1");
            client.command("EHLO client.test");
            client.command("MAIL FROM:<alice@gemeente.example>");
            client.command("RCPT TO:<jan@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "s", "x")));
            assertThat(client.reply()).startsWith("250");
        }
        assertThat(nextHop.received()).hasSize(1);
        assertThat(registry.counter("lekwacht_messages", "verdict", "ABANDONED").count()).isZero();
    }

    @Test
    void relaysAMessageWhenTheClientPipelinedQuitAfterItsData() throws Exception {
        blockScreening = false;
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", smtp.port())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<alice@gemeente.example>");
            client.command("RCPT TO:<jan@example.org>");
            client.command("DATA");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "s", "x"))
                    + "QUIT\r\n");
            assertThat(client.reply()).startsWith("250");
            assertThat(client.reply()).startsWith("221");
        }
        assertThat(nextHop.received()).hasSize(1);
        assertThat(registry.counter("lekwacht_messages", "verdict", "ABANDONED").count()).isZero();
    }

    private SSLContext serverTls() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TestCertificates.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private SmtpTestClient sendMessage() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", smtp.port());
        client.reply();
        client.command("EHLO client.test");
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
        assertThat(client.command("DATA")).startsWith("354");
        client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "s", "x")));
        return client;
    }
}
