package nl.lekwacht.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import nl.lekwacht.config.CertificateFiles;

/**
 * The tls package's entry: the server certificates of the SMTP side (STARTTLS) and of the web side
 * (HTTPS), each served from one {@link SSLContext} that takes a changed certificate without a restart,
 * and the trust of client connections (the next hop). Call order: {@link #open}, hand the contexts
 * out, {@link #watch}; {@link #close} stops the watching.
 */
public final class TlsSide implements AutoCloseable {

    /** How often the certificate files are read for a change (they are a few kilobytes). */
    public static final Duration RELOAD_INTERVAL = Duration.ofMinutes(1);

    private final Optional<ServerTls> smtp;
    private final Optional<ServerTls> web;
    private ScheduledExecutorService watcher;

    private TlsSide(Optional<ServerTls> smtp, Optional<ServerTls> web) {
        this.smtp = smtp;
        this.web = web;
    }

    /**
     * Reads each configured certificate.
     *
     * @throws IOException naming the section and file when a certificate cannot be used: the gateway does
     *                     not start with a broken certificate (only a later change is survived)
     */
    public static TlsSide open(CertificateFiles smtp, CertificateFiles web) throws IOException,
            GeneralSecurityException {
        return new TlsSide(smtp.configured() ? Optional.of(ServerTls.load(smtp)) : Optional.empty(),
                web.configured() ? Optional.of(ServerTls.load(web)) : Optional.empty());
    }

    /**
     * What keeps a configured certificate from being served, one line per section naming it and the
     * file (for {@code check-config}); empty when each is usable or not configured.
     */
    public static List<String> problems(CertificateFiles... all) {
        List<String> problems = new ArrayList<>();
        for (CertificateFiles files : all) {
            if (files.configured()) {
                try {
                    CertificateReader.read(files, CertificateReader.snapshot(files));
                } catch (IOException e) {
                    problems.add(files.section() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    /** A line for each usable certificate that expired, or expires within {@code soon} of {@code now}. */
    public static List<String> expiring(java.time.Instant now, Duration soon, CertificateFiles... all) {
        List<String> warnings = new ArrayList<>();
        for (CertificateFiles files : all) {
            if (files.configured()) {
                try {
                    KeyMaterial material = CertificateReader.read(files, CertificateReader.snapshot(files));
                    java.time.Instant until = material.leaf().getNotAfter().toInstant();
                    if (until.isBefore(now.plus(soon))) {
                        warnings.add(files.section() + ": the certificate " + material.describe()
                                + (until.isBefore(now) ? " has expired" : " expires soon"));
                    }
                } catch (IOException e) {
                    // reported by problems()
                }
            }
        }
        return warnings;
    }

    /** The STARTTLS context, when {@code smtp.tls} has a certificate. */
    public Optional<SSLContext> smtp() {
        return smtp.map(ServerTls::context);
    }

    /** The HTTPS context, when {@code web.tls} has a certificate. */
    public Optional<SSLContext> web() {
        return web.map(ServerTls::context);
    }

    /** Reads the certificate files every {@link #RELOAD_INTERVAL} on {@code executor}, which it then owns. */
    public void watch(ScheduledExecutorService executor) {
        if (smtp.isEmpty() && web.isEmpty()) {
            executor.shutdown();
            return;
        }
        this.watcher = executor;
        long every = RELOAD_INTERVAL.toMillis();
        executor.scheduleWithFixedDelay(this::reloadChanged, every, every, TimeUnit.MILLISECONDS);
    }

    /** One round of the watcher: each certificate whose files changed is read again. */
    void reloadChanged() {
        smtp.ifPresent(ServerTls::reloadIfChanged);
        web.ifPresent(ServerTls::reloadIfChanged);
    }

    /**
     * Client sockets that trust the JDK's trust store, or only the certificates in {@code truststore}
     * (PKCS#12, or PEM certificates) when one is given.
     */
    public static SSLSocketFactory clientSockets(Optional<Path> truststore, String password) throws IOException,
            GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(truststore.isEmpty() ? null : TrustStores.load(truststore.get(), password));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
