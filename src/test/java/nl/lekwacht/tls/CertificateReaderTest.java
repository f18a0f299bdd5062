package nl.lekwacht.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nl.lekwacht.config.CertificateFiles;
import nl.lekwacht.support.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forms an organisation's certificate arrives in: PEM as certbot and OpenSSL write it, and PKCS#12. */
class CertificateReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAPkcs8KeyAndAnOpenSslTraditionalRsaKey() throws Exception {
        TestPki pki = TestPki.create("CA");
        TestPki.Issued ec = pki.issue("mail.gemeente.example");
        TestPki.Issued rsa = pki.issueRsa("mail.gemeente.example");
        ec.writePem(dir.resolve("a.pem"), dir.resolve("a.key"));
        rsa.writePemTraditional(dir.resolve("b.pem"), dir.resolve("b.key"));
        assertThat(Files.readString(dir.resolve("a.key"))).contains("BEGIN PRIVATE KEY");
        assertThat(Files.readString(dir.resolve("b.key"))).contains("BEGIN RSA PRIVATE KEY");

        assertThat(read(pem("a.pem", "a.key")).leaf()).isEqualTo(ec.leaf());
        assertThat(read(pem("b.pem", "b.key")).leaf()).isEqualTo(rsa.leaf());
    }

    @Test
    void readsChainAndKeyFromOneFileAndPutsTheKeysCertificateFirst() throws Exception {
        TestPki.Issued issued = TestPki.create("CA").issue("mail.gemeente.example");
        issued.writePem(dir.resolve("chain.pem"), dir.resolve("key.pem"));
        String chain = Files.readString(dir.resolve("chain.pem"));
        int second = chain.indexOf("-----BEGIN CERTIFICATE-----", 1);
        // CA first, then the key, then the leaf: one file in the wrong order
        Files.writeString(dir.resolve("all.pem"), chain.substring(second) + Files.readString(dir.resolve("key.pem"))
                + chain.substring(0, second));

        KeyMaterial material = read(pem("all.pem", "all.pem"));
        assertThat(material.chain()).containsExactly(issued.leaf(), issued.chain().get(1));
    }

    @Test
    void readsAPkcs12KeystoreAndTakesItsReplacement() throws Exception {
        TestPki pki = TestPki.create("CA");
        TestPki.Issued first = pki.issue("mail.gemeente.example");
        Path keystore = dir.resolve("smtp.p12");
        first.writePkcs12(keystore);
        CertificateFiles files = new CertificateFiles("smtp.tls", Optional.empty(), Optional.empty(),
                Optional.of(keystore), TestPki.PASSWORD);
        ServerTls tls = ServerTls.load(files);
        assertThat(tls.certificate()).isEqualTo(first.leaf());
        assertThat(tls.reloadIfChanged()).as("unchanged file").isFalse();

        TestPki.Issued second = pki.issue("mail.gemeente.example");
        second.writePkcs12(keystore);
        assertThat(tls.reloadIfChanged()).isTrue();
        assertThat(tls.certificate()).isEqualTo(second.leaf());
    }

    @Test
    void refusesAKeyOfAnotherCertificateAtStartWithTheSectionAndFile() throws Exception {
        TestPki pki = TestPki.create("CA");
        pki.issue("a.example").writePem(dir.resolve("a.pem"), dir.resolve("a.key"));
        pki.issue("b.example").writePem(dir.resolve("b.pem"), dir.resolve("b.key"));
        assertThatThrownBy(() -> ServerTls.load(pem("a.pem", "b.key"))).isInstanceOf(IOException.class)
                .hasMessageContaining("web.tls: ").hasMessageContaining("a.pem")
                .hasMessageContaining("does not belong to any certificate");
    }

    private CertificateFiles pem(String certificate, String key) {
        return new CertificateFiles("web.tls", Optional.of(dir.resolve(certificate)), Optional.of(dir.resolve(key)),
                Optional.empty(), "");
    }

    private static KeyMaterial read(CertificateFiles files) throws IOException {
        return CertificateReader.read(files, CertificateReader.snapshot(files));
    }
}
