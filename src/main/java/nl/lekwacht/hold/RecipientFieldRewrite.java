package nl.lekwacht.hold;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes removed recipients out of To and Cc and puts a replacement in place of a misdirected one, so
 * that a reply-all cannot reach an address the sender took away. Only the To and Cc fields change; the
 * other fields and the body bytes stay as they were. A replaced address keeps its display name (the
 * sender meant that person). A To field left empty becomes {@code To: undisclosed-recipients:;}, an
 * empty Cc field is dropped.
 */
final class RecipientFieldRewrite {

    /** Lower-case address to its replacement; an address mapped to the empty string is removed. */
    private final Map<String, String> changes;

    RecipientFieldRewrite(Map<String, String> changes) {
        this.changes = changes;
    }

    InputStream rewrite(InputStream message) throws IOException {
        byte[] rewritten = rewriteHeader(HeaderSection.read(message)).getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(rewritten), message);
    }

    String rewriteHeader(String section) {
        StringBuilder out = new StringBuilder(section.length());
        for (String field : HeaderSection.fields(section)) {
            String name = HeaderSection.nameOf(field);
            if (!(name.equals("to") || name.equals("cc")) || !mentionsChange(field)) {
                out.append(field);
                continue;
            }
            String label = field.substring(0, field.indexOf(':'));
            String kept = rewrittenAddresses(HeaderSection.valueOf(field));
            if (!kept.isEmpty()) {
                out.append(label).append(": ").append(kept).append("\r\n");
            } else if (name.equals("to")) {
                out.append(label).append(": undisclosed-recipients:;\r\n");
            }
        }
        return out.toString();
    }

    private boolean mentionsChange(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return changes.keySet().stream().anyMatch(lower::contains);
    }

    private String rewrittenAddresses(String value) {
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(value, false);
        } catch (AddressException e) {
            return value;
        }
        List<String> kept = new ArrayList<>();
        for (InternetAddress address : addresses) {
            if (address.isGroup()) {
                kept.add(group(address));
            } else {
                InternetAddress changed = changed(address);
                if (changed != null) {
                    kept.add(changed.toString());
                }
            }
        }
        return String.join(",\r\n ", kept);
    }

    private String group(InternetAddress group) {
        try {
            InternetAddress[] members = group.getGroup(false);
            String name = group.getAddress().substring(0, group.getAddress().indexOf(':'));
            List<String> kept = new ArrayList<>();
            for (InternetAddress m : members == null ? new InternetAddress[0] : members) {
                InternetAddress changed = changed(m);
                if (changed != null) {
                    kept.add(changed.toString());
                }
            }
            return name + ": " + String.join(", ", kept) + ";";
        } catch (AddressException e) {
            return group.toString();
        }
    }

    /** The address as it must stand, or null when it is removed. */
    private InternetAddress changed(InternetAddress address) {
        if (address.getAddress() == null) {
            return address;
        }
        String replacement = changes.get(address.getAddress().toLowerCase(Locale.ROOT));
        if (replacement == null) {
            return address;
        }
        if (replacement.isEmpty()) {
            return null;
        }
        try {
            return new InternetAddress(replacement, address.getPersonal(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
