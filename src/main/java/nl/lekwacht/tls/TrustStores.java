package nl.lekwacht.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * The certificates a client trusts besides none of the JDK's: a PKCS#12 truststore, or PEM
 * certificates (a CA bundle) in one file. Stateless.
 */
final class TrustStores {

    private TrustStores() {
    }

    static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1)
                .contains("-----BEGIN CERTIFICATE-----")) {
            store.load(null, null);
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + (i++), certificate);
            }
            if (i == 0) {
                throw new IOException(file + ": no certificate in it");
            }
            return store;
        }
        store.load(new ByteArrayInputStream(bytes), password.toCharArray());
        return store;
    }
}
