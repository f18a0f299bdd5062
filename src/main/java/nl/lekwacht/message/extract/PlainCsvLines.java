package nl.lekwacht.message.extract;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads the lines of a CSV file one by one while they are plain: no quote character ({@code "}) and no
 * {@code U+FFFE} (the character commons-csv uses inside for a disabled comment marker or escape). For
 * such a line commons-csv's answer (default format, one-character delimiter, empty lines ignored, cells
 * trimmed) is simply the line split at every delimiter, which costs a fraction of its lexer (issue 16:
 * the CSV parser was a quarter of the screening of a CSV attachment). A line ends at LF, CR or CRLF, as
 * commons-csv reads it.
 *
 * <p>At the first line that is not plain, {@link #rest()} hands that line and everything after it to
 * commons-csv, which starts there in the state it would have been in (at the start of a line).
 * Not thread-safe (a reader).
 */
final class PlainCsvLines {

    private final Reader in;
    private char[] buffer;
    private int pos;
    private int length;
    private boolean eof;
    private boolean quoted;
    private int lineStart;
    private int lineEnd;

    PlainCsvLines(Reader in, int blockSize) {
        this.in = in;
        this.buffer = new char[blockSize];
    }

    /**
     * Moves to the next non-empty plain line.
     *
     * @return false at the end of the file, or at a line that is not plain (then read {@link #rest()})
     */
    boolean next() throws IOException {
        while (true) {
            int end = findLineEnd();
            if (end < 0) {
                quoted = true;
                return false;
            }
            if (end == pos && end == length) {
                return false;
            }
            lineStart = pos;
            lineEnd = end;
            if (end == length) {
                pos = length; // the last line, without a line break
            } else {
                pos = end + 1;
                if (buffer[end] == '\r' && pos < length && buffer[pos] == '\n') {
                    pos++;
                }
            }
            if (lineEnd > lineStart) {
                return true;
            }
            // an empty line: commons-csv ignores it
        }
    }

    /**
     * Where the line that starts at {@code pos} ends (its CR or LF), reading more as needed: {@code length}
     * when the file ends first, -1 when the line is not plain.
     */
    private int findLineEnd() throws IOException {
        int scan = pos;
        while (true) {
            int i = scan;
            while (i < length) {
                char c = buffer[i];
                if (c == '\n' || (c == '\r' && (i + 1 < length || eof))) {
                    return i;
                }
                if (c == '\r') {
                    break; // last in the block: it may be the first half of a CRLF, read on first
                }
                if (c == '"' || c == '\ufffe') {
                    return -1;
                }
                i++;
            }
            if (eof) {
                return length;
            }
            int shift = pos;
            fill();
            scan = i - shift;
        }
    }

    /** Reads more into the buffer, keeping the line being read (moved to the start). */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, length - pos);
            length -= pos;
            pos = 0;
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, length, buffer.length - length);
        if (read < 0) {
            eof = true;
        } else {
            length += read;
        }
    }

    /** The current line's characters. */
    char[] chars() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** After {@link #next()} said false: the rest of the file from the line that is not plain, or null at its end. */
    Reader rest() {
        if (!quoted) {
            return null;
        }
        char[] held = Arrays.copyOfRange(buffer, pos, length);
        return new Reader() {
            private int at;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (at < held.length) {
                    int n = Math.min(len, held.length - at);
                    System.arraycopy(held, at, cbuf, off, n);
                    at += n;
                    return n;
                }
                return in.read(cbuf, off, len);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
