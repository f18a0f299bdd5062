package nl.lekwacht.message;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import nl.lekwacht.message.spool.Spool;

/**
 * Parses a spooled message with Jakarta Mail into an {@link OutboundMessage}: headers, visible
 * recipients, decoded body texts and the list of attachments. Attachment content is not read here;
 * it stays in the spool until extraction streams it.
 *
 * <p>Lenient on purpose: real mail is often slightly broken, and a parse problem must become a finding
 * or a log line, never a lost message. Thread-safe.
 */
public final class MessageParser {

    private final Session session;
    private final int maxBodyChars;
    private final int maxParts;

    /**
     * @param maxBodyChars body text beyond this many characters is not inspected (counted as a problem)
     * @param maxParts     MIME parts beyond this many are not listed (a message with thousands of parts
     *                     is itself suspicious)
     */
    public MessageParser(int maxBodyChars, int maxParts) {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        properties.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(properties);
        this.maxBodyChars = maxBodyChars;
        this.maxParts = maxParts;
    }

    public OutboundMessage parse(Spool spool, Envelope envelope) {
        try (InputStream in = spool.open()) {
            MimeMessage mime = new MimeMessage(session, in);
            List<String> malformed = new ArrayList<>();
            MessageHeaders headers = headers(mime, malformed);
            List<TextPart> texts = new ArrayList<>();
            List<Attachment> attachments = new ArrayList<>();
            List<ExtractionProblem> problems = new ArrayList<>();
            walk(mime, "", texts, attachments, problems, new int[] {0});
            return new OutboundMessage(envelope, withMalformed(headers, malformed), spool.size(), texts,
                    attachments, problems);
        } catch (MessagingException | IOException | RuntimeException e) {
            // The MIME structure itself is unreadable: nothing can be inspected, and that is a finding.
            return new OutboundMessage(envelope, MessageHeaders.empty(), spool.size(), List.of(), List.of(),
                    List.of(ExtractionProblem.ofMessage(ExtractionProblem.Reason.CORRUPT,
                            "MIME structure unreadable: " + e.getClass().getSimpleName())));
        }
    }

    private MessageHeaders headers(MimeMessage mime, List<String> malformed) throws MessagingException {
        String subject = decode(mime.getHeader("Subject", null));
        List<MailAddress> from = addresses(mime, "From", malformed);
        List<MailAddress> senderList = addresses(mime, "Sender", malformed);
        String[] received = mime.getHeader("Received");
        String messageId = mime.getHeader("Message-ID", null);
        return new MessageHeaders(subject, from,
                senderList.isEmpty() ? Optional.empty() : Optional.of(senderList.get(0)),
                addresses(mime, "To", malformed), addresses(mime, "Cc", malformed),
                messageId, received == null ? 0 : received.length, List.of(),
                MessageHeaders.references(mime.getHeader("In-Reply-To", " "), mime.getHeader("References", " ")));
    }

    private static MessageHeaders withMalformed(MessageHeaders h, List<String> malformed) {
        return new MessageHeaders(h.subject(), h.from(), h.sender(), h.to(), h.cc(), h.messageId(),
                h.receivedCount(), malformed, h.references());
    }

    private static List<MailAddress> addresses(MimeMessage mime, String field, List<String> malformed)
            throws MessagingException {
        String[] values = mime.getHeader(field);
        if (values == null) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        for (String value : values) {
            try {
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    if (address.isGroup()) {
                        InternetAddress[] members = address.getGroup(false);
                        if (members != null) {
                            for (InternetAddress member : members) {
                                add(result, member);
                            }
                        }
                    } else {
                        add(result, address);
                    }
                }
            } catch (AddressException e) {
                malformed.add(field + ": unreadable address list");
            }
        }
        return result;
    }

    private static void add(List<MailAddress> result, InternetAddress address) {
        String addr = address.getAddress();
        if (addr != null && !addr.isBlank()) {
            result.add(new MailAddress(addr.trim(), address.getPersonal()));
        }
    }

    /**
     * @param section the part's IMAP section number; empty for the message itself, whose body is part
     *                {@code 1} when it is not a multipart
     */
    private void walk(Part part, String section, List<TextPart> texts, List<Attachment> attachments,
                      List<ExtractionProblem> problems, int[] partCount) throws MessagingException, IOException {
        if (++partCount[0] > maxParts) {
            if (partCount[0] == maxParts + 1) {
                problems.add(ExtractionProblem.ofMessage(ExtractionProblem.Reason.TOO_LARGE,
                        "more than " + maxParts + " MIME parts"));
            }
            return;
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, section.isEmpty() ? Integer.toString(i + 1) : section + "." + (i + 1), texts,
                            attachments, problems, partCount);
                }
                return;
            }
        }
        String id = section.isEmpty() ? "1" : section;
        boolean inlineText = (type.equals("text/plain") || type.equals("text/html"))
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && fileName(part) == null;
        if (inlineText) {
            String text = readText(part);
            if (text.length() > maxBodyChars) {
                problems.add(new ExtractionProblem(id, TextPart.BODY, ExtractionProblem.Reason.TOO_LARGE,
                        "body text over " + maxBodyChars + " characters; inspected the first part only"));
                text = text.substring(0, maxBodyChars);
            }
            texts.add(TextPart.body(id, type.equals("text/html") ? HtmlText.toText(text) : text));
            return;
        }
        String name = fileName(part);
        if (name == null) {
            name = "part-" + partCount[0] + extensionFor(type);
        }
        final Part source = part;
        attachments.add(new Attachment(id, name, type, Math.max(0, part.getSize()), () -> {
            try {
                return source.getInputStream();
            } catch (MessagingException e) {
                throw new IOException("cannot decode part: " + e.getMessage(), e);
            }
        }));
    }

    private String readText(Part part) throws MessagingException, IOException {
        Charset charset = charsetOf(part);
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBodyChars * 4 + 4);
            return new String(bytes, charset);
        }
    }

    private static Charset charsetOf(Part part) {
        try {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            if (charset != null) {
                return Charset.forName(MimeUtility.javaCharset(charset.trim()));
            }
        } catch (MessagingException | IllegalArgumentException e) {
            // unknown or malformed charset: fall through to a lossless default
        }
        return StandardCharsets.UTF_8;
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            name = decode(name).replaceAll("[\\r\\n\\t]", " ").strip();
            return name.isEmpty() ? null : name;
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String declared = part.getContentType();
        if (declared == null) {
            return "text/plain";
        }
        try {
            return new ContentType(declared).getBaseType().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.internet.ParseException e) {
            return "application/octet-stream";
        }
    }

    private static String extensionFor(String type) {
        return switch (type) {
            case "message/rfc822" -> ".eml";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> "";
        };
    }

    private static String decode(String value) {
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }
}
