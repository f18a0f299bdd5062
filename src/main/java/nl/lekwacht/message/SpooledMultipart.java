package nl.lekwacht.message;

import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.util.LineInputStream;

/**
 * A multipart read from the spool that finds its boundaries with a forward scan over large blocks.
 * Jakarta Mail's own parse tests a window of the boundary's length at a time, with a mark, a read, a
 * reset and a skip per window: with a short boundary that is a few bytes a step, and for a 13 MB
 * base64 attachment the largest cost of screening it (issue 16's profile).
 *
 * <p>The parts are the ones Jakarta Mail finds (its rules, re-stated): a boundary is the delimiter at
 * the start of the content or after CR or LF, followed by {@code --} (the last one; what follows is
 * ignored) or by spaces and tabs up to CR, LF or CRLF; a part's content ends before the line break
 * in front of the delimiter; without a closing delimiter the last part runs to the end. Preamble and
 * part headers are read by Jakarta Mail's line reader as before. A stream that is not the spool's
 * (a multipart with a transfer encoding, which RFC 2046 forbids) is parsed by Jakarta Mail.
 */
final class SpooledMultipart extends MimeMultipart {

    SpooledMultipart(DataSource source) throws MessagingException {
        super(source);
    }

    @Override
    protected synchronized void parse() throws MessagingException {
        if (parsed) {
            return;
        }
        InputStream in;
        try {
            in = ds.getInputStream();
        } catch (Exception e) {
            throw new MessagingException("No inputstream from datasource", e);
        }
        if (!(in instanceof SharedInputStream shared)) {
            close(in);
            super.parse();
            return;
        }
        initializeProperties();
        try {
            parse(in, shared);
        } catch (IOException e) {
            throw new MessagingException("IO Error", e);
        } finally {
            close(in);
        }
    }

    private void parse(InputStream in, SharedInputStream shared) throws MessagingException, IOException {
        String boundary = null;
        if (!ignoreExistingBoundaryParameter) {
            String parameter = new ContentType(contentType).getParameter("boundary");
            if (parameter != null) {
                boundary = "--" + parameter;
            }
        }
        if (boundary == null && !ignoreMissingBoundaryParameter && !ignoreExistingBoundaryParameter) {
            throw new ParseException("Missing boundary parameter");
        }
        LineInputStream lines = new LineInputStream(in, false);
        StringBuilder preambleText = null;
        String line;
        while ((line = lines.readLine()) != null) {
            int i = line.length() - 1;
            while (i >= 0 && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i--;
            }
            line = line.substring(0, i + 1);
            if (boundary != null) {
                if (line.equals(boundary)) {
                    break;
                }
                if (line.length() == boundary.length() + 2 && line.startsWith(boundary) && line.endsWith("--")) {
                    line = null;
                    break;
                }
            } else if (line.length() > 2 && line.startsWith("--") && !(line.length() > 4 && allDashes(line))) {
                boundary = line;
                break;
            }
            if (!line.isEmpty()) {
                if (preambleText == null) {
                    preambleText = new StringBuilder(line.length() + 2);
                }
                preambleText.append(line).append(System.lineSeparator());
            }
        }
        if (preambleText != null) {
            preamble = preambleText.toString();
        }
        if (line == null) {
            if (allowEmpty) {
                return;
            }
            throw new ParseException("Missing start boundary");
        }
        byte[] delimiter = boundary.getBytes(StandardCharsets.ISO_8859_1);
        List<BodyPart> found = new ArrayList<>();
        Blocks blocks = new Blocks(shared);
        boolean done = false;
        while (!done) {
            long start = shared.getPosition();
            while ((line = lines.readLine()) != null && !line.isEmpty()) {
                // the part's headers: its body part reads them again from its own stream
            }
            if (line == null) {
                complete = false;
                break;
            }
            long contentStart = shared.getPosition();
            long[] boundaryAt = blocks.next(contentStart, delimiter);
            long end = boundaryAt[0];
            long next = boundaryAt[1];
            if (next == Blocks.LAST) {
                complete = true;
                done = true;
            } else if (next == Blocks.NONE) {
                complete = false;
                done = true;
            } else {
                in.skip(next - contentStart);
            }
            InputStream content = shared.newStream(start, end);
            try {
                found.add(createMimeBodyPart(content));
            } finally {
                close(content);
            }
        }
        parsed = true;
        for (BodyPart part : found) {
            addBodyPart(part);
        }
    }

