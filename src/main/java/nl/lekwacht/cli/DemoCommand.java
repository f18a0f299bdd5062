package nl.lekwacht.cli;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.Callable;
import nl.lekwacht.Gateway;
import nl.lekwacht.config.LekwachtConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the gateway on built-in defaults with an in-process capture server as next hop, so a newcomer
 * can send mail through it and watch what arrives, without any set-up: every message and every notice
 * is printed as one line the moment the capture server has it, a notice with its link.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run on built-in defaults with a capture server as next hop; prints every notice's link.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--smtp-port", description = "port of the SMTP relay (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:LEKWACHT_DEMO_SMTP_PORT:-2525}")
    int smtpPort;

    @Option(names = "--web-port", description = "port of the web side (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:LEKWACHT_DEMO_WEB_PORT:-8025}")
    int webPort;

    @Option(names = "--capture-port", description = "port of the capture server (default: ${DEFAULT-VALUE})")
    int capturePort = 2526;

    @Option(names = "--data", description = "directory for the demo's store, spool and samples (default: ${DEFAULT-VALUE})")
    Path data = Path.of("data", "demo");

    /** How long the demo runs once started: until the JVM is asked to stop; a seam for tests. */
    interface Until {
        void await(Gateway gateway) throws InterruptedException;
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Until until;

    DemoCommand() {
        this(System.out, System.err, RunCommand::awaitShutdown);
    }

    DemoCommand(PrintStream out, PrintStream err, Until until) {
        this.out = out;
        this.err = err;
        this.until = until;
    }

    @Override
    public Integer call() throws Exception {
        String busy = busyPort();
        if (busy != null) {
            err.println("demo: " + busy);
            return Commands.ERROR;
        }
        Files.createDirectories(data);
        Path samples = Files.createDirectories(data.resolve("samples"));
        try (DemoCapture capture = new DemoCapture(capturePort, out)) {
            capture.start();
            String password = newPassword();
            Properties secrets = secrets(data.resolve("secrets.properties"));
            int smtp = smtpPort == 0 ? freePort() : smtpPort;
            int web = webPort == 0 ? freePort() : webPort;
            LekwachtConfig config = ConfigFiles.demo(new ConfigFiles.DemoSettings(smtp, web, capture.port(), data,
                    BCrypt.withDefaults().hashToString(10, password.toCharArray()),
                    secrets.getProperty("link-secret"), secrets.getProperty("encryption-key")));
            ConfigFiles.validate(config);
            if (!ConfigFiles.report(config, Path.of("demo.yml"), err)) {
                return Commands.ERROR;
            }
            writeSamples(samples);
            DemoHistory.seed(config, DemoHistory.writeSamples(samples, Clock.systemUTC()), Clock.systemUTC());
            Gateway gateway = Ports.start(config, Clock.systemUTC());
            printWelcome(gateway, capture.port(), samples, password, config.history().learningMessages());
            until.await(gateway);
        }
        return 0;
    }

    /** The first of the demo's ports that is taken, named by its option; null when all are free. */
    private String busyPort() {
        for (var option : java.util.List.of(java.util.Map.entry("--smtp-port", smtpPort),
                java.util.Map.entry("--web-port", webPort), java.util.Map.entry("--capture-port", capturePort))) {
            int port = option.getValue();
            if (port != 0 && Ports.inUse("127.0.0.1", port)) {
                return option.getKey() + " " + port + ": 127.0.0.1:" + port + " is in use (another Lekwacht demo or "
                        + "another server is running there); choose another port with " + option.getKey();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    /**
     * The demo's link secret and content key: made once per data directory and kept in it, so holds of an
     * earlier demo run can still be opened and the store (which records their fingerprints) accepts them.
     */
    private static Properties secrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
            if (secrets.getProperty("link-secret") != null && secrets.getProperty("encryption-key") != null) {
                return secrets;
            }
        }
        SecureRandom random = new SecureRandom();
        byte[] link = new byte[32];
        byte[] key = new byte[32];
        random.nextBytes(link);
        random.nextBytes(key);
        secrets.setProperty("link-secret", Base64.getEncoder().encodeToString(link));
        secrets.setProperty("encryption-key", Base64.getEncoder().encodeToString(key));
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (OutputStream fileOut = Files.newOutputStream(file)) {
            secrets.store(fileOut, "secrets of this demo's store only; never use them in production");
        }
        return secrets;
    }

    private static String newPassword() {
        char[] alphabet = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
        SecureRandom random = new SecureRandom();
        char[] password = new char[12];
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(password);
    }

    private void printWelcome(Gateway gateway, int capture, Path samples, String password, int learningMessages) {
        int smtp = gateway.smtpPort();
        String web = "http://127.0.0.1:" + gateway.webPort();
        out.println("""

                Lekwacht demo is running.
                  SMTP relay   127.0.0.1:%1$d   (internal domain: gemeente.example)
                  next hop     built-in capture server on 127.0.0.1:%2$d; every message and notice that arrives
                               there is printed below, a notice with its link
                  web          %3$s/register      breach register   } log in as fg, password %4$s
                               %3$s/admin/holds   held messages     } (new at every start)
                               %3$s/melden        report form for residents (no login)
                               %3$s/healthz  %3$s/readyz  %3$s/metrics

                Send a message with curl:
                  curl -sS --url smtp://127.0.0.1:%1$d --mail-from medewerker@gemeente.example \\
                       --mail-rcpt inwoner@example.org --upload-file %5$s
                or with swaks:
                  swaks --server 127.0.0.1:%1$d --from medewerker@gemeente.example --to inwoner@example.org
                A sample with a (synthetic) BSN in it, held until the sender decides: %6$s

                Recipient checks (a misdirected address, a visible list) only hold mail once a sender has
                history: until %7$d of a sender's messages went out, those findings are reported but do not
                hold (the learning phase). This demo imported a synthetic Sent folder for %8$s
                (%9$s), so a slip of hers is held right away: mail Jan Jansen at a look-alike domain:
                  curl -sS --url smtp://127.0.0.1:%1$d --mail-from %8$s \\
                       --mail-rcpt %10$s --upload-file %11$s

                Stop with Ctrl-C. Data (store, samples) is kept in %12$s.
                """.formatted(smtp, capture, web, password, samples.resolve("hallo.eml"),
                samples.resolve("beschikking-met-bsn.eml"), learningMessages, DemoHistory.SENDER,
                samples.resolve("verzonden-a.visser.mbox"), DemoHistory.SLIP, samples.resolve("verkeerd-adres.eml"),
                data));
        out.flush();
    }

    private static void writeSamples(Path dir) throws IOException {
        Files.writeString(dir.resolve("hallo.eml"), """
                From: Medewerker <medewerker@gemeente.example>\r
                To: Inwoner <inwoner@example.org>\r
                Subject: Uw afspraak\r
                \r
                Beste inwoner, hierbij de bevestiging van uw afspraak.\r
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("beschikking-met-bsn.eml"), """
                From: Medewerker <medewerker@gemeente.example>\r
                To: Helpdesk <helpdesk@example.org>\r
                Subject: Beschikking\r
                \r
                Hierbij de beschikking voor de aanvrager, BSN 111222333.\r
                """, StandardCharsets.UTF_8);
    }
}
