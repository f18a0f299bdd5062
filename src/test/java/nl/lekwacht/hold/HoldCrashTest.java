package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.await;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
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
            Path log = data.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "nl.lekwacht.Main", "run", "--config",
                    config.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String ref;
            try {
                await("child gateway listening", () -> child.isAlive() && accepts(smtpPort)
                        || failIfDead(child, log));
                String message = HoldFixture.bsnMessage("Na een crash", List.of(BOB), 51);
                String reply = HoldFixture.send(smtpPort, SENDER, List.of(BOB), message, child::destroyForcibly);
                ref = HoldFixture.heldReference(reply);
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            assertThat(to(nextHop, BOB)).isEmpty();

            String restartYaml = yaml.replace("listen: 127.0.0.1:" + smtpPort, "listen: 127.0.0.1:0")
                    .replaceAll("(web:\\n  listen: 127\\.0\\.0\\.1:)\\d+", "$10");
            try (Gateway restarted = Gateway.start(new nl.lekwacht.config.ConfigLoader(java.util.Map.of())
                    .parse(restartYaml), java.time.Clock.systemUTC())) {
                HoldFixture.Link link = HoldFixture.awaitNotification(nextHop, SENDER, ref);
                HoldFixture web = HoldFixture.create();
                assertThat(web.get(restarted.webPort(), link.token()).body()).contains("Na een crash");
                assertThat(web.act(restarted.webPort(), link.token(), "send", "grondslag").statusCode()).isEqualTo(200);
                await("release after the restart", () -> !to(nextHop, BOB).isEmpty());
                String delivered = HoldFixture.text(to(nextHop, BOB).get(0));
                assertThat(delivered).endsWith(HoldFixture.bsnMessage("Na een crash", List.of(BOB), 51));
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean failIfDead(Process child, Path log) {
        if (!child.isAlive()) {
            try {
                throw new AssertionError("child gateway exited " + child.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError("child gateway exited " + child.exitValue());
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
