package nl.lekwacht.hold;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * "Send as Bcc": the one place where Lekwacht changes a message. External addresses leave the To and
 * Cc fields of the raw header section; nothing else changes: no Bcc field is added, the body bytes
 * and every other field stay as they were, and the envelope (who receives it) is not touched. A To
 * field left empty becomes {@code To: undisclosed-recipients:;}, an empty Cc field is dropped. A group
 * with an external member is dropped whole. A DKIM signature made before Lekwacht breaks, so DKIM
 * signing must happen after it.
 */
final class BccRewrite {

    private static final int MAX_HEADER = 4 * 1024 * 1024;

    private final Predicate<String> internal;

    BccRewrite(Predicate<String> internal) {
        this.internal = internal;
    }

    /** The message with its header section rewritten; the body is streamed through untouched. */
    InputStream rewrite(InputStream message) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = message.read();
            if (b < 0) {
                break;
            }
            header.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (header.size() > MAX_HEADER) {
                throw new IOException("header section too large to rewrite");
            }
        }
        byte[] rewritten = rewriteHeader(header.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(rewritten), message);
    }

    String rewriteHeader(String section) {
        List<String> fields = fields(section);
        StringBuilder out = new StringBuilder(section.length());
        for (String field : fields) {
            String name = nameOf(field);
            if (name.equals("to") || name.equals("cc")) {
                String kept = keptAddresses(field.substring(field.indexOf(':') + 1));
                String label = field.substring(0, field.indexOf(':'));
                if (!kept.isEmpty()) {
                    out.append(label).append(": ").append(kept).append("\r\n");
                } else if (name.equals("to")) {
                    out.append(label).append(": undisclosed-recipients:;\r\n");
                }
            } else {
                out.append(field);
            }
        }
        return out.toString();
    }

    /** Splits a header section into whole fields (continuation lines included, with their CRLFs). */
    private static List<String> fields(String section) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        while (start < section.length()) {
            int end = section.indexOf("\r\n", start);
            end = end < 0 ? section.length() : end + 2;
            String line = section.substring(start, end);
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!continuation && current.length() > 0) {
                fields.add(current.toString());
                current.setLength(0);
            }
            current.append(line);
            start = end;
        }
        if (current.length() > 0) {
            fields.add(current.toString());
        }
        return fields;
    }

    private static String nameOf(String field) {
        int colon = field.indexOf(':');
        if (colon <= 0 || field.startsWith("\r\n")) {
            return "";
        }
        return field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    }

    private String keptAddresses(String value) {
        String unfolded = value.replace("\r\n", "").trim();
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(unfolded, false);
        } catch (AddressException e) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (InternetAddress address : addresses) {
            if (keep(address)) {
                kept.add(address.toString());
            }
        }
        return String.join(",\r\n ", kept);
    }

    private boolean keep(InternetAddress address) {
        if (!address.isGroup()) {
            return address.getAddress() != null && internal.test(address.getAddress());
        }
        try {
            InternetAddress[] members = address.getGroup(false);
            return members == null || java.util.Arrays.stream(members).allMatch(m -> internal.test(m.getAddress()));
        } catch (AddressException e) {
            return false;
        }
    }
}
