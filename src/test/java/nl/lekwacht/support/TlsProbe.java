package nl.lekwacht.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Run in its own JVM by a test, with the JDK's protocol restrictions lifted, to play a client that
 * insists on an old TLS version: {@code TlsProbe host port protocol}. Prints HANDSHAKE_OK or
 * HANDSHAKE_FAILED.
 */
public final class TlsProbe {

    private TlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Socket plain = new Socket(args[0], Integer.parseInt(args[1]))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = plain.getOutputStream();
            readReply(in);
            out.write("EHLO probe.test\r\n".getBytes(StandardCharsets.US_ASCII));
            readReply(in);
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = readReply(in);
            if (!reply.startsWith("220")) {
                System.out.println("NO_STARTTLS " + reply);
                return;
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, args[0], plain.getPort(), true);
            tls.setEnabledProtocols(new String[] {args[2]});
            try {
                tls.startHandshake();
                System.out.println("HANDSHAKE_OK " + tls.getSession().getProtocol());
            } catch (Exception e) {
                System.out.println("HANDSHAKE_FAILED " + e);
            }
        }
    }

    private static String readReply(BufferedReader in) throws java.io.IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line == null ? "" : line;
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
