package nl.lekwacht.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Where a server certificate and its private key are: PEM files ({@code certificate} with the chain,
 * leaf first, and {@code private-key}, unencrypted; both may be one file) or a PKCS#12 keystore with
 * {@code keystore-password}. Nothing configured means no TLS.
 *
 * @param section the configuration section, for messages (e.g. {@code smtp.tls})
 */
public record CertificateFiles(String section, Optional<Path> certificate, Optional<Path> privateKey,
                               Optional<Path> keystore, String keystorePassword) {

    /** The keys a section with a certificate accepts, besides its own. */
    static final Set<String> KEYS = Set.of("certificate", "private-key", "keystore", "keystore-password");

    public static CertificateFiles none(String section) {
        return new CertificateFiles(section, Optional.empty(), Optional.empty(), Optional.empty(), "");
    }

    public boolean configured() {
        return certificate.isPresent() || keystore.isPresent();
    }

    /** Every file the certificate is read from, so a change to any of them is noticed. */
    public List<Path> files() {
        return Stream.of(certificate, privateKey, keystore).flatMap(Optional::stream).distinct().toList();
    }

    /** Reads the keys of {@link #KEYS} from {@code node}; the caller rejects unknown keys. */
    static CertificateFiles read(ConfigNode node, String section) {
        CertificateFiles files = new CertificateFiles(section,
                node.optionalString("certificate").map(Path::of),
                node.optionalString("private-key").map(Path::of),
                node.optionalString("keystore").map(Path::of),
                node.string("keystore-password", ""));
        if (files.keystore().isPresent() && (files.certificate().isPresent() || files.privateKey().isPresent())) {
            node.problem("keystore", "give either keystore (PKCS#12) or certificate and private-key (PEM), not both");
        } else if (files.certificate().isPresent() != files.privateKey().isPresent()) {
            node.problem(files.certificate().isPresent() ? "private-key" : "certificate",
                    "a PEM certificate needs both certificate (the chain) and private-key");
        }
        return files;
    }
}
