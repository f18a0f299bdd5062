package nl.lekwacht.cli;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import nl.lekwacht.Gateway;
import nl.lekwacht.config.LekwachtConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the gateway on built-in defaults with an in-process capture server (GreenMail) as next hop,
 * so a newcomer can send mail through it and watch what arrives, without any set-up.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run on built-in defaults with a capture server as next hop.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--capture-port", description = "port of the capture server (default: ${DEFAULT-VALUE})")
    int capturePort = 2526;

    @Override
    public Integer call() throws Exception {
        GreenMail capture = new GreenMail(new ServerSetup(capturePort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        capture.start();
        String password = newPassword();
        LekwachtConfig config = ConfigFiles.demo(capturePort,
                BCrypt.withDefaults().hashToString(10, password.toCharArray()));
        ConfigFiles.validate(config);
        if (!ConfigFiles.report(config, Path.of("demo.yml"), System.err)) {
            capture.stop();
            return Commands.ERROR;
        }
        Gateway gateway = Gateway.start(config, Clock.systemUTC());
        Path samples = writeSamples();
        printWelcome(gateway, samples, password);
        Thread watcher = new Thread(() -> watch(capture), "lekwacht-demo-capture");
        watcher.setDaemon(true);
        watcher.start();
        RunCommand.awaitShutdown(gateway);
        capture.stop();
        return 0;
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

    private void printWelcome(Gateway gateway, Path samples, String password) {
        int smtp = gateway.smtpPort();
        String web = "http://127.0.0.1:" + gateway.webPort();
        System.out.println("""

                Lekwacht demo is running.
                  SMTP relay   127.0.0.1:%d   (internal domain: gemeente.example)
                  web          %s/healthz  %s/readyz  %s/metrics
                  next hop     built-in capture server on 127.0.0.1:%d; what arrives there is printed below
                  register     %s/register   log in as fg, password %s (new at every start)

                Send a message with curl:
                  curl -sS --url smtp://127.0.0.1:%d --mail-from medewerker@gemeente.example \\
                       --mail-rcpt inwoner@example.org --upload-file %s
                or with swaks:
                  swaks --server 127.0.0.1:%d --from medewerker@gemeente.example --to inwoner@example.org
                A sample with a (synthetic) BSN in it: %s

                Stop with Ctrl-C.
                """.formatted(smtp, web, web, web, capturePort, web, password, smtp, samples.resolve("hallo.eml"), smtp,
                samples.resolve("beschikking-met-bsn.eml")));
    }

    private static Path writeSamples() throws IOException {
        Path dir = Path.of("data", "demo", "samples");
        Files.createDirectories(dir);
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
        return dir;
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+/[hr]/[A-Za-z0-9_-]+");

    /** The confirmation or report link in a notice's plain text, if it has one. */
    private static java.util.Optional<String> link(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    java.util.Optional<String> found = link(multipart.getBodyPart(i));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else if (content instanceof String text) {
                java.util.regex.Matcher m = LINK.matcher(text);
                if (m.find()) {
                    return java.util.Optional.of(m.group());
                }
            }
        } catch (MessagingException | java.io.IOException e) {
            // a notice we cannot read: shown without its link
        }
        return java.util.Optional.empty();
    }

    private static void watch(GreenMail capture) {
        int seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            MimeMessage[] received = capture.getReceivedMessages();
            for (MimeMessage message : Arrays.copyOfRange(received, seen, received.length)) {
                try {
                    String trace = message.getHeader("X-Lekwacht", null);
                    String to = String.join(",", message.getHeader("To") == null ? new String[0] : message.getHeader("To"));
                    if (trace != null) {
                        System.out.printf("[capture] arrived: to=%s subject=\"%s\" X-Lekwacht: %s%n", to,
                                message.getSubject(), trace);
                    } else {
                        // one of Lekwacht's own notices: show the link the sender would follow
                        System.out.printf("[capture] notice to %s: \"%s\"%s%n", to, message.getSubject(),
                                link(message).map(l -> " link: " + l).orElse(""));
                    }
                } catch (MessagingException e) {
                    System.out.println("[capture] arrived: (unreadable headers)");
                }
            }
            seen = received.length;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
