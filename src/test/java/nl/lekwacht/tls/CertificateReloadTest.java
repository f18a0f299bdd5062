package nl.lekwacht.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import nl.lekwacht.support.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's certificate in PEM files, for STARTTLS and for HTTPS on the web port, replaced
 * while the gateway runs: the watcher's round (run here by hand) makes new connections see the new
 * certificate, and a broken replacement keeps the old one and says so in the log.
 */
class CertificateReloadTest {

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();
    private TestPki pki;
    private Path certificate;
    private Path key;
    private TestPki.Issued first;
    private CapturingNextHop nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        pki = TestPki.create("Gemeente Test CA");
        certificate = data.resolve("fullchain.pem");
        key = data.resolve("privkey.pem");
        first = pki.issue("127.0.0.1", "lekwacht.gemeente.example");
        first.writePem(certificate, key);
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), """
                smtp:
                  listen: 127.0.0.1:0
                  spool-directory: %1$s
                  tls:
                    mode: optional
                    certificate: %2$s
                    private-key: %3$s
                web:
                  listen: 127.0.0.1:0
                  tls:
                    certificate: %2$s
                    private-key: %3$s
                """.formatted(data.resolve("spool"), certificate, key), background);
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void servesThePemCertificateOverStarttlsAndRelaysInsideTls() throws Exception {
        try (SmtpTestClient client = starttls()) {
            assertThat(client.peerCertificate().getSerialNumber()).isEqualTo(first.serial());
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
            client.command("DATA");
            client.send("Subject: tls\r\n\r\nx\r\n.\r\n");
            assertThat(client.reply()).startsWith("250");
        }
        assertThat(nextHop.received()).hasSize(1);
    }

    @Test
    void servesThePemCertificateOnTheWebPort() throws Exception {
        HttpResponse<String> health = get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(serial(health)).isEqualTo(first.serial());
    }

    @Test
    void newConnectionsSeeAReplacedCertificateAfterTheWatchersRound() throws Exception {
        TestPki.Issued second = pki.issue("127.0.0.1", "lekwacht.gemeente.example");
        second.writePem(certificate, key);
        assertThat(smtpSerial()).as("nothing changes before the round").isEqualTo(first.serial());

        background.runRound(Gateway.TLS_RELOAD);

        assertThat(smtpSerial()).isEqualTo(second.serial());
        assertThat(serial(get("/healthz"))).isEqualTo(second.serial());
    }

    @Test
    void keepsTheOldCertificateWhenTheNewFileIsBrokenAndLogsAnError() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
            background.runRound(Gateway.TLS_RELOAD);

            assertThat(smtpSerial()).isEqualTo(first.serial());
            assertThat(serial(get("/healthz"))).isEqualTo(first.serial());
            assertThat(log.text()).contains("ERROR").contains("smtp.tls: the changed certificate files cannot be used")
                    .contains("web.tls: the changed certificate files cannot be used");
        }
    }

    @Test
    void keepsTheOldCertificateWhileOnlyTheCertificateOfANewPairWasCopied() throws Exception {
        TestPki.Issued second = pki.issue("127.0.0.1");
        second.writePem(certificate, data.resolve("not-yet-copied.pem")); // the key file still holds the old key
        background.runRound(Gateway.TLS_RELOAD);
        assertThat(smtpSerial()).isEqualTo(first.serial());

        second.writePem(certificate, key); // now the key arrives too
        background.runRound(Gateway.TLS_RELOAD);
        assertThat(smtpSerial()).isEqualTo(second.serial());
    }

    private SmtpTestClient starttls() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).contains("STARTTLS");
        assertThat(client.command("STARTTLS")).startsWith("220");
        client.upgrade(pki.trustingContext().getSocketFactory(), "127.0.0.1");
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }

    private BigInteger smtpSerial() throws Exception {
        try (SmtpTestClient client = starttls()) {
            return client.peerCertificate().getSerialNumber();
        }
    }

    /** A new client each time, so every request is a new connection with a full handshake. */
    private HttpResponse<String> get(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(pki.trustingContext()).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.webPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static BigInteger serial(HttpResponse<?> response) throws Exception {
        return ((X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0]).getSerialNumber();
    }
}
