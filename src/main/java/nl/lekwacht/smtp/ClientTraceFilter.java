package nl.lekwacht.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Drops the client's own {@code X-Lekwacht:} header fields (with their folded lines) from the header
 * section, so that the one a recipient sees is always ours; everything else, and the whole body,
 * passes byte for byte. This is the only change we make to what the client sent. Buffers one header
 * line at a time (the header section is bounded by {@code smtp.max-header-size}); not thread-safe.
 */
final class ClientTraceFilter extends OutputStream {

    private static final String OURS = "X-Lekwacht";

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean inHeaders = true;
    private boolean dropping;

    ClientTraceFilter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int from, int length) throws IOException {
        if (!inHeaders) {
            out.write(bytes, from, length);
            return;
        }
        int end = from + length;
        for (int i = from; i < end; i++) {
            line.write(bytes[i]);
            if (bytes[i] == '\n') {
                endOfLine();
                if (!inHeaders) {
                    out.write(bytes, i + 1, end - i - 1);
                    return;
                }
            }
        }
    }

    /** Passes on a last header line that had no line end (a message of headers only). */
    void finish() throws IOException {
        if (line.size() > 0) {
            endOfLine();
        }
    }

    private void endOfLine() throws IOException {
        byte[] l = line.toByteArray();
        line.reset();
        if (l.length == 0 || l[0] == '\n' || (l[0] == '\r' && (l.length == 1 || l[1] == '\n'))) {
            inHeaders = false; // the empty line before the body
            out.write(l);
            return;
        }
        if (l[0] != ' ' && l[0] != '\t') {
            dropping = isOurs(l);
        }
        if (!dropping) {
            out.write(l);
        }
    }

    /** A field named {@code X-Lekwacht}, in any case, with or without blanks before the colon. */
    private static boolean isOurs(byte[] l) {
        int colon = -1;
        for (int i = 0; i < l.length && colon < 0; i++) {
            if (l[i] == ':') {
                colon = i;
            }
        }
        int nameEnd = colon;
        while (nameEnd > 0 && (l[nameEnd - 1] == ' ' || l[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        if (nameEnd != OURS.length()) {
            return false;
        }
        for (int i = 0; i < nameEnd; i++) {
            if (Character.toLowerCase((char) l[i]) != Character.toLowerCase(OURS.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
