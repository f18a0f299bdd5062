package nl.lekwacht.smtp;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.subethamail.smtp.server.SSLSocketCreator;

/** STARTTLS on accepted sockets: only TLS 1.3 and 1.2, whatever the JVM would otherwise allow. */
final class TlsContexts {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /**
     * Wraps accepted sockets for STARTTLS with only modern protocols enabled. {@code context} is asked
     * at every handshake, so a certificate it takes later is served from then on.
     */
    static SSLSocketCreator startTls(SSLContext context) {
        return socket -> {
            SSLSocketFactory factory = context.getSocketFactory();
            SSLSocket tls = (SSLSocket) factory.createSocket(socket, socket.getInetAddress().getHostAddress(),
                    socket.getPort(), true);
            tls.setUseClientMode(false);
            tls.setEnabledProtocols(PROTOCOLS);
            return tls;
        };
    }
}
