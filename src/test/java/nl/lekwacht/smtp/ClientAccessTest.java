package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may connect, how many at once, and what shutting down does to sessions in flight. */
class ClientAccessTest {

    @TempDir
    Path data;

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
    void refusesAClientOutsideTheAllowedNetworks() throws Exception {
        start("smtp:\n  listen: 127.0.0.1:0\n  spool-directory: " + data.resolve("spool")
                + "\n  allowed-networks: [10.0.0.0/8]\n");
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            assertThat(client.reply()).isEqualTo("554 5.7.1 Relay access denied");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void refusesMoreSessionsFromOneClientThanAllowed() throws Exception {
        start("smtp:\n  listen: 127.0.0.1:0\n  spool-directory: " + data.resolve("spool")
                + "\n  max-connections-per-client: 1\n");
        try (SmtpTestClient first = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            assertThat(first.reply()).startsWith("220");
            try (SmtpTestClient second = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
                assertThat(second.reply()).startsWith("421 4.7.0");
            }
        }
    }

    @Test
    void closesASessionThatStaysIdlePastTheIdleTimeout() throws Exception {
        start("smtp:\n  listen: 127.0.0.1:0\n  spool-directory: " + data.resolve("spool") + "\n  idle-timeout: 1s\n");
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            assertThat(client.reply()).startsWith("220");
            // no command: the server gives up on us (the client's own read timeout is far longer)
            assertThat(client.reply()).startsWith("421");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closesASessionThatLastsPastTheSessionTimeoutEvenWhileBusy() throws Exception {
        start("smtp:\n  listen: 127.0.0.1:0\n  spool-directory: " + data.resolve("spool") + "\n  session-timeout: 2s\n");
        try (SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
            assertThat(client.reply()).startsWith("220");
            boolean closed = false;
            for (int i = 0; i < 600 && !closed; i++) {
                try {
                    closed = client.command("NOOP").equals("<closed>");
                } catch (java.io.IOException e) {
                    closed = true;
                }
                // paces the NOOPs that keep the session busy: this test waits for the session timeout, a
                // wall-clock limit of the code under test (allowed in ArchitectureTest for that reason)
                Thread.sleep(50);
            }
            assertThat(closed).as("closed by the server within the ceiling").isTrue();
        }
    }

    @Test
    void drainingLetsATransactionInFlightFinishAndTurnsNewSessionsAway() throws Exception {
        start("");
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        client.reply();
        client.command("EHLO client.test");
        client.command("MAIL FROM:<alice@gemeente.example>");
        client.command("RCPT TO:<jan@example.org>");
        assertThat(client.command("DATA")).startsWith("354");
        client.send("Subject: in flight\r\n\r\nfirst half\r\n");

        Gateway draining = gateway;
        gateway = null;
        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> draining.drain(java.time.Duration.ofSeconds(60)));
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a hang detector
        while (!draining.isDraining() && System.nanoTime() < giveUp) {
            Thread.onSpinWait(); // draining starts the moment drain() runs: no fixed wait
        }
        try (SmtpTestClient late = new SmtpTestClient("127.0.0.1", draining.smtpPort())) {
            assertThat(late.reply()).startsWith("421");
        } catch (java.net.ConnectException refused) {
            // the listener may already be closed: also a refusal
        }
        client.send("second half\r\n.\r\n");
        assertThat(client.reply()).startsWith("250");
        client.close();
        drained.get(60, TimeUnit.SECONDS);
        assertThat(nextHop.received()).hasSize(1);
        assertThat(new String(nextHop.received().get(0).data())).contains("second half");
    }

    private void start(String yaml) throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), yaml);
    }

}
