package nl.lekwacht.message;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.angus.mail.util.DecodingException;

/**
 * Decodes base64 as Angus Mail's {@code BASE64DecoderStream} does, answer for answer, but four characters
 * at a time from its input block wherever they are all base64: Angus' decoder fetches and tests one
 * character a call, which was an eighth of the screening of a text attachment (issue 16).
 *
 * <p>The same answers for any input and any sequence of calls: the same bytes, the same counts (including
 * its early {@code -1} at a padding character that starts a group), the same {@link DecodingException}s
 * with the same messages when errors are not ignored, characters outside the alphabet skipped, and the
 * same reads of the stream below (blocks of the same size), so that what a reader sees cannot differ.
 * Where a malformed input could be read two ways, this one reads it Angus' way; {@code Base64BlockDecoderTest}
 * compares the two on random input. Not thread-safe (a stream).
 */
final class Base64BlockDecoder extends FilterInputStream {

    /** Angus' block size: about 8 KB of 76-character lines. */
    private static final int BLOCK = 78 * 105;
    private static final int PADDING = -2;
    private static final int NOT_BASE64 = -1;
    /** A byte's value in the alphabet, {@link #PADDING} for {@code =}, else {@link #NOT_BASE64}; never written after class initialisation. */
    private static final byte[] VALUES = values();

    private final boolean ignoreErrors;
    private final byte[] decoded = new byte[3];
    private int decodedSize;
    private int decodedIndex;
    private final byte[] input = new byte[BLOCK];
    private int inputPos;
    private int inputLen;

    Base64BlockDecoder(InputStream in, boolean ignoreErrors) {
        super(in);
        this.ignoreErrors = ignoreErrors;
    }

    private static byte[] values() {
        byte[] values = new byte[256];
        // byte 255 reads as 'A' (value 0), a quirk of Angus' table kept so that no answer differs
        for (int b = 0; b < 255; b++) {
            values[b] = NOT_BASE64;
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int v = 0; v < alphabet.length(); v++) {
            values[alphabet.charAt(v)] = (byte) v;
        }
        values['='] = PADDING;
        return values;
    }

    @Override
    public int read() throws IOException {
        if (decodedIndex >= decodedSize) {
            decodedSize = decode(decoded, 0, decoded.length);
            if (decodedSize <= 0) {
                return -1;
            }
            decodedIndex = 0;
        }
        return decoded[decodedIndex++] & 0xFF;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int start = off;
        while (decodedIndex < decodedSize && len > 0) {
            buf[off++] = decoded[decodedIndex++];
            len--;
        }
        if (decodedIndex >= decodedSize) {
            decodedSize = 0;
            decodedIndex = 0;
        }
        int whole = len / 3 * 3;
        if (whole > 0) {
            int size = decode(buf, off, whole);
            off += size;
            len -= size;
            if (size != whole) {
                // a short decode is the end of the data, or a padding character: the read ends here
                return off == start ? -1 : off - start;
            }
        }
        for (; len > 0; len--) {
            int c = read();
            if (c == -1) {
                break;
            }
            buf[off++] = (byte) c;
        }
        return off == start ? -1 : off - start;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (n-- > 0 && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public int available() throws IOException {
        return in.available() * 3 / 4 + (decodedSize - decodedIndex);
    }

    /** Decodes up to {@code len} bytes (a multiple of three unless the data ends or pads); returns how many. */
    private int decode(byte[] out, int pos, int len) throws IOException {
        int start = pos;
        while (len >= 3) {
            // the fast path: whole groups of four base64 characters in the block
            byte[] block = input;
            int p = inputPos;
            int end = inputLen;
            while (len >= 3 && end - p >= 4) {
                int a = VALUES[block[p] & 0xFF];
                int b = VALUES[block[p + 1] & 0xFF];
                int c = VALUES[block[p + 2] & 0xFF];
                int d = VALUES[block[p + 3] & 0xFF];
                if ((a | b | c | d) < 0) {
                    break;
                }
                int group = a << 18 | b << 12 | c << 6 | d;
                out[pos] = (byte) (group >> 16);
                out[pos + 1] = (byte) (group >> 8);
                out[pos + 2] = (byte) group;
                pos += 3;
                len -= 3;
                p += 4;
            }
            inputPos = p;
            if (len < 3) {
                break;
            }
            // the slow path, one group: line breaks and other characters to skip, padding, the end
            int got = 0;
            int group = 0;
            while (got < 4) {
                int v = next();
                if (v >= 0) {
                    group = group << 6 | v;
                    got++;
                    continue;
                }
                return pos - start + partialGroup(out, pos, got, group, v == -1);
            }
            out[pos] = (byte) (group >> 16);
            out[pos + 1] = (byte) (group >> 8);
            out[pos + 2] = (byte) group;
            pos += 3;
            len -= 3;
        }
        return pos - start;
    }

    /**
     * A group cut short by the end of the data or by padding, after {@code got} characters: the bytes
     * those give (zero when none), the rest of the padding consumed; the decode ends here either way.
     */
    private int partialGroup(byte[] out, int pos, int got, int group, boolean atEnd) throws IOException {
        if (atEnd) {
            if (got == 0) {
                return 0;
            }
            if (!ignoreErrors) {
                throw new DecodingException("BASE64Decoder: Error in encoded stream: needed 4 valid base64 "
                        + "characters but only got " + got + " before EOF" + recentChars());
            }
        } else {
            if (got < 2 && !ignoreErrors) {
                throw new DecodingException("BASE64Decoder: Error in encoded stream: needed at least 2 valid "
                        + "base64 characters, but only got " + got + " before padding character (=)" + recentChars());
            }
            if (got == 0) {
                return 0;
            }
        }
        int size = got == 1 ? 1 : got - 1;
        got++;
        group <<= 6;
        while (got < 4) {
            if (!atEnd) {
                int v = next();
                if (v == -1) {
                    if (!ignoreErrors) {
                        throw new DecodingException("BASE64Decoder: Error in encoded stream: hit EOF while "
                                + "looking for padding characters (=)" + recentChars());
                    }
                } else if (v != PADDING && !ignoreErrors) {
                    throw new DecodingException("BASE64Decoder: Error in encoded stream: found valid base64 "
                            + "character after a padding character (=)" + recentChars());
                }
            }
            group <<= 6;
            got++;
        }
        group >>= 8;
        if (size == 2) {
            out[pos + 1] = (byte) group;
        }
        group >>= 8;
        out[pos] = (byte) group;
        return size;
    }

    /** The next base64 character's value, {@link #PADDING} for {@code =}, or -1 at the end of the data. */
    private int next() throws IOException {
        while (true) {
            if (inputPos >= inputLen) {
                try {
                    inputLen = in.read(input);
                } catch (EOFException e) {
                    return -1;
                }
                if (inputLen <= 0) {
                    return -1;
                }
                inputPos = 0;
            }
            int v = VALUES[input[inputPos++] & 0xFF];
            if (v != NOT_BASE64) {
                return v;
            }
        }
    }

    /** Up to ten characters before the error, as Angus' messages show them. */
    private String recentChars() {
        int count = Math.min(10, inputPos);
        if (count <= 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(", the ").append(count).append(" most recent characters were: \"");
        for (int k = inputPos - count; k < inputPos; k++) {
            char c = (char) (input[k] & 0xFF);
            switch (c) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c >= ' ' && c < 0177) {
                        b.append(c);
                    } else {
                        b.append('\\').append((int) c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
