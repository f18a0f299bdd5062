package nl.lekwacht.faults;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.lekwacht.support.ChildGateway;
import nl.lekwacht.support.TestGateway;

/**
 * The gateway of a fault run: {@code lekwacht run} in a JVM of its own (so it can be killed with
 * SIGKILL and started again on the same ports and store), relaying to the run's sink, with a mail
 * admin and an API token to release holds through the web side.
 */
final class FaultGateway implements AutoCloseable {

    static final String ADMIN = "beheer";
    static final String PASSWORD = "beheerwachtwoord";
    static final String TOKEN = "fault-run-api-token-0123456789abcdef";
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String SECRET = "a-link-secret-for-the-fault-runs-0123456789";

    private final Path config;
    private final Path data;
    private final int smtpPort;
    private final int webPort;
    private final String[] jvmOptions;
    private ChildGateway child;
    private int starts;

    private FaultGateway(Path config, Path data, int smtpPort, int webPort, String[] jvmOptions) {
        this.config = config;
        this.data = data;
        this.smtpPort = smtpPort;
        this.webPort = webPort;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Writes the configuration ({@code extraYaml} sections replace the test defaults, as in
     * {@link TestGateway#yaml}) and starts the gateway.
     */
    static FaultGateway start(Path data, int sinkPort, String extraYaml, String... jvmOptions)
            throws IOException, InterruptedException {
        return start(data, data.resolve("spool"), "64KB", sinkPort, extraYaml, jvmOptions);
    }

    /** As {@link #start(Path, int, String, String...)}, spooling to {@code spool} above {@code spoolThreshold}. */
    static FaultGateway start(Path data, Path spool, String spoolThreshold, int sinkPort, String extraYaml,
                              String... jvmOptions) throws IOException, InterruptedException {
        int smtpPort = freePort();
        int webPort = freePort();
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        String yaml = TestGateway.yaml(data, sinkPort, "smtp:\n  listen: 127.0.0.1:" + smtpPort
                + "\n  hostname: relay.test\n  spool-directory: " + spool + "\n  spool-memory-threshold: "
                + spoolThreshold + "\n"
                + "downstream:\n  host: 127.0.0.1\n  port: " + sinkPort
                + "\n  connect-timeout: 2s\n  command-timeout: 5s\n  data-timeout: 10s\n"
                + "hold:\n  encryption-key: \"" + KEY + "\"\n  link-secret: \"" + SECRET + "\"\n"
                + "  poll-interval: 200ms\n  delivery-retry: 1s\n  notify-from: lekwacht@gemeente.example\n"
                + "web:\n  listen: 127.0.0.1:" + webPort + "\n"
                + "  api-tokens:\n    - {name: faults, token: \"" + TOKEN + "\", roles: [mail-admin]}\n"
                + "  users:\n    - {name: " + ADMIN + ", password-hash: \"" + hash + "\", roles: [mail-admin]}\n"
                + extraYaml);
        Path config = data.resolve("lekwacht.yml");
        Files.writeString(config, yaml);
        FaultGateway gateway = new FaultGateway(config, data, smtpPort, webPort, jvmOptions);
        gateway.start();
        return gateway;
    }

    /** Starts the gateway (again) and returns when it listens. */
    void start() throws IOException, InterruptedException {
        starts++;
        child = ChildGateway.start(config, data.resolve("gateway-" + starts + ".log"), jvmOptions);
        child.awaitListening(3);
    }

    /** SIGKILL: the process ends at once, whatever it was doing. */
    void kill() throws InterruptedException {
        child.kill();
    }

    int smtpPort() {
        return smtpPort;
    }

    int webPort() {
        return webPort;
    }

    Process process() {
        return child.process();
    }

    /** What the gateway printed since it was last started. */
    String log() throws IOException {
        return child.log();
    }

    /** Copies the logs of every start into a new folder under {@code under}; returns it. */
    Path keepLogs(Path under) throws IOException {
        Path kept = Files.createDirectories(under).resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(kept);
        for (int i = 1; i <= starts; i++) {
            Path log = data.resolve("gateway-" + i + ".log");
            if (Files.exists(log)) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        }
        return kept;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (child != null) {
            child.close();
        }
    }
}
