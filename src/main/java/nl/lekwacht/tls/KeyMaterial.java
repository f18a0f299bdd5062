package nl.lekwacht.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A server's private key and its certificate chain, leaf first.
 *
 * @param sha256 hash of the files it was read from, to notice a change
 */
record KeyMaterial(PrivateKey key, List<X509Certificate> chain, String sha256) {

    KeyMaterial {
        chain = List.copyOf(chain);
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    /** Subject, serial and expiry of the leaf, for the log. */
    String describe() {
        X509Certificate leaf = leaf();
        return "'" + leaf.getSubjectX500Principal().getName() + "' (serial " + leaf.getSerialNumber().toString(16)
                + ", valid until " + leaf.getNotAfter().toInstant() + ")";
    }
}
