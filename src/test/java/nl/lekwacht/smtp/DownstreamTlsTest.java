package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import nl.lekwacht.support.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code downstream.tls: required}: mail leaves only over STARTTLS to a next hop whose certificate
 * names it and chains to a trusted CA; otherwise the client gets 451 and keeps the message.
 * {@code opportunistic} encrypts whatever certificate the next hop shows.
 */
class DownstreamTlsTest {

    @TempDir
    Path data;

    private TestPki pki;
    private CapturingNextHop nextHop;
    private Gateway gateway;

    @BeforeEach
    void makeCa() throws Exception {
        pki = TestPki.create("Next Hop Test CA");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (nextHop != null) {
            nextHop.close();
        }
    }

    @Test
    void requiredSendsWhenTheNextHopsCertificateVerifiesAgainstTheTruststore() throws Exception {
        nextHop = CapturingNextHop.withStartTls(pki.issue("127.0.0.1").serverContext());
        Path truststore = data.resolve("nexthop-ca.p12");
        pki.writeTruststore(truststore);
        start("required", "truststore: " + truststore + "\n  truststore-password: " + TestPki.PASSWORD);

        assertThat(send()).startsWith("250");
        assertThat(nextHop.received()).hasSize(1);
    }

    @Test
    void requiredTakesTheTruststoreAsPemToo() throws Exception {
        nextHop = CapturingNextHop.withStartTls(pki.issue("127.0.0.1").serverContext());
        Path truststore = data.resolve("nexthop-ca.pem");
        pki.writeCaPem(truststore);
        start("required", "truststore: " + truststore);

        assertThat(send()).startsWith("250");
        assertThat(nextHop.received()).hasSize(1);
    }

    @Test
    void requiredRefusesWith451WhenTheNextHopOffersNoStarttls() throws Exception {
        nextHop = new CapturingNextHop();
        start("required", "");

        try (LogCapture log = LogCapture.open()) {
            assertThat(mailReply()).startsWith("451 4.4.1");
            assertThat(log.text()).contains("cannot connect to next hop 127.0.0.1:" + nextHop.port())
                    .containsIgnoringCase("STARTTLS");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void requiredRefusesWith451WhenTheCertificateIsNotSignedByATrustedCa() throws Exception {
        nextHop = CapturingNextHop.withStartTls(TestPki.selfSigned("127.0.0.1").serverContext());
        Path truststore = data.resolve("nexthop-ca.pem");
        pki.writeCaPem(truststore);
        start("required", "truststore: " + truststore);

        try (LogCapture log = LogCapture.open()) {
            assertThat(mailReply()).startsWith("451 4.4.1");
            assertThat(log.text()).contains("cannot connect to next hop")
                    .contains("unable to find valid certification path");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void requiredRefusesAPrivateCaWithoutATruststoreBecauseTheSystemTrustDoesNotKnowIt() throws Exception {
        nextHop = CapturingNextHop.withStartTls(pki.issue("127.0.0.1").serverContext());
        start("required", "");

        assertThat(mailReply()).startsWith("451 4.4.1");
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void requiredRefusesWith451WhenTheCertificateNamesAnotherHost() throws Exception {
        nextHop = CapturingNextHop.withStartTls(pki.issue("mx.elders.example").serverContext());
        Path truststore = data.resolve("nexthop-ca.pem");
        pki.writeCaPem(truststore);
        start("required", "truststore: " + truststore);

        try (LogCapture log = LogCapture.open()) {
            assertThat(mailReply()).startsWith("451 4.4.1");
            assertThat(log.text()).contains("cannot connect to next hop")
                    .contains("No subject alternative names matching IP address 127.0.0.1");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void opportunisticEncryptsAlsoToAnUnverifiableCertificate() throws Exception {
        nextHop = CapturingNextHop.withStartTls(TestPki.selfSigned("nexthop.internal").serverContext());
        start("opportunistic", "");

        assertThat(send()).startsWith("250");
        assertThat(nextHop.received()).hasSize(1);
    }

    private void start(String tls, String extra) throws Exception {
        gateway = TestGateway.startGateway(data, nextHop.port(), """
                downstream:
                  host: 127.0.0.1
                  port: %d
                  connect-timeout: 5s
                  command-timeout: 10s
                  tls: %s
                  %s
                """.formatted(nextHop.port(), tls, extra));
    }

    private String mailReply() throws Exception {
        try (SmtpTestClient client = connect()) {
            return client.command("MAIL FROM:<alice@gemeente.example>");
        }
    }

    private String send() throws Exception {
        try (SmtpTestClient client = connect()) {
            assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
            assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            client.send("Subject: via tls\r\n\r\nTot dinsdag.\r\n.\r\n");
            return client.reply();
        }
    }

    private SmtpTestClient connect() throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort());
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }
}
