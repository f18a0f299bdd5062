package nl.lekwacht.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A next hop for tests that GreenMail cannot play: it keeps the exact bytes it received, and refuses
 * chosen recipients at RCPT or everything at DATA with the code a real MTA would give.
 */
public final class CapturingNextHop implements AutoCloseable {

    /** One accepted message: envelope and raw bytes. */
    public record Received(String sender, List<String> recipients, byte[] data) {

        /** The message's text parts decoded (notices are quoted-printable or base64), one after the other. */
        public String text() {
            try {
                jakarta.mail.internet.MimeMessage mime = new jakarta.mail.internet.MimeMessage(
                        jakarta.mail.Session.getInstance(new java.util.Properties()),
                        new java.io.ByteArrayInputStream(data));
                StringBuilder out = new StringBuilder();
                collect(mime, out);
                return out.toString();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        /** The decoded Subject:, empty when there is none. */
        public String subject() {
            try {
                String subject = new jakarta.mail.internet.MimeMessage(
                        jakarta.mail.Session.getInstance(new java.util.Properties()),
                        new java.io.ByteArrayInputStream(data)).getSubject();
                return subject == null ? "" : subject;
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }

        private static void collect(jakarta.mail.Part part, StringBuilder out) throws Exception {
            Object content = part.getContent();
            if (content instanceof String s) {
                out.append(s).append('\n');
            } else if (content instanceof jakarta.mail.Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    collect(mp.getBodyPart(i), out);
                }
            } else if (content instanceof java.io.InputStream in) {
                out.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
            }
        }
    }

    private SMTPServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Set<String> refusedRecipients = Set.of();
    private volatile boolean refuseData;

    /** When set, STARTTLS is offered with this context's certificate and mail is taken only inside TLS. */
    private final javax.net.ssl.SSLContext tls;

    public CapturingNextHop() throws IOException {
        this(null);
    }

    private CapturingNextHop(javax.net.ssl.SSLContext tls) {
        this.tls = tls;
        server = build(0);
        server.start();
    }

    /** A next hop that offers STARTTLS with {@code context}'s certificate and refuses MAIL outside TLS. */
    public static CapturingNextHop withStartTls(javax.net.ssl.SSLContext context) {
        return new CapturingNextHop(context);
    }

    private SMTPServer build(int port) {
        SMTPServer.Builder builder = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress())
                .hostName("nexthop.test").maxMessageSize(100 * 1024 * 1024).insertReceivedHeaders(false)
                .messageHandlerFactory(ctx -> new Handler());
        if (tls != null) {
            builder.enableTLS(true).requireTLS(true).startTlsSocketFactory(tls);
        }
        return builder.build();
    }

    /** Drops every open connection, as a next hop does to idle clients, and listens again on the same port. */
    public void dropConnections() {
        int port = port();
        server.stop();
        server = build(port);
        server.start();
    }

    public int port() {
        return server.getPortAllocated();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void refuseRecipients(Set<String> addresses) {
        refusedRecipients = Set.copyOf(addresses);
    }

    public void refuseData(boolean refuse) {
        refuseData = refuse;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Handler implements MessageHandler {
        private String sender;
        private final List<String> recipients = new CopyOnWriteArrayList<>();

        @Override
        public void from(String from) {
            sender = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (refusedRecipients.contains(recipient)) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            byte[] bytes = data.readAllBytes();
            if (refuseData) {
                throw new RejectException(554, "5.7.1 Message content rejected by next hop");
            }
            received.add(new Received(sender, List.copyOf(recipients), bytes));
            return "2.0.0 Ok: queued as NH123";
        }

        @Override
        public void done() {
        }
    }
}
