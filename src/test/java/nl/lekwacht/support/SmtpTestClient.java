package nl.lekwacht.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A deliberately dumb SMTP client for tests: sends exactly the bytes it is given (bare LFs included)
 * and reads replies, so tests can say precisely what a misbehaving client does.
 */
public final class SmtpTestClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public SmtpTestClient(String host, int port) throws IOException {
        this(new Socket(host, port));
    }

    /** Connects from {@code local} (any 127.x.y.z address on loopback), to play another client address. */
    public SmtpTestClient(String host, int port, java.net.InetAddress local) throws IOException {
        this(new Socket(host, port, local, 0));
    }

    private SmtpTestClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** How long to wait for the server, e.g. for the reply after a very large message. */
    public void readTimeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Reads one (possibly multi-line) reply and returns it with lines joined by "\n". */
    public String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line == null) {
                return all.length() == 0 ? "<closed>" : all.toString();
            }
            if (all.length() > 0) {
                all.append('\n');
            }
            all.append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    public String command(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    public void send(String raw) throws IOException {
        sendBytes(raw.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Replaces the connection with a TLS one after a 220 reply to STARTTLS. */
    public void upgrade(javax.net.ssl.SSLSocketFactory factory, String host) throws IOException {
        javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) factory.createSocket(socket, host, socket.getPort(), true);
        tls.startHandshake();
        socket = tls;
        in = new BufferedInputStream(tls.getInputStream());
        out = tls.getOutputStream();
    }

    /** The certificate the server showed in the TLS handshake of {@link #upgrade}. */
    public java.security.cert.X509Certificate peerCertificate() throws IOException {
        return (java.security.cert.X509Certificate) ((javax.net.ssl.SSLSocket) socket).getSession()
                .getPeerCertificates()[0];
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** Closes our sending side only, as a client that goes away mid-command does; replies can still be read. */
    public void halfClose() throws IOException {
        socket.shutdownOutput();
    }

    /** True when the server has closed the connection. */
    public boolean isClosedByServer() throws IOException {
        return in.read() == -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
