package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.lekwacht.support.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-config} reads the configured certificates offline, as the start would: a certificate
 * that cannot be served is a problem naming its section and file, one about to expire a warning.
 */
class CheckConfigCertificateTest {

    @TempDir
    Path dir;

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
        TestPki pki = TestPki.create("CA");
        pki.issue("lekwacht.gemeente.example").writePem(dir.resolve("cert.pem"), dir.resolve("old.key"));
        pki.issue("lekwacht.gemeente.example").writePem(dir.resolve("unused.pem"), dir.resolve("key.pem"));

        CommandRun run = CommandRun.of("check-config", "--config", config("optional"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("smtp.tls: " + dir.resolve("cert.pem")
                + ": the private key does not belong to any certificate in the chain");
    }

    @Test
    void acceptsAGoodPairAndWarnsTwoWeeksBeforeItExpires() throws Exception {
        TestPki.create("CA").issue("lekwacht.gemeente.example").writePem(dir.resolve("cert.pem"),
                dir.resolve("key.pem"));

        CommandRun run = CommandRun.of("check-config", "--config", config("required"));
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("warning: smtp.tls: the certificate 'CN=lekwacht.gemeente.example'")
                .contains("expires soon").endsWith("ok\n");
    }

    @Test
    void readsNoCertificateWhileStarttlsIsOff() throws Exception {
        CommandRun run = CommandRun.of("check-config", "--config", config("none"));
        assertThat(run.exit()).as(run.out()).isZero();
    }

    private String config(String mode) throws Exception {
        Path file = dir.resolve("lekwacht.yml");
        Files.writeString(file, "smtp:\n  spool-directory: " + dir.resolve("spool") + "\n  tls:\n    mode: " + mode
                + "\n    certificate: " + dir.resolve("cert.pem") + "\n    private-key: " + dir.resolve("key.pem")
                + "\norganisation:\n  internal-domains: [gemeente.example]\nstore:\n  url: jdbc:h2:file:"
                + dir.resolve("store").toAbsolutePath() + "\n" + CheckConfigConnectTest.SECRETS);
        return file.toString();
    }
}
