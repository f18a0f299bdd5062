package nl.lekwacht.smtp;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import nl.lekwacht.config.DownstreamConfig;
import nl.lekwacht.config.DownstreamConfig.TlsPolicy;
import org.eclipse.angus.mail.util.MailSSLSocketFactory;

/**
 * Opens connections to the next hop with the configured STARTTLS policy, timeouts and credentials,
 * and remembers what the next hop offered last time, so our EHLO only advertises what can be carried
 * through. Thread-safe.
 */
final class NextHop {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NextHop.class);

    private final DownstreamConfig config;
    private final SSLSocketFactory tlsSockets;
    private final RelayMetrics metrics;
    private final AtomicReference<Capabilities> lastSeen = new AtomicReference<>(Capabilities.UNKNOWN);
    /** The socket the session's factory made last on this thread; taken right after connecting. */
    private final ThreadLocal<Socket> lastSocket = new ThreadLocal<>();
    /**
     * One mail session for every connection: building a session scans the class path for mail
     * providers, which cost more CPU per message than anything else in this package.
     */
    private final Session session;

    /** Extensions of the next hop that matter for what we may advertise. */
    public record Capabilities(boolean eightBitMime, boolean smtpUtf8, boolean size) {
        static final Capabilities UNKNOWN = new Capabilities(true, false, true);
    }

    /**
     * @param tlsSockets socket factory for STARTTLS, from the configured truststore (or the JDK default)
     */
    public NextHop(DownstreamConfig config, SSLSocketFactory tlsSockets, RelayMetrics metrics) {
        this.config = config;
        this.tlsSockets = tlsSockets;
        this.metrics = metrics;
        this.session = Session.getInstance(properties(), authenticator());
    }

    /** @throws NextHopUnavailableException when the next hop cannot be reached or refuses us */
    public NextHopConnection connect() throws NextHopUnavailableException {
        NextHopConnection connection;
        try {
            connection = open();
        } catch (NextHopUnavailableException e) {
            // the client only hears 451; the reason (down, no STARTTLS, a certificate that does not
            // verify under downstream.tls: required) is for the admin
            log.warn("{}", e.getMessage());
            throw e;
        }
        metrics.nextHopConnectionOpened();
        return connection;
    }

    /** Opens a connection without counting it as one for mail (probes, readiness checks). */
    private NextHopConnection open() throws NextHopUnavailableException {
        StreamingTransport transport = new StreamingTransport(session);
        try {
            transport.connect(config.host(), config.port(),
                    config.auth().map(DownstreamConfig.Credentials::username).orElse(null),
                    config.auth().map(DownstreamConfig.Credentials::password).orElse(null));
        } catch (MessagingException | RuntimeException e) {
            lastSocket.remove();
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // already failed
            }
            metrics.nextHopConnectFailed();
            throw new NextHopUnavailableException("cannot connect to next hop " + config.host() + ":"
                    + config.port() + " (" + rootMessage(e) + ")", e);
        }
        lastSeen.set(new Capabilities(transport.supportsExtension("8BITMIME"),
                transport.supportsExtension("SMTPUTF8"), transport.supportsExtension("SIZE")));
        Socket socket = lastSocket.get();
        lastSocket.remove();
        return new NextHopConnection(transport, () -> socket, config.commandTimeout(), config.dataTimeout());
    }

    /** What the next hop offered on the last successful connection (optimistic before the first). */
    public Capabilities capabilities() {
        return lastSeen.get();
    }

    /** True when a connection can be opened and greeted; used by readiness checks. */
    public boolean isReachable() {
        try (NextHopConnection connection = open()) {
            connection.command("QUIT");
            return true;
        } catch (NextHopUnavailableException e) {
            return false;
        }
    }

    /** Connects, greets and quits: empty when that worked, else why not. */
    Optional<String> probe() {
        try (NextHopConnection connection = open()) {
            connection.command("QUIT");
            return Optional.empty();
        } catch (NextHopUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    public String describe() {
        return config.host() + ":" + config.port();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", config.host());
        p.setProperty("mail.smtp.port", Integer.toString(config.port()));
        p.setProperty("mail.smtp.localhost", config.heloName());
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(config.commandTimeout().toMillis()));
        p.setProperty("mail.mime.allowutf8", "true");
        p.put("mail.smtp.socketFactory", new RecordingSocketFactory(lastSocket));
        p.setProperty("mail.smtp.socketFactory.fallback", "false");
        p.setProperty("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        p.setProperty("mail.smtp.auth", Boolean.toString(config.auth().isPresent()));
        p.setProperty("mail.smtp.auth.mechanisms", "PLAIN LOGIN");
        if (config.tls() == TlsPolicy.REQUIRED) {
            // no STARTTLS, an untrusted chain or a certificate without config.host() fails the connect,
            // so the client gets 451 and keeps the message
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.socketFactory", tlsSockets);
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        } else if (config.tls() == TlsPolicy.OPPORTUNISTIC) {
            // Opportunistic TLS protects against passive listeners only; an unverifiable certificate
            // must not stop mail (RFC 7435), so any certificate is accepted for any name. (Angus Mail
            // checks the name by default, and a socket factory given here overrides ssl.trust.)
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.ssl.socketFactory", anyCertificate());
            p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        }
        return p;
    }

    private static SSLSocketFactory anyCertificate() {
        try {
            MailSSLSocketFactory any = new MailSSLSocketFactory();
            any.setTrustAllHosts(true);
            return any;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    private Authenticator authenticator() {
        return config.auth().map(c -> (Authenticator) new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(c.username(), c.password());
            }
        }).orElse(null);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * Hands out plain sockets and keeps the last one per thread (connecting happens on the caller's
     * thread), so the data timeout can be set on it. Nagle's algorithm is off: with it, the final dot,
     * a small write right after the message, waits for the next hop's delayed ACK of the message
     * (some 40 ms a message on Linux).
     */
    private static final class RecordingSocketFactory extends SocketFactory {
        private final ThreadLocal<Socket> socket;

        RecordingSocketFactory(ThreadLocal<Socket> socket) {
            this.socket = socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return record(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return record(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return record(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return record(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                throws IOException {
            return record(new Socket(address, port, local, localPort));
        }

        private Socket record(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            socket.set(s);
            return s;
        }
    }
}
