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
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.privacy.BsnMasking;

/**
 * Parses a spooled message with Jakarta Mail into an {@link OutboundMessage}: headers, visible
 * recipients, decoded body texts and the list of attachments. Attachment content is not read here;
 * it stays in the spool until extraction streams it.
 *
 * <p>Lenient on purpose: real mail is often slightly broken, and a parse problem must become a finding
 * or a log line, never a lost message. Thread-safe.
 */
public final class MessageParser {

    /** Multiparts nested deeper than this are not opened (real mail nests a handful of levels). */
    static final int MAX_NESTING = 50;

    /** Transfer encodings the MIME library decodes (RFC 2045 and the uuencode variants). */
    private static final Set<String> KNOWN_ENCODINGS = Set.of("7bit", "8bit", "binary", "base64",
            "quoted-printable", "uuencode", "x-uuencode", "x-uue");

    private final Session session;
    private final int maxBodyChars;
    private final int maxParts;

    /**
     * @param maxBodyChars body text beyond this many characters is not inspected (counted as a problem)
     * @param maxParts     MIME parts beyond this many are not listed (a message with thousands of parts
     *                     is itself suspicious)
     */
    public MessageParser(int maxBodyChars, int maxParts) {
        MailStreams.nameProvider();
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        properties.setProperty("mail.mime.allowutf8", "true");
        // RFC 2231 parameters (filename*=UTF-8''...) and RFC 2047 file names, decoded before inspection
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.decodefilename", "true");
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
            if (!headers.subject().isBlank()) {
                texts.add(new TextPart(TextPart.HEADER, "header:Subject", headers.subject(), false));
            }
            walk(mime, texts, attachments, problems);
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

    /** A part still to be looked at, with its IMAP section number and how deep it is nested. */
    private record Pending(Part part, String section, int depth) {
    }

    /**
     * Walks the MIME tree without recursion, so that no nesting depth can exhaust a thread's stack.
     * Each part is read on its own: one that cannot be decoded (an unknown transfer encoding, a broken
     * multipart) is a problem of that part only, and every other part is still inspected. Below
     * {@link #MAX_NESTING} multiparts the rest of a branch is one problem ({@code TOO_DEEP}): parsing
     * a level re-reads the bytes of all levels inside it, so unlimited depth would cost quadratic time.
     */
    private void walk(MimeMessage mime, List<TextPart> texts, List<Attachment> attachments,
                      List<ExtractionProblem> problems) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(mime, "", 0));
        int partCount = 0;
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            if (++partCount > maxParts) {
                problems.add(ExtractionProblem.ofMessage(ExtractionProblem.Reason.TOO_LARGE,
                        "more than " + maxParts + " MIME parts"));
                return;
            }
            String id = next.section().isEmpty() ? "1" : next.section();
            try {
                List<Part> children = children(next.part());
                if (children == null) {
                    leaf(next.part(), id, partCount, texts, attachments, problems);
                } else if (next.depth() >= MAX_NESTING) {
                    problems.add(new ExtractionProblem(id, TextPart.BODY, ExtractionProblem.Reason.TOO_DEEP,
                            "multipart nested more than " + MAX_NESTING + " levels deep"));
                } else {
                    for (int i = children.size() - 1; i >= 0; i--) {
                        String section = next.section().isEmpty() ? Integer.toString(i + 1)
                                : next.section() + "." + (i + 1);
                        pending.push(new Pending(children.get(i), section, next.depth() + 1));
                    }
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add(new ExtractionProblem(id, where(next.part()), ExtractionProblem.Reason.CORRUPT,
                        "part cannot be decoded: " + e.getClass().getSimpleName()));
            }
        }
    }

    /** The parts of a multipart, or null when {@code part} is not one (or is one without a boundary). */
    private static List<Part> children(Part part) throws MessagingException, IOException {
        if (!baseType(part).startsWith("multipart/")) {
            return null;
        }
        // the spool's own multipart: Jakarta Mail's boundary search costs more than all the rest of a
        // large attachment (see SpooledMultipart); getContent() would make that one
        Object content = part instanceof MimePart mime ? new SpooledMultipart(new MimePartDataSource(mime))
                : part.getContent();
        if (!(content instanceof Multipart multipart)) {
            return null;
        }
        List<Part> children = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            children.add(multipart.getBodyPart(i));
        }
        return children;
    }

    private void leaf(Part part, String id, int partCount, List<TextPart> texts, List<Attachment> attachments,
                      List<ExtractionProblem> problems) throws MessagingException, IOException {
        String type = baseType(part);
        String name = fileName(part);
        String encoding = transferEncoding(part);
        if (!KNOWN_ENCODINGS.contains(encoding)) {
            problems.add(new ExtractionProblem(id, where(part), ExtractionProblem.Reason.UNSUPPORTED,
                    "unknown Content-Transfer-Encoding"));
            return;
        }
        boolean inlineText = (type.equals("text/plain") || type.equals("text/html"))
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && name == null;
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
        if (name == null) {
            name = "part-" + partCount + extensionFor(type);
        } else {
            // the location names the file, masked: a finding must not repeat the number it found
            texts.add(new TextPart(id, "attachment:" + BsnMasking.mask(name), FileNames.asText(name), false));
        }
        final Part source = part;
        // Jakarta Mail hands out a message/rfc822 part undecoded whatever its transfer encoding (RFC 2046
        // allows none); mail clients decode it all the same and show the message, so it is decoded here
        final boolean encodedMessage = type.startsWith("message/")
                && (encoding.equals("base64") || encoding.equals("quoted-printable"));
        attachments.add(new Attachment(id, name, type, Math.max(0, part.getSize()), () -> {
            try {
                if (encodedMessage && source instanceof MimeBodyPart mime) {
                    return MimeUtility.decode(mime.getRawInputStream(), encoding);
                }
                return source.getInputStream();
            } catch (MessagingException e) {
                throw new IOException("cannot decode part: " + e.getMessage(), e);
            }
        }));
    }

    /** The declared transfer encoding in lower case; none declared is 7bit. */
    private static String transferEncoding(Part part) throws MessagingException {
        String[] values = part.getHeader("Content-Transfer-Encoding");
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return "7bit";
        }
        return values[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Where a reader finds the part: its file name when it has one, else the body. */
    private static String where(Part part) {
        String name = fileName(part);
        return name == null ? TextPart.BODY : "attachment:" + name;
    }

    private String readText(Part part) throws MessagingException, IOException {
        String declared = declaredCharset(part);
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(maxBodyChars * 4 + 4);
            if (declared != null && Utf7.isUtf7(declared)) {
                return Utf7.decode(bytes);
            }
            return new String(bytes, charsetOf(declared));
        }
    }

    private static String declaredCharset(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Charset charsetOf(String charset) {
        try {
            if (charset != null) {
                return Charset.forName(MimeUtility.javaCharset(charset.trim()));
            }
        } catch (IllegalArgumentException e) {
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

    /** Decodes RFC 2047 encoded words, also those in a charset the JDK lacks (UTF-7). */
    static String decode(String value) {
        if (value == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(value);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return EncodedWords.decode(unfolded);
        }
    }
}
