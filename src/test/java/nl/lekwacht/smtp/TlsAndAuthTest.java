package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestCertificates;
import nl.lekwacht.support.TestGateway;
import nl.lekwacht.support.TlsProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS with TLS 1.2/1.3 only, and AUTH that is required, and offered only inside TLS. */
class TlsAndAuthTest {

    @TempDir
    Path data;

    private Path keystore;
    private CapturingNextHop nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        keystore = TestCertificates.keystore(data);
        String hash = BCrypt.withDefaults().hashToString(4, "geheim-wachtwoord".toCharArray());
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), """
                smtp:
                  listen: 127.0.0.1:0
                  spool-directory: %s
                  tls:
                    mode: optional
                    keystore: %s
                    keystore-password: %s
                  auth:
                    required: true
                    users:
                      - {name: exchange, password-hash: "%s"}
                """.formatted(data.resolve("spool"), keystore, TestCertificates.PASSWORD, hash));
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void refusesMailFromAnUnauthenticatedClientWhenAuthIsRequired() throws Exception {
        try (SmtpTestClient client = connect()) {
            String ehlo = client.command("EHLO client.test");
            assertThat(ehlo).contains("STARTTLS").doesNotContain("AUTH");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("530");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void refusesAuthBeforeStarttls() throws Exception {
        try (SmtpTestClient client = connect()) {
            client.command("EHLO client.test");
            assertThat(client.command("AUTH PLAIN " + plain("exchange", "geheim-wachtwoord"))).startsWith("538");
        }
    }

    @Test
    void acceptsMailAfterStarttlsAndAuth() throws Exception {
        try (SmtpTestClient client = connect()) {
            client.command("EHLO client.test");
            assertThat(client.command("STARTTLS")).startsWith("220");
            client.upgrade(TestCertificates.trusting(keystore), "127.0.0.1");
            assertThat(client.command("EHLO client.test")).contains("AUTH PLAIN LOGIN").doesNotContain("STARTTLS");
            assertThat(client.command("AUTH PLAIN " + plain("exchange", "wrong"))).startsWith("535");
            assertThat(client.command("AUTH PLAIN " + plain("exchange", "geheim-wachtwoord"))).startsWith("235");
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
            client.command("DATA");
            client.send("Subject: tls\r\n\r\nx\r\n.\r\n");
            assertThat(client.reply()).startsWith("250");
        }
        String raw = new String(nextHop.received().get(0).data(), StandardCharsets.US_ASCII);
        assertThat(raw).contains("with ESMTPSA id ");
    }

    @Test
    void refusesAClientThatOffersOnlyTls11ButServesTls12() throws Exception {
        assertThat(probe("TLSv1.1")).startsWith("HANDSHAKE_FAILED");
        assertThat(probe("TLSv1")).startsWith("HANDSHAKE_FAILED");
        assertThat(probe("TLSv1.2")).isEqualTo("HANDSHAKE_OK TLSv1.2");
    }

    /** Runs the probe in a JVM where the JDK's own ban on TLS 1.0/1.1 is lifted, so only we refuse. */
    private String probe(String protocol) throws Exception {
        Path security = data.resolve("lifted.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=\n");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security, "-cp", System.getProperty("java.class.path"),
                TlsProbe.class.getName(), "127.0.0.1", Integer.toString(gateway.smtpPort()), protocol)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().filter(l -> l.startsWith("HANDSHAKE_") || l.startsWith("NO_")).findFirst().orElse(output);
    }

    private SmtpTestClient connect() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        return client;
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}
