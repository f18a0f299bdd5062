package nl.lekwacht.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.subethamail.smtp.server.SSLSocketCreator;

/** TLS set-up for both sides: only TLS 1.3 and 1.2, whatever the JVM would otherwise allow. */
final class TlsContexts {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /** The server context for STARTTLS, from a PKCS#12 keystore. */
    public static SSLContext server(Path keystore, String password) throws IOException, GeneralSecurityException {
        KeyStore store = load(keystore, password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Wraps accepted sockets for STARTTLS with only modern protocols enabled. */
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

    /** Client sockets for the next hop: the JDK's trust store, or the configured one. */
    public static SSLSocketFactory client(Path truststore, String password) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(truststore == null ? null : load(truststore, password));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
