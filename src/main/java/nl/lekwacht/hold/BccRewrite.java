package nl.lekwacht.hold;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    private final Predicate<String> internal;

    BccRewrite(Predicate<String> internal) {
        this.internal = internal;
    }

    /** The message with its header section rewritten; the body is streamed through untouched. */
    InputStream rewrite(InputStream message) throws IOException {
        byte[] rewritten = rewriteHeader(HeaderSection.read(message)).getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(rewritten), message);
    }

    String rewriteHeader(String section) {
        StringBuilder out = new StringBuilder(section.length());
        for (String field : HeaderSection.fields(section)) {
            String name = HeaderSection.nameOf(field);
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
