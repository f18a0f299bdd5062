package nl.lekwacht.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.FakeTicker;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.PostgresSchema;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correspondence history end to end: what one delivered message teaches is used for the next, it
 * survives a restart, and another gateway on the same PostgreSQL sees it within the refresh interval.
 */
class HistoryThroughRelayTest {

    private static final String KNOWN = "jan.jansen@zorgpartner.nl";
    private static final String SLIP = "jan.jansen@zorgpartner.com";
    /** Another slip: a flagged message still goes out (monitored, not held) and is learned, so each is used once. */
    private static final String OTHER_SLIP = "jan.janssen@zorgpartner.nl";
    /**
     * Misdirected recipients are monitored rather than held here: this test is about what the history
     * learns, so a flagged message must go out and show its codes in the trace header.
     */
    private static final String HISTORY = "history:\n  learning-messages: 0\n  refresh: 60s\n"
            + "policy:\n  MISDIRECTED_RECIPIENT: monitor\n";

    @TempDir
    Path data;

    private CapturingNextHop nextHop;

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
    }

    @AfterEach
    void stop() {
        nextHop.close();
    }

    @Test
    void usesWhatADeliveredMessageTaughtForTheNextAndKeepsItAcrossARestart() throws Exception {
        try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(), HISTORY)) {
            assertThat(send(gateway, KNOWN)).doesNotContain("MISDIRECTED_RECIPIENT");
            assertThat(send(gateway, SLIP)).contains("MISDIRECTED_RECIPIENT");
        }
        try (Gateway restarted = TestGateway.startGateway(data, nextHop.port(), HISTORY)) {
            assertThat(send(restarted, KNOWN)).doesNotContain("MISDIRECTED_RECIPIENT");
            assertThat(send(restarted, OTHER_SLIP)).contains("MISDIRECTED_RECIPIENT");
        }
    }

    @Test
    void aSecondGatewayOnTheSamePostgresqlSeesItWithinTheRefreshInterval() throws Exception {
        FakeTicker ticker = new FakeTicker();
        try (PostgresSchema schema = PostgresSchema.create()) {
            String yaml = HISTORY + "store:\n  url: \"" + schema.url() + "\"\n  instances: 2\n";
            ManualScheduler background = new ManualScheduler();
            Gateway.Time time = new Gateway.Time(Clock.systemUTC(), ticker, Runnable::run, background.byName());
            try (Gateway a = Gateway.start(TestGateway.config(data.resolve("a"), nextHop.port(), yaml), time);
                 Gateway b = Gateway.start(TestGateway.config(data.resolve("b"), nextHop.port(), yaml), time)) {
                assertThat(send(b, "someone@elsewhere.example")).doesNotContain("MISDIRECTED_RECIPIENT");
                assertThat(send(a, KNOWN)).doesNotContain("MISDIRECTED_RECIPIENT");
                assertThat(send(a, SLIP)).as("A learned it at once").contains("MISDIRECTED_RECIPIENT");
                background.runQueued(); // A's history writer stores what it learned
                ticker.advance(Duration.ofSeconds(61));
                List<String> seenByB = List.of(send(b, OTHER_SLIP));
                assertThat(seenByB).as("B within the refresh interval").anySatisfy(
                        trace -> assertThat(trace).contains("MISDIRECTED_RECIPIENT"));
            }
        }
    }

    /** Sends alice → {@code to} and returns how the relay marked it: the reply, or the trace header. */
    private String send(Gateway gateway, String to) throws Exception {
        int before = nextHop.received().size();
        String reply;
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<alice@gemeente.example>");
            client.command("RCPT TO:<" + to + ">");
            client.command("DATA");
            String name = to.startsWith("jan.") ? "Jan Jansen" : "Iemand Anders";
            client.send(Messages.dataOf("From: Alice <alice@gemeente.example>\r\nTo: " + name + " <" + to + ">\r\n"
                    + "Subject: overleg\r\n\r\nTot donderdag.\r\n"));
            reply = client.reply();
        }
        assertThat(reply).startsWith("250");
        // what arrived since: the message itself and possibly a notice to the sender; the trace is on the message
        return nextHop.received().subList(before, nextHop.received().size()).stream()
                .map(r -> new String(r.data(), StandardCharsets.UTF_8))
                .flatMap(String::lines)
                .filter(l -> l.startsWith("X-Lekwacht:"))
                .findFirst().orElse(reply);
    }
}
