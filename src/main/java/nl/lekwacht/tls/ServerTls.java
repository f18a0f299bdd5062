package nl.lekwacht.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSessionContext;
import nl.lekwacht.config.CertificateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server certificate in use (the SMTP side's or the web side's) and the one {@link SSLContext}
 * that serves it. {@link #reloadIfChanged} reads the files again when their content changed: a new
 * valid pair is used from the next handshake on, and a broken one (unreadable, key and certificate
 * apart, a half-copied file) keeps the old certificate and is logged as an ERROR once. Thread-safe.
 */
final class ServerTls {

    private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

    private final CertificateFiles files;
    private final ReloadingKeyManager keys;
    private final SSLContext context;
    private volatile KeyMaterial serving;
    /** The content last looked at, served or refused: a refused version is reported once. */
    private String lastSeen;

    private ServerTls(CertificateFiles files, KeyMaterial material) throws GeneralSecurityException {
        this.files = files;
        this.serving = material;
        this.lastSeen = material.sha256();
        this.keys = new ReloadingKeyManager(material);
        this.context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {keys}, null, null);
    }

    /** @throws IOException when the files cannot be read or do not make a certificate with its key */
    static ServerTls load(CertificateFiles files) throws IOException, GeneralSecurityException {
        Map<Path, byte[]> snapshot = CertificateReader.snapshot(files);
        KeyMaterial material;
        try {
            material = CertificateReader.read(files, snapshot);
        } catch (IOException e) {
            throw new IOException(files.section() + ": " + e.getMessage(), e);
        }
        log.info("{}: serving certificate {}", files.section(), material.describe());
        return new ServerTls(files, material);
    }

    SSLContext context() {
        return context;
    }

    X509Certificate certificate() {
        return serving.leaf();
    }

    /**
     * Reads the files and, when their content changed and makes a valid certificate with its key,
     * serves it from the next handshake on. Never throws: the old certificate stays on any problem.
     *
     * @return true when a new certificate is served
     */
    synchronized boolean reloadIfChanged() {
        Map<Path, byte[]> snapshot;
        try {
            snapshot = CertificateReader.snapshot(files);
        } catch (IOException e) {
            refuse("unreadable:" + e.getMessage(), "cannot read " + e.getMessage());
            return false;
        }
        String hash = CertificateReader.sha256(snapshot);
        if (hash.equals(lastSeen)) {
            return false;
        }
        try {
            KeyMaterial material = CertificateReader.read(files, snapshot);
            keys.replace(material);
            serving = material;
            lastSeen = hash;
            forgetSessions();
            log.info("{}: certificate files changed; now serving {}", files.section(), material.describe());
            return true;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            refuse(hash, e.getMessage());
            return false;
        }
    }

    private void refuse(String version, String why) {
        if (!version.equals(lastSeen)) {
            lastSeen = version;
            log.error("{}: the changed certificate files cannot be used, still serving {}: {}", files.section(),
                    serving.describe(), why);
        }
    }

    /** Sessions resumed later would skip the certificate; after a change every client sees the new one. */
    private void forgetSessions() {
        SSLSessionContext sessions = context.getServerSessionContext();
        for (byte[] id : Collections.list(sessions.getIds())) {
            var session = sessions.getSession(id);
            if (session != null) {
                session.invalidate();
            }
        }
    }
}
