package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.lekwacht.support.CapturingNextHop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-config} stays offline (the unit's start check must pass while the next hop is down);
 * {@code --connect} also greets the next hop and opens the store, exit 1 when one does not answer. A
 * listening address in use is named with its key when the gateway starts.
 */
class CheckConfigConnectTest {

    static final String SECRETS = "hold:\n  link-secret: \"a-link-secret-of-at-least-thirty-two-characters\"\n"
            + "  encryption-key: \"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\"\n"
            + "  notify-from: lekwacht@gemeente.example\n";

    @TempDir
    Path dir;

    @Test
    void connectSaysTheNextHopAndTheStoreAnswer() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            CommandRun run = CommandRun.of("check-config", "--connect", "--config", config(nextHop.port(), h2()));
            assertThat(run.out()).contains("downstream 127.0.0.1:" + nextHop.port() + ": answers")
                    .contains("store: answers").endsWith("ok\n");
            assertThat(run.exit()).isZero();
            assertThat(dir.resolve("store.mv.db")).as("nothing created").doesNotExist();
        }
    }

    @Test
    void connectExits1WhenTheNextHopDoesNotAnswerAndOfflineCheckStillPasses() throws Exception {
        int closed = freePort();
        String config = config(closed, h2());
        CommandRun connect = CommandRun.of("check-config", "--connect", "--config", config);
        assertThat(connect.exit()).isEqualTo(1);
        assertThat(connect.out()).contains("downstream 127.0.0.1:" + closed + ": UNREACHABLE")
                .doesNotContain(": ok");
        assertThat(CommandRun.of("check-config", "--config", config).exit()).as("offline").isZero();
    }

    @Test
    void connectExits1WhenTheStoreDoesNotAnswer() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            CommandRun run = CommandRun.of("check-config", "--connect", "--config",
                    config(nextHop.port(), "jdbc:postgresql://127.0.0.1:" + freePort() + "/lekwacht"));
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("store: UNREACHABLE");
        }
    }

    @Test
    void runNamesTheListeningAddressThatIsInUse() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop(); ServerSocket taken = new ServerSocket(0)) {
            Path file = dir.resolve("busy.yml");
            Files.writeString(file, "smtp:\n  listen: 127.0.0.1:" + taken.getLocalPort() + "\n  spool-directory: "
                    + dir.resolve("spool") + "\nweb:\n  listen: 127.0.0.1:0\n" + base(nextHop.port(), h2()),
                    StandardCharsets.UTF_8);
            CommandRun run = CommandRun.of("run", "--config", file.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("smtp.listen 127.0.0.1:" + taken.getLocalPort() + " is in use");
        }
    }

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    private String config(int nextHopPort, String storeUrl) throws Exception {
        Path file = dir.resolve("lekwacht.yml");
        Files.writeString(file, base(nextHopPort, storeUrl), StandardCharsets.UTF_8);
        return file.toString();
    }

    private static String base(int nextHopPort, String storeUrl) {
        return "downstream:\n  host: 127.0.0.1\n  port: " + nextHopPort + "\n  connect-timeout: 5s\n"
                + "organisation:\n  internal-domains: [gemeente.example]\n" + SECRETS
                + "store:\n  url: " + storeUrl + "\n";
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
