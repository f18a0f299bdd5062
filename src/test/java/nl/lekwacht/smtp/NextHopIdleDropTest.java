package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MAIL and RCPT reach the next hop at once, DATA only after the message was received and inspected:
 * for a large message that can take longer than the next hop's idle timeout, and then it has closed the
 * connection. It has nothing of the message, so the transaction is opened again on a fresh connection
 * and the message sent there, instead of a 451 that would make the client send it all again.
 */
class NextHopIdleDropTest {

    @TempDir
    Path data;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CapturingNextHop nextHop;
    private SmtpSide smtp;
    /** What the next hop does while the message is being inspected. */
    private volatile Runnable duringInspection = () -> { };

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        smtp = SmtpSide.open(TestGateway.config(data, nextHop.port(), ""), registry);
        Screener screener = (envelope, spool) -> {
            duringInspection.run();
            OutboundMessage message = new OutboundMessage(envelope, MessageHeaders.empty(), spool.size(), List.of(),
                    List.of(), List.of());
            return new Screened(message, InspectionResult.clean(), Verdict.deliverClean());
        };
        smtp.relay(screener, (screened, spool) -> "never", List.of(), Clock.systemUTC(), Optional.empty());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.close();
        nextHop.close();
    }

    @Test
    void aNextHopThatClosedTheIdleConnectionGetsTheMessageOnANewOne() throws Exception {
        duringInspection = nextHop::dropConnections;
        try (SmtpTestClient client = transaction("jan@example.org", "piet@example.org")) {
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "slow", "x")));
            assertThat(client.reply()).startsWith("250");

            duringInspection = () -> { };
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "next", "y")));
            assertThat(client.reply()).as("the session goes on on the new connection").startsWith("250");
        }
        assertThat(nextHop.received()).hasSize(2);
        assertThat(nextHop.received().get(0).recipients()).containsExactly("jan@example.org", "piet@example.org");
        assertThat(nextHop.received().get(0).sender()).isEqualTo("alice@gemeente.example");
        assertThat(registry.counter("lekwacht_nexthop_transactions_reopened").count()).isEqualTo(1.0);
    }

    @Test
    void aRecipientRefusedOnTheNewConnectionMeansTryAgainLater() throws Exception {
        duringInspection = () -> {
            nextHop.dropConnections();
            nextHop.refuseRecipients(Set.of("piet@example.org"));
        };
        try (SmtpTestClient client = transaction("jan@example.org", "piet@example.org")) {
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "slow", "x")));
            assertThat(client.reply()).startsWith("451 4.4.1");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void aNextHopThatIsGoneMeansTryAgainLater() throws Exception {
        duringInspection = nextHop::close;
        try (SmtpTestClient client = transaction("jan@example.org")) {
            client.send(Messages.dataOf(Messages.simple("alice@gemeente.example", "jan@example.org", "slow", "x")));
            assertThat(client.reply()).startsWith("451 4.4.1");
        }
    }

    private SmtpTestClient transaction(String... recipients) throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", smtp.port());
        client.reply();
        client.command("EHLO client.test");
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        for (String recipient : recipients) {
            assertThat(client.command("RCPT TO:<" + recipient + ">")).startsWith("250");
        }
        assertThat(client.command("DATA")).startsWith("354");
        return client;
    }
}
