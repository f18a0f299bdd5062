package nl.lekwacht.hold;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The raw header section of a message (everything up to and including the empty line), read byte by
 * byte from a stream so that the body after it can be streamed on untouched, and split into whole
 * fields. Used by every rewrite that changes header fields.
 */
final class HeaderSection {

    private static final int MAX_HEADER = 4 * 1024 * 1024;

    private HeaderSection() {
    }

    /** Reads the header section, leaving {@code message} positioned at the first body byte. */
    static String read(InputStream message) throws IOException {
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
        return header.toString(StandardCharsets.UTF_8);
    }

    /** Splits a header section into whole fields (continuation lines included, with their CRLFs). */
    static List<String> fields(String section) {
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

    /** The field's name in lower case; empty for the empty line that ends the section. */
    static String nameOf(String field) {
        int colon = field.indexOf(':');
        if (colon <= 0 || field.startsWith("\r\n")) {
            return "";
        }
        return field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    }

    /** The field's value, unfolded and trimmed. */
    static String valueOf(String field) {
        int colon = field.indexOf(':');
        return colon < 0 ? "" : field.substring(colon + 1).replace("\r\n", "").trim();
    }

    /** The value of the first field called {@code name}, empty when there is none. */
    static String value(String section, String name) {
        for (String field : fields(section)) {
            if (nameOf(field).equals(name)) {
                return valueOf(field);
            }
        }
        return "";
    }
}