    private static boolean allDashes(String s) {
        return s.chars().allMatch(c -> c == '-');
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** Forward reads of the shared stream in large blocks, for the boundary search. */
    static final class Blocks {
        static final long LAST = -1;
        static final long NONE = -2;
        private static final int SIZE = 64 * 1024;

        private final SharedInputStream shared;
        private InputStream stream;
        private byte[] buffer = new byte[SIZE];
        private long base;
        private int length;
        private long floor;
        private boolean eof;

        Blocks(SharedInputStream shared) {
            this.shared = shared;
        }

        /**
         * Finds the next boundary in the content starting at {@code from}.
         *
         * @return the content's end, and where the next part starts ({@link #LAST} after the closing
         *         delimiter, {@link #NONE} when the stream ended first: then the content runs to the end)
         */
        long[] next(long from, byte[] delimiter) throws IOException {
            start(from);
            int first = delimiter[0];
            for (long p = from; ; p++) {
                p = find(p, first);
                if (p < 0 || at(p + delimiter.length - 1) < 0) {
                    return new long[] {end(), NONE};
                }
                if (!matches(p, delimiter) || p != from && at(p - 1) != '\r' && at(p - 1) != '\n') {
                    continue;
                }
                int eol = p == from ? 0 : at(p - 1) == '\n' && p - 2 >= from && at(p - 2) == '\r' ? 2 : 1;
                long t = p + delimiter.length;
                int after = at(t);
                if (after == '-' && at(t + 1) == '-') {
                    return new long[] {p - eol, LAST};
                }
                while (after == ' ' || after == '\t') {
                    after = at(++t);
                }
                if (after == '\n') {
                    return new long[] {p - eol, t + 1};
                }
                if (after == '\r') {
                    return new long[] {p - eol, at(t + 1) == '\n' ? t + 2 : t + 1};
                }
            }
        }

        /**
         * The first position from {@code p} on that holds {@code first}, or -1 when the stream ends first:
         * a loop over the block itself, as this is where the search spends its time (a base64 body holds
         * no {@code -}, the delimiter's first byte, so every byte of it passes through here).
         */
        private long find(long p, int first) throws IOException {
            byte wanted = (byte) first;
            long q = p;
            while (true) {
                floor = q - 2;
                if (at(q) < 0) {
                    return -1;
                }
                byte[] block = buffer;
                int end = length;
                for (int i = (int) (q - base); i < end; i++) {
                    if (block[i] == wanted) {
                        floor = base + i - 2; // the search looks back to the line break before it
                        return base + i;
                    }
                }
                q = base + end;
            }
        }

        private boolean matches(long p, byte[] delimiter) throws IOException {
            for (int i = delimiter.length - 1; i >= 0; i--) {
                if (at(p + i) != (delimiter[i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        private void start(long from) throws IOException {
            if (stream != null && from >= base && from <= base + length) {
                return;
            }
            if (stream != null) {
                stream.close();
            }
            stream = shared.newStream(from, -1);
            base = from;
            length = 0;
            eof = false;
        }

        /** The byte at {@code position}, or -1 past the end. */
        private int at(long position) throws IOException {
            if (position < base) {
                stream.close(); // not reached by the search, which keeps what it looks back to
                stream = null;
                start(position);
            }
            while (position >= base + length) {
                if (!more(position)) {
                    return -1;
                }
            }
            return buffer[(int) (position - base)] & 0xFF;
        }

        private boolean more(long position) throws IOException {
            if (eof) {
                return false;
            }
            if (length == buffer.length) {
                // keep what the search may still look back to: two bytes before the candidate
                int keep = (int) Math.min(length, base + length - Math.max(base, floor));
                if (keep > buffer.length / 2) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                } else {
                    System.arraycopy(buffer, length - keep, buffer, 0, keep);
                    base += length - keep;
                    length = keep;
                }
            }
            int n = stream.read(buffer, length, buffer.length - length);
            if (n < 0) {
                eof = true;
                return false;
            }
            length += n;
            return true;
        }

        private long end() throws IOException {
            while (more(base + length)) {
                // read to the end to learn where it is
            }
            return base + length;
        }
    }
}
