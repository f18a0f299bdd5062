package nl.lekwacht.cli;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The demo's next hop: takes every message (the null sender {@code <>} of notices included) and prints
 * one line for it the moment it arrives: a relayed message with its {@code X-Lekwacht} verdict, or one of
 * Lekwacht's own notices with the link its reader would follow. Nothing is kept.
 */
final class DemoCapture implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/(?:h|r)/[A-Za-z0-9_-]+");

    private final SMTPServer server;
    private final PrintStream out;

    /** @param port 0 for any free port */
    DemoCapture(int port, PrintStream out) {
        this.out = out;
        this.server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress()).hostName("capture.demo")
                .maxMessageSize(200 * 1024 * 1024).insertReceivedHeaders(false)
                .messageHandlerFactory(context -> new Capture()).build();
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** What the capture line says about one message. */
    static String describe(List<String> recipients, byte[] data) {
        String to = String.join(",", recipients);
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
            String trace = message.getHeader("X-Lekwacht", null);
            if (trace != null) {
                return "[capture] arrived: to=%s subject=\"%s\" X-Lekwacht: %s".formatted(to, message.getSubject(), trace);
            }
            // one of Lekwacht's own notices: show the link its reader would follow
            return "[capture] notice to %s: \"%s\"%s".formatted(to, message.getSubject(),
                    link(message).map(l -> " link: " + l).orElse(""));
        } catch (MessagingException | RuntimeException e) {
            return "[capture] arrived: to=" + to + " (unreadable: " + e.getMessage() + ")";
        }
    }

    /** The confirmation or report link in a notice's text, if it has one. */
    private static Optional<String> link(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> found = link(multipart.getBodyPart(i));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } else if (content instanceof String text) {
                Matcher m = LINK.matcher(text);
                if (m.find()) {
                    return Optional.of(m.group());
                }
            }
        } catch (MessagingException | IOException e) {
            // a part we cannot read: the notice is shown without its link
        }
        return Optional.empty();
    }

    private final class Capture implements MessageHandler {
        private final List<String> recipients = new ArrayList<>();

        @Override
        public void from(String from) {
            // any sender, the null sender <> of notices and reports included
        }

        @Override
        public void recipient(String recipient) {
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            String line = describe(recipients, data.readAllBytes());
            synchronized (out) {
                out.println(line);
                out.flush();
            }
            return null;
        }

        @Override
        public void done() {
        }
    }
}
