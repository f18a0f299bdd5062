package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.Gateway;
import com.github.benmanes.caffeine.cache.Ticker;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ChildGateway;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hold acknowledged with 250 survives kill -9 right after the reply: a child JVM runs the gateway
 * ({@code run --config}), is killed with {@link Process#destroyForcibly()} as soon as the client has
 * its 250, and a gateway restarted on the same H2 store still has the hold, notifies and releases it.
 */
class HoldCrashTest {

    private static final String BOB = "bob@extern.example";
    /** Short next-hop timeouts keep the lease of a job the killed process had claimed short. */
    private static final String DOWNSTREAM_TIMEOUTS = "  connect-timeout: 2s\n  command-timeout: 2s\n  data-timeout: 2s\n";

    @TempDir
    Path data;

    @Test
    void holdAcknowledgedWith250SurvivesKillMinus9AndCanBeReleased() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            int smtpPort = freePort();
            String yaml = TestGateway.yaml(data, nextHop.port(), HoldFixture.HOLD_YAML
                    + "smtp:\n  listen: 127.0.0.1:" + smtpPort + "\n  hostname: relay.test\n  spool-directory: "
                    + data.resolve("spool") + "\n"
                    + "downstream:\n  host: 127.0.0.1\n  port: " + nextHop.port() + "\n" + DOWNSTREAM_TIMEOUTS
                    + "web:\n  listen: 127.0.0.1:" + freePort() + "\n");
            Path config = data.resolve("lekwacht.yml");
            Files.writeString(config, yaml);
            ChildGateway child = ChildGateway.start(config, data.resolve("child.log"));
            String ref;
            try {
                child.awaitListening(2);
                String message = HoldFixture.bsnMessage("Na een crash", List.of(BOB), 51);
                String reply = HoldFixture.send(smtpPort, SENDER, List.of(BOB), message,
                        () -> child.process().destroyForcibly());
                ref = HoldFixture.heldReference(reply);
            } finally {
                child.kill();
            }
            assertThat(to(nextHop, BOB)).isEmpty();

            String restartYaml = yaml.replace("listen: 127.0.0.1:" + smtpPort, "listen: 127.0.0.1:0")
                    .replaceAll("(web:\\n  listen: 127\\.0\\.0\\.1:)\\d+", "$10");
            ManualScheduler background = new ManualScheduler();
            // past any lease the killed instance may have taken on the notification's job
            MovableClock clock = new MovableClock();
            clock.advance(java.time.Duration.ofMinutes(1));
            try (Gateway restarted = Gateway.start(new nl.lekwacht.config.ConfigLoader(java.util.Map.of())
                    .parse(restartYaml), new Gateway.Time(clock, Ticker.systemTicker(),
                    Runnable::run, background.byName()))) {
                background.runRound(ManualScheduler.HOLD_LOOP); // the notification queued before the crash
                HoldFixture.Link link = HoldFixture.findNotification(nextHop, SENDER, ref)
                        .orElseThrow(() -> new AssertionError("no notification after the restart"));
                HoldFixture web = HoldFixture.create();
                assertThat(web.get(restarted.webPort(), link.token()).body()).contains("Na een crash");
                assertThat(web.act(restarted.webPort(), link.token(), "send", "grondslag").statusCode()).isEqualTo(200);
                background.runQueued();
                assertThat(to(nextHop, BOB)).as("released after the restart").isNotEmpty();
                String delivered = HoldFixture.text(to(nextHop, BOB).get(0));
                assertThat(delivered).endsWith(HoldFixture.bsnMessage("Na een crash", List.of(BOB), 51));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
