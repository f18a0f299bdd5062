package nl.lekwacht.hold;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

/**
 * Replaces whole MIME parts, found by their IMAP part id, with a given part, and copies every other
 * byte of the message as it was: the header section, the other parts, preambles and epilogues. It
 * works on the raw lines at the multipart boundaries and never decodes or re-encodes a part, so what
 * is kept stays byte for byte what the sender wrote (and a part nobody asked for is never touched).
 * Numbers parts as the message parser does: the children of the top multipart are {@code 1, 2, ...},
 * those of a nested multipart {@code 2.1, 2.2, ...}; an attached message is one part, not entered.
 * Streams: only the current line and one part's header are in memory.
 */
final class AttachmentSplice {

    private static final int MAX_LINE = 8192;
    private static final int MAX_PART_HEADER = 256 * 1024;

    private final byte[] replacement;

    /** @param replacement the part put in place of each withheld one: header, empty line, body ending in CRLF */
    AttachmentSplice(byte[] replacement) {
        this.replacement = replacement.clone();
    }

    /** Copies {@code in} to {@code out} with the parts in {@code withheld} replaced; returns the ids it replaced. */
    Set<String> splice(InputStream in, OutputStream out, Set<String> withheld) throws IOException {
        Lines lines = new Lines(new BufferedInputStream(in, 64 * 1024));
        List<byte[]> header = new ArrayList<>();
        for (Line l = lines.next(); l != null; l = lines.next()) {
            header.add(l.bytes);
            out.write(l.bytes);
            if (l.blank()) {
                break;
            }
        }
        Set<String> done = new LinkedHashSet<>();
        Deque<Frame> frames = new ArrayDeque<>();
        String boundary = boundaryOf(header);
        if (boundary == null) {
            lines.copyRest(out);
            return done;
        }
        frames.push(new Frame(boundary, ""));
        boolean skipping = false;
        for (Line line = lines.next(); line != null; line = lines.next()) {
            Delimiter d = line.whole ? delimiter(line, frames) : null;
            if (d == null) {
                if (!skipping) {
                    out.write(line.bytes);
                }
                continue;
            }
            while (frames.peek() != d.frame()) {
                frames.pop();
            }
            skipping = false;
            out.write(line.bytes);
            if (d.closing()) {
                frames.pop();
                if (frames.isEmpty()) {
                    lines.copyRest(out);
                    return done;
                }
                continue;
            }
            String id = d.frame().nextId();
            List<byte[]> partHeader = new ArrayList<>();
            int headerSize = 0;
            for (Line h = lines.next(); h != null; h = lines.next()) {
                if (h.whole && delimiter(h, frames) != null) {
                    lines.pushBack(h);
                    break;
                }
                partHeader.add(h.bytes);
                headerSize += h.bytes.length;
                if (headerSize > MAX_PART_HEADER) {
                    throw new IOException("a part header is too large to rewrite");
                }
                if (h.blank()) {
                    break;
                }
            }
            if (withheld.contains(id)) {
                out.write(replacement);
                done.add(id);
                skipping = true;
            } else {
                for (byte[] h : partHeader) {
                    out.write(h);
                }
                String inner = boundaryOf(partHeader);
                if (inner != null) {
                    frames.push(new Frame(inner, id));
                }
            }
        }
        return done;
    }

    /** The boundary of a multipart whose header lines these are; null when it is no multipart. */
    private static String boundaryOf(List<byte[]> headerLines) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        headerLines.forEach(all::writeBytes);
        String value = HeaderSection.value(all.toString(StandardCharsets.ISO_8859_1), "content-type");
        if (value.isEmpty()) {
            return null;
        }
        try {
            ContentType type = new ContentType(value);
            String boundary = type.getParameter("boundary");
            return type.getPrimaryType().toLowerCase(Locale.ROOT).equals("multipart") && boundary != null
                    && !boundary.isEmpty() ? boundary : null;
        } catch (ParseException e) {
            return null;
        }
    }

    /** The open multipart this line delimits (the innermost one first), or null when it is content. */
    private static Delimiter delimiter(Line line, Deque<Frame> frames) {
        if (line.bytes.length < 3 || line.bytes[0] != '-' || line.bytes[1] != '-') {
            return null;
        }
        String text = new String(line.bytes, StandardCharsets.ISO_8859_1);
        for (Frame f : frames) {
            String dash = "--" + f.boundary();
            if (text.startsWith(dash)) {
                String rest = text.substring(dash.length());
                boolean closing = rest.startsWith("--");
                if ((closing ? rest.substring(2) : rest).isBlank()) {
                    return new Delimiter(f, closing);
                }
            }
        }
        return null;
    }

    private record Delimiter(Frame frame, boolean closing) {
    }

    /** One open multipart: its boundary, its part id and how many children it has had. */
    private static final class Frame {
        private final String boundary;
        private final String id;
        private int children;

        Frame(String boundary, String id) {
            this.boundary = boundary;
            this.id = id;
        }

        String boundary() {
            return boundary;
        }

        String nextId() {
            children++;
            return id.isEmpty() ? Integer.toString(children) : id + "." + children;
        }
    }

    /** A line with its line break, or a piece of an over-long line ({@code whole} false). */
    private record Line(byte[] bytes, boolean whole) {
        boolean blank() {
            return whole && (bytes.length == 2 && bytes[0] == '\r' || bytes.length == 1) && bytes[bytes.length - 1] == '\n';
        }
    }

    /** Reads lines up to LF; a line longer than {@link #MAX_LINE} comes in pieces, none of them whole. */
    private static final class Lines {
        private final InputStream in;
        private Line pushedBack;
        private boolean midLine;

        Lines(InputStream in) {
            this.in = in;
        }

        Line next() throws IOException {
            if (pushedBack != null) {
                Line l = pushedBack;
                pushedBack = null;
                return l;
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            boolean startedMid = midLine;
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    midLine = false;
                    return new Line(line.toByteArray(), !startedMid);
                }
                if (line.size() >= MAX_LINE) {
                    midLine = true;
                    return new Line(line.toByteArray(), false);
                }
            }
            midLine = false;
            return line.size() == 0 ? null : new Line(line.toByteArray(), !startedMid);
        }

        void pushBack(Line line) {
            pushedBack = line;
        }

        void copyRest(OutputStream out) throws IOException {
            if (pushedBack != null) {
                out.write(pushedBack.bytes);
                pushedBack = null;
            }
            in.transferTo(out);
        }
    }
}
